//! The "Local demo" profiles: one per scheme, against the built-in local
//! host, each with a generated secret in the keychain, so the first launch
//! works with no vendor account.
//!
//! The local host picks a free port at each launch, so the demo profiles'
//! embed paths are moved to the current origin every time.

use embed_core::{Scheme, Secret};

use crate::error::ProfileError;
use crate::profiles::Profiles;
use crate::store::{Profile, ProfileInput};

fn fresh_secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Creates the demo profiles that are missing (with fresh secrets) and
/// points all of them at `origin` (`http://127.0.0.1:PORT`).
pub fn ensure(profiles: &Profiles, origin: &str, now: u64) -> Result<Vec<Profile>, ProfileError> {
    let demos = ensure_profiles(profiles, origin, now)?;
    ensure_secrets(profiles, &demos)?;
    Ok(demos)
}

/// The database half of [`ensure`] (fast): the demo profiles exist and
/// point at `origin`.
pub fn ensure_profiles(
    profiles: &Profiles,
    origin: &str,
    now: u64,
) -> Result<Vec<Profile>, ProfileError> {
    let existing = profiles.store().list()?;
    let mut out = Vec::new();
    let demos = embed_core::schemes::listed()
        .into_iter()
        .filter_map(|spec| spec.demo().map(|demo| (spec.scheme(), demo)));
    for (scheme, demo) in demos {
        let input = ProfileInput {
            name: demo.name.to_owned(),
            scheme,
            embed_path: format!("{origin}{}", demo.path),
            client_id: demo.client_id.to_owned(),
            defaults: serde_json::json!({}),
        };
        let profile = match existing.iter().find(|p| p.demo && p.name == demo.name) {
            Some(profile) if profile.embed_path == input.embed_path => profile.clone(),
            Some(profile) => {
                let moved = ProfileInput {
                    defaults: profile.defaults.clone(),
                    ..input
                };
                profiles.store().update(&profile.id, &moved)?
            }
            None => profiles.store().create(&input, true, now)?,
        };
        out.push(profile);
    }
    Ok(out)
}

/// The keychain half of [`ensure`] (a round trip per profile): every demo
/// has a secret.
pub fn ensure_secrets(profiles: &Profiles, demos: &[Profile]) -> Result<(), ProfileError> {
    for profile in demos {
        if !profiles.secret_status(&profile.id)?.set {
            profiles.set_secret(&profile.id, &fresh_secret())?;
        }
    }
    Ok(())
}

/// The setting that remembers the local host's origin between runs.
const LOCAL_ORIGIN: &str = "local_origin";

/// The local host listens on a new port each run: profiles that pointed at
/// the previous run's host (the demos and any the user added) move to
/// `origin`, keeping their paths. Returns how many moved.
pub fn follow_local_host(profiles: &Profiles, origin: &str) -> Result<usize, ProfileError> {
    let store = profiles.store();
    let moved = match store.setting(LOCAL_ORIGIN)? {
        Some(previous) if previous != origin => store.rebase_embed_paths(&previous, origin)?,
        _ => 0,
    };
    store.set_setting(LOCAL_ORIGIN, origin)?;
    Ok(moved)
}

/// A client the local host must know to accept a local profile's URLs.
#[derive(Debug)]
pub struct LocalClient {
    /// The client id, or `profile:<id>` for a profile without one (a
    /// scheme whose URLs name no client: the host tries its secret).
    pub id: String,
    /// The secret.
    pub secret: Secret,
    /// The schemes it signs: its profile's when it has no client id (so a
    /// Looker secret is never tried on a Bold BI URL), any otherwise.
    pub schemes: Vec<Scheme>,
}

/// The client of every profile whose embed path is on `origin`: what the
/// local host must know to accept their URLs.
pub fn local_clients(profiles: &Profiles, origin: &str) -> Result<Vec<LocalClient>, ProfileError> {
    let mut clients = Vec::new();
    for profile in profiles.store().list()? {
        if profile.embed_path.starts_with(origin) {
            if let Ok(secret) = profiles.secret(&profile.id) {
                let unnamed = profile.client_id.trim().is_empty();
                clients.push(LocalClient {
                    id: if unnamed {
                        format!("profile:{}", profile.id)
                    } else {
                        profile.client_id
                    },
                    secret,
                    schemes: if unnamed {
                        vec![profile.scheme]
                    } else {
                        Vec::new()
                    },
                });
            }
        }
    }
    Ok(clients)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_count() -> usize {
        embed_core::schemes::all()
            .iter()
            .filter(|s| s.demo().is_some())
            .count()
    }
    use crate::keychain::MemoryVault;

    #[test]
    fn profiles_on_the_local_host_follow_it_to_its_new_port() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::open(
            &dir.path().join("p.sqlite"),
            Box::new(MemoryVault::default()),
        )
        .unwrap();
        assert_eq!(
            follow_local_host(&profiles, "http://127.0.0.1:1111").unwrap(),
            0
        );
        let mine = |path: &str, name: &str| crate::store::ProfileInput {
            name: name.into(),
            scheme: embed_core::Scheme::SigmaClassic,
            embed_path: path.into(),
            client_id: "c".into(),
            defaults: serde_json::json!({}),
        };
        let local = profiles
            .create(&mine("http://127.0.0.1:1111/embed/7-mine", "Mine"), 1)
            .unwrap();
        let other = profiles
            .create(&mine("http://127.0.0.1:11112/embed/7-x", "Other port"), 1)
            .unwrap();
        let remote = profiles
            .create(
                &mine("https://app.sigmacomputing.com/embed/1-x", "Remote"),
                1,
            )
            .unwrap();
        assert_eq!(
            follow_local_host(&profiles, "http://127.0.0.1:2222").unwrap(),
            1
        );
        let path = |id: &str| profiles.store().get(id).unwrap().embed_path;
        assert_eq!(path(&local.id), "http://127.0.0.1:2222/embed/7-mine");
        assert_eq!(path(&other.id), "http://127.0.0.1:11112/embed/7-x");
        assert_eq!(path(&remote.id), "https://app.sigmacomputing.com/embed/1-x");
        assert_eq!(
            follow_local_host(&profiles, "http://127.0.0.1:2222").unwrap(),
            0
        );
    }

    #[test]
    fn demos_are_created_once_and_follow_the_origin() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::open(
            &dir.path().join("p.sqlite"),
            Box::new(MemoryVault::default()),
        )
        .unwrap();
        let first = ensure(&profiles, "http://127.0.0.1:1111", 1).unwrap();
        assert_eq!(first.len(), demo_count());
        let fingerprint = profiles.secret_status(&first[0].id).unwrap().fingerprint;
        let second = ensure(&profiles, "http://127.0.0.1:2222", 2).unwrap();
        assert_eq!(first[0].id, second[0].id);
        assert!(second[0]
            .embed_path
            .starts_with("http://127.0.0.1:2222/embed/"));
        assert_eq!(
            profiles.secret_status(&second[0].id).unwrap().fingerprint,
            fingerprint,
            "the secret is kept"
        );
        assert_eq!(profiles.store().list().unwrap().len(), demo_count());
        let clients = local_clients(&profiles, "http://127.0.0.1:2222").unwrap();
        assert_eq!(clients.len(), demo_count());
        let sigma: Vec<_> = clients
            .iter()
            .filter(|c| c.id == "local-demo-sigma")
            .collect();
        assert_eq!(sigma.len(), 1);
        assert!(
            sigma[0].schemes.is_empty(),
            "a named client signs any scheme"
        );
        // Looker's profile names no client: the host knows its secret by the
        // profile and tries it on Looker URLs only.
        let looker = second.iter().find(|p| p.scheme == Scheme::Looker).unwrap();
        let client = clients
            .iter()
            .find(|c| c.id == format!("profile:{}", looker.id))
            .unwrap();
        assert_eq!(client.schemes, vec![Scheme::Looker]);
        // A Looker URL names no client: it belongs to the profile on its host,
        // whichever dashboard it opens.
        let store = profiles.store();
        let found = |scheme, path: &str| store.matching(scheme, None, path).unwrap().map(|p| p.id);
        assert_eq!(
            found(Scheme::Looker, "http://127.0.0.1:2222/embed/dashboards/7"),
            Some(looker.id.clone())
        );
        assert_eq!(
            found(Scheme::Looker, "https://acme.looker.com/embed/dashboards/1"),
            None
        );
        // The local host's setting judges its own profiles; a vendor's
        // profile is judged with its saved algorithm.
        use embed_core::schemes::looker::Algorithm;
        let host = embed_core::Policy::default();
        let mut saved = looker.clone();
        saved.defaults = serde_json::json!({ "algorithm": "sha256" });
        let judged = |p: &Profile| p.judging_policy(host.clone(), "http://127.0.0.1:2222");
        assert_eq!(
            embed_core::schemes::looker::settings::algorithm(&judged(&saved)),
            Algorithm::Sha1,
            "on the local host"
        );
        saved.embed_path = "https://acme.looker.com/embed/dashboards/1".into();
        assert_eq!(
            embed_core::schemes::looker::settings::algorithm(&judged(&saved)),
            Algorithm::Sha256
        );
        assert!(found(
            Scheme::BoldBi,
            "http://127.0.0.1:2222/bi/site/demo/dashboards/local-demo/Sales/Overview"
        )
        .is_some());
        assert_eq!(
            client.secret.fingerprint(),
            profiles.secret(&looker.id).unwrap().fingerprint()
        );
    }
}
