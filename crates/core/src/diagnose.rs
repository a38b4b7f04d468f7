//! Says *why* a signature does not match, when a common mistake explains it.
//!
//! A bare "invalid signature" sends people hunting for hours. The usual
//! causes (vendors.md, section 5) can each be tested directly: a secret with
//! whitespace pasted in, a hex secret decoded before use, uppercase hex, the
//! old Bold BI sample's `ToLower()`, a raw `+` read as a space, signing the
//! wrong span of the URL. Each candidate is an HMAC away.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::mac::{hmac_sha256, tags_equal};
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::verify::Judge;
use crate::{boldbi, sigma_classic};

const GENERIC_FIX: &str = "Compare the secret's fingerprint with the one the signing server uses, and make sure nothing (a proxy, a template, a URL builder) reorders, re-encodes or edits the URL after signing.";

/// Explanation and fix for a signature that does not match.
pub fn signature_mismatch(url: &ParsedUrl, scheme: Scheme, judge: &Judge<'_>) -> (String, String) {
    let secret = judge.secret;
    let found = match scheme {
        Scheme::SigmaClassic => sigma_classic_cause(url, secret),
        Scheme::BoldBi => boldbi_cause(url, secret, judge.policy.boldbi_plus_as_space),
        Scheme::SigmaJwt => trimmed_secret(secret).and_then(|trimmed| {
            let token = crate::sigma_jwt::token(url)?;
            (crate::sigma_jwt::check_signature(token, &trimmed)
                == crate::signature::SignatureCheck::Valid)
                .then(whitespace_cause)
        }),
    };
    found.unwrap_or_else(|| {
        (
            format!(
                "The signature does not match the received URL under the secret with fingerprint {}: either the signer used another secret, or the URL changed after signing.",
                secret.fingerprint()
            ),
            GENERIC_FIX.to_owned(),
        )
    })
}

fn whitespace_cause() -> (String, String) {
    (
        "The signature matches the secret with its surrounding whitespace removed: the secret given here has leading or trailing whitespace.".into(),
        "Remove the whitespace (often a newline) pasted with the secret.".into(),
    )
}

fn trimmed_secret(secret: &Secret) -> Option<Secret> {
    if !secret.has_surrounding_whitespace() {
        return None;
    }
    let text = String::from_utf8_lossy(secret.expose()).trim().to_owned();
    Some(Secret::new(text))
}

fn sigma_classic_cause(url: &ParsedUrl, secret: &Secret) -> Option<(String, String)> {
    let param = sigma_classic::signature_param(url)?;
    let message = sigma_classic::signed_message(url, param);
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
    if let Some(trimmed) = trimmed_secret(secret) {
        if tags_equal(
            &hex::encode(hmac_sha256(&trimmed, message.as_bytes())),
            received,
        ) {
            return Some(whitespace_cause());
        }
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

fn boldbi_cause(url: &ParsedUrl, secret: &Secret, plus_as_space: bool) -> Option<(String, String)> {
    let param = boldbi::signature_param(url)?;
    let raw = param.raw_value_or_empty();
    if plus_as_space
        && raw.contains('+')
        && boldbi::check_signature(url, secret, false) == crate::signature::SignatureCheck::Valid
    {
        return Some((
            "The signature is right, but it carries a raw '+', which this server setting reads as a space.".into(),
            "Percent-escape the Base64 signature (+ as %2B, / as %2F, = as %3D) when appending it.".into(),
        ));
    }
    if boldbi::signed_lowercased(url, secret) {
        return Some((
            "The signature matches the query lowercased: the signer called ToLower() on the parameters (an old vendor sample does), but the URL went out in its original case.".into(),
            "Sign the parameters exactly as they are sent; drop the ToLower() call.".into(),
        ));
    }
    let message = boldbi::signed_string(url, param);
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
    if let Some(trimmed) = trimmed_secret(secret) {
        if boldbi::check_signature(url, &trimmed, plus_as_space)
            == crate::signature::SignatureCheck::Valid
        {
            return Some(whitespace_cause());
        }
    }
    None
}
