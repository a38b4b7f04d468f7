//! The preview: a separate window showing the local host's parent page
//! around the signed URL. No capability names this window, so nothing it
//! loads (local mock or real vendor) can call an app command.

use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

use crate::error::IpcError;

/// The preview window's label; deliberately absent from every capability.
pub const LABEL: &str = "preview";

/// Shows `page` in the preview window, creating it if needed.
pub fn show(app: &AppHandle, page: &str) -> Result<(), IpcError> {
    let url: tauri::Url = page
        .parse()
        .map_err(|e| IpcError::shell(format!("the preview address is not a URL: {e}")))?;
    if let Some(window) = app.get_webview_window(LABEL) {
        window.navigate(url).map_err(IpcError::shell)?;
        return window.set_focus().map_err(IpcError::shell);
    }
    WebviewWindowBuilder::new(app, LABEL, WebviewUrl::External(url))
        .title("Embed Sandbox · preview")
        .inner_size(1100.0, 760.0)
        .build()
        .map(|_| ())
        .map_err(IpcError::shell)
}
