//! The JWT URL's parameters, the interface parameters Sigma allows beside
//! a token, and the claims it reads (vendors.md §2).

use crate::catalogue::{opt, req, Allowed, ParamSpec};

const BOOL: Allowed = Allowed::Bool;

/// The JWT URL's own parameters.
pub const URL_PARAMS: &[ParamSpec] = &[
    req(
        ":jwt",
        "The HS256-signed token carrying the user's identity.",
        Allowed::Signature,
    ),
    req(
        ":embed",
        "Marks the URL as an embed.",
        Allowed::OneOf(&["true"]),
    ),
    opt(
        ":hide_explore_toggle",
        "Hide the explore toggle (JWT URLs only).",
        BOOL,
    ),
];

/// The interface parameters Sigma allows beside a JWT (unsigned, in the
/// URL); the others are claims, account-type permissions, or unsupported.
pub const ALLOWED_BESIDE: &[&str] = &[
    ":jwt",
    ":embed",
    ":hide_bookmarks",
    ":hide_explore_toggle",
    ":hide_folder_navigation",
    ":hide_menu",
    ":hide_tooltip",
    ":lng",
    ":lng_variant",
    ":menu_position",
    ":responsive_height",
    ":theme",
];

/// Meanings of the JWT claims Sigma reads.
pub fn claim_meaning(claim: &str) -> Option<&'static str> {
    Some(match claim {
        "sub" => "The embed user's email address.",
        "jti" => "Single-use token id; Sigma stores it and refuses a reuse.",
        "iat" => "Issued at (Unix seconds).",
        "exp" => "Expires at (Unix seconds); exp - iat at most 2592000.",
        "iss" => "Issuer: the client id.",
        "ver" => "Claims version: 1.0 (default) or 1.1.",
        "aud" => "Audience: sigmacomputing (required by ver 1.1).",
        "account_type" => "Account type (highest type when absent).",
        "teams" => "Teams the user belongs to (array of names).",
        "user_attributes" => "User attributes (object of strings).",
        "eval_connection_id" => "Connection to evaluate the workbook against.",
        "first_name" => "The embed user's first name.",
        "last_name" => "The embed user's last name.",
        "oauth_token" => "OAuth token passed to the warehouse connection.",
        "connection_oauth_tokens" => "Per-connection OAuth tokens (ver 1.1, encrypted).",
        _ => return None,
    })
}
