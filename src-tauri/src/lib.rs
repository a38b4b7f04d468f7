//! Embed Sandbox's desktop shell (Tauri 2): windows, managed state and thin
//! commands. All signing, checking and storage live in the crates under
//! `crates/`; this crate only wires them to the UI.

mod commands;
pub mod error;
mod preview;
mod setup;
mod state;
mod window;

use tauri::Manager;

/// Runs the app until its last window closes.
pub fn run() -> Result<(), String> {
    tauri::Builder::default()
        .setup(|app| {
            let (state, demos) = setup::init(app)?;
            app.manage(state);
            window::lighten_main(app);
            setup::finish_in_background(app.handle(), demos);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::profiles::app_info,
            commands::profiles::list_profiles,
            commands::profiles::create_profile,
            commands::profiles::update_profile,
            commands::profiles::delete_profile,
            commands::profiles::set_secret,
            commands::profiles::clear_secret,
            commands::profiles::sign,
            commands::profiles::open_preview,
            commands::profiles::load_status,
            commands::host::preview_activity,
            commands::host::check_form,
            commands::host::host_settings,
            commands::host::set_host_setting,
            commands::lab::run_scenarios,
            commands::lab::replay,
            commands::lab::preview_scenario,
            commands::lab::inspect_url,
            commands::lab::diff_urls,
            commands::lab::open_in_form,
            commands::lab::snippet,
            commands::doctor::doctor,
            commands::doctor::blank_frames,
            commands::doctor::reproduce_blank_frame,
            commands::doctor::token_endpoint,
            commands::history::history,
            commands::history::record_copied,
            commands::history::clear_history,
            commands::tiers::list_tiers,
            commands::tiers::apply_tier,
            commands::tiers::save_tier,
            commands::tiers::save_form_tier,
            commands::tiers::active_tier,
            commands::tiers::delete_tier,
            commands::tiers::restore_tiers,
            commands::tiers::export_tiers,
            commands::tiers::import_tiers,
            commands::tiers::compare_tiers,
        ])
        .run(tauri::generate_context!())
        .map_err(|e| e.to_string())
}
