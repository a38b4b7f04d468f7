//! `/`: what this host is, its routes, clients (ids only) and settings.

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;

use crate::html::{esc, Page};
use crate::ledger::LedgerHealth;
use crate::org::Org;

/// The ledger's line: where spent nonces are kept, and any fault or repair.
fn ledger_line(health: &LedgerHealth) -> String {
    let mut line = match &health.path {
        Some(path) => format!(
            "<p>Nonce ledger: <code>{}</code>, {} spent nonces kept.</p>",
            esc(path),
            health.entries
        ),
        None => format!(
            "<p>Nonce ledger: in memory ({} spent nonces; forgotten when the host stops).</p>",
            health.entries
        ),
    };
    if let Some(fault) = &health.fault {
        let _ = write!(line, "<p class=\"bad\" data-testid=\"ledger-fault\">The ledger fails: {}. Loads are answered 503 (not judged) until a write succeeds.</p>", esc(fault));
    }
    for repair in &health.repairs {
        let _ = write!(line, "<p class=\"muted\">{}</p>", esc(repair));
    }
    line
}

/// Renders the index.
pub fn render(org: &Org, ledger: &LedgerHealth, origin: &str) -> Response {
    let mut body = format!(
        "<main class=\"page\"><h1>Embed Sandbox local host</h1>\
         <p class=\"muted\">Checks embed URLs as the vendors do and serves mock embeds. Origin: <code>{}</code></p>\
         <h2>Embed routes</h2><ul>{}</ul>\
         <h2>Sandbox</h2><ul><li><code>/__sandbox/parent?src=URL</code>: preview an embed inside a parent page</li>\
         <li><code>/__sandbox/log</code> (JSON), <code>/__sandbox/log/stream</code> (server-sent events)</li>\
         <li><code>/__sandbox/clock</code>: the host's time and offset (POST <code>?offset=S</code>, or <code>?offset=S&amp;for=SECONDS</code> to lend it: the host puts it back itself); a tool judges one load at another time with the <code>x-embed-sandbox-time-offset</code> header instead</li>\
         <li>These tools (and this page) need the host's per-run token, as in this page's address (<code>?token=</code>) or the <code>x-embed-sandbox-token</code> header; requests from other sites are refused.</li></ul><h2>Clients</h2><ul>",
        esc(origin),
        crate::vendors::index_entries()
    );
    for client in &org.clients {
        let _ = write!(
            body,
            "<li><code>{}</code> (secret sha256:{})</li>",
            esc(&client.id),
            client.secret.fingerprint()
        );
    }
    let _ = write!(
        body,
        "</ul>{}<h2>Organisation</h2><p>Teams: {}</p><p>Account types: {}</p><p>Embeds: {}</p>\
         <h2>Settings (unconfirmed vendor behaviour)</h2><ul>",
        ledger_line(ledger),
        esc(&org.teams.iter().cloned().collect::<Vec<_>>().join(", ")),
        esc(&org
            .account_types
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")),
        org.embeds.as_ref().map_or("any".to_owned(), |e| esc(&e
            .iter()
            .cloned()
            .collect::<Vec<_>>()
            .join(", "))
        .into_owned()),
    );
    for setting in org.policy.settings() {
        let _ = write!(
            body,
            "<li>{} = {} <span class=\"muted\">({})</span></li>",
            setting.name.replace('-', "_"),
            esc(&setting.value),
            esc(setting.note)
        );
    }
    body.push_str("</ul></main>");
    Page {
        title: "Embed Sandbox local host",
        assets: &["base.css"],
        body,
        data: None,
        csp_extra: None,
    }
    .respond(StatusCode::OK)
}
