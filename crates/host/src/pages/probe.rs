//! `/__sandbox/probe`: a page that tries every route into a Tauri app's IPC
//! and lists what happened. The desktop app's end-to-end test loads it in
//! the preview window, where every attempt must fail. Its CSP lets the
//! attempts be made (so the app's isolation, not this page's policy, is what
//! stops them).

use axum::http::StatusCode;
use axum::response::Response;

use crate::html::Page;

/// Renders the probe.
pub fn render() -> Response {
    let body = "<main class=\"page\"><h1>IPC probe</h1><ul id=\"results\" data-testid=\"results\"></ul></main>".to_owned();
    Page {
        csp_extra: Some("connect-src * ipc: http://ipc.localhost"),
        ..Page::new("IPC probe", &["base.css", "probe.js"], body)
    }
    .respond(StatusCode::OK)
}
