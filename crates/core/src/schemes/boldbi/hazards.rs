//! Bold BI's own hazards: a raw '+' in the Base64 signature, parameters
//! outside the signed string, and how the datasource filter is read.

use super::checks::unsigned_embed_params;
use super::{datasource_filter, unsigned_prefix};
use crate::model::hazard::{Hazard, Severity};
use crate::query::{ParsedUrl, RawParam};

/// A raw '+' in the signature (the vendor samples append it raw).
pub fn signature(sig: &RawParam, found: &mut Vec<Hazard>) {
    if sig.raw_value_or_empty().contains('+') {
        found.push(Hazard::new(
            "raw-plus",
            Severity::Warning,
            Some(&sig.name),
            "The Base64 signature carries a raw '+', which a server may read as a space (the vendor samples append it raw).".into(),
            "Escape the signature: + as %2B, / as %2F, = as %3D (the form's \"escape the signature\" option; --escape-signature on the command line).",
        ));
    }
}

/// What a Bold BI URL carries that its signature does not cover, or that a
/// plain query parser would misread.
pub fn reading(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    let trusted = unsigned_embed_params(url);
    if let Some(first) = trusted.first() {
        found.push(Hazard::new(
            "unsigned-prefix",
            Severity::Error,
            Some(first),
            format!("{} stand before embed_nonce, outside the signed string: anyone holding the URL could set {}. The signature vouches only for what follows embed_nonce, so this URL is refused, and what it would show is read from the signed parameters alone.", trusted.join(", "), if trusted.len() == 1 { "it" } else { "them" }),
            "Put every embed parameter after embed_nonce, inside the signed string; only the dashboard URL's own isWidgetMode and widgetId may stand in front.",
        ));
        return reading_signed(url, found);
    }
    let prefix = unsigned_prefix(url);
    if !prefix.is_empty() {
        let names: Vec<&str> = prefix.iter().map(|p| p.name.as_str()).collect();
        found.push(Hazard::new(
            "unsigned-prefix",
            Severity::Info,
            names.first().copied(),
            format!("{} stand before embed_nonce: they were already on the dashboard URL (as the vendor's widget sample builds it) and are outside the signed string, so anyone holding the URL can change them.", names.join(", ")),
            "Nothing, if they only choose what to show (isWidgetMode, widgetId); never put identity or permissions there.",
        ));
    }
    reading_signed(url, found);
}

/// How the signed part is read: the datasource filter, whole.
fn reading_signed(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    if let Some(filter) = super::signed_view(url).first(datasource_filter::FILTER_PARAM) {
        let parts: Vec<String> = datasource_filter::conditions(&filter.value)
            .into_iter()
            .map(|c| {
                format!(
                    "{} {}",
                    if c.dashboard_parameter {
                        "dashboard parameter"
                    } else {
                        "URL filter"
                    },
                    c.text
                )
            })
            .collect();
        if !parts.is_empty() {
            found.push(Hazard::new(
                "datasource-filter",
                Severity::Info,
                Some(datasource_filter::FILTER_PARAM),
                format!("embed_datasource_filter is read whole, raw '&' included, up to the next known Bold BI parameter (as Bold BI does): {}.", parts.join("; ")),
                "Names and values are case-sensitive; escape a literal & or | inside a value as ~&~ or ~|~.",
            ));
        }
    }
}
