//! The mock Sigma workbook shown for an accepted classic or JWT URL.
//!
//! It shows who is signed in and what their account type grants (a Viewer
//! gets a read-only workbook; a Creator also gets edit, save-as and page
//! controls, as in the seed's walk-through), the teams and user attributes,
//! and a sample sales table filtered by user attributes and controls
//! (row-level security). Interface parameters take visible effect, and the
//! page posts Sigma-style events to its parent.

use std::collections::BTreeMap;

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;
use embed_core::Scheme;

use crate::data::{self, dollars, Filter, Sale};
use crate::html::{esc, script_json, Page};
use crate::i18n::labels;
use crate::judge::Accepted;
use crate::org::{embed_id, Permission};

/// Renders the workbook for an accepted URL.
pub fn render(accepted: &Accepted) -> Response {
    let embed = &accepted.embed;
    let facts = &embed.facts;
    let param = |name: &str| embed.url.first(name).map(|p| p.value.as_str());
    let flag = |name: &str| param(name) == Some("true");
    let (text, language_known) = labels(param(":lng"));
    let grants = &accepted.grants;
    let can = |p: Permission| grants.contains(&p);

    let theme_class = match param(":theme") {
        None | Some("Light") => "theme-light".to_owned(),
        Some("Dark") => "theme-dark".to_owned(),
        Some("Surface") => "theme-surface".to_owned(),
        Some(_) => "theme-custom".to_owned(),
    };
    let workbook = embed_id(embed.scheme, &embed.url.base).unwrap_or_else(|| "Workbook".into());
    let name = match (&facts.first_name, &facts.last_name) {
        (Some(first), Some(last)) => Some(format!("{first} {last}")),
        (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    let shown_user = if flag(":use_user_name") {
        name.clone().or(facts.email.clone())
    } else {
        facts.email.clone()
    };
    let tip = |text: &str| {
        if flag(":hide_tooltip") {
            String::new()
        } else {
            format!(" title=\"{}\"", esc(text))
        }
    };

    let (filters, controls) = filters_and_controls(accepted);
    let rows = data::apply(data::sales(), &filters);

    let mut body = String::new();
    let loading_text = param(":loading_text");
    if loading_text.is_some() || param(":loading_bg").is_some() {
        let _ = write!(
            body,
            "<div id=\"loading\" data-bg=\"{}\">{}</div>",
            esc(param(":loading_bg").unwrap_or("")),
            esc(loading_text.unwrap_or("Loading…"))
        );
    }
    let wide = if flag(":disable_mobile_view") {
        " wide"
    } else {
        ""
    };
    let _ = write!(body, "<div id=\"app\" class=\"{theme_class}{wide}\">");
    let _ = write!(body,
        "<header class=\"bar\"><h1 data-testid=\"workbook-title\">{}</h1><span class=\"muted\">{} · Embed Sandbox mock</span>",
        esc(&workbook),
        esc(embed.scheme.label())
    );
    if !flag(":hide_folder_navigation") {
        let _ =
            write!(body,
            "<nav class=\"folders\" data-testid=\"folder-navigation\">Workspaces / {} / {}</nav>",
            esc(facts
                .teams
                .as_ref()
                .and_then(|t| t.first())
                .map_or("My Documents", String::as_str)),
            esc(&workbook)
        );
    }
    body.push_str("</header>");

    let menu_position = param(":menu_position").unwrap_or("top");
    let menu_hidden = flag(":hide_menu") || menu_position == "none";
    let menu = menu_html(&can, &flag, &tip);
    if !menu_hidden && menu_position != "bottom" {
        let _ = write!(
            body,
            "<nav class=\"menu top\" data-testid=\"menu\" data-position=\"top\">{menu}</nav>"
        );
    }

    body.push_str("<main><div class=\"grid\"><section>");
    let _ = write!(body,
        "<div class=\"card\" data-testid=\"identity\"><div class=\"muted\">{}</div><div data-testid=\"signed-in-email\"><b>{}</b></div>",
        esc(text.signed_in_as),
        esc(shown_user.as_deref().unwrap_or("-"))
    );
    if let Some(name) = &name {
        let _ = write!(body, "<div data-testid=\"user-name\">{}</div>", esc(name));
    }
    if let Some(id) = &facts.external_user_id {
        let _ = write!(
            body,
            "<div class=\"muted\" data-testid=\"external-user-id\">external id: {}</div>",
            esc(id)
        );
    }
    body.push_str("</div>");
    let account = facts
        .account_type
        .clone()
        .unwrap_or_else(|| "(highest type)".into());
    let _ = write!(body, "<div class=\"card\"><div class=\"muted\">{}</div><div data-testid=\"account-type\"><b>{}</b></div><div data-testid=\"grants\">", esc(text.account_type), esc(&account));
    for permission in grants {
        let _ = write!(body, "<span class=\"chip\">{}</span>", permission.label());
    }
    body.push_str("</div></div>");
    let _ = write!(
        body,
        "<div class=\"card\"><div class=\"muted\">{}</div><div data-testid=\"teams\">",
        esc(text.teams)
    );
    for team in facts.teams.iter().flatten() {
        let _ = write!(body, "<span class=\"chip\">{}</span>", esc(team));
    }
    body.push_str("</div></div>");
    if !facts.user_attributes.is_empty() {
        let _ = write!(body, "<div class=\"card\"><div class=\"muted\">{}</div><div data-testid=\"user-attributes\">", esc(text.attributes));
        for (attr, values) in &facts.user_attributes {
            let _ = write!(
                body,
                "<div><code>{}</code> = {}</div>",
                esc(attr),
                esc(&values.join(", "))
            );
        }
        body.push_str("</div></div>");
    }
    if !language_known {
        let _ = write!(body, "<p class=\"muted\">:lng={} is not one of the mock's languages (en, fr, de, es, ja); showing English.</p>", esc(param(":lng").unwrap_or("")));
    }
    body.push_str("</section><section>");
    body.push_str(&page_tools(&can, &flag));
    body.push_str(&table_html(text, &rows, &filters, &controls, &flag, &tip));
    body.push_str("</section></div></main>");
    if !menu_hidden && menu_position == "bottom" {
        let _ =
            write!(body,
            "<nav class=\"menu bottom\" data-testid=\"menu\" data-position=\"bottom\">{menu}</nav>"
        );
    }
    if flag(":show_footer") {
        body.push_str("<footer class=\"tabs\" data-testid=\"footer\"><span>Dashboard</span><span>Details</span></footer>");
    }
    body.push_str("</div>");

    let session = match embed.scheme {
        Scheme::SigmaClassic => facts.lifetime,
        _ => facts.expires_at.map(|e| e.saturating_sub(accepted.now)),
    };
    let config = serde_json::json!({
        "variables": controls,
        "sessionSeconds": session,
        "expiredText": text.session_expired,
        "expiryReading": embed_core::schemes::sigma::texts::EXPIRY_TEXTS_NOTE,
        "responsiveHeight": flag(":responsive_height"),
        "loadingBg": param(":loading_bg"),
        "hideTooltip": flag(":hide_tooltip"),
    });
    let data = format!(
        "{{\"config\":{},\"rows\":{}}}",
        script_json(&config),
        rows_json(&rows)
    );
    Page {
        title: &workbook,
        assets: &["base.css", "workbook.css", "events.js", "workbook.js"],
        body,
        data: Some(data),
        csp_extra: None,
    }
    .respond(StatusCode::OK)
}

fn menu_html(
    can: &dyn Fn(Permission) -> bool,
    flag: &dyn Fn(&str) -> bool,
    tip: &dyn Fn(&str) -> String,
) -> String {
    let mut items = Vec::new();
    if can(Permission::Export) {
        items.push(("Export", "Download the data"));
        if !flag(":hide_send") {
            items.push(("Send now", "Send the workbook by email"));
        }
    }
    if can(Permission::Schedule) && !flag(":hide_schedule") {
        items.push(("Schedule", "Schedule exports"));
    }
    if !flag(":hide_bookmarks") {
        items.push(("Bookmarks", "Saved views"));
    }
    if can(Permission::Explore) {
        items.push(("Explore", "Explore the data"));
    }
    if can(Permission::Edit) {
        items.push(("Edit", "Edit the workbook"));
    }
    if can(Permission::SaveAs) {
        items.push(("Save as", "Save a copy"));
    }
    items
        .iter()
        .map(|(label, help)| format!("<button type=\"button\"{}>{label}</button>", tip(help)))
        .collect()
}

fn page_tools(can: &dyn Fn(Permission) -> bool, flag: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::from("<div class=\"tools\" data-testid=\"page-tools\">");
    if can(Permission::PageControls) {
        out.push_str("<button type=\"button\" data-testid=\"page-controls\">+ Add page</button> <button type=\"button\">Page settings</button> ");
    } else {
        out.push_str("<div class=\"card readonly\" data-testid=\"read-only\">Read-only workbook: this account type can view and export, not edit.</div>");
    }
    if flag(":showUnderlyingData") {
        out.push_str(
            "<button type=\"button\" data-testid=\"underlying-data\">Show underlying data</button>",
        );
    }
    out.push_str("</div>");
    out
}

fn table_html(
    text: &crate::i18n::Labels,
    rows: &[&Sale],
    filters: &[Filter],
    controls: &BTreeMap<String, String>,
    flag: &dyn Fn(&str) -> bool,
    tip: &dyn Fn(&str) -> String,
) -> String {
    let mut out = format!("<h2>{}</h2>", esc(text.revenue_by_store));
    for filter in filters {
        let _ = write!(
            out,
            "<span class=\"chip\" data-testid=\"filter\"{}>{} = {}</span>",
            tip("Row-level filter"),
            esc(&filter.source),
            esc(&filter.values.join(", "))
        );
    }
    let mut regions: Vec<&str> = rows.iter().map(|r| r.region).collect();
    regions.dedup();
    let _ = write!(out, "<p><label>{} <select id=\"region-control\" data-testid=\"region-control\"><option value=\"\">{}</option>", esc(text.region), esc(text.all));
    for region in &regions {
        let selected = if controls
            .get("Region")
            .is_some_and(|v| v.eq_ignore_ascii_case(region))
        {
            " selected"
        } else {
            ""
        };
        let _ = write!(out, "<option{selected}>{}</option>", esc(region));
    }
    out.push_str("</select></label></p>");
    let sort = if flag(":hide_sheet_interactions") {
        ""
    } else {
        " ↕"
    };
    let _ = write!(out,
        "<table data-testid=\"sales\"><thead><tr><th>{}{sort}</th><th>{}{sort}</th><th>{}{sort}</th><th class=\"num\">{}{sort}</th></tr></thead><tbody id=\"rows\">",
        esc(text.region),
        esc(text.store),
        esc(text.product),
        esc(text.revenue)
    );
    // Rows travel as data (only the rows this user may see) and the browser
    // draws them, as a real workbook fetches its data: a third of the bytes.
    let total: u64 = rows.iter().map(|r| u64::from(r.revenue)).sum();
    let _ = write!(out,
        "</tbody><tfoot><tr><th colspan=\"3\">{}</th><th class=\"num\" id=\"total\" data-testid=\"total\">{}</th></tr></tfoot></table>",
        esc(text.total),
        dollars(total)
    );
    out
}

/// The rows as a JSON array of `[region, store, product, revenue]`, each
/// row's JSON made once: the data never changes.
fn rows_json(rows: &[&Sale]) -> String {
    static CACHE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        data::sales()
            .iter()
            .map(|r| script_json(&(r.region, r.store, r.product, r.revenue)))
            .collect()
    });
    let mut out = String::with_capacity(rows.len() * 48 + 2);
    out.push('[');
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(json) = cache.get(row.id) {
            out.push_str(json);
        }
    }
    out.push(']');
    out
}

/// Row filters from user attributes and controls, and the controls' values
/// (the workbook's variables).
fn filters_and_controls(accepted: &Accepted) -> (Vec<Filter>, BTreeMap<String, String>) {
    let embed = &accepted.embed;
    let mut filters = Vec::new();
    for (name, values) in &embed.facts.user_attributes {
        if let Some(column) = data::column_for(name) {
            filters.push(Filter {
                source: format!("user attribute {name}"),
                column,
                values: values.clone(),
            });
        }
    }
    let mut controls = BTreeMap::new();
    for p in embed.url.params.iter().filter(|p| !p.name.starts_with(':')) {
        controls.insert(p.name.clone(), p.value.clone());
        if let Some(column) = data::column_for(&p.name) {
            filters.push(Filter {
                source: format!("control {}", p.name),
                column,
                values: p.value.split(',').map(str::to_owned).collect(),
            });
        }
    }
    (filters, controls)
}
