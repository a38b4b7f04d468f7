//! Says *why* a signature does not match, when a common mistake explains it.
//! Each scheme tests its own mistakes (`SchemeSpec::mismatch_cause`); the
//! ones every scheme shares are here.
//!
//! A bare "invalid signature" sends people hunting for hours. The usual
//! causes (vendors.md, section 5) can each be tested directly: a secret with
//! whitespace pasted in, a hex secret decoded before use, uppercase hex, the
//! old Bold BI sample's `ToLower()`, a raw `+` read as a space, signing the
//! wrong span of the URL. Each candidate is an HMAC away.

use crate::facts::EmbedFacts;
use crate::model::judging::Judge;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::signature::SignatureCheck;

const GENERIC_FIX: &str = "Compare the secret's fingerprint with the one the signing server uses, and make sure nothing (a proxy, a template, a URL builder) reorders, re-encodes or edits the URL after signing.";

/// Explanation and fix for a signature that does not match: the scheme's
/// own common mistakes first, then a secret pasted with whitespace, then
/// the generic advice.
pub fn signature_mismatch(
    url: &ParsedUrl,
    scheme: Scheme,
    facts: &EmbedFacts,
    judge: &Judge<'_>,
) -> (String, String) {
    let spec = crate::schemes::spec(scheme);
    let secret = judge.secret;
    let whitespace = || {
        let trimmed = trimmed_secret(secret)?;
        let retry = Judge {
            secret: &trimmed,
            policy: judge.policy,
            now: judge.now,
        };
        (spec.check_signature(url, facts, &retry) == SignatureCheck::Valid).then(whitespace_cause)
    };
    spec.mismatch_cause(url, judge)
        .or_else(whitespace)
        .unwrap_or_else(|| {
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
