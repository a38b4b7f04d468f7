//! What Looker shows when it refuses: its Embed URI Validator's texts where
//! Looker documents them ("Troubleshooting signed embed authentication
//! errors"), its browser failure page (misspelling included) otherwise, and
//! ours (marked `Product`) where Looker says nothing.

use crate::verdict::{Reason, Wording};

/// The browser's failure page for a refused signed embed, exactly (sic).
pub const SSO_FAILURE: &str = "Single sign on failure. Please contact an adinistrator.";

/// The text, whose words they are, and the code, for `reason`.
pub fn message(reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
    use Wording::{Product, Vendor};
    match reason {
        Reason::InvalidSignature => (
            "Embed URI is not valid: - 'signature' param failed to authenticate",
            Vendor,
            None,
        ),
        Reason::Expired | Reason::TimeInFuture => (
            "Embed URI is not valid: - 'time' param is not within 5 minutes of the server's system time",
            Vendor,
            None,
        ),
        // Looker documents single use, not the text it shows for a reuse.
        Reason::NonceReused => (
            "This signed embed URL was already used: each one works once (Looker's text for this is unconfirmed).",
            Product,
            None,
        ),
        Reason::SessionLengthTooLong => (
            "session_length exceeds 2592000 seconds (30 days).",
            Product,
            None,
        ),
        Reason::UnknownEmbed => ("Not found: the embedded content does not exist.", Product, None),
        _ => (SSO_FAILURE, Vendor, None),
    }
}
