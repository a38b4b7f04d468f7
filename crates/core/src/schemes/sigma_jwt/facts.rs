//! What a Sigma JWT URL claims, read from the token in `:jwt`.

use super::token::{decode, token};
use crate::error::{Error, Result};
use crate::facts::{EmbedFacts, Unreadable};
use crate::query::ParsedUrl;

/// What a JWT URL claims: the token's header and claims, decoded without
/// the secret.
pub fn read(url: &ParsedUrl) -> Result<EmbedFacts> {
    let token = token(url).ok_or(Error::MalformedJwt {
        reason: "the :jwt parameter is empty".into(),
    })?;
    let jwt = decode(token)?;
    let mut unreadable = Vec::new();
    let mut time_claim = |name: &str| match jwt.claims.get(name) {
        None => None,
        Some(v) => v.as_u64().or_else(|| {
            unreadable.push(Unreadable {
                name: name.to_owned(),
                problem: format!("{v} is not a whole number of seconds"),
            });
            None
        }),
    };
    let issued_at = time_claim("iat");
    let expires_at = time_claim("exp");
    let teams = jwt.claims.get("teams").map(|t| {
        t.as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    });
    let user_attributes = jwt
        .claims
        .get("user_attributes")
        .and_then(serde_json::Value::as_object)
        .map(|o| {
            o.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        vec![v.as_str().map_or_else(|| v.to_string(), str::to_owned)],
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(EmbedFacts {
        client_id: jwt.kid().map(str::to_owned),
        email: jwt.claim_str("sub").map(str::to_owned),
        external_user_id: None,
        teams,
        account_type: jwt.claim_str("account_type").map(str::to_owned),
        mode: None,
        nonce: jwt.claim_str("jti").map(str::to_owned),
        lifetime: issued_at.zip(expires_at).map(|(i, e)| e.saturating_sub(i)),
        issued_at,
        expires_at,
        user_attributes,
        first_name: jwt.claim_str("first_name").map(str::to_owned),
        last_name: jwt.claim_str("last_name").map(str::to_owned),
        jwt: Some(jwt),
        unreadable,
        fractional_time: None,
    })
}
