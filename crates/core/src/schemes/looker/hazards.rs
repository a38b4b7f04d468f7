//! Looker's own hazards: lower-case escapes in the path (Looker answers
//! 404), a raw '+' in the Base64 signature, and spaced JSON (fine, but
//! worth knowing when comparing with another signer's output).

use crate::model::hazard::{Hazard, Severity};
use crate::query::{ParsedUrl, RawParam};

/// A raw '+' in the signature reaches Looker as a space.
pub fn signature(sig: &RawParam, found: &mut Vec<Hazard>) {
    if sig.raw_value_or_empty().contains('+') {
        found.push(Hazard::new(
            "raw-plus",
            Severity::Warning,
            Some(&sig.name),
            "The Base64 signature carries a raw '+', which reaches Looker as a space (Looker: an unescaped + fails intermittently).".into(),
            "Escape the signature as a URL component (+ as %2B, / as %2F, = as %3D).",
        ));
    }
}

/// The path's escapes and the JSON's spacing.
pub fn whole(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    let path = url
        .base
        .split_once("://")
        .map_or(url.base.as_str(), |(_, rest)| rest);
    if crate::encoding::has_lowercase_escape(path) {
        found.push(Hazard::new(
            "lowercase-escape",
            Severity::Error,
            None,
            "The embed path uses lower-case escapes (like %2f); Looker answers 404 for them."
                .into(),
            "Escape the embed URL with upper-case escapes (%2F), as encodeURIComponent does.",
        ));
    }
    let spaced = url
        .params
        .iter()
        .filter(|p| {
            matches!(
                p.name.as_str(),
                "permissions" | "models" | "user_attributes" | "access_filters" | "group_ids"
            )
        })
        .any(|p| p.value.contains(", ") || p.value.contains("\": "));
    if spaced {
        found.push(Hazard::new(
            "spaced-json",
            Severity::Info,
            None,
            "The JSON values are spaced (as Python's json.dumps writes them). Looker signs the text as sent, so this verifies; another signer's compact JSON gives a different signature for the same values.".into(),
            "Nothing to change; compare signers on the exact text, not the values.",
        ));
    }
}
