//! Compact JWS (JWT) as bytes: take a pasted token apart without trusting
//! it, and check an HS256 signature. Several vendors carry their embed in a
//! JWT; which claims mean what is each scheme's business, not this codec's.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::signature::SignatureCheck;

/// A pasted token taken apart (not verified).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecodedJwt {
    /// The header as JSON.
    pub header: serde_json::Value,
    /// The claims as JSON.
    pub claims: serde_json::Value,
}

impl DecodedJwt {
    /// A string claim.
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(serde_json::Value::as_str)
    }

    /// An integer claim (seconds).
    pub fn claim_u64(&self, name: &str) -> Option<u64> {
        self.claims.get(name).and_then(serde_json::Value::as_u64)
    }

    /// The header's `kid` (the key's id: a client id, a secret id).
    pub fn kid(&self) -> Option<&str> {
        self.header.get("kid").and_then(serde_json::Value::as_str)
    }
}

/// Reads header and claims of a compact JWS without checking the signature.
pub fn decode(token: &str) -> Result<DecodedJwt> {
    let malformed = |reason: String| Error::MalformedJwt { reason };
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(malformed(format!(
            "it has {} dot-separated parts, not 3",
            parts.len()
        )));
    }
    let part = |index: usize, what: &str| -> Result<serde_json::Value> {
        let bytes = URL_SAFE_NO_PAD
            .decode(parts[index])
            .map_err(|e| malformed(format!("the {what} is not base64url: {e}")))?;
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| malformed(format!("the {what} is not JSON: {e}")))?;
        if value.is_object() {
            Ok(value)
        } else {
            Err(malformed(format!("the {what} is not a JSON object")))
        }
    };
    Ok(DecodedJwt {
        header: part(0, "header")?,
        claims: part(1, "claims")?,
    })
}

/// Checks the token's HS256 signature (time claims are judged elsewhere).
pub fn check_hs256(token: &str, secret: &Secret) -> SignatureCheck {
    if token.rsplit('.').next().is_none_or(str::is_empty) {
        return SignatureCheck::Missing;
    }
    let mut validation = Validation::new(Algorithm::HS256);
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    validation.leeway = 0;
    let key = DecodingKey::from_secret(secret.expose());
    match jsonwebtoken::decode::<serde_json::Value>(token, &key, &validation) {
        Ok(_) => SignatureCheck::Valid,
        Err(_) => SignatureCheck::Invalid,
    }
}
