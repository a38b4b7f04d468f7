//! The page a refused embed shows: the vendor's words, whose words they are,
//! why, what to change, and the setting the verdict depended on. Where the
//! vendor's embed reports errors to its parent (Sigma's `workbook:error`),
//! it posts `{code, message}`; Looker's error page posts nothing.

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;
use embed_core::verdict::{Refusal, Wording};
use embed_core::Scheme;

use crate::html::{esc, script_json, Page};

/// Renders a refusal with `status`; `posts_error_event`: whether the
/// vendor's embed tells its parent page why (see the module header).
pub fn render(scheme: Scheme, refusal: &Refusal, status: u16, posts_error_event: bool) -> Response {
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
    if let Some(note) = embed_core::schemes::spec(scheme).refusal_note(refusal.reason) {
        let _ = write!(
            body,
            "<p class=\"muted\" data-testid=\"reading\">{}</p>",
            esc(note)
        );
    }
    if let Some(code) = refusal.code {
        let _ = write!(body, "<p>code <code data-testid=\"code\">{code}</code></p>");
    }
    let _ = write!(body,
        "<div class=\"card\"><div class=\"label\">What happened</div><div data-testid=\"explanation\">{}</div><div class=\"label\">What to change</div><div>{}</div>",
        esc(&refusal.explanation),
        esc(&refusal.fix)
    );
    if let Some(setting) = &refusal.setting {
        let _ = write!(body,
            "<div class=\"label\">Setting applied</div><div data-testid=\"setting\"><code>{} = {}</code> ({})</div>",
            esc(setting.name),
            esc(&setting.value),
            esc(setting.note)
        );
    }
    body.push_str("</div><p class=\"muted\">Embed Sandbox local host: this page stands in for the vendor's error page.</p></main>");
    let event = serde_json::json!({ "code": refusal.code.unwrap_or(refusal.reason.id()), "message": refusal.message });
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN);
    Page {
        title: "Embed refused",
        assets: if posts_error_event {
            &["base.css", "refusal.css", "events.js", "refusal.js"]
        } else {
            &["base.css", "refusal.css"]
        },
        body,
        data: Some(script_json(&event)),
        csp_extra: None,
    }
    .respond(status)
}

/// The page for a request the host could not judge: its ledger failed. A
/// 503 that says why and what to do, never a verdict.
pub fn unavailable(cause: &str) -> Response {
    crate::html::Page::new(
        "Embed Sandbox: cannot judge",
        &["base.css"],
        format!(
            "<main data-testid=\"unavailable\" data-reason=\"ledger\"><p class=\"message\" data-testid=\"message\">The local host cannot judge this embed: {}.</p><p class=\"muted\">Nothing was decided about the URL and its nonce was not spent. Make the ledger file writable (or start the host with another --ledger path), then load the URL again.</p></main>",
            crate::html::esc(cause)
        ),
    )
    .respond(axum::http::StatusCode::SERVICE_UNAVAILABLE)
}
