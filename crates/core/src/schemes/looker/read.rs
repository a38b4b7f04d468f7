//! Reads a received Looker URL back into the text it was signed over,
//! from the values *as received* (spaced or compact JSON alike), and checks
//! its signature in constant time.

use super::sign::{string_to_sign, Algorithm};
use super::SIGNATURE_PARAM;
use crate::mac::tags_equal;
use crate::query::ParsedUrl;
use crate::secret::Secret;
use crate::signature::SignatureCheck;

/// The signed parameters in signing order; `group_ids`,
/// `external_group_id` and `user_attributes` only when present.
pub const SIGNED_LINES: [&str; 10] = [
    "nonce",
    "time",
    "session_length",
    "external_user_id",
    "permissions",
    "models",
    "group_ids",
    "external_group_id",
    "user_attributes",
    "access_filters",
];
const OPTIONAL: [&str; 3] = ["group_ids", "external_group_id", "user_attributes"];

/// The host (`host[:port]`) and raw path of a URL's base.
fn host_and_path(base: &str) -> Option<(&str, &str)> {
    let rest = base.split_once("://").map_or(base, |(_, rest)| rest);
    let at = rest.find('/')?;
    Some((&rest[..at], &rest[at..]))
}

/// The text `url` was signed over, for the host it was sent to (`host`,
/// or the URL's own when `None`); `Err` names the first signed parameter
/// that is missing.
pub fn signed_string(url: &ParsedUrl, host: Option<&str>) -> Result<String, &'static str> {
    let (own_host, path) = host_and_path(&url.base).ok_or("path")?;
    let mut values = Vec::with_capacity(SIGNED_LINES.len());
    for name in SIGNED_LINES {
        match url.first(name) {
            Some(param) => values.push(param.value.as_str()),
            None if OPTIONAL.contains(&name) => {}
            None => return Err(name),
        }
    }
    Ok(string_to_sign(host.unwrap_or(own_host), path, &values))
}

/// Checks the signature with `algorithm` over the values as received.
pub fn check_signature(
    url: &ParsedUrl,
    host: Option<&str>,
    secret: &Secret,
    algorithm: Algorithm,
) -> SignatureCheck {
    let Some(signature) = url.params.iter().rev().find(|p| p.name == SIGNATURE_PARAM) else {
        return SignatureCheck::Missing;
    };
    let Ok(message) = signed_string(url, host) else {
        return SignatureCheck::Invalid;
    };
    // A raw '+' reaches Looker as a space ("fails intermittently"): the
    // decoded value is what Looker compares.
    if tags_equal(&algorithm.tag(secret, message.as_bytes()), &signature.value) {
        SignatureCheck::Valid
    } else {
        SignatureCheck::Invalid
    }
}
