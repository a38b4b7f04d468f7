//! Looker's signed embed parameters (vendors.md §5; API type
//! `EmbedSsoParams`). Every value is JSON text.

use super::MAX_SESSION_LENGTH;
use crate::catalogue::{opt, req, Allowed, ParamSpec};

const TEXT: Allowed = Allowed::Text;

/// Every parameter of a signed embed URL, signed ones first.
pub const PARAMS: &[ParamSpec] = &[
    req("nonce", "Single-use value (a JSON string); each URL works once.", TEXT),
    req("time", "Unix time (seconds) of signing; must be within 5 minutes of Looker's clock.", Allowed::UnixTime),
    req(
        "session_length",
        "Seconds the embed session lasts (at most 2592000; the API's default is 300).",
        Allowed::Seconds { min: 0, max: Some(MAX_SESSION_LENGTH) },
    ),
    req("external_user_id", "Your application's id for the user (a JSON string).", TEXT),
    req("permissions", "Looker permissions granted (a JSON array: access_data, see_user_dashboards, ...).", TEXT),
    req("models", "Models the user may query (a JSON array of names).", TEXT),
    opt("group_ids", "Looker groups the user joins (a JSON array of numbers); signed when present.", TEXT),
    opt("external_group_id", "Your application's group id (a JSON string); signed when present.", TEXT),
    opt("user_attributes", "User attributes (a JSON object of strings); signed when present.", TEXT),
    req(
        "access_filters",
        "Access filters (a JSON object; deprecated but always signed: send {} when unused).",
        TEXT,
    ),
    opt("first_name", "The user's first name (a JSON string; not signed).", TEXT),
    opt("last_name", "The user's last name (a JSON string; not signed).", TEXT),
    opt("user_timezone", "The user's time zone (a JSON string or null; not signed).", TEXT),
    opt(
        "force_logout_login",
        "Log out any user already signed in to Looker first (not signed; default true).",
        Allowed::Bool,
    ),
    req(
        "signature",
        "Base64 HMAC (SHA-1, or SHA-256 for API-made secrets) of the host, path and signed values, one per line.",
        Allowed::Signature,
    ),
];
