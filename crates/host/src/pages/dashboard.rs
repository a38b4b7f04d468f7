//! The mock Bold BI dashboard shown for an accepted Bold BI URL.
//!
//! It honours `hide_header`, `hide_tool` (and `hide_widget_tool`), the
//! `embed_dashboard_*` switches, `hide_dashboard_edit`, `language_code` and
//! `embed_datasource_filter` (which filters the sample table), and posts the
//! same loaded/error events as the Sigma mock so the parent page can follow it.

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;

use crate::data;
use crate::html::{esc, script_json, Page};
use crate::judge::Accepted;
use crate::org::embed_id;

const TOOLS: &[(&str, &str)] = &[
    ("tm", "Theme"),
    ("dp", "Dashboard parameters"),
    ("fo", "Filter overview"),
    ("fs", "Full screen"),
    ("rf", "Refresh"),
    ("om", "Options"),
    ("sh", "Share"),
];
const WIDGET_TOOLS: &[(&str, &str)] = &[
    ("fr", "Filter"),
    ("fs", "Maximize"),
    ("om", "Widget options"),
];

/// Renders the dashboard for an accepted URL.
pub fn render(accepted: &Accepted) -> Response {
    let embed = &accepted.embed;
    let param = |name: &str| embed.url.first(name).map(|p| p.value.as_str());
    // Bold BI's switches default to true (shown) unless sent as false.
    let shown = |name: &str| param(name) != Some("false");
    let hidden = |name: &str| param(name) == Some("true");
    let listed = |name: &str| {
        param(name)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let dashboard = embed_id(embed.scheme, &embed.url.base).unwrap_or_else(|| "Dashboard".into());

    let mut body = String::new();
    if !hidden("hide_header") {
        let _ = write!(body, "<header class=\"bar\" data-testid=\"header\"><h1>{}</h1><span>Bold BI · Embed Sandbox mock</span></header>", esc(&dashboard));
    }
    let hide_tool = listed("hide_tool");
    body.push_str("<div class=\"toolbar\" data-testid=\"toolbar\">");
    for (code, label) in TOOLS
        .iter()
        .filter(|(code, _)| !hide_tool.iter().any(|h| h == code))
    {
        let _ = write!(body, "<span data-tool=\"{code}\">{label}</span>");
    }
    for (switch, label) in [
        ("embed_dashboard_views", "Views"),
        ("embed_dashboard_export", "Export"),
        ("embed_dashboard_comments", "Comments"),
        ("embed_dashboard_favorite", "Favourite"),
    ] {
        if shown(switch) {
            let _ = write!(body, "<span data-switch=\"{switch}\">{label}</span>");
        }
    }
    if shown("embed_dashboard_views") && shown("embed_dashboard_views_edit") {
        body.push_str("<span data-switch=\"embed_dashboard_views_edit\">Save view</span>");
    }
    if !hidden("hide_dashboard_edit") {
        body.push_str("<span data-switch=\"edit\">Edit</span>");
    }
    body.push_str("</div><main>");
    let _ = write!(body,
        "<div class=\"card\" data-testid=\"identity\"><span class=\"muted\">Signed in as</span> <b data-testid=\"signed-in-email\">{}</b>",
        esc(embed.facts.email.as_deref().unwrap_or("-"))
    );
    if let Some(language) = param("language_code") {
        let _ = write!(
            body,
            " · <span data-testid=\"language\">language {}</span>",
            esc(language)
        );
    }
    body.push_str("</div>");
    let filters = param("embed_datasource_filter")
        .map(data::boldbi_filters)
        .unwrap_or_default();
    for filter in &filters {
        let _ = write!(
            body,
            "<span class=\"chip\" data-testid=\"filter\">{} = {}</span>",
            esc(&filter.source),
            esc(&filter.values.join(", "))
        );
    }
    let rows = data::apply(data::sales(), &filters);
    let widget_hidden = listed("hide_widget_tool");
    body.push_str("<div class=\"card\"><div class=\"toolbar\" data-testid=\"widget-tools\">");
    for (code, label) in WIDGET_TOOLS
        .iter()
        .filter(|(code, _)| !widget_hidden.iter().any(|h| h == code))
    {
        let _ = write!(body, "<span data-tool=\"{code}\">{label}</span>");
    }
    body.push_str("</div><table data-testid=\"sales\"><thead><tr><th>Region</th><th>Store</th><th>Product</th><th class=\"num\">Revenue</th></tr></thead><tbody>");
    for row in &rows {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(row.region),
            esc(row.store),
            esc(row.product),
            super::workbook::dollars(u64::from(row.revenue))
        );
    }
    let total: u64 = rows.iter().map(|r| u64::from(r.revenue)).sum();
    let _ = write!(body, "</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"num\" data-testid=\"total\">{}</th></tr></tfoot></table></div></main>", super::workbook::dollars(total));
    let variables: serde_json::Map<String, serde_json::Value> = filters
        .iter()
        .map(|f| (f.column.to_owned(), f.values.join(",").into()))
        .collect();
    let data = format!("{{\"variables\":{}}}", script_json(&variables));
    Page {
        title: &dashboard,
        assets: &["base.css", "dashboard.css", "events.js", "dashboard.js"],
        body,
        data: Some(data),
        csp_extra: None,
    }
    .respond(StatusCode::OK)
}
