//! The app's managed state: profiles (SQLite + keychain) and the embedded local host.

use embed_host::RunningHost;
use embed_profiles::history::{HistoryEntry, HistoryKind};
use embed_profiles::Profiles;

/// Everything commands reach through `State<'_, AppState>`.
pub struct AppState {
    /// Profiles and their secrets.
    pub profiles: Profiles,
    /// The local host the demo profiles and the preview use.
    pub host: RunningHost,
    /// Each profile's last load into the preview, followed until its status is known.
    pub loads: embed_lab::watch::Loads,
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
    ) {
        let profile = profile_id.and_then(|id| self.profiles.store().get(id).ok());
        let user = embed_core::Embed::read(url)
            .ok()
            .and_then(|e| e.facts.email);
        let entry = HistoryEntry {
            id: 0,
            time: crate::commands::profiles::now(),
            kind,
            profile_id: profile.as_ref().map(|p| p.id.clone()),
            profile_name: profile.map(|p| p.name),
            user,
            scenario: scenario.map(str::to_owned),
            verdict: verdict.to_owned(),
            url: url.to_owned(),
        };
        if let Err(e) = self.profiles.store().record(&entry) {
            eprintln!("warning: could not record history: {e}");
        }
    }

    /// Registers every local profile's client with the host (after a
    /// profile or secret changes), so its URLs verify.
    pub fn sync_host_clients(&self) {
        let origin = self.host.origin();
        if let Ok(clients) = embed_profiles::demo::local_clients(&self.profiles, &origin) {
            for (id, secret) in clients {
                self.host.state.upsert_client(embed_host::Client {
                    id,
                    secret,
                    schemes: vec![],
                });
            }
        }
    }
}
