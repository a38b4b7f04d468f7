//! Start-up: open the profile database in the OS app-data folder, start the
//! local host on 127.0.0.1 (any free port), create the "Local demo"
//! profiles and teach the host their clients.

use std::time::{SystemTime, UNIX_EPOCH};

use embed_host::{HostOptions, Org};
use embed_profiles::keychain::OsKeychain;
use embed_profiles::Profiles;
use tauri::{App, Manager};

use crate::state::AppState;

/// The keychain service the secrets are stored under.
pub const KEYCHAIN_SERVICE: &str = "embed-sandbox";

/// Builds the app state; errors are shown by the caller, not panicked.
pub fn init(app: &App) -> Result<AppState, String> {
    let data = app
        .path()
        .app_data_dir()
        .map_err(|e| format!("no app data folder: {e}"))?;
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let profiles = Profiles::open(
        &data.join("profiles.sqlite"),
        Box::new(OsKeychain::new(KEYCHAIN_SERVICE)),
    )
    .map_err(|e| format!("{e}. {}", e.fix()))?;
    let addr = "127.0.0.1:0".parse().map_err(|e| format!("{e}"))?;
    let host = tauri::async_runtime::block_on(embed_host::start(HostOptions {
        addr,
        org: Org::demo(vec![]),
        ledger: None,
    }))
    .map_err(|e| format!("{e}. {}", e.fix()))?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    if let Err(e) = embed_profiles::demo::follow_local_host(&profiles, &host.origin()) {
        eprintln!("warning: profiles on the local host could not follow it to its new port: {e}");
    }
    if let Err(e) = profiles.store().seed_tiers() {
        eprintln!("warning: could not add the default tier presets: {e}");
    }
    // A failing keychain must not stop the app: the UI reports it on use.
    if let Err(e) = embed_profiles::demo::ensure(&profiles, &host.origin(), now) {
        eprintln!(
            "warning: could not prepare the demo profiles: {e}. {}",
            e.fix()
        );
    }
    let state = AppState { profiles, host };
    state.sync_host_clients();
    Ok(state)
}
