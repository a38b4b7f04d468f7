//! The mock Looker content an accepted signed embed opens: who is signed in
//! and what the URL granted (permissions, models, groups, attributes), with
//! the sample sales table filtered by user attributes that name a column.
//! Without `access_data` the data is withheld, as Looker would.

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;
use embed_core::schemes::looker::facts::json;
use serde_json::Value;

use super::Session;
use crate::data::{self, dollars, Filter};
use crate::html::{esc, script_json, Page};

/// Permissions the mock shows as features when granted.
const FEATURES: &[(&str, &str)] = &[
    ("see_drill_overlay", "Drill"),
    ("explore", "Explore from here"),
    ("download_with_limit", "Download"),
    ("download_without_limit", "Download all"),
    ("schedule_look_emails", "Schedule"),
    ("save_content", "Save"),
];

fn strings(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Renders the content at `path` for `session`.
pub fn render(session: &Session, path: &str) -> Response {
    let url = &session.embed.url;
    let facts = &session.embed.facts;
    let permissions = strings(json(url, "permissions"));
    let models = strings(json(url, "models"));
    let groups = strings(json(url, "group_ids"));
    let title = path.trim_start_matches("/embed/");
    let mut body = format!(
        "<header class=\"bar\" data-testid=\"header\"><h1>{}</h1><span>Looker · Embed Sandbox mock</span></header><main>",
        esc(title)
    );
    let name = [facts.first_name.as_deref(), facts.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let _ = write!(
        body,
        "<div class=\"card\" data-testid=\"identity\"><span class=\"muted\">Signed in as</span> <b data-testid=\"signed-in-user\">{}</b>{}<div class=\"muted\" data-testid=\"session\">session until {} (session_length; the host's clock)</div></div>",
        esc(facts.external_user_id.as_deref().unwrap_or("-")),
        if name.is_empty() { String::new() } else { format!(" ({})", esc(&name)) },
        embed_core::when::iso8601(session.ends)
    );
    let chips = |label: &str, testid: &str, items: &[String]| {
        let mut out = format!("<div class=\"card\"><span class=\"muted\">{label}</span> ");
        for item in items {
            let _ = write!(
                out,
                "<span class=\"chip\" data-testid=\"{testid}\">{}</span>",
                esc(item)
            );
        }
        out.push_str("</div>");
        out
    };
    body.push_str(&chips("Permissions", "permission", &permissions));
    body.push_str(&chips("Models", "model", &models));
    if !groups.is_empty() {
        body.push_str(&chips("Groups", "group", &groups));
    }
    body.push_str("<div class=\"toolbar\" data-testid=\"toolbar\">");
    for (permission, label) in FEATURES {
        if permissions.iter().any(|p| p == permission) {
            let _ = write!(body, "<span data-feature=\"{permission}\">{label}</span>");
        }
    }
    body.push_str("</div>");
    if permissions.iter().any(|p| p == "access_data") {
        let filters: Vec<Filter> = facts
            .user_attributes
            .iter()
            .filter_map(|(name, values)| {
                Some(Filter {
                    source: format!("user attribute {name}"),
                    column: data::column_for(name)?,
                    values: values.clone(),
                })
            })
            .collect();
        for filter in &filters {
            let _ = write!(
                body,
                "<span class=\"chip\" data-testid=\"filter\">{} = {}</span>",
                esc(&filter.source),
                esc(&filter.values.join(", "))
            );
        }
        let rows = data::apply(data::sales(), &filters);
        body.push_str("<div class=\"card\"><table data-testid=\"sales\"><thead><tr><th>Region</th><th>Store</th><th>Product</th><th class=\"num\">Revenue</th></tr></thead><tbody>");
        for row in &rows {
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(row.region),
                esc(row.store),
                esc(row.product),
                dollars(u64::from(row.revenue))
            );
        }
        let total: u64 = rows.iter().map(|r| u64::from(r.revenue)).sum();
        let _ = write!(body, "</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"num\" data-testid=\"total\">{}</th></tr></tfoot></table></div>", dollars(total));
    } else {
        body.push_str("<div class=\"card\" data-testid=\"no-data\">The data is withheld: the permissions do not include access_data.</div>");
    }
    body.push_str("</main>");
    let data = serde_json::json!({
        "event": super::events::ready_event(path),
        "content": { "id": title, "permissions": permissions, "models": models },
    });
    Page {
        data: Some(script_json(&data)),
        ..Page::new(title, &["base.css", "dashboard.css", "looker.js"], body)
    }
    .respond(StatusCode::OK)
}
