//! Profiles with their secrets: the store and the vault behind one face.
//!
//! Secrets go in, never out: callers get a [`SecretStatus`] (set or not,
//! fingerprint, warning); only [`Profiles::secret`] hands the secret to
//! in-process Rust code that signs, and [`embed_core::Secret`] cannot be
//! serialized, so it cannot cross IPC by accident.

use std::path::Path;

use embed_core::scenario::{build_all, Base, Gallery};
use embed_core::snippet::{snippet, Language, DEFAULT_SECRET_ENV};
use embed_core::Secret;

use crate::cache::CachedVault;
use crate::entry::{accept, SecretStatus};
use crate::error::ProfileError;
use crate::keychain::Vault;
use crate::store::{Profile, ProfileInput, ProfileStore};

fn fresh_nonce() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Profiles and their secrets.
pub struct Profiles {
    store: ProfileStore,
    vault: Box<dyn Vault>,
}

impl Profiles {
    /// Opens the database at `path` with secrets in `vault` (each read once
    /// per run, see [`CachedVault`]).
    pub fn open(path: &Path, vault: Box<dyn Vault>) -> Result<Self, ProfileError> {
        Ok(Profiles {
            store: ProfileStore::open(path)?,
            vault: Box::new(CachedVault::new(vault)),
        })
    }

    /// The profile database.
    pub fn store(&self) -> &ProfileStore {
        &self.store
    }

    /// Creates a profile (no secret yet).
    pub fn create(&self, input: &ProfileInput, now: u64) -> Result<Profile, ProfileError> {
        self.store.create(input, false, now)
    }

    /// Deletes a profile and its secret.
    pub fn delete(&self, id: &str) -> Result<(), ProfileError> {
        self.store.get(id)?;
        self.vault.remove(id)?;
        self.store.delete(id)
    }

    /// Sets or replaces the secret from what the user entered.
    pub fn set_secret(&self, id: &str, entered: &str) -> Result<SecretStatus, ProfileError> {
        self.store.get(id)?;
        let (secret, warning) = accept(entered)?;
        self.vault.store(id, &secret)?;
        Ok(SecretStatus {
            set: true,
            fingerprint: Some(secret.fingerprint()),
            warning,
        })
    }

    /// Clears the secret.
    pub fn clear_secret(&self, id: &str) -> Result<SecretStatus, ProfileError> {
        self.store.get(id)?;
        self.vault.remove(id)?;
        Ok(SecretStatus {
            set: false,
            fingerprint: None,
            warning: None,
        })
    }

    /// Whether a secret is set, and its fingerprint.
    pub fn secret_status(&self, id: &str) -> Result<SecretStatus, ProfileError> {
        self.store.get(id)?;
        let secret = self.vault.load(id)?;
        Ok(SecretStatus {
            set: secret.is_some(),
            fingerprint: secret.map(|s| s.fingerprint()),
            warning: None,
        })
    }

    /// The gallery of broken variants of `form`'s URL for profile `id`,
    /// built with its secret (which stays here) under `policy`.
    pub fn scenarios(
        &self,
        id: &str,
        form: &crate::signing::SignForm,
        policy: &embed_core::Policy,
        now: u64,
    ) -> Result<Gallery, ProfileError> {
        let profile = self.store.get(id)?;
        let secret = self.secret(id)?;
        let request = embed_core::form_request::request(
            &crate::signing::environment(&profile),
            form,
            now,
            fresh_nonce,
        );
        let base = Base {
            request: &request,
            secret: &secret,
            policy,
            now,
        };
        Ok(build_all(&base, fresh_nonce))
    }

    /// Code in `language` that prints `url`, which must be what `form`
    /// signs for profile `id` with the URL's own nonce and time.
    pub fn snippet(
        &self,
        id: &str,
        form: &crate::signing::SignForm,
        url: &str,
        language: Language,
    ) -> Result<String, ProfileError> {
        let profile = self.store.get(id)?;
        let secret = self.secret(id)?;
        let facts = embed_core::Embed::read(url)?.facts;
        let pinned = crate::signing::SignForm {
            nonce: facts.nonce.unwrap_or_default(),
            time: facts.issued_at,
            time_offset: 0,
            ..form.clone()
        };
        let request = embed_core::form_request::request(
            &crate::signing::environment(&profile),
            &pinned,
            0,
            String::new,
        );
        if request.sign(&secret)? != url {
            return Err(ProfileError::Stale);
        }
        Ok(snippet(&request, language, DEFAULT_SECRET_ENV)?)
    }

    /// A snippet of the form that makes a fresh nonce and takes the current
    /// time on every run (Node, Python), so what it prints is never spent.
    pub fn fresh_snippet(
        &self,
        id: &str,
        form: &crate::signing::SignForm,
        language: Language,
        now: u64,
    ) -> Result<String, ProfileError> {
        let profile = self.store.get(id)?;
        let request = embed_core::form_request::request(
            &crate::signing::environment(&profile),
            form,
            now,
            String::new,
        );
        Ok(embed_core::snippet::snippet_with(
            &request,
            language,
            DEFAULT_SECRET_ENV,
            embed_core::snippet::Freshness::Fresh,
        )?)
    }

    /// The secret's status for a listing: a keychain that cannot be read
    /// shows as "not set" with the reason and what to do, so the rest of the
    /// app stays usable. Never use this to decide whether to write a secret.
    pub fn listing_status(&self, id: &str) -> Result<SecretStatus, ProfileError> {
        match self.secret_status(id) {
            Err(ProfileError::Keychain(e)) => {
                let problem = ProfileError::Keychain(e);
                Ok(SecretStatus {
                    set: false,
                    fingerprint: None,
                    warning: Some(format!("{problem}. {}", problem.fix())),
                })
            }
            other => other,
        }
    }

    /// The secret, for signing in this process only.
    pub fn secret(&self, id: &str) -> Result<Secret, ProfileError> {
        let profile = self.store.get(id)?;
        self.vault
            .load(id)?
            .ok_or(ProfileError::NoSecret { name: profile.name })
    }
}

/// A freshly signed URL with what the app shows beside it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, serde::Serialize)]
pub struct Signed {
    /// The URL.
    pub url: String,
    /// The embedding: URL and/or token, and the element to paste into a page.
    pub embedding: embed_core::model::embedding::Embedding,
    /// The address every load of this embed shares (no query, no token):
    /// the host's request log is searched by it.
    pub load_address: String,
    /// The inspector's reading of the URL (no secret in it).
    pub report: embed_core::InspectReport,
    /// Its one status (not loaded yet: the local check, labelled as local).
    pub status: embed_core::url_status::UrlStatus,
    /// What the form says apart from nonce and time
    /// ([`embed_core::form_request::content_key`]): equal keys sign the same request.
    pub content: String,
}

impl Profiles {
    /// Signs `form` with profile `id` at `now` (fresh nonce unless given),
    /// and inspects the result with the same secret.
    pub fn sign(
        &self,
        id: &str,
        form: &crate::signing::SignForm,
        now: u64,
    ) -> Result<Signed, ProfileError> {
        self.sign_checked(id, form, now, &embed_core::Policy::default())
    }

    /// As [`Profiles::sign`], with the local check judged under `policy`
    /// (the local host's settings), so it agrees with the host.
    pub fn sign_checked(
        &self,
        id: &str,
        form: &crate::signing::SignForm,
        now: u64,
        policy: &embed_core::Policy,
    ) -> Result<Signed, ProfileError> {
        let profile = self.store.get(id)?;
        let secret = self.secret(id)?;
        let (url, embedding) =
            crate::signing::embedding(&profile, &secret, form, now, fresh_nonce)?;
        let options = embed_core::InspectOptions {
            secret: Some(&secret),
            now: Some(now),
            policy: policy.clone(),
        };
        let report = embed_core::inspect(&url, &options)?;
        let status = embed_core::url_status::of_report(&report, now);
        let content =
            embed_core::form_request::content_key(&crate::signing::environment(&profile), form)?;
        Ok(Signed {
            load_address: embed_core::redact::load_address(&url),
            url,
            embedding,
            report,
            status,
            content,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::KeychainError;
    use crate::keychain::MemoryVault;
    use embed_core::Scheme;

    fn profiles() -> (tempfile::TempDir, Profiles) {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::open(
            &dir.path().join("p.sqlite"),
            Box::new(MemoryVault::default()),
        )
        .unwrap();
        (dir, profiles)
    }

    fn input() -> ProfileInput {
        ProfileInput {
            name: "Prod".into(),
            scheme: Scheme::SigmaJwt,
            embed_path: "https://app.sigmacomputing.com/acme/workbook/Sales-1a2b".into(),
            client_id: "cid".into(),
            defaults: serde_json::json!({}),
        }
    }

    #[test]
    fn a_secret_is_set_replaced_and_cleared_and_only_its_fingerprint_shows() {
        let (_dir, profiles) = profiles();
        let id = profiles.create(&input(), 1).unwrap().id;
        assert!(matches!(
            profiles.secret(&id),
            Err(ProfileError::NoSecret { .. })
        ));
        let status = profiles.set_secret(&id, " abc\n").unwrap();
        assert_eq!(status.fingerprint.as_deref(), Some("ba7816bf"));
        assert!(status.warning.is_some());
        assert!(!serde_json::to_string(&status).unwrap().contains("abc"));
        assert_eq!(profiles.secret(&id).unwrap().expose(), b"abc");
        profiles.set_secret(&id, "def").unwrap();
        assert_eq!(profiles.secret(&id).unwrap().expose(), b"def");
        assert!(!profiles.clear_secret(&id).unwrap().set);
        assert!(!profiles.secret_status(&id).unwrap().set);
    }

    #[test]
    fn signing_inspects_the_result_and_needs_a_secret() {
        let (_dir, profiles) = profiles();
        let id = profiles.create(&input(), 1).unwrap().id;
        let form = crate::signing::SignForm {
            email: "ann@example.com".into(),
            session_length: 600,
            ..Default::default()
        };
        assert!(matches!(
            profiles.sign(&id, &form, 1_700_000_000),
            Err(ProfileError::NoSecret { .. })
        ));
        profiles.set_secret(&id, "s3cret").unwrap();
        let signed = profiles.sign(&id, &form, 1_700_000_000).unwrap();
        assert!(signed.embedding.markup.contains("&amp;:embed=true"));
        assert!(signed.embedding.markup.starts_with("<iframe src=\""));
        assert!(signed.report.verification.as_ref().unwrap().accepted);
        assert!(!serde_json::to_string(&signed).unwrap().contains("s3cret"));
    }

    #[test]
    fn deleting_a_profile_removes_its_secret() {
        let (_dir, profiles) = profiles();
        let id = profiles.create(&input(), 1).unwrap().id;
        profiles.set_secret(&id, "s").unwrap();
        profiles.delete(&id).unwrap();
        assert!(matches!(
            profiles.secret_status(&id),
            Err(ProfileError::NotFound { .. })
        ));
    }

    /// A keychain that is locked: every call is refused.
    struct LockedVault;

    impl crate::keychain::Vault for LockedVault {
        fn store(&self, _: &str, _: &Secret) -> Result<(), KeychainError> {
            Err(KeychainError::Locked {
                reason: "locked".into(),
            })
        }
        fn load(&self, _: &str) -> Result<Option<Secret>, KeychainError> {
            Err(KeychainError::Locked {
                reason: "locked".into(),
            })
        }
        fn remove(&self, _: &str) -> Result<(), KeychainError> {
            Err(KeychainError::Locked {
                reason: "locked".into(),
            })
        }
    }

    #[test]
    fn a_locked_keychain_still_lists_profiles_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::open(&dir.path().join("p.sqlite"), Box::new(LockedVault)).unwrap();
        let id = profiles.create(&input(), 1).unwrap().id;
        assert!(matches!(
            profiles.secret_status(&id),
            Err(ProfileError::Keychain(KeychainError::Locked { .. }))
        ));
        let listed = profiles.listing_status(&id).unwrap();
        assert!(!listed.set);
        assert!(listed
            .warning
            .unwrap()
            .contains("Unlock your login keyring"));
        assert!(matches!(
            profiles.listing_status("missing"),
            Err(ProfileError::NotFound { .. })
        ));
    }
}
