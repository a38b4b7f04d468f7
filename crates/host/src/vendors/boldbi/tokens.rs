//! The access token the local host's Bold BI authorize endpoint hands out
//! (vendors.md §4.1: Bold BI answers with a bearer `access_token`, a JWT).
//!
//! Ours is JWT-shaped and signed with a key made fresh for each host run, so
//! nothing outside the host can mint one. It carries only what the mock
//! dashboard needs: who, which dashboard, the signed parameters it shows by,
//! and when it ends. The Embed SDK stand-in posts it to the dashboard's
//! address; a token for another dashboard, an expired one or a forged one
//! is refused.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use embed_core::mac::{hmac_sha256, tags_equal};
use embed_core::Secret;
use serde::{Deserialize, Serialize};

/// What a token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Who it signs in.
    pub sub: String,
    /// The dashboard it opens.
    pub dashboard: String,
    /// The signed parameters of the authorize request, without its nonce
    /// and signature (the dashboard honours its switches).
    pub query: String,
    /// When it ends, Unix seconds on the host's clock.
    pub exp: u64,
}

/// Mints and checks tokens with this host run's key.
pub struct Tokens {
    key: Secret,
}

impl Default for Tokens {
    fn default() -> Self {
        Tokens {
            key: Secret::new(format!(
                "{}{}",
                uuid::Uuid::new_v4().simple(),
                uuid::Uuid::new_v4().simple()
            )),
        }
    }
}

const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

impl Tokens {
    /// A token for `claims`.
    pub fn issue(&self, claims: &Claims) -> String {
        let body = serde_json::to_string(claims).unwrap_or_default();
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(HEADER),
            URL_SAFE_NO_PAD.encode(body)
        );
        let tag = URL_SAFE_NO_PAD.encode(hmac_sha256(&self.key, signing_input.as_bytes()));
        format!("{signing_input}.{tag}")
    }

    /// The claims of `token` if this host issued it and it is still valid
    /// at `now`, or why not.
    pub fn check(&self, token: &str, now: u64) -> Result<Claims, &'static str> {
        let (signing_input, tag) = token
            .trim()
            .rsplit_once('.')
            .ok_or("the access token is not a JWT")?;
        let expected = URL_SAFE_NO_PAD.encode(hmac_sha256(&self.key, signing_input.as_bytes()));
        if !tags_equal(&expected, tag) {
            return Err("the access token was not issued by this host (or was changed)");
        }
        let body = signing_input
            .split_once('.')
            .and_then(|(_, body)| URL_SAFE_NO_PAD.decode(body).ok())
            .ok_or("the access token's claims are unreadable")?;
        let claims: Claims = serde_json::from_slice(&body)
            .map_err(|_| "the access token's claims are unreadable")?;
        if claims.exp < now {
            return Err("the access token has expired");
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn a_token_checks_only_with_its_hosts_key_and_until_it_ends() {
        let tokens = Tokens::default();
        let claims = Claims {
            sub: "bo@example.com".into(),
            dashboard: "d-1".into(),
            query: "views=true".into(),
            exp: 100,
        };
        let token = tokens.issue(&claims);
        assert_eq!(tokens.check(&token, 50), Ok(claims));
        assert!(tokens.check(&token, 101).is_err());
        assert!(Tokens::default().check(&token, 50).is_err());
        let forged = format!("{}x", token);
        assert!(tokens.check(&forged, 50).is_err());
        assert!(tokens.check("garbage", 50).is_err());
    }
}
