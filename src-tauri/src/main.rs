//! The `embed-sandbox-app` binary.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match embed_sandbox_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: Embed Sandbox could not start: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
