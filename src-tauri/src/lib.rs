//! Embed Sandbox's desktop shell (Tauri 2): windows, managed state and thin
//! commands. All signing, checking and storage live in the crates under
//! `crates/`; this crate only wires them to the UI.

mod commands;
pub mod error;
mod preview;
mod setup;
mod state;

use tauri::Manager;

/// Runs the app until its last window closes.
pub fn run() -> Result<(), String> {
    tauri::Builder::default()
        .setup(|app| {
            let state = setup::init(app)?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_profiles,
            commands::create_profile,
            commands::update_profile,
            commands::delete_profile,
            commands::set_secret,
            commands::clear_secret,
            commands::sign,
            commands::open_preview,
            commands::preview_activity,
            commands::interface_fields,
            commands::host_settings,
            commands::set_host_settings,
        ])
        .run(tauri::generate_context!())
        .map_err(|e| e.to_string())
}
