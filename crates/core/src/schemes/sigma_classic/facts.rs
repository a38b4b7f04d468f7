//! What a classic signed URL claims: its parameters, with lists split as
//! Sigma splits them and a fractional `:time` noted (the Python sample's).

use crate::facts::{number, split_list, value, whole_seconds_of_fraction, EmbedFacts};
use crate::query::ParsedUrl;

/// What a classic URL claims, read from its parameters.
pub fn read(url: &ParsedUrl) -> EmbedFacts {
    let mut unreadable = Vec::new();
    let fractional_time = url
        .first(":time")
        .map(|p| p.value.trim())
        .filter(|v| whole_seconds_of_fraction(v).is_some())
        .map(str::to_owned);
    let issued_at = match &fractional_time {
        Some(value) => whole_seconds_of_fraction(value),
        None => number(url, ":time", &mut unreadable),
    };
    let lifetime = number(url, ":session_length", &mut unreadable);
    let user_attributes = url
        .params
        .iter()
        .filter_map(|p| {
            p.name
                .strip_prefix(":ua_")
                .map(|name| (name.to_owned(), split_list(p)))
        })
        .collect();
    EmbedFacts {
        client_id: value(url, ":client_id"),
        email: value(url, ":email"),
        external_user_id: value(url, ":external_user_id"),
        teams: url.first(":external_user_team").map(split_list),
        account_type: value(url, ":account_type"),
        mode: value(url, ":mode"),
        nonce: value(url, ":nonce"),
        expires_at: issued_at.zip(lifetime).map(|(t, l)| t.saturating_add(l)),
        issued_at,
        lifetime,
        user_attributes,
        first_name: value(url, ":first_name"),
        last_name: value(url, ":last_name"),
        jwt: None,
        unreadable,
        fractional_time,
    }
}
