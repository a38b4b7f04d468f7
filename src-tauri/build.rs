//! Declares the app's commands so capabilities can allow them one by one.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "list_profiles",
        "create_profile",
        "update_profile",
        "delete_profile",
        "set_secret",
        "clear_secret",
        "sign",
        "open_preview",
        "load_status",
        "preview_activity",
        "check_form",
        "host_settings",
        "set_host_setting",
        "run_scenarios",
        "replay",
        "preview_scenario",
        "inspect_url",
        "diff_urls",
        "open_in_form",
        "snippet",
        "history",
        "record_copied",
        "clear_history",
        "list_tiers",
        "apply_tier",
        "save_tier",
        "save_form_tier",
        "active_tier",
        "delete_tier",
        "restore_tiers",
        "export_tiers",
        "import_tiers",
        "compare_tiers",
        "doctor",
        "blank_frames",
        "reproduce_blank_frame",
        "token_endpoint",
    ]);
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
    {
        println!("cargo:warning=tauri build step failed: {error}");
        std::process::exit(1);
    }
}
