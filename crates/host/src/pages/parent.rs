//! `/__sandbox/parent?src=<url>`: a realistic parent page, like the seed's
//! `index.html` (a title and an iframe), that loads any embed URL, local or
//! remote, and shows the load status and every message the embed posts.
//!
//! This is what the desktop preview shows. It never calls the app: it runs
//! in a webview with no IPC at all, and accepts messages only from its own
//! iframe.

use axum::http::StatusCode;
use axum::response::Response;

use crate::html::{esc, script_json, Page};

/// Whether `src` may be framed: an absolute http(s) URL with no whitespace.
pub fn acceptable_src(src: &str) -> bool {
    let lower = src
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !src.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Renders the parent page for `src`.
pub fn render(src: Option<&str>) -> Response {
    let Some(src) = src.filter(|s| acceptable_src(s)) else {
        let body = format!(
            "<header><h1>Embed Sandbox preview</h1></header><p class=\"pad\" data-testid=\"bad-src\">Pass the embed URL as <code>?src=</code>, percent-encoded; it must start with http:// or https://. Got: <code>{}</code></p>",
            esc(src.unwrap_or("(nothing)"))
        );
        return Page {
            title: "Embed Sandbox preview",
            assets: &["base.css", "parent.css"],
            body,
            data: None,
            csp_extra: None,
        }
        .respond(StatusCode::BAD_REQUEST);
    };
    // The vendor whose events the composer offers: the one the URL speaks.
    let scheme = embed_core::query::ParsedUrl::parse(src)
        .ok()
        .and_then(|url| embed_core::schemes::detect(&url).ok())
        .unwrap_or(embed_core::Scheme::ORIGINAL);
    let (inbound, note, text_messages) = crate::vendors::inbound_events(scheme);
    let body = format!(
        "<header><h1>Embed Sandbox preview</h1><div>Status: <span id=\"status\" data-testid=\"status\">loading…</span></div></header>\
        <iframe id=\"embed\" title=\"Embedded analytics\" data-testid=\"embed-frame\"></iframe>\
        <details id=\"composer\" data-testid=\"composer\"><summary>Send an event to the embed</summary>\
        <form id=\"send-form\"><label for=\"event-type\">Inbound event</label> <select id=\"event-type\" data-testid=\"event-type\"></select> \
        <span id=\"event-note\" class=\"muted\"></span><br><label for=\"event-body\">Message (JSON)</label>\
        <textarea id=\"event-body\" data-testid=\"event-body\" rows=\"3\" spellcheck=\"false\"></textarea>\
        <label for=\"event-target\">Target origin</label> <input id=\"event-target\" data-testid=\"event-target\"> \
        <button type=\"submit\" data-testid=\"event-send\">Send</button> <span id=\"send-result\" role=\"status\"></span></form>\
        <p class=\"muted\" data-testid=\"sdk-note\">{}</p></details>\
        <pre id=\"events\" data-testid=\"events\" aria-live=\"polite\"></pre>",
        esc(note)
    );
    let data = serde_json::json!({
        "src": src,
        "inbound": inbound,
        "text_messages": text_messages,
        "outbound": crate::vendors::outbound_events(),
        "loaded": crate::vendors::loaded_events(),
        "posts_loaded": crate::vendors::posts_loaded_event(scheme),
    });
    let data = script_json(&data);
    Page {
        title: "Embed Sandbox preview",
        assets: &["base.css", "parent.css", "parent.js"],
        body,
        data: Some(data),
        // Nobody frames the page that relays events: a hostile page cannot
        // wrap it around an iframe of its own choosing.
        csp_extra: Some("frame-src http: https:; connect-src 'self'; frame-ancestors 'none'"),
    }
    .respond(StatusCode::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_framed() {
        assert!(acceptable_src("https://app.sigmacomputing.com/embed/x?a=1"));
        assert!(acceptable_src("http://127.0.0.1:1/embed/x"));
        assert!(!acceptable_src("javascript:alert(1)"));
        assert!(!acceptable_src("data:text/html,hi"));
        assert!(!acceptable_src("https://x/\nevil"));
    }
}
