//! This scheme's request as any request ([`SignRequest`]): what scenarios,
//! snippets and replay may change without knowing the scheme.

use super::SigmaJwtRequest;
use crate::error::Result;
use crate::request::SignRequest;
use crate::scheme::Scheme;
use crate::secret::Secret;

impl SignRequest for SigmaJwtRequest {
    fn scheme(&self) -> Scheme {
        Scheme::SigmaJwt
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        super::sign(self, secret)
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.jti)
    }
    fn email_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.email)
    }
    fn time(&self) -> Option<u64> {
        Some(self.iat)
    }
    fn set_time(&mut self, time: u64) {
        self.iat = time;
    }
    fn validity(&self) -> u64 {
        self.ttl
    }
}
