//! This scheme's request as any request ([`SignRequest`]): what scenarios,
//! snippets and replay may change without knowing the scheme. Metabase's
//! tokens carry no nonce: nothing makes a load single-use.

use super::sign::{Expiry, MetabaseRequest};
use crate::error::Result;
use crate::model::embedding::Embedding;
use crate::request::SignRequest;
use crate::scheme::Scheme;
use crate::secret::Secret;

impl SignRequest for MetabaseRequest {
    fn scheme(&self) -> Scheme {
        Scheme::Metabase
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        super::sign::sign(self, secret)
    }
    fn embedding(&self, secret: &Secret) -> Result<Embedding> {
        super::sign::embedding(self, secret)
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        None
    }
    fn time(&self) -> Option<u64> {
        Some(self.time)
    }
    fn set_time(&mut self, time: u64) {
        // An expiry at a fixed time moves with the signing time.
        if let Expiry::At(at) = self.expiry {
            self.expiry = Expiry::At(at.saturating_sub(self.time).saturating_add(time));
        }
        self.time = time;
    }
    fn validity(&self) -> u64 {
        match self.expiry {
            Expiry::Ttl(ttl) => ttl,
            Expiry::At(at) => at.saturating_sub(self.time),
            Expiry::Never => u64::MAX,
        }
    }
}
