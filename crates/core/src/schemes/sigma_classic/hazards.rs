//! The classic URL's own hazards: what Sigma's samples send that its docs
//! do not (a fractional `:time`, `:mode=view`, `%2C` commas, encoded
//! names), and a nonce over Sigma's limit.

use crate::facts::{split_list, EmbedFacts};
use crate::model::hazard::{Hazard, Severity};
use crate::query::RawParam;

/// Hazards of a documented classic parameter beyond its value check.
pub fn parameter(param: &RawParam, found: &mut Vec<Hazard>) {
    let name = param.name.as_str();
    let raw = param.raw_value_or_empty();
    if name == ":nonce" && param.value.chars().count() > 255 {
        found.push(Hazard::new(
            "out-of-range",
            Severity::Error,
            Some(name),
            ":nonce is longer than 255 characters.".into(),
            "Use a UUID.",
        ));
    }
    if name == ":external_user_team" && raw.to_ascii_uppercase().contains("%2C") {
        let teams = split_list(param);
        found.push(Hazard::new(
            "encoded-comma",
            Severity::Info,
            Some(name),
            format!("{name} encodes its comma as %2C (Sigma's Node signing package and an older help example do); it still separates, so this is {} team(s): {}.", teams.len(), teams.join(" | ")),
            "Nothing to change if these are the teams you meant; a team name cannot contain a comma.",
        ));
    }
    if matches!(name, ":external_user_team" | ":account_type" | ":theme")
        && needless_escape(raw).is_some()
    {
        found.push(Hazard::new(
            "encoded-name",
            Severity::Info,
            Some(name),
            format!("{name} percent-encodes {}, which could travel as it is; Sigma's help says team names, account types and theme names must not be encoded (an older example does encode them).", needless_escape(raw).unwrap_or_default()),
            "If the name is not found, compare it with the admin portal's spelling; escape only what would break the URL (&, #, +, %, spaces, non-ASCII).",
        ));
    }
}

/// The first escape in `raw` that did not need escaping (`%5F` for `_`),
/// as `%5F ('_')`. A space (`%20`), `&`, `#`, `+`, `%`, a comma (its own
/// hazard), a control character or a non-ASCII byte cannot travel raw, so
/// escaping them (or a character URLs never carry raw, like `"` or `{`) is
/// what every URL encoder must do, never an "encoded name".
fn needless_escape(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    (0..bytes.len()).find_map(|i| {
        if bytes[i] != b'%' {
            return None;
        }
        let hex = raw.get(i + 1..i + 3)?;
        let byte = u8::from_str_radix(hex, 16).ok()?;
        let needed = !byte.is_ascii_graphic()
            || matches!(byte, b'&' | b'#' | b'+' | b'%' | b',')
            || matches!(
                byte,
                b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
            );
        (!needed).then(|| format!("%{hex} ({:?})", char::from(byte)))
    })
}

/// A fractional `:time` and a legacy `:mode`: accepted as Sigma's own
/// samples send them, named so the user can decide.
pub fn samples_oddities(facts: &EmbedFacts, found: &mut Vec<Hazard>) {
    if let Some(value) = &facts.fractional_time {
        found.push(Hazard::new(
            "fractional-time",
            Severity::Warning,
            Some(":time"),
            format!(":time is {value}, with a fraction of a second (Sigma's Python signing package sends time.time()). Sigma documents whole Unix seconds; it is read here as {} (the setting sigma-strict-time refuses it instead).", facts.issued_at.unwrap_or_default()),
            "Send whole seconds: int(time.time()) in Python, Math.floor(Date.now() / 1000) in JavaScript.",
        ));
    }
    if let Some(mode) = facts
        .mode
        .as_deref()
        .filter(|m| matches!(*m, "view" | "explore"))
    {
        found.push(Hazard::new(
            "legacy-mode",
            Severity::Warning,
            Some(":mode"),
            format!(":mode={mode} is one of the older application-embed modes (view, explore) that Sigma's Node signing package still sends; secure embeds document :mode=userbacked, and what Sigma does with {mode} today is unconfirmed (the local host accepts it unless sigma-refuse-legacy-modes is on)."),
            "Send :mode=userbacked, with :account_type for the user's permissions.",
        ));
    }
}
