//! Small helpers for the pages the host writes: escaping, a page shell with
//! a strict per-response CSP, and JSON that is safe inside `<script>`.
//!
//! Every value that came from a URL is hostile: it is escaped here, and the
//! CSP allows only the page's own inline code (by nonce) and nothing remote.

use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON for embedding in a `<script>`: `<`, `>` and `&` escaped so no value
/// can close the script element.
pub fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".to_owned())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A page: title, style, body and script, under a CSP that allows only
/// this response's inline style and script. `frames` lists what may be framed.
pub struct Page<'a> {
    /// The `<title>`.
    pub title: &'a str,
    /// CSS.
    pub style: &'a str,
    /// The `<body>` content (already escaped).
    pub body: String,
    /// JavaScript.
    pub script: String,
    /// Extra `frame-src` sources (the parent page frames embeds).
    pub frames: Option<&'a str>,
    /// Extra `connect-src` sources.
    pub connect: Option<&'a str>,
}

impl Page<'_> {
    /// Renders with `status`.
    pub fn respond(self, status: StatusCode) -> Response {
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let html = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{}</title><style nonce=\"{nonce}\">{}</style></head>\n<body>{}\n<script nonce=\"{nonce}\">{}</script></body></html>\n",
            esc(self.title),
            self.style,
            self.body,
            self.script
        );
        let mut csp = format!("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:; base-uri 'none'; form-action 'none'");
        if let Some(frames) = self.frames {
            csp.push_str("; frame-src ");
            csp.push_str(frames);
        }
        if let Some(connect) = self.connect {
            csp.push_str("; connect-src ");
            csp.push_str(connect);
        }
        let mut response = (status, html).into_response();
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
        headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        if let Ok(value) = HeaderValue::from_str(&csp) {
            headers.insert(CONTENT_SECURITY_POLICY, value);
        }
        response
    }
}

/// Shared look of the host's own pages.
pub const BASE_STYLE: &str = "\
:root{--bg:#fff;--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--accent:#4f46e5;--card:#f8f9fb}\
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:var(--bg);color:var(--fg)}\
h1{font-size:18px;margin:0}h2{font-size:15px;margin:16px 0 8px}code{font:12px ui-monospace,monospace}\
.muted{color:var(--muted)}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:12px 0}\
.chip{display:inline-block;padding:1px 8px;border-radius:10px;background:var(--line);margin:0 4px 4px 0;font-size:12px}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line)}th{font-weight:600}\
td.num{text-align:right;font-variant-numeric:tabular-nums}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_cannot_break_out() {
        assert_eq!(esc("<script>\"'&"), "&lt;script&gt;&quot;&#39;&amp;");
        assert_eq!(
            script_json(&"</script><b>"),
            "\"\\u003c/script\\u003e\\u003cb\\u003e\""
        );
    }
}
