//! The JWT's own hazards: its time claims, header and claims, and
//! interface parameters Sigma does not take beside a token.

use super::catalogue::ALLOWED_BESIDE;
use super::{DecodedJwt, SigmaJwt, AUDIENCE_V1_1, MAX_LIFETIME};
use crate::facts::EmbedFacts;
use crate::model::hazard::{Hazard, Severity};
use crate::query::ParsedUrl;
use crate::spec::SchemeSpec;

/// The token's time claims: lifetime over the maximum, no `exp`, and
/// claims that are not whole seconds (query parameters get their value
/// check instead).
pub fn times(facts: &EmbedFacts, found: &mut Vec<Hazard>) {
    if facts.lifetime.is_some_and(|l| l > MAX_LIFETIME) {
        found.push(Hazard::new(
            "jwt-lifetime",
            Severity::Error,
            Some("exp"),
            format!(
                "exp - iat is {} s; Sigma allows at most {} s (30 days).",
                facts.lifetime.unwrap_or_default(),
                MAX_LIFETIME
            ),
            "Shorten the token lifetime.",
        ));
    }
    if facts
        .jwt
        .as_ref()
        .is_some_and(|j| j.claims.get("exp").is_none())
    {
        found.push(Hazard::new(
            "missing-required",
            Severity::Error,
            Some("exp"),
            "The JWT has no exp claim.".into(),
            "Add exp (Unix seconds).",
        ));
    }
    for unreadable in &facts.unreadable {
        found.push(Hazard::new(
            "out-of-range",
            Severity::Error,
            Some(&unreadable.name),
            format!("{}: {}.", unreadable.name, unreadable.problem),
            "Send Unix seconds as a plain integer.",
        ));
    }
}

/// The header's algorithm and key id, the required claims, and the claims
/// a claims version needs.
pub fn header_and_claims(jwt: &DecodedJwt, found: &mut Vec<Hazard>) {
    let alg = jwt
        .header
        .get("alg")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("");
    if alg != "HS256" {
        found.push(Hazard::new(
            "jwt-alg",
            Severity::Error,
            Some("alg"),
            format!("The JWT is signed with {alg:?}; Sigma expects HS256."),
            "Sign with HS256.",
        ));
    }
    if jwt.kid().is_none() {
        found.push(Hazard::new(
            "missing-required",
            Severity::Error,
            Some("kid"),
            "The JWT header has no kid (the client id).".into(),
            "Put the client id in the header's kid.",
        ));
    }
    for claim in ["sub", "jti", "iat"] {
        if jwt.claims.get(claim).is_none() {
            found.push(Hazard::new(
                "missing-required",
                Severity::Error,
                Some(claim),
                format!("The JWT has no {claim} claim."),
                format!("Add {claim}."),
            ));
        }
    }
    if jwt.claim_str("sub").is_some_and(|sub| sub.contains('_')) {
        found.push(Hazard::new(
            "sub-underscore",
            Severity::Warning,
            Some("sub"),
            "sub contains an underscore: Sigma's help says sub must not include white space or unsupported characters such as underscores, yet Sigma's own samples use them. Not refused here.".into(),
            "If Sigma refuses the user, try an address without underscores.",
        ));
    }
    for claim in ["connection_oauth_tokens", "oauth_token"] {
        if jwt.claims.get(claim).is_some() && jwt.claim_str("ver") != Some("1.1") {
            found.push(Hazard::new(
                "needs-partner",
                Severity::Error,
                Some(claim),
                format!("{claim} is only supported with ver 1.1 (Sigma: \"connection_oauth_tokens is only supported in ver 1.1\")."),
                "Set ver: \"1.1\" and aud: \"sigmacomputing\".",
            ));
        }
    }
    if jwt.claim_str("ver") == Some("1.1") && jwt.claim_str("aud") != Some(AUDIENCE_V1_1) {
        found.push(Hazard::new(
            "needs-partner",
            Severity::Error,
            Some("aud"),
            "ver 1.1 needs aud = \"sigmacomputing\".".into(),
            "Add aud: \"sigmacomputing\".",
        ));
    }
}

/// Interface parameters Sigma does not take beside a JWT.
pub fn beside(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    for param in &url.params {
        let name = param.name.as_str();
        if name.starts_with(':')
            && !ALLOWED_BESIDE.contains(&name)
            && SigmaJwt
                .catalogue()
                .iter()
                .any(|table| table.iter().any(|p| p.name == name))
        {
            found.push(Hazard::new(
                "not-beside-jwt",
                Severity::Warning,
                Some(name),
                format!("{name} is not among the interface parameters Sigma allows beside a JWT; it is a claim, an account-type permission, or unsupported there, and is probably ignored."),
                "Drop it, or set it as a claim (first_name, last_name, eval_connection_id) or through the account type.",
            ));
        }
    }
}
