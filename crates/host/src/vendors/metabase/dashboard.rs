//! The mock Metabase content a good token opens: the dashboard or question
//! it names, its locked parameters, and the sample sales filtered by a
//! parameter whose slug names a column (`region`). Its look follows the
//! URL's hash, which only the browser sees: `metabase.js` reads it.

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;
use embed_core::schemes::metabase::read::{decoded, named};
use serde_json::Value;

use crate::data::{self, dollars, Filter};
use crate::html::{esc, Page};
use crate::judge::Accepted;

/// A parameter's value as the mock shows and filters by it.
fn values(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(values).collect(),
        Value::String(text) => vec![text.clone()],
        Value::Null => Vec::new(),
        other => vec![other.to_string()],
    }
}

/// Renders what `accepted`'s token names.
pub fn render(accepted: &Accepted) -> Response {
    let jwt = decoded(&accepted.embed.url);
    let (resource, id) = jwt
        .as_ref()
        .and_then(named)
        .map(|(r, id)| (r.word(), id))
        .unwrap_or(("dashboard", String::new()));
    let title = format!(
        "{} {id}",
        if resource == "question" {
            "Question"
        } else {
            "Dashboard"
        }
    );
    let params: Vec<(String, Value)> = jwt
        .as_ref()
        .and_then(|j| j.claims.get("params")?.as_object().cloned())
        .map(|m| m.into_iter().collect())
        .unwrap_or_default();
    let mut body = format!(
        "<div class=\"mb-frame\" data-testid=\"mb-frame\"><header class=\"bar\" data-testid=\"header\"><h1 data-testid=\"mb-title\">{}</h1><span>Metabase · Embed Sandbox mock</span></header><main>",
        esc(&title)
    );
    body.push_str("<div class=\"card\" data-testid=\"locked-params\"><span class=\"muted\">Locked parameters</span> ");
    for (slug, value) in &params {
        let _ = write!(
            body,
            "<span class=\"chip\" data-testid=\"locked-param\">{} = {}</span>",
            esc(slug),
            esc(&value.to_string())
        );
    }
    body.push_str("</div>");
    let filters: Vec<Filter> = params
        .iter()
        .filter_map(|(slug, value)| {
            Some(Filter {
                source: format!("locked parameter {slug}"),
                column: data::column_for(slug)?,
                values: values(value),
            })
        })
        .collect();
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
    let _ = write!(body, "</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"num\" data-testid=\"total\">{}</th></tr></tfoot></table></div></main></div>", dollars(total));
    Page::new(&title, &["base.css", "dashboard.css", "metabase.js"], body).respond(StatusCode::OK)
}
