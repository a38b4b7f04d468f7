//! `/__sandbox/compare?a=<url>&b=<url>&la=<label>&lb=<label>`: two embeds
//! side by side, for comparing two tiers of one user in one preview. Like
//! the parent page it never calls the app and frames only http(s) URLs.

use axum::http::StatusCode;
use axum::response::Response;

use crate::html::{esc, script_json, Page};
use crate::pages::parent::acceptable_src;

/// Renders the compare page for two (label, url) pairs.
pub fn render(frames: [(Option<&str>, Option<&str>); 2]) -> Response {
    let mut panes = String::new();
    let mut specs = Vec::new();
    for (i, (label, src)) in frames.iter().enumerate() {
        let Some(src) = src.filter(|s| acceptable_src(s)) else {
            let body = format!(
                "<header><h1>Embed Sandbox · compare</h1></header><p class=\"pad\" data-testid=\"bad-src\">Pass two embed URLs as <code>?a=</code> and <code>?b=</code>, percent-encoded, each starting with http:// or https://. Embed {} is <code>{}</code>.</p>",
                i + 1,
                esc(src.unwrap_or("(missing)"))
            );
            return Page {
                title: "Embed Sandbox · compare",
                assets: &["base.css", "compare.css"],
                body,
                data: None,
                csp_extra: None,
            }
            .respond(StatusCode::BAD_REQUEST);
        };
        let label = label.unwrap_or(if i == 0 { "A" } else { "B" });
        panes.push_str(&format!(
            "<section class=\"pane\"><h2 data-testid=\"label-{i}\">{}</h2><div class=\"status\" id=\"status-{i}\" data-testid=\"status-{i}\">loading…</div><iframe id=\"embed-{i}\" title=\"{}\" data-testid=\"embed-frame-{i}\"></iframe></section>",
            esc(label),
            esc(label)
        ));
        specs.push(format!("{{\"src\":{}}}", script_json(&src)));
    }
    Page {
        title: "Embed Sandbox · compare",
        assets: &["base.css", "compare.css", "compare.js"],
        body: format!(
            "<header><h1>Embed Sandbox · compare</h1></header><div class=\"panes\">{panes}</div>"
        ),
        data: Some(format!("{{\"frames\":[{}]}}", specs.join(","))),
        // Nobody frames the page that relays events: a hostile page cannot
        // wrap it around an iframe of its own choosing.
        csp_extra: Some("frame-src http: https:; connect-src 'self'; frame-ancestors 'none'"),
    }
    .respond(StatusCode::OK)
}
