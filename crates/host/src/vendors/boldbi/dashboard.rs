//! The mock Bold BI dashboard shown for an accepted Bold BI URL.
//!
//! It honours `hide_header`, `hide_tool` (and `hide_widget_tool`), the
//! switches by their current names (`views`, `export`, `dashboard_comments`,
//! `widget_comments`, default false; `embed_dashboard_favorite`, default
//! true) or their legacy `embed_*` names, `hide_dashboard_edit`, `language_code` and
//! `embed_datasource_filter` (which filters the sample table), and posts the
//! same loaded/error events as the Sigma mock so the parent page can follow it.
//! Every one is read from the signed string: a parameter in front of
//! `embed_nonce` changes nothing.

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;

use crate::data;
use crate::html::{esc, script_json, Page};
use crate::judge::Accepted;
use crate::org::embed_id;

const TOOLS: &[(&str, &str)] = &[
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

/// The switches: current name, legacy name, label, current default.
const SWITCHES: &[(&str, Option<&str>, &str, bool)] = &[
    ("views", Some("embed_dashboard_views"), "Views", false),
    ("export", Some("embed_dashboard_export"), "Export", false),
    (
        "dashboard_comments",
        Some("embed_dashboard_comments"),
        "Comments",
        false,
    ),
    (
        "widget_comments",
        Some("embed_widget_comments"),
        "Widget comments",
        false,
    ),
    ("embed_dashboard_favorite", None, "Favourite", true),
];

/// Renders the dashboard for an accepted URL.
pub fn render(accepted: &Accepted) -> Response {
    let embed = &accepted.embed;
    // Only what the signature vouches for changes the page.
    let signed = embed_core::schemes::boldbi::signed_view(&embed.url);
    let param = |name: &str| signed.first(name).map(|p| p.value.as_str());
    // A switch by its current name, else its legacy name (supported up to
    // 11.3), else its current default (false for all but the favourite).
    let switch = |current: &str, legacy: Option<&str>, default: bool| {
        param(current)
            .or_else(|| legacy.and_then(param))
            .map_or(default, |v| v.eq_ignore_ascii_case("true"))
    };
    // C#'s True reads as true, as the vendor's C# samples mean it (a strict
    // setting refuses such a URL before it gets here).
    let hidden = |name: &str| param(name).is_some_and(|v| v.eq_ignore_ascii_case("true"));
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
    for (current, legacy, label, default) in SWITCHES {
        if switch(current, *legacy, *default) {
            let _ = write!(body, "<span data-switch=\"{current}\">{label}</span>");
        }
    }
    if switch("views", Some("embed_dashboard_views"), false)
        && switch("embed_dashboard_views_edit", None, false)
    {
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
        .map(super::filters::filters)
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
            crate::data::dollars(u64::from(row.revenue))
        );
    }
    let total: u64 = rows.iter().map(|r| u64::from(r.revenue)).sum();
    let _ = write!(body, "</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"num\" data-testid=\"total\">{}</th></tr></tfoot></table></div></main>", crate::data::dollars(total));
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
