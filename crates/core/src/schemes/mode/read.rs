//! Checking a received Mode URL's signature over the bytes as received:
//! the request string is rebuilt from everything before `&signature=` and
//! the `timestamp` as sent, so a URL another signer built (its own order,
//! its own escapes) verifies exactly when its signature covers what came.

use super::sign::{request_string, tag, SIGNATURE_PARAM, TIMESTAMP_PARAM};
use crate::mac::tags_equal;
use crate::query::ParsedUrl;
use crate::secret::Secret;
use crate::signature::SignatureCheck;

/// The URL as signed (everything before the last `&signature=`) and the
/// signature received, if the URL has one.
pub fn split(url: &ParsedUrl) -> Option<(String, String)> {
    let sent = url.sent();
    let marker = format!("&{SIGNATURE_PARAM}=");
    let (unsigned, signature) = sent.rsplit_once(&marker)?;
    Some((unsigned.to_owned(), signature.to_owned()))
}

/// Checks `url`'s signature with `secret`.
pub fn check_signature(url: &ParsedUrl, secret: &Secret) -> SignatureCheck {
    let Some((unsigned, received)) = split(url) else {
        return SignatureCheck::Missing;
    };
    let timestamp = url
        .first(TIMESTAMP_PARAM)
        .map(|p| p.raw_value_or_empty().to_owned())
        .unwrap_or_default();
    let expected = tag(secret, &request_string(&unsigned, &timestamp));
    if tags_equal(&expected, &received) {
        SignatureCheck::Valid
    } else {
        SignatureCheck::Invalid
    }
}
