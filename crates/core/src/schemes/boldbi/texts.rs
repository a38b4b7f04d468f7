//! What the local host shows for a refused Bold BI URL. Bold BI documents
//! no texts for these, so every one is Embed Sandbox's own (`Product`).

use crate::verdict::Reason;

/// Our text for `reason`.
pub fn message(reason: Reason) -> &'static str {
    match reason {
        Reason::UnknownClientId => "Unknown embed client.",
        Reason::InvalidSignature => "The embed signature is invalid.",
        Reason::Expired => "The embed URL has expired.",
        Reason::TimeInFuture => "embed_timestamp lies in the future beyond the allowed clock skew.",
        Reason::NonceReused => "This embed_nonce was already used.",
        Reason::InvalidEmail => "embed_user_email is not a valid email address.",
        Reason::InvalidExpiration => "embed_expirationtime is invalid.",
        Reason::UnknownEmbed => "Dashboard not found.",
        Reason::InternalUser => "This user may not be embedded.",
        // The rest (mode, lifetimes, teams, account types, a missing
        // parameter, any reason another scheme declares) in one text.
        _ => "A required embed parameter is missing or invalid.",
    }
}
