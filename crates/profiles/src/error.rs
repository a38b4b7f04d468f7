//! What can go wrong with profiles and secrets, as `{code, message}` for the UI.
//!
//! Every variant says what happened; [`ProfileError::fix`] says what to do.
//! Nothing here ever carries a secret's bytes.

use thiserror::Error;

/// A keychain failure.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum KeychainError {
    /// The keychain exists but refuses access (locked, or access denied).
    #[error("the OS keychain is locked or refused access: {reason}")]
    Locked {
        /// What the platform said.
        reason: String,
    },
    /// No keychain service could be reached.
    #[error("the OS keychain is not available: {reason}")]
    Unavailable {
        /// What the platform said.
        reason: String,
    },
    /// The keychain refused the entry itself.
    #[error("the OS keychain refused the entry: {reason}")]
    Rejected {
        /// What the platform said.
        reason: String,
    },
}

/// A profile-store or keychain failure.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// Another profile already has this name.
    #[error("a profile named {name:?} already exists")]
    NameTaken {
        /// The name.
        name: String,
    },
    /// No profile with this id.
    #[error("no profile with id {id}")]
    NotFound {
        /// The id.
        id: String,
    },
    /// A field cannot be stored.
    #[error("{field}: {reason}")]
    InvalidField {
        /// The field's label.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// The URL is not what the form signs (the form changed since).
    #[error("the URL is not the one the current form signs")]
    Stale,
    /// The profile has no secret yet.
    #[error("the profile {name:?} has no secret yet")]
    NoSecret {
        /// The profile's name.
        name: String,
    },
    /// The SQLite database failed.
    #[error("the profile database failed: {0}")]
    Database(String),
    /// The keychain failed.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// The core refused to sign.
    #[error(transparent)]
    Core(#[from] embed_core::Error),
}

impl From<rusqlite::Error> for ProfileError {
    fn from(e: rusqlite::Error) -> Self {
        ProfileError::Database(e.to_string())
    }
}

impl ProfileError {
    /// A stable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            ProfileError::NameTaken { .. } => "name-taken",
            ProfileError::NotFound { .. } => "not-found",
            ProfileError::InvalidField { .. } => "invalid-field",
            ProfileError::NoSecret { .. } => "no-secret",
            ProfileError::Stale => "stale",
            ProfileError::Database(_) => "database",
            ProfileError::Keychain(KeychainError::Locked { .. }) => "keychain-locked",
            ProfileError::Keychain(KeychainError::Unavailable { .. }) => "keychain-unavailable",
            ProfileError::Keychain(KeychainError::Rejected { .. }) => "keychain-rejected",
            ProfileError::Core(e) => e.code(),
        }
    }

    /// What to do about it.
    pub fn fix(&self) -> String {
        match self {
            ProfileError::NameTaken { .. } => "Choose another name; names identify environments in the switcher.".into(),
            ProfileError::NotFound { .. } => "The profile was deleted; pick another one.".into(),
            ProfileError::InvalidField { .. } => "Correct the field; nothing was saved yet.".into(),
            ProfileError::NoSecret { .. } => "Set the secret (it goes to the OS keychain, never to disk).".into(),
            ProfileError::Stale => "Wait for the URL to update, then export again.".into(),
            ProfileError::Database(_) => "Check that the app's data folder is writable and not full.".into(),
            ProfileError::Keychain(KeychainError::Locked { .. }) => {
                "Unlock your login keyring (GNOME Keyring, KWallet, macOS Keychain) and try again; what you typed is kept.".into()
            }
            ProfileError::Keychain(KeychainError::Unavailable { .. }) => {
                "Start a Secret Service (gnome-keyring or KWallet) in your session, or on a headless machine run the app under dbus-run-session with an unlocked keyring.".into()
            }
            ProfileError::Keychain(KeychainError::Rejected { .. }) => "Report this as a bug in Embed Sandbox.".into(),
            ProfileError::Core(e) => e.fix(),
        }
    }
}
