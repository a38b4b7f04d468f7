//! What a Sigma embed shows when it refuses, in Sigma's words where Sigma
//! documents them (help "Secure embed error code reference"), in ours
//! (marked `Product`) where it does not.

use crate::verdict::{Reason, Wording};

/// Sigma's text for a refused client id or a user without a team.
pub const NO_PERMISSION: &str = "You don't have permission to access this page.";
/// Sigma's text for an embed expired at load, curly apostrophe and all.
pub const EXPIRED_AT_LOAD: &str =
    "You don\u{2019}t have permission to access this page. Sigma embed is expired.";
/// What the product says about the two expiry texts.
pub const EXPIRY_TEXTS_NOTE: &str = "Sigma gives one cause (\"Session length has been exceeded\") for two texts; that this one shows at load and \"Session expired. Reload the page.\" once the embed is open is Embed Sandbox's reading.";

/// The text, whose words they are, and the code, for `reason`;
/// `expired_code` is the code an expired embed carries (the JWT's `EINVAL`).
pub fn message(
    reason: Reason,
    expired_code: Option<&'static str>,
) -> (&'static str, Wording, Option<&'static str>) {
    use Wording::{Product, Vendor};
    match reason {
        Reason::UnknownClientId | Reason::NoTeam => (NO_PERMISSION, Vendor, None),
        Reason::InvalidSignature => (
            "You don't have permission to access this page. Invalid embed signature.",
            Vendor,
            None,
        ),
        // The vendor's text has a curly apostrophe, unlike its others.
        // That this one shows at load (and "Session expired. Reload the
        // page." once open) is our reading: Sigma gives one cause for both.
        Reason::Expired => (
            EXPIRED_AT_LOAD,
            Vendor,
            // Sigma's code list: EINVAL is also "the JWT is expired".
            expired_code,
        ),
        Reason::TimeInFuture => (
            "The embed URL's issue time lies in the future beyond the allowed clock skew.",
            Product,
            None,
        ),
        Reason::NonceReused => (
            "This embed URL was already used: its nonce is spent.",
            Product,
            Some("EINVAL"),
        ),
        Reason::WrongMode => ("Invalid embed request.", Vendor, None),
        Reason::InvalidEmail => ("Invalid embed request. \":email\" is not valid.", Vendor, None),
        Reason::SessionLengthTooLong => (
            "Invalid embed request. \":session_length\" exceeds maximum",
            Vendor,
            None,
        ),
        Reason::JwtLifetimeTooLong => (
            "The JWT's exp - iat exceeds 2592000 seconds (30 days).",
            Product,
            None,
        ),
        Reason::OAuthNeedsVersion11 => (
            "connection_oauth_tokens is only supported in ver 1.1",
            Vendor,
            Some("EINVAL"),
        ),
        Reason::InvalidExpiration => ("Invalid embed request.", Product, None),
        Reason::UnknownTeam => (
            "The specified teams in \":external_user_team\" do not exist. Please check spelling or create new teams in the admin portal.",
            Vendor,
            None,
        ),
        Reason::UnknownEmbed => (
            "The page you're looking for does not exist. Embed not found.",
            Vendor,
            None,
        ),
        Reason::InternalUser => (
            "This email belongs to an internal Sigma user and cannot be used for an embed user.",
            Product,
            Some("EACCES"),
        ),
        Reason::UnknownAccountType => (
            "Invalid embed request: the account type does not exist in this organisation.",
            Product,
            Some("EINVAL"),
        ),
        Reason::MissingParameter => (
            "Invalid embed request: a required parameter is missing or mistyped.",
            Product,
            Some("EINVAL"),
        ),
        // A reason another scheme declares for itself: never Sigma's.
        _ => ("Invalid embed request.", Product, None),
    }
}
