//! Start-up: open the profile database in the OS app-data folder, start the
//! local host on 127.0.0.1 (any free port), create the "Local demo"
//! profiles and teach the host their clients.

use std::time::{SystemTime, UNIX_EPOCH};

use embed_host::{HostOptions, Org};
use embed_profiles::keychain::OsKeychain;
use embed_profiles::{Profile, Profiles};
use tauri::{App, Emitter, Manager};

use crate::state::AppState;

/// The keychain service the secrets are stored under.
pub const KEYCHAIN_SERVICE: &str = "embed-sandbox";

/// Builds the app state; errors are shown by the caller, not panicked.
pub fn init(app: &App) -> Result<(AppState, Vec<Profile>), String> {
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
    let host =
        tauri::async_runtime::block_on(embed_host::start(HostOptions::loopback(Org::demo(vec![]))))
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
    let demos = embed_profiles::demo::ensure_profiles(&profiles, &host.origin(), now)
        .unwrap_or_else(|e| {
            eprintln!(
                "warning: could not prepare the demo profiles: {e}. {}",
                e.fix()
            );
            Vec::new()
        });
    Ok((
        AppState {
            profiles,
            host,
            loads: embed_lab::watch::Loads::default(),
            pending_history: Default::default(),
        },
        demos,
    ))
}

/// The keychain work of start-up, off the window's critical path: demo
/// secrets, then the host learns every local client. The UI re-lists the
/// profiles when [`KEYCHAIN_READY`] arrives.
pub fn finish_in_background(app: &tauri::AppHandle, demos: Vec<Profile>) {
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        // A failing keychain must not stop the app: the UI reports it on use.
        if let Err(e) = embed_profiles::demo::ensure_secrets(&state.profiles, &demos) {
            eprintln!(
                "warning: could not give the demo profiles their secrets: {e}. {}",
                e.fix()
            );
        }
        state.sync_host_clients();
        if let Err(e) = app.emit_to("main", KEYCHAIN_READY, ()) {
            eprintln!("warning: could not tell the window the keychain is read: {e}");
        }
    });
}

/// The event the main window hears when start-up's keychain work is done.
pub const KEYCHAIN_READY: &str = "keychain-ready";
