//! This scheme's request as any request ([`SignRequest`]): what scenarios,
//! snippets and replay may change without knowing the scheme.

use super::LookerRequest;
use crate::error::Result;
use crate::request::SignRequest;
use crate::scheme::Scheme;
use crate::secret::Secret;

impl SignRequest for LookerRequest {
    fn scheme(&self) -> Scheme {
        Scheme::Looker
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        super::sign(self, secret)
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.nonce)
    }
    fn time(&self) -> Option<u64> {
        Some(self.time)
    }
    fn set_time(&mut self, time: u64) {
        self.time = time;
    }
    fn validity(&self) -> u64 {
        super::TIME_WINDOW
    }
}
