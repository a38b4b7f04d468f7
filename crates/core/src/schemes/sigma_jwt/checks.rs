//! The JWT's own checks after the email: its lifetime, then the claims a
//! claims version allows.

use super::{DecodedJwt, AUDIENCE_V1_1, MAX_LIFETIME};
use crate::facts::EmbedFacts;
use crate::verdict::{Reason, Refusal};

/// `exp - iat` over Sigma's maximum.
pub fn lifetime(facts: &EmbedFacts) -> Option<Refusal> {
    let lifetime = facts.lifetime?;
    (lifetime > MAX_LIFETIME).then(|| {
        super::refusal(
            Reason::JwtLifetimeTooLong,
            format!("exp - iat is {lifetime} s; Sigma allows at most {MAX_LIFETIME} s."),
            "Shorten the token's lifetime (exp - iat).",
        )
    })
}

/// Claims that only a claims version allows: `aud` = "sigmacomputing" is
/// required by 1.1 (and ignored by 1.0); the OAuth token claims exist only in 1.1.
pub fn claims(jwt: &DecodedJwt) -> Option<Refusal> {
    let version_1_1 = jwt.claim_str("ver") == Some("1.1");
    let oauth = ["connection_oauth_tokens", "oauth_token"]
        .into_iter()
        .find(|c| jwt.claims.get(*c).is_some());
    if let (Some(claim), false) = (oauth, version_1_1) {
        return Some(super::refusal(Reason::OAuthNeedsVersion11,
            format!("The token carries {claim}, but its ver is {}; OAuth token claims exist only in claims version 1.1.", jwt.claim_str("ver").unwrap_or("absent (1.0)")),
            "Set ver: \"1.1\" and aud: \"sigmacomputing\", or drop the OAuth claims.",
        ));
    }
    if version_1_1 && jwt.claim_str("aud") != Some(AUDIENCE_V1_1) {
        return Some(super::refusal(
            Reason::MissingParameter,
            format!(
                "ver is 1.1, which requires aud = \"sigmacomputing\"; aud is {}.",
                jwt.claims
                    .get("aud")
                    .map_or("absent".to_owned(), ToString::to_string)
            ),
            "Add aud: \"sigmacomputing\" to the claims (or send ver 1.0, which ignores aud).",
        ));
    }
    None
}
