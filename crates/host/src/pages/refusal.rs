//! The page a refused embed shows: the vendor's words, whose words they are,
//! why, what to change, and the setting the verdict depended on. It posts
//! `workbook:error` with `{code, message}` to the parent.

use axum::http::StatusCode;
use axum::response::Response;
use embed_core::verdict::{Refusal, Wording};
use embed_core::Scheme;

use super::events::POST;
use crate::html::{esc, script_json, Page, BASE_STYLE};

const STYLE: &str = "main{max-width:720px;margin:48px auto;padding:0 16px}.message{font-size:18px;margin:0 0 8px}\
.label{font-size:12px;color:var(--muted);margin:16px 0 4px;text-transform:uppercase;letter-spacing:.04em}";

/// Renders a refusal with `status`.
pub fn render(scheme: Scheme, refusal: &Refusal, status: u16) -> Response {
    let whose = match refusal.wording {
        Wording::Vendor => format!("{}'s own text", scheme.vendor()),
        Wording::Product => format!(
            "Embed Sandbox's wording: {} documents no text for this",
            scheme.vendor()
        ),
    };
    let mut body = format!(
        "<main data-testid=\"refusal\" data-reason=\"{}\"><p class=\"message\" data-testid=\"message\">{}</p><p class=\"muted\" data-testid=\"wording\">{}</p>",
        refusal.reason.id(),
        esc(&refusal.message),
        esc(&whose)
    );
    if let Some(code) = refusal.code {
        body.push_str(&format!(
            "<p>code <code data-testid=\"code\">{code}</code></p>"
        ));
    }
    body.push_str(&format!(
        "<div class=\"card\"><div class=\"label\">What happened</div><div data-testid=\"explanation\">{}</div><div class=\"label\">What to change</div><div>{}</div>",
        esc(&refusal.explanation),
        esc(&refusal.fix)
    ));
    if let Some(setting) = &refusal.setting {
        body.push_str(&format!(
            "<div class=\"label\">Setting applied</div><div data-testid=\"setting\"><code>{} = {}</code> ({})</div>",
            esc(setting.name),
            esc(&setting.value),
            esc(setting.note)
        ));
    }
    body.push_str("</div><p class=\"muted\">Embed Sandbox local host: this page stands in for the vendor's error page.</p></main>");
    let event = serde_json::json!({ "code": refusal.code.unwrap_or(refusal.reason.id()), "message": refusal.message });
    let script = format!("{POST}post('workbook:error', {});\n", script_json(&event));
    let style = format!("{BASE_STYLE}{STYLE}");
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN);
    Page {
        title: "Embed refused",
        style: &style,
        body,
        script,
        frames: None,
        connect: None,
    }
    .respond(status)
}
