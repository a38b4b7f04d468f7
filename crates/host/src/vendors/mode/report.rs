//! The mock Mode report an accepted white-label embed opens: the report's
//! token, its parameters as the report reads them (decoded once, or twice
//! when the host's `mode-param-decoding` setting says so), `max_age`, and
//! the sample sales filtered by a parameter that names a column
//! (`param_region=West`).

use std::fmt::Write;

use axum::http::StatusCode;
use axum::response::Response;
use embed_core::encoding::decode_component;
use embed_core::schemes::mode::settings::decodes_twice;
use embed_core::schemes::mode::sign::PARAM_PREFIX;

use crate::data::{self, dollars, Filter};
use crate::html::{esc, Page};
use crate::judge::Accepted;
use crate::state::HostState;

/// Renders the report `accepted` opens.
pub fn render(state: &HostState, accepted: &Accepted) -> Response {
    let url = &accepted.embed.url;
    let twice = decodes_twice(&state.policy());
    let report = embed_core::spec::segment_after(&url.base, "reports").unwrap_or_default();
    let mut body = format!(
        "<header class=\"bar\" data-testid=\"header\"><h1>Report {}</h1><span>Mode · Embed Sandbox mock</span></header><main>",
        esc(&report)
    );
    let params: Vec<(String, String)> = url
        .params
        .iter()
        .filter_map(|p| {
            let name = p.name.strip_prefix(PARAM_PREFIX)?;
            let value = if twice {
                decode_component(&p.value, false).unwrap_or_else(|_| p.value.clone())
            } else {
                p.value.clone()
            };
            Some((name.to_owned(), value))
        })
        .collect();
    let _ = write!(
        body,
        "<div class=\"card\" data-testid=\"report-params\"><span class=\"muted\">Parameters (decoded {})</span> ",
        if twice { "twice" } else { "once" }
    );
    for (name, value) in &params {
        let _ = write!(
            body,
            "<span class=\"chip\" data-testid=\"report-param\">{} = {}</span>",
            esc(name),
            esc(value)
        );
    }
    let max_age = url
        .first("max_age")
        .map_or("not sent", |p| p.value.as_str());
    let _ = write!(
        body,
        "</div><div class=\"card muted\" data-testid=\"max-age\">max_age: {}</div>",
        esc(max_age)
    );
    let filters: Vec<Filter> = params
        .iter()
        .filter_map(|(name, value)| {
            Some(Filter {
                source: format!("param_{name}"),
                column: data::column_for(name)?,
                values: value.split(',').map(|v| v.trim().to_owned()).collect(),
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
    let _ = write!(body, "</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"num\" data-testid=\"total\">{}</th></tr></tfoot></table></div></main>", dollars(total));
    Page::new(&report, &["base.css", "dashboard.css"], body).respond(StatusCode::OK)
}
