//! The classic signed URL's own parameters (vendors.md §1); the interface
//! parameters it shares with the JWT URL are Sigma's, in `schemes/sigma`.

use crate::catalogue::{opt, req, Allowed, ParamSpec};

const TEXT: Allowed = Allowed::Text;

/// The classic URL's identity and security parameters.
pub const IDENTITY: &[ParamSpec] = &[
    req(
        ":nonce",
        "Single-use random string (at most 255 characters); refused when reused.",
        TEXT,
    ),
    req(":client_id", "Client id of the embed credentials.", TEXT),
    req(":email", "The embed user's email address.", Allowed::Email),
    req(
        ":external_user_id",
        "Your application's stable id for the user.",
        TEXT,
    ),
    req(
        ":external_user_team",
        "Team(s) the user belongs to, comma-separated.",
        Allowed::CommaList,
    ),
    opt(
        ":account_type",
        "Account type: View, Act, Analyze, Build, Admin (current defaults), a legacy name (Viewer, Creator, Explorer, Lite, Essential, Pro) or a custom type; the highest type when absent.",
        Allowed::BuiltInOrCustom(crate::schemes::sigma::account_types::ALL),
    ),
    req(
        ":mode",
        "Embed mode: userbacked for secure embeds (view and explore are the older application-embed modes).",
        Allowed::OneOf(&["userbacked", "view", "explore"]),
    ),
    req(
        ":session_length",
        "Seconds the embed session lasts.",
        Allowed::Seconds { min: 1, max: None },
    ),
    req(
        ":time",
        "Unix time (seconds) when the URL was signed.",
        Allowed::UnixTime,
    ),
    req(
        ":signature",
        "Lowercase hex HMAC-SHA256 of everything before it, keyed with the secret.",
        Allowed::Signature,
    ),
];
