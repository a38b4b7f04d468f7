//! What a Looker signed embed URL claims. Every value is JSON text; it is
//! read as JSON where it parses and kept as sent where it does not (the
//! signature covers the text, not its meaning).

use serde_json::Value;

use super::TIME_WINDOW;
use crate::facts::{number, EmbedFacts};
use crate::query::ParsedUrl;

/// A JSON string value as text; anything else (a number, invalid JSON) as sent.
pub fn json_text(url: &ParsedUrl, name: &str) -> Option<String> {
    let raw = &url.first(name)?.value;
    Some(match serde_json::from_str::<Value>(raw) {
        Ok(Value::String(text)) => text,
        _ => raw.clone(),
    })
}

/// The decoded JSON of a parameter, if it is JSON.
pub fn json(url: &ParsedUrl, name: &str) -> Option<Value> {
    serde_json::from_str(&url.first(name)?.value).ok()
}

/// What a Looker URL claims. Its validity as a URL is Looker's 5-minute
/// window around `time`; `session_length` is the session's, checked apart.
pub fn read(url: &ParsedUrl) -> EmbedFacts {
    let mut unreadable = Vec::new();
    let issued_at = number(url, "time", &mut unreadable);
    // A session length that is not whole seconds (`-1`, `1.5`) is refused
    // as unreadable, never read as the 300 s default.
    let _session_length = number(url, "session_length", &mut unreadable);
    let user_attributes = match json(url, "user_attributes") {
        Some(Value::Object(map)) => map
            .into_iter()
            .map(|(name, value)| {
                let text = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned);
                (name, vec![text])
            })
            .collect(),
        _ => Vec::new(),
    };
    let name = |field: &str| json_text(url, field).filter(|n| n != "null");
    EmbedFacts {
        external_user_id: json_text(url, "external_user_id"),
        nonce: json_text(url, "nonce"),
        expires_at: issued_at.map(|t| t.saturating_add(TIME_WINDOW)),
        lifetime: issued_at.map(|_| TIME_WINDOW),
        issued_at,
        user_attributes,
        first_name: name("first_name"),
        last_name: name("last_name"),
        unreadable,
        ..EmbedFacts::default()
    }
}
