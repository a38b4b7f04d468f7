//! One embed request of any scheme, so code that varies a request (error
//! scenarios, hand-off snippets, replay) is written once, not per scheme.

use crate::boldbi::{self, BoldBiRequest};
use crate::encoding::push_hex_lower;
use crate::error::Result;
use crate::mac::hmac_sha256;
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::sigma_classic::{self, SigmaClassicRequest};
use crate::sigma_jwt::{self, SigmaJwtRequest};

/// A request in one of the three schemes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedRequest {
    /// Sigma classic signed URL.
    SigmaClassic(SigmaClassicRequest),
    /// Sigma JWT.
    SigmaJwt(SigmaJwtRequest),
    /// Bold BI token authentication.
    BoldBi(BoldBiRequest),
}

impl EmbedRequest {
    /// Its scheme.
    pub fn scheme(&self) -> Scheme {
        match self {
            EmbedRequest::SigmaClassic(_) => Scheme::SigmaClassic,
            EmbedRequest::SigmaJwt(_) => Scheme::SigmaJwt,
            EmbedRequest::BoldBi(_) => Scheme::BoldBi,
        }
    }

    /// Signs it.
    pub fn sign(&self, secret: &Secret) -> Result<String> {
        match self {
            EmbedRequest::SigmaClassic(r) => sigma_classic::sign(r, secret),
            EmbedRequest::SigmaJwt(r) => sigma_jwt::sign(r, secret),
            EmbedRequest::BoldBi(r) => boldbi::sign(r, secret),
        }
    }

    /// The nonce (Sigma `:nonce`, JWT `jti`, Bold BI `embed_nonce`).
    pub fn nonce_mut(&mut self) -> &mut String {
        match self {
            EmbedRequest::SigmaClassic(r) => &mut r.nonce,
            EmbedRequest::SigmaJwt(r) => &mut r.jti,
            EmbedRequest::BoldBi(r) => &mut r.nonce,
        }
    }

    /// The user's email.
    pub fn email_mut(&mut self) -> &mut String {
        match self {
            EmbedRequest::SigmaClassic(r) => &mut r.email,
            EmbedRequest::SigmaJwt(r) => &mut r.email,
            EmbedRequest::BoldBi(r) => &mut r.email,
        }
    }

    /// The signing time, if the request carries one (Bold BI may not).
    pub fn time(&self) -> Option<u64> {
        match self {
            EmbedRequest::SigmaClassic(r) => Some(r.time),
            EmbedRequest::SigmaJwt(r) => Some(r.iat),
            EmbedRequest::BoldBi(r) => r.timestamp,
        }
    }

    /// Sets the signing time (for Bold BI this also turns the timestamp on).
    pub fn set_time(&mut self, time: u64) {
        match self {
            EmbedRequest::SigmaClassic(r) => r.time = time,
            EmbedRequest::SigmaJwt(r) => r.iat = time,
            EmbedRequest::BoldBi(r) => r.timestamp = Some(time),
        }
    }

    /// How long the URL is valid from its signing time, in seconds.
    pub fn validity(&self) -> u64 {
        match self {
            EmbedRequest::SigmaClassic(r) => r.session_length,
            EmbedRequest::SigmaJwt(r) => r.ttl,
            EmbedRequest::BoldBi(r) => r.expiration.unwrap_or(boldbi::DEFAULT_VALIDITY),
        }
    }
}

/// Signs `prefix` (a classic URL up to, not including, `&:signature=`) as
/// a hand-built URL would be: whatever bytes it holds.
pub fn sign_classic_prefix(prefix: &str, secret: &Secret) -> String {
    let mut url = String::with_capacity(prefix.len() + 77);
    url.push_str(prefix);
    url.push_str("&:signature=");
    push_hex_lower(&mut url, &hmac_sha256(secret, prefix.as_bytes()));
    url
}

/// Signs a Bold BI query string `params` (no `?`) as given and appends the
/// signature, raw or escaped.
pub fn sign_boldbi_params(
    dashboard_url: &str,
    params: &str,
    secret: &Secret,
    escape_signature: bool,
) -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    let tag = STANDARD.encode(hmac_sha256(secret, params.as_bytes()));
    let tag = if escape_signature {
        boldbi::escape_base64(&tag)
    } else {
        tag
    };
    format!("{dashboard_url}?{params}&{}={tag}", boldbi::SIGNATURE_PARAM)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn prefix_signing_matches_the_signer() {
        let secret = Secret::new("s");
        let request = SigmaClassicRequest {
            embed_path: "https://h/embed/x".into(),
            client_id: "c".into(),
            email: "a@b.co".into(),
            external_user_id: "a".into(),
            teams: vec!["T".into()],
            account_type: None,
            mode: "userbacked".into(),
            session_length: 60,
            time: 1,
            nonce: "n".into(),
            user_attributes: vec![],
            params: vec![],
        };
        let url = sigma_classic::sign(&request, &secret).unwrap();
        let prefix = url.split("&:signature=").next().unwrap();
        assert_eq!(sign_classic_prefix(prefix, &secret), url);
        let bold = BoldBiRequest {
            dashboard_url: "https://h/bi/site/s/dashboards/1".into(),
            nonce: "n".into(),
            email: "a@b.co".into(),
            params: vec![],
            timestamp: Some(5),
            expiration: None,
            escape_signature: true,
        };
        let signed = boldbi::sign(&bold, &secret).unwrap();
        let params = boldbi::signed_params(&bold).unwrap();
        assert_eq!(
            sign_boldbi_params(&bold.dashboard_url, &params, &secret, true),
            signed
        );
    }
}
