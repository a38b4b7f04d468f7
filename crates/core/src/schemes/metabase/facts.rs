//! What a Metabase token claims: its expiry and the token itself (the
//! inspector shows its claims). It names no user and has no nonce.

use crate::error::{Error, Result};
use crate::facts::EmbedFacts;
use crate::query::ParsedUrl;

/// What `url`'s token claims.
pub fn read(url: &ParsedUrl) -> Result<EmbedFacts> {
    let Some(token) = super::read::token(url) else {
        return Err(Error::MalformedJwt {
            reason: "the URL's path carries no token after /embed/dashboard/ or /embed/question/"
                .into(),
        });
    };
    let jwt = crate::jwt::decode(token)?;
    Ok(EmbedFacts {
        expires_at: jwt.claim_u64("exp"),
        jwt: Some(jwt),
        ..EmbedFacts::default()
    })
}
