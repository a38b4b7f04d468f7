//! One embed request of any scheme, so code that varies a request (error
//! scenarios, hand-off snippets, replay) is written once, not per scheme.

use crate::error::Result;
use crate::scheme::Scheme;
use crate::schemes::boldbi::{self, BoldBiRequest};
use crate::schemes::looker::{self, LookerRequest};
use crate::schemes::sigma_classic::{self, SigmaClassicRequest};
use crate::schemes::sigma_jwt::{self, SigmaJwtRequest};
use crate::secret::Secret;

/// A request in one of the three schemes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedRequest {
    /// Sigma classic signed URL.
    SigmaClassic(SigmaClassicRequest),
    /// Sigma JWT.
    SigmaJwt(SigmaJwtRequest),
    /// Bold BI token authentication.
    BoldBi(BoldBiRequest),
    /// Looker signed embed.
    Looker(LookerRequest),
}

impl EmbedRequest {
    /// Its scheme.
    pub fn scheme(&self) -> Scheme {
        match self {
            EmbedRequest::SigmaClassic(_) => Scheme::SigmaClassic,
            EmbedRequest::SigmaJwt(_) => Scheme::SigmaJwt,
            EmbedRequest::BoldBi(_) => Scheme::BoldBi,
            EmbedRequest::Looker(_) => Scheme::Looker,
        }
    }

    /// Signs it.
    pub fn sign(&self, secret: &Secret) -> Result<String> {
        match self {
            EmbedRequest::SigmaClassic(r) => sigma_classic::sign(r, secret),
            EmbedRequest::SigmaJwt(r) => sigma_jwt::sign(r, secret),
            EmbedRequest::BoldBi(r) => boldbi::sign(r, secret),
            EmbedRequest::Looker(r) => looker::sign(r, secret),
        }
    }

    /// The nonce (Sigma `:nonce`, JWT `jti`, Bold BI `embed_nonce`).
    pub fn nonce_mut(&mut self) -> &mut String {
        match self {
            EmbedRequest::SigmaClassic(r) => &mut r.nonce,
            EmbedRequest::SigmaJwt(r) => &mut r.jti,
            EmbedRequest::BoldBi(r) => &mut r.nonce,
            EmbedRequest::Looker(r) => &mut r.nonce,
        }
    }

    /// The user's email, when the scheme identifies users by one.
    pub fn email_mut(&mut self) -> Option<&mut String> {
        match self {
            EmbedRequest::SigmaClassic(r) => Some(&mut r.email),
            EmbedRequest::SigmaJwt(r) => Some(&mut r.email),
            EmbedRequest::BoldBi(r) => Some(&mut r.email),
            EmbedRequest::Looker(_) => None,
        }
    }

    /// The signing time, if the request carries one (Bold BI may not).
    pub fn time(&self) -> Option<u64> {
        match self {
            EmbedRequest::SigmaClassic(r) => Some(r.time),
            EmbedRequest::SigmaJwt(r) => Some(r.iat),
            EmbedRequest::BoldBi(r) => r.timestamp,
            EmbedRequest::Looker(r) => Some(r.time),
        }
    }

    /// Sets the signing time (for Bold BI this also turns the timestamp on).
    pub fn set_time(&mut self, time: u64) {
        match self {
            EmbedRequest::SigmaClassic(r) => r.time = time,
            EmbedRequest::SigmaJwt(r) => r.iat = time,
            EmbedRequest::BoldBi(r) => r.timestamp = Some(time),
            EmbedRequest::Looker(r) => r.time = time,
        }
    }

    /// How long the URL is valid from its signing time, in seconds.
    pub fn validity(&self) -> u64 {
        match self {
            EmbedRequest::SigmaClassic(r) => r.session_length,
            EmbedRequest::SigmaJwt(r) => r.ttl,
            EmbedRequest::BoldBi(r) => r.expiration.unwrap_or(boldbi::DEFAULT_VALIDITY),
            // The URL's validity is Looker's window; session_length is the session's.
            EmbedRequest::Looker(_) => looker::TIME_WINDOW,
        }
    }
}
