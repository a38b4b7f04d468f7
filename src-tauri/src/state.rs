//! The app's managed state: profiles (SQLite + keychain) and the embedded local host.

use embed_host::RunningHost;
use embed_profiles::history::{HistoryEntry, HistoryKind};
use embed_profiles::Profiles;
use std::time::{SystemTime, UNIX_EPOCH};

/// Everything commands reach through `State<'_, AppState>`.
pub struct AppState {
    /// Profiles and their secrets.
    pub profiles: Profiles,
    /// The local host the demo profiles and the preview use.
    pub host: RunningHost,
    /// Each profile's last load into the preview, followed until its status is known.
    pub loads: embed_lab::watch::Loads,
    /// History entries of loads whose outcome is not known yet, by profile:
    /// the URL loaded and the entry to complete once its status settles.
    pub pending_history: std::sync::Mutex<std::collections::HashMap<String, (String, i64)>>,
}

impl AppState {
    /// Deletes a profile and its secret, and forgets its client on the
    /// local host unless another profile still uses it.
    pub fn delete_profile(&self, id: &str) -> Result<(), embed_profiles::ProfileError> {
        let client_id = self.profiles.store().get(id)?.client_id;
        self.profiles.delete(id)?;
        self.loads.forget(id);
        let still_used = self
            .profiles
            .store()
            .list()?
            .iter()
            .any(|p| p.client_id == client_id);
        if !still_used {
            self.host.state.remove_client(&client_id);
        }
        Ok(())
    }

    /// Remembers what happened to `url` in the history. History never
    /// blocks a workflow: a failure is reported on standard error only.
    pub fn remember(
        &self,
        kind: HistoryKind,
        profile_id: Option<&str>,
        url: &str,
        verdict: &str,
        scenario: Option<&str>,
    ) -> Option<i64> {
        let profile = profile_id.and_then(|id| self.profiles.store().get(id).ok());
        // Who the URL signs in: its email, or (Looker) its external user id.
        let user = embed_core::Embed::read(url)
            .ok()
            .and_then(|e| e.facts.email.or(e.facts.external_user_id));
        let entry = HistoryEntry {
            id: 0,
            time: now(),
            kind,
            profile_id: profile.as_ref().map(|p| p.id.clone()),
            profile_name: profile.map(|p| p.name),
            user,
            scenario: scenario.map(str::to_owned),
            verdict: verdict.to_owned(),
            url: url.to_owned(),
        };
        match self.profiles.store().record(&entry) {
            Ok(id) => Some(id),
            Err(e) => {
                eprintln!("warning: could not record history: {e}");
                None
            }
        }
    }

    /// Remembers a load into the preview; its outcome is written once known
    /// (see [`AppState::settle_history`]).
    pub fn remember_load(&self, profile_id: &str, url: &str) {
        let entry = self.remember(
            HistoryKind::Loaded,
            Some(profile_id),
            url,
            "sent to the preview; outcome not seen yet",
            None,
        );
        let mut pending = self
            .pending_history
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match entry {
            Some(entry) => pending.insert(profile_id.to_owned(), (url.to_owned(), entry)),
            None => pending.remove(profile_id),
        };
    }

    /// Writes a load's settled status into its history entry, once.
    pub fn settle_history(&self, profile_id: &str, view: &embed_lab::watch::LoadView) {
        if !view.status.settled {
            return;
        }
        let mut pending = self
            .pending_history
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((url, entry)) = pending.remove(profile_id) {
            if url == view.url {
                if let Err(e) = self.profiles.store().set_verdict(entry, &view.status.pill) {
                    eprintln!("warning: could not record the load's outcome: {e}");
                }
            }
        }
    }

    /// Registers every local profile's client with the host (after a
    /// profile or secret changes), so its URLs verify.
    pub fn sync_host_clients(&self) {
        let origin = self.host.origin();
        if let Ok(clients) = embed_profiles::demo::local_clients(&self.profiles, &origin) {
            for client in clients {
                self.host.state.upsert_client(embed_host::Client {
                    id: client.id,
                    secret: client.secret,
                    schemes: client.schemes,
                });
            }
        }
    }
}

/// Now, Unix seconds.
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
