//! Small helpers for the pages the host writes: escaping, a page shell with
//! a strict per-response CSP, and JSON that is safe inside `<script>`.
//!
//! Every value that came from a URL is hostile: it is escaped here, and the
//! CSP allows only the page's own inline code (by nonce) and nothing remote.

use std::borrow::Cow;

use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The URL prefix of the assets, versioned with the crate.
pub const ASSET_PREFIX: &str = concat!("/__sandbox/assets/", env!("CARGO_PKG_VERSION"), "/");

/// Escapes text for HTML content and attribute values (borrowed when
/// nothing needs escaping, which is almost always).
pub fn esc(text: &str) -> Cow<'_, str> {
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
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
    Cow::Owned(out)
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

/// A page: title, its assets (CSS and JS served by [`crate::assets`]), body
/// and data (a JSON block the scripts read). Nothing inline is executable,
/// so the CSP allows scripts and styles from the host only.
pub struct Page<'a> {
    /// The `<title>`.
    pub title: &'a str,
    /// Asset names: `.css` become stylesheets, `.js` scripts, in order.
    pub assets: &'a [&'static str],
    /// The `<body>` content (already escaped).
    pub body: String,
    /// JSON for `<script type="application/json" id="data">` (script-safe).
    pub data: Option<String>,
    /// Extra CSP directives (the parent page frames embeds; the probe connects).
    pub csp_extra: Option<&'a str>,
}

impl<'a> Page<'a> {
    /// A page with these assets and no data.
    pub fn new(title: &'a str, assets: &'a [&'static str], body: String) -> Self {
        Page {
            title,
            assets,
            body,
            data: None,
            csp_extra: None,
        }
    }
}

/// The pages' policy: nothing but the host's own scripts and styles.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";

impl Page<'_> {
    /// Renders with `status`.
    pub fn respond(self, status: StatusCode) -> Response {
        let mut html = String::with_capacity(
            self.body.len() + self.data.as_ref().map_or(0, String::len) + 1024,
        );
        html.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
        html.push_str(&esc(self.title));
        html.push_str("</title>");
        for css in self.assets.iter().filter(|a| a.ends_with(".css")) {
            html.push_str("<link rel=\"stylesheet\" href=\"");
            html.push_str(ASSET_PREFIX);
            html.push_str(css);
            html.push_str("\">");
        }
        html.push_str("</head>\n<body>");
        html.push_str(&self.body);
        if let Some(data) = &self.data {
            html.push_str("\n<script type=\"application/json\" id=\"data\">");
            html.push_str(data);
            html.push_str("</script>");
        }
        for js in self.assets.iter().filter(|a| a.ends_with(".js")) {
            html.push_str("\n<script src=\"");
            html.push_str(ASSET_PREFIX);
            html.push_str(js);
            html.push_str("\"></script>");
        }
        html.push_str("</body></html>\n");
        let mut response = (status, html).into_response();
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
        headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        let csp = match self.csp_extra {
            None => HeaderValue::from_static(CSP),
            Some(extra) => HeaderValue::from_str(&format!("{CSP}; {extra}"))
                .unwrap_or(HeaderValue::from_static(CSP)),
        };
        headers.insert(CONTENT_SECURITY_POLICY, csp);
        response
    }
}

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
