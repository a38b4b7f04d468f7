//! `/__sandbox/parent?src=<url>`: a realistic parent page, like the seed's
//! `index.html` (a title and an iframe), that loads any embed URL, local or
//! remote, and shows the load status and every message the embed posts.
//!
//! This is what the desktop preview shows. It never calls the app: it runs
//! in a webview with no IPC at all, and accepts messages only from its own
//! iframe.

use axum::http::StatusCode;
use axum::response::Response;

use crate::html::{esc, script_json, Page, BASE_STYLE};

const STYLE: &str = "body{display:flex;flex-direction:column;height:100vh}header{padding:10px 16px;border-bottom:1px solid var(--line)}\
#status{font-weight:600}#status.ok{color:#15803d}#status.error{color:#b91c1c}\
iframe{flex:1;border:0;border-bottom:1px solid var(--line);width:100%;min-height:300px}\
#events{height:160px;overflow:auto;margin:0;padding:8px 16px;font:12px ui-monospace,monospace;background:var(--card)}";

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
            "<header><h1>Embed Sandbox preview</h1></header><p style=\"padding:16px\" data-testid=\"bad-src\">Pass the embed URL as <code>?src=</code>, percent-encoded; it must start with http:// or https://. Got: <code>{}</code></p>",
            esc(src.unwrap_or("(nothing)"))
        );
        let style = format!("{BASE_STYLE}{STYLE}");
        return Page {
            title: "Embed Sandbox preview",
            style: &style,
            body,
            script: String::new(),
            frames: None,
            connect: None,
        }
        .respond(StatusCode::BAD_REQUEST);
    };
    let body = "<header><h1>Embed Sandbox preview</h1><div>Status: <span id=\"status\" data-testid=\"status\">loading…</span></div></header>\
        <iframe id=\"embed\" title=\"Embedded analytics\" data-testid=\"embed-frame\"></iframe>\
        <pre id=\"events\" data-testid=\"events\" aria-live=\"polite\"></pre>"
        .to_owned();
    let script = format!("const src = {};\n{SCRIPT}", script_json(&src));
    let style = format!("{BASE_STYLE}{STYLE}");
    Page {
        title: "Embed Sandbox preview",
        style: &style,
        body,
        script,
        frames: Some("http: https:"),
        connect: None,
    }
    .respond(StatusCode::OK)
}

const SCRIPT: &str = r#"
const frame = document.getElementById('embed');
const status = document.getElementById('status');
const events = document.getElementById('events');
let settled = false;
function setStatus(text, kind) { status.textContent = text; status.className = kind || ''; }
function log(line) { events.textContent += new Date().toISOString().slice(11, 19) + '  ' + line + '\n'; events.scrollTop = events.scrollHeight; }
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  let text;
  try { text = JSON.stringify(event.data); } catch (e) { text = String(event.data); }
  log(event.origin + '  ' + text);
  const data = event.data || {};
  if (data.type === 'workbook:loaded') { settled = true; setStatus('embed loaded', 'ok'); }
  if (data.type === 'workbook:error') { settled = true; setStatus('embed error: ' + (data.message || data.code || 'unknown'), 'error'); }
  if (data.type === 'workbook:pageheight:onchange' && typeof data.pageHeight === 'number') { frame.style.height = data.pageHeight + 'px'; frame.style.flex = 'none'; }
});
frame.addEventListener('load', () => { if (!settled) setStatus('page loaded (no embed event yet)'); log('iframe load event'); });
log('loading ' + src);
frame.src = src;
"#;

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
