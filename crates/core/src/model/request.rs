//! One embed request of any scheme, so code that varies a request (error
//! scenarios, hand-off snippets, replay) is written once, not per scheme.
//!
//! Each scheme's request type lives in its folder and implements
//! [`SignRequest`]; [`EmbedRequest`] holds any of them. The folder that
//! made a request reads it back as its own type with [`EmbedRequest::get`];
//! nothing here names a scheme's type.

use std::any::Any;
use std::fmt::Debug;

use crate::error::Result;
use crate::model::embedding::Embedding;
use crate::scheme::Scheme;
use crate::secret::Secret;

/// What shared code may ask of any scheme's request.
pub trait SignRequest: Debug + Send + Sync + 'static {
    /// Its scheme.
    fn scheme(&self) -> Scheme;
    /// The signed embed as one artifact: the URL, or for a token handed
    /// to a web component the element that carries it.
    fn sign(&self, secret: &Secret) -> Result<String>;
    /// The signed embed ready to use: its URL and/or token, and the markup.
    /// By default the signed URL in an `<iframe>`.
    fn embedding(&self, secret: &Secret) -> Result<Embedding> {
        Ok(Embedding::in_iframe(self.sign(secret)?, None))
    }
    /// Its nonce (or single-use token id), if the scheme has one.
    fn nonce_mut(&mut self) -> Option<&mut String>;
    /// The user's email, if the scheme identifies users by email.
    fn email_mut(&mut self) -> Option<&mut String> {
        None
    }
    /// The signing time, Unix seconds, if it carries one.
    fn time(&self) -> Option<u64>;
    /// Sets the signing time.
    fn set_time(&mut self, time: u64);
    /// How long a URL signed now stays valid, in seconds.
    fn validity(&self) -> u64;
}

/// The request kept behind [`EmbedRequest`]: any [`SignRequest`] that can
/// be cloned and compared.
trait Stored: SignRequest {
    fn clone_box(&self) -> Box<dyn Stored>;
    fn equals(&self, other: &dyn Stored) -> bool;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

impl<T: SignRequest + Clone + PartialEq> Stored for T {
    fn clone_box(&self) -> Box<dyn Stored> {
        Box::new(self.clone())
    }
    fn equals(&self, other: &dyn Stored) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// A request in any registered scheme.
pub struct EmbedRequest(Box<dyn Stored>);

impl EmbedRequest {
    /// Wraps one scheme's request.
    pub fn new<T: SignRequest + Clone + PartialEq>(request: T) -> Self {
        EmbedRequest(Box::new(request))
    }

    /// The request as its own scheme's type `T`, if it is one.
    pub fn get<T: SignRequest>(&self) -> Option<&T> {
        self.0.as_any().downcast_ref()
    }

    /// The same, to change it.
    pub fn get_mut<T: SignRequest>(&mut self) -> Option<&mut T> {
        self.0.as_any_mut().downcast_mut()
    }

    /// Its scheme.
    pub fn scheme(&self) -> Scheme {
        self.0.scheme()
    }

    /// The signed embed as one artifact (see [`SignRequest::sign`]).
    pub fn sign(&self, secret: &Secret) -> Result<String> {
        self.0.sign(secret)
    }

    /// The signed embed ready to use: URL and/or token, and the markup.
    pub fn embedding(&self, secret: &Secret) -> Result<Embedding> {
        self.0.embedding(secret)
    }

    /// Its nonce (or single-use token id), if the scheme has one.
    pub fn nonce_mut(&mut self) -> Option<&mut String> {
        self.0.nonce_mut()
    }

    /// The user's email, if the scheme identifies users by email.
    pub fn email_mut(&mut self) -> Option<&mut String> {
        self.0.email_mut()
    }

    /// The signing time, Unix seconds.
    pub fn time(&self) -> Option<u64> {
        self.0.time()
    }

    /// Sets the signing time.
    pub fn set_time(&mut self, time: u64) {
        self.0.set_time(time);
    }

    /// How long a URL signed now stays valid, in seconds.
    pub fn validity(&self) -> u64 {
        self.0.validity()
    }
}

impl<T: SignRequest + Clone + PartialEq> From<T> for EmbedRequest {
    fn from(request: T) -> Self {
        EmbedRequest::new(request)
    }
}

impl Clone for EmbedRequest {
    fn clone(&self) -> Self {
        EmbedRequest(self.0.clone_box())
    }
}

impl PartialEq for EmbedRequest {
    fn eq(&self, other: &Self) -> bool {
        self.0.equals(other.0.as_ref())
    }
}

impl Eq for EmbedRequest {}

impl Debug for EmbedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
