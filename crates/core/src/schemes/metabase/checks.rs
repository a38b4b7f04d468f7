//! Metabase's own checks, in its order: the header's `alg` (missing, or
//! `none`), the `resource` keypath, then (after the signature and `exp`)
//! `nbf` with its 60-second margin.

use super::read::{decoded, named, path_resource};
use super::sign::Resource;
use super::texts::{message, ALG_MISSING, ALG_NONE};
use crate::facts::EmbedFacts;
use crate::query::ParsedUrl;
use crate::verdict::{Reason, Refusal};

/// How far `nbf` may lie ahead of Metabase's clock, in seconds.
pub const NBF_MARGIN: u64 = 60;

fn refusal(reason: Reason, explanation: String, fix: &str) -> Refusal {
    Refusal::worded(message(reason), reason, explanation, fix)
}

/// The header's and the claims' shape, before the signature.
pub fn shape(url: &ParsedUrl) -> Option<Refusal> {
    let jwt = decoded(url)?;
    match jwt.header.get("alg").and_then(|a| a.as_str()) {
        None => {
            return Some(refusal(
                ALG_MISSING,
                "The token's header has no alg.".into(),
                "Sign with a JWT library that writes {\"alg\":\"HS256\",\"typ\":\"JWT\"} (jsonwebtoken, PyJWT, ruby-jwt).",
            ))
        }
        Some(alg) if alg.eq_ignore_ascii_case("none") => {
            return Some(refusal(
                ALG_NONE,
                "The token's header says alg none: an unsigned token.".into(),
                "Sign the token with HS256 and the embedding secret.",
            ))
        }
        Some(_) => {}
    }
    if named(&jwt).is_none() {
        let word = path_resource(url).unwrap_or(Resource::Dashboard).word();
        let mut refused = refusal(
            Reason::MissingParameter,
            format!("The token's claims have no resource.{word}."),
            "Put {\"resource\": {\"dashboard\": ID}} (or question) in the payload.",
        );
        refused.message = format!("Token is missing value for keypath [:resource :{word}]");
        return Some(refused);
    }
    None
}

/// `nbf` more than [`NBF_MARGIN`] seconds after `now`.
pub fn not_yet_valid(facts: &EmbedFacts, now: u64) -> Option<Refusal> {
    let nbf = facts.jwt.as_ref()?.claim_u64("nbf")?;
    (nbf > now.saturating_add(NBF_MARGIN)).then(|| {
        let mut refused = refusal(
            Reason::TimeInFuture,
            format!(
                "nbf is {nbf}, {} s after now ({now}); Metabase allows 60.",
                nbf - now
            ),
            "Leave nbf out, or set it to the signing time; check the signing server's clock (NTP).",
        );
        refused.message = format!("Token is not yet valid ({nbf})");
        refused
    })
}

/// Metabase's text quoting the token, where its text does.
pub fn quoted_message(reason: Reason, facts: &EmbedFacts) -> Option<String> {
    let claim = |name: &str| facts.jwt.as_ref().and_then(|j| j.claim_u64(name));
    match reason {
        Reason::Expired => claim("exp").map(|exp| format!("Token is expired ({exp})")),
        Reason::TimeInFuture => claim("nbf").map(|nbf| format!("Token is not yet valid ({nbf})")),
        _ => None,
    }
}
