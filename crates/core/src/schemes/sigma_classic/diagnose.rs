//! Why a classic signature does not match: uppercase hex, a hex-decoded
//! secret, or only the query signed (vendors.md §10).

use super::{signature_param, signed_message};
use crate::mac::{hmac_sha256, tags_equal};
use crate::query::ParsedUrl;
use crate::secret::Secret;

/// The classic URL's common signing mistakes, each an HMAC away.
pub fn cause(url: &ParsedUrl, secret: &Secret) -> Option<(String, String)> {
    let param = signature_param(url)?;
    let message = signed_message(url, param);
    let received = param.raw_value_or_empty();
    let expected = hex::encode(hmac_sha256(secret, message.as_bytes()));
    if tags_equal(&expected, &received.to_ascii_lowercase()) {
        return Some((
            "The signature is right but written in uppercase hex; Sigma's samples send lowercase."
                .into(),
            "Print the HMAC as lowercase hex (digest('hex') in Node, hexdigest() in Python)."
                .into(),
        ));
    }
    if let Ok(decoded_key) = hex::decode(secret.expose()) {
        let key = Secret::from_bytes(decoded_key);
        if tags_equal(
            &hex::encode(hmac_sha256(&key, message.as_bytes())),
            received,
        ) {
            return Some((
                "The signer hex-decoded the secret before using it as the HMAC key.".into(),
                "Use the secret string's UTF-8 bytes as the key, as it looks (Buffer.from(secret, 'utf8')), even though it looks like hex.".into(),
            ));
        }
    }
    let query_only = url.query_without(param);
    if tags_equal(
        &hex::encode(hmac_sha256(secret, query_only.as_bytes())),
        received,
    ) {
        return Some((
            "The signer MACed only the query string; Sigma signs the whole URL (scheme, host, path, '?' and query).".into(),
            "HMAC embed_path + '?' + parameters, exactly the bytes before &:signature=.".into(),
        ));
    }
    None
}
