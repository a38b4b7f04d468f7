//! Why a Bold BI signature does not match (vendors.md §4 and §10).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::{check_signature, signature_param, signed_lowercased, signed_string};
use crate::mac::{hmac_sha256, tags_equal};
use crate::query::ParsedUrl;
use crate::secret::Secret;

/// Bold BI's common signing mistakes: a raw '+' read as a space, the old
/// sample's `ToLower()`, the '?' or dashboard URL signed too.
pub fn cause(url: &ParsedUrl, secret: &Secret, plus_as_space: bool) -> Option<(String, String)> {
    let param = signature_param(url)?;
    let raw = param.raw_value_or_empty();
    if plus_as_space
        && raw.contains('+')
        && check_signature(url, secret, false) == crate::signature::SignatureCheck::Valid
    {
        return Some((
            "The signature is right, but it carries a raw '+', which this server setting reads as a space.".into(),
            "Percent-escape the Base64 signature (+ as %2B, / as %2F, = as %3D) when appending it.".into(),
        ));
    }
    if signed_lowercased(url, secret) {
        return Some((
            "The signature matches the query lowercased: the signer called ToLower() on the parameters (an old vendor sample does), but the URL went out in its original case.".into(),
            "Sign the parameters exactly as they are sent; drop the ToLower() call.".into(),
        ));
    }
    let message = signed_string(url, param);
    let received = crate::encoding::decode_component(raw, false).unwrap_or_default();
    let candidates = [
        (format!("?{message}"), "the leading '?'"),
        (
            format!("{}?{message}", url.base),
            "the dashboard URL and '?'",
        ),
    ];
    for (candidate, what) in candidates {
        if tags_equal(
            &STANDARD.encode(hmac_sha256(secret, candidate.as_bytes())),
            &received,
        ) {
            return Some((
                format!("The signer included {what} in the signed text; Bold BI signs the query string alone."),
                "HMAC only the parameters (embed_nonce=...&...), without '?' or the dashboard URL.".into(),
            ));
        }
    }
    None
}
