//! This scheme's request as any request ([`SignRequest`]): what scenarios,
//! snippets and replay may change without knowing the scheme. Mode's URLs
//! carry no nonce: nothing makes a load single-use.

use super::settings::DEFAULT_WINDOW;
use super::sign::ModeRequest;
use crate::error::Result;
use crate::request::SignRequest;
use crate::scheme::Scheme;
use crate::secret::Secret;

impl SignRequest for ModeRequest {
    fn scheme(&self) -> Scheme {
        Scheme::Mode
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        super::sign::sign(self, secret)
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        None
    }
    fn time(&self) -> Option<u64> {
        Some(self.timestamp)
    }
    fn set_time(&mut self, time: u64) {
        self.timestamp = time;
    }
    fn validity(&self) -> u64 {
        DEFAULT_WINDOW
    }
}
