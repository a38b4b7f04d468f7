//! A secret as the user types or pastes it.
//!
//! Leading and trailing whitespace (a newline copied with the secret is the
//! classic cause of "Invalid embed signature") is trimmed and reported, an
//! empty or enormous paste is refused, and the result is described only by
//! its fingerprint.

use embed_core::Secret;
use serde::Serialize;

use crate::error::ProfileError;

/// Longest secret accepted; vendors issue 32 to 128 characters.
pub const MAX_SECRET_CHARS: usize = 4096;

/// What became of an entered secret, safe to show.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecretStatus {
    /// Whether a secret is set.
    pub set: bool,
    /// First 8 hex digits of its SHA-256, to compare with a colleague's.
    pub fingerprint: Option<String>,
    /// A warning to show (whitespace trimmed), if any.
    pub warning: Option<String>,
}

/// Normalises an entered secret: trims, refuses empty and enormous input.
pub fn accept(input: &str) -> Result<(Secret, Option<String>), ProfileError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ProfileError::InvalidField {
            field: "secret",
            reason: "it is empty".into(),
        });
    }
    let chars = trimmed.chars().count();
    if chars > MAX_SECRET_CHARS {
        return Err(ProfileError::InvalidField {
            field: "secret",
            reason: format!("it is {chars} characters long; embed secrets are at most a few hundred (was something else pasted?)"),
        });
    }
    let warning = (trimmed.len() != input.len()).then(|| {
        "Leading or trailing whitespace was removed from the secret (a copied newline is a classic cause of \"Invalid embed signature\").".to_owned()
    });
    Ok((Secret::new(trimmed), warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_trimmed_and_reported() {
        let (secret, warning) = accept("  abc\n").unwrap();
        assert_eq!(secret.expose(), b"abc");
        assert!(warning.unwrap().contains("whitespace"));
        let (_, warning) = accept("abc").unwrap();
        assert_eq!(warning, None);
    }

    #[test]
    fn empty_and_enormous_input_is_refused() {
        assert!(matches!(
            accept(" \n"),
            Err(ProfileError::InvalidField { .. })
        ));
        assert!(matches!(
            accept(&"x".repeat(MAX_SECRET_CHARS + 1)),
            Err(ProfileError::InvalidField { .. })
        ));
    }
}
