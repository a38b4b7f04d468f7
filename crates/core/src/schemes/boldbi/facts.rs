//! What a Bold BI URL claims (vendors.md §4), read from the signed string
//! only: a parameter in front of `embed_nonce` never names the user or sets
//! the time.

use super::sign::{signed_view, DEFAULT_VALIDITY};
use crate::facts::{number, value, EmbedFacts};
use crate::query::ParsedUrl;

/// What a Bold BI URL claims: the user, the nonce and, when timestamped,
/// its validity.
pub fn read(url: &ParsedUrl) -> EmbedFacts {
    let url = &signed_view(url);
    let mut unreadable = Vec::new();
    let issued_at = number(url, "embed_timestamp", &mut unreadable);
    let expiration = number(url, "embed_expirationtime", &mut unreadable);
    let lifetime = issued_at.map(|_| expiration.unwrap_or(DEFAULT_VALIDITY));
    EmbedFacts {
        email: value(url, "embed_user_email"),
        nonce: value(url, "embed_nonce"),
        expires_at: issued_at.zip(lifetime).map(|(t, l)| t.saturating_add(l)),
        issued_at,
        lifetime,
        unreadable,
        ..EmbedFacts::default()
    }
}
