//! This scheme's request as any request ([`SignRequest`]): what scenarios,
//! snippets and replay may change without knowing the scheme.

use super::SigmaClassicRequest;
use crate::error::Result;
use crate::request::SignRequest;
use crate::scheme::Scheme;
use crate::secret::Secret;

impl SignRequest for SigmaClassicRequest {
    fn scheme(&self) -> Scheme {
        Scheme::SigmaClassic
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        super::sign(self, secret)
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.nonce)
    }
    fn email_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.email)
    }
    fn time(&self) -> Option<u64> {
        Some(self.time)
    }
    fn set_time(&mut self, time: u64) {
        self.time = time;
    }
    fn validity(&self) -> u64 {
        self.session_length
    }
}
