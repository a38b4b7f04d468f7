//! The one module that touches the OS keychain.
//!
//! Secrets are stored under the service `embed-sandbox` with the profile id
//! as the account, through the `keyring` crate with a named backend per OS
//! (macOS Keychain, Windows Credential Manager, the Secret Service on
//! Linux). A missing entry is "not set yet", not an error; every other
//! failure becomes a [`KeychainError`] saying what to do.

use embed_core::Secret;

use crate::error::KeychainError;

/// Where secrets live.
pub trait Vault: Send + Sync {
    /// Stores (or replaces) the secret for `account`.
    fn store(&self, account: &str, secret: &Secret) -> Result<(), KeychainError>;
    /// The secret for `account`, `None` when none was set.
    fn load(&self, account: &str) -> Result<Option<Secret>, KeychainError>;
    /// Removes the secret for `account` (no error when there was none).
    fn remove(&self, account: &str) -> Result<(), KeychainError>;
}

/// The OS keychain.
pub struct OsKeychain {
    service: String,
}

impl OsKeychain {
    /// The keychain under `service` (the app uses `embed-sandbox`).
    pub fn new(service: impl Into<String>) -> Self {
        OsKeychain {
            service: service.into(),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, KeychainError> {
        keyring::Entry::new(&self.service, account).map_err(map_error)
    }
}

fn map_error(error: keyring::Error) -> KeychainError {
    match error {
        keyring::Error::NoStorageAccess(e) => KeychainError::Locked {
            reason: e.to_string(),
        },
        keyring::Error::PlatformFailure(e) => KeychainError::Unavailable {
            reason: e.to_string(),
        },
        keyring::Error::BadEncoding(_) => KeychainError::Rejected {
            reason: "the stored secret is not UTF-8 text".into(),
        },
        other => KeychainError::Rejected {
            reason: other.to_string(),
        },
    }
}

impl Vault for OsKeychain {
    fn store(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.entry(account)?
            .set_secret(secret.expose())
            .map_err(map_error)
    }

    fn load(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
        match self.entry(account)?.get_secret() {
            Ok(bytes) => String::from_utf8(bytes)
                .map(|text| Some(Secret::new(text)))
                .map_err(|_| KeychainError::Rejected {
                    reason: "the stored secret is not UTF-8 text".into(),
                }),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn remove(&self, account: &str) -> Result<(), KeychainError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e)),
        }
    }
}

/// A vault in memory: a test double for unit tests of the code around the
/// keychain (the keychain itself is tested against a real Secret Service).
#[derive(Default)]
pub struct MemoryVault {
    entries: std::sync::Mutex<std::collections::HashMap<String, Secret>>,
}

impl Vault for MemoryVault {
    fn store(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(account.to_owned(), secret.clone());
        Ok(())
    }

    fn load(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
        Ok(self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(account)
            .cloned())
    }

    fn remove(&self, account: &str) -> Result<(), KeychainError> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(account);
        Ok(())
    }
}
