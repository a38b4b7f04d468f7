//! The shared signing secret, kept out of every printout.
//!
//! A [`Secret`] cannot be displayed, serialized or debug-printed as its bytes:
//! its `Debug` shows only a fingerprint, and its memory is zeroed on drop. The
//! fingerprint (first 8 hex digits of SHA-256) lets two people compare secrets
//! without revealing them.

use std::sync::OnceLock;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// An HMAC key as the vendors use it: the UTF-8 bytes of the secret string,
/// never hex- or base64-decoded.
#[derive(Clone)]
pub struct Secret {
    bytes: Zeroizing<Vec<u8>>,
    /// The HMAC state after absorbing the key, computed once: signing many
    /// URLs with one secret then costs only the message's hashing.
    keyed: OnceLock<Hmac<Sha256>>,
}

impl Secret {
    /// Wraps the secret string exactly as given (no trimming: callers decide).
    pub fn new(secret: impl Into<String>) -> Self {
        Self::from_bytes(secret.into().into_bytes())
    }

    /// Wraps raw key bytes (used to test "the signer decoded the secret" theories).
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Self {
        Secret {
            bytes: Zeroizing::new(bytes),
            keyed: OnceLock::new(),
        }
    }

    /// The key bytes for HMAC.
    pub fn expose(&self) -> &[u8] {
        &self.bytes
    }

    /// A fresh HMAC-SHA256 keyed with this secret.
    pub(crate) fn hmac(&self) -> Hmac<Sha256> {
        self.keyed
            .get_or_init(|| {
                // HMAC takes keys of any length; the error arm cannot happen.
                Hmac::<Sha256>::new_from_slice(self.expose())
                    .unwrap_or_else(|_| Hmac::<Sha256>::new(&Default::default()))
            })
            .clone()
    }

    /// First 8 hex digits of the SHA-256 of the secret: safe to show and compare.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.expose());
        hex::encode(&digest[..4])
    }

    /// Whether the secret has leading or trailing whitespace, a classic cause
    /// of "Invalid embed signature" after a copy and paste.
    pub fn has_surrounding_whitespace(&self) -> bool {
        let bytes = self.expose();
        let is_space = |b: &u8| b.is_ascii_whitespace();
        bytes.first().is_some_and(is_space) || bytes.last().is_some_and(is_space)
    }

    /// Whether the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secret(sha256:{}…)", self.fingerprint())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_contains_the_secret() {
        let secret = Secret::new("hunter2-very-secret");
        let shown = format!("{secret:?}");
        assert!(!shown.contains("hunter2"));
        assert!(shown.starts_with("Secret(sha256:"));
    }

    #[test]
    fn fingerprint_is_the_first_eight_hex_digits_of_sha256() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(Secret::new("abc").fingerprint(), "ba7816bf");
    }

    #[test]
    fn surrounding_whitespace_is_noticed() {
        assert!(Secret::new("abc\n").has_surrounding_whitespace());
        assert!(Secret::new(" abc").has_surrounding_whitespace());
        assert!(!Secret::new("a b").has_surrounding_whitespace());
    }
}
