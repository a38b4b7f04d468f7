//! HMAC-SHA256 (and Looker's HMAC-SHA1) and the constant-time comparison
//! every verifier goes through.
//!
//! All three schemes MAC with the secret's UTF-8 bytes as the key; they differ
//! only in what they MAC and how they print the tag (hex or Base64), which is
//! the schemes' business, not this module's.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use subtle::ConstantTimeEq;

use crate::secret::Secret;

/// HMAC-SHA256 of `message` under `secret`.
pub fn hmac_sha256(secret: &Secret, message: &[u8]) -> [u8; 32] {
    let mut mac = secret.hmac();
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// HMAC-SHA1 of `message` under `secret` (Looker's default embed secrets).
pub fn hmac_sha1(secret: &Secret, message: &[u8]) -> [u8; 20] {
    // HMAC takes keys of any length; the error arm cannot happen.
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.expose())
        .unwrap_or_else(|_| Hmac::<Sha1>::new(&Default::default()));
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Compares two printed tags in constant time (for equal lengths).
pub fn tags_equal(expected: &str, received: &str) -> bool {
    expected.as_bytes().ct_eq(received.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_rfc_4231_test_case_2() {
        let tag = hmac_sha256(&Secret::new("Jefe"), b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(tag),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn sha1_matches_rfc_2202_test_case_2() {
        let tag = hmac_sha1(&Secret::new("Jefe"), b"what do ya want for nothing?");
        assert_eq!(hex::encode(tag), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    #[test]
    fn tags_compare_exactly() {
        assert!(tags_equal("abc", "abc"));
        assert!(!tags_equal("abc", "abd"));
        assert!(!tags_equal("abc", "ABC"));
        assert!(!tags_equal("abc", "abcd"));
    }
}
