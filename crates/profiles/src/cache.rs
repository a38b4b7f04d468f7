//! Reads each secret from the OS keychain once per run.
//!
//! Every Secret Service call opens a D-Bus connection and negotiates an
//! encrypted session: tens of milliseconds. Start-up, listing and signing
//! would otherwise make one per profile each time. Writes go through to the
//! keychain first and only then to the cache, so the cache never holds what
//! the keychain refused. A secret changed outside the app is seen after a
//! restart.

use std::collections::HashMap;
use std::sync::Mutex;

use embed_core::Secret;

use crate::error::KeychainError;
use crate::keychain::Vault;

/// A vault in front of another, remembering what it read and wrote.
pub struct CachedVault {
    inner: Box<dyn Vault>,
    known: Mutex<HashMap<String, Option<Secret>>>,
}

impl CachedVault {
    /// Caches `inner`.
    pub fn new(inner: Box<dyn Vault>) -> Self {
        CachedVault {
            inner,
            known: Mutex::new(HashMap::new()),
        }
    }

    fn remember(&self, account: &str, secret: Option<Secret>) {
        self.known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(account.to_owned(), secret);
    }
}

impl Vault for CachedVault {
    fn store(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.inner.store(account, secret)?;
        self.remember(account, Some(secret.clone()));
        Ok(())
    }

    fn load(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
        let cached = self
            .known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(account)
            .cloned();
        if let Some(known) = cached {
            return Ok(known);
        }
        // Errors (a locked keychain) are not remembered: the next call asks again.
        let loaded = self.inner.load(account)?;
        self.remember(account, loaded.clone());
        Ok(loaded)
    }

    fn remove(&self, account: &str) -> Result<(), KeychainError> {
        self.inner.remove(account)?;
        self.remember(account, None);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::keychain::MemoryVault;

    /// Counts the loads that reach the keychain, and can be made to fail.
    struct Counting {
        inner: MemoryVault,
        loads: Arc<AtomicUsize>,
        failing: Arc<Mutex<bool>>,
    }

    impl Vault for Counting {
        fn store(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
            if *self.failing.lock().unwrap() {
                return Err(KeychainError::Locked {
                    reason: "locked".into(),
                });
            }
            self.inner.store(account, secret)
        }
        fn load(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
            self.loads.fetch_add(1, Ordering::SeqCst);
            if *self.failing.lock().unwrap() {
                return Err(KeychainError::Locked {
                    reason: "locked".into(),
                });
            }
            self.inner.load(account)
        }
        fn remove(&self, account: &str) -> Result<(), KeychainError> {
            self.inner.remove(account)
        }
    }

    #[test]
    fn each_secret_is_read_once_and_writes_go_through_first() {
        let loads = Arc::new(AtomicUsize::new(0));
        let failing = Arc::new(Mutex::new(false));
        let vault = CachedVault::new(Box::new(Counting {
            inner: MemoryVault::default(),
            loads: loads.clone(),
            failing: failing.clone(),
        }));
        assert!(vault.load("a").unwrap().is_none());
        assert!(vault.load("a").unwrap().is_none());
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        vault.store("a", &Secret::new("s1")).unwrap();
        assert_eq!(
            vault.load("a").unwrap().unwrap().fingerprint(),
            Secret::new("s1").fingerprint()
        );
        assert_eq!(loads.load(Ordering::SeqCst), 1);

        // A refused write leaves the cache as it was; a refused read is not remembered.
        *failing.lock().unwrap() = true;
        assert!(vault.store("a", &Secret::new("s2")).is_err());
        assert_eq!(
            vault.load("a").unwrap().unwrap().fingerprint(),
            Secret::new("s1").fingerprint()
        );
        assert!(vault.load("b").is_err());
        *failing.lock().unwrap() = false;
        assert!(vault.load("b").unwrap().is_none());
        vault.remove("a").unwrap();
        assert!(vault.load("a").unwrap().is_none());
    }
}
