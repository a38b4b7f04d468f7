//! The main window renders without GPU compositing.
//!
//! Its UI is forms and tables: software rendering draws it just as well, and
//! it saves the memory of a second accelerated compositor beside the
//! preview's (about 80 MiB under WebKitGTK). The preview window keeps the
//! default, since real vendor embeds may use WebGL.

use tauri::{App, Manager};

/// Turns hardware acceleration off for the main window's webview.
#[cfg(target_os = "linux")]
pub fn lighten_main(app: &App) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let applied = window.with_webview(|webview| {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    if let Err(e) = applied {
        eprintln!("warning: the main window keeps GPU compositing: {e}");
    }
}

/// Elsewhere the platform's default stands.
#[cfg(not(target_os = "linux"))]
pub fn lighten_main(_app: &App) {}
