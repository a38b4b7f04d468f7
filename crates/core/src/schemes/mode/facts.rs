//! What a Mode URL claims: its access key, its signing time and the expiry
//! the default timestamp window gives it (the window in force is a setting:
//! [`super::settings::TIMESTAMP_WINDOW`]).

use super::settings::DEFAULT_WINDOW;
use super::sign::{ACCESS_KEY_PARAM, TIMESTAMP_PARAM};
use crate::facts::{number, value, EmbedFacts};
use crate::query::ParsedUrl;

/// What a Mode URL claims, read from its parameters.
pub fn read(url: &ParsedUrl) -> EmbedFacts {
    let mut unreadable = Vec::new();
    let issued_at = number(url, TIMESTAMP_PARAM, &mut unreadable);
    EmbedFacts {
        client_id: value(url, ACCESS_KEY_PARAM),
        issued_at,
        lifetime: Some(DEFAULT_WINDOW),
        expires_at: issued_at.map(|t| t.saturating_add(DEFAULT_WINDOW)),
        unreadable,
        ..EmbedFacts::default()
    }
}
