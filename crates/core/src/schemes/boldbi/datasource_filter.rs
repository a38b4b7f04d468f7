//! Bold BI's `embed_datasource_filter`, whose documented value carries raw
//! `&` inside it: `embed_datasource_filter=&&Region=West&Store=Seattle`
//! (dashboard parameters after `&&`, URL filters after `&`).
//!
//! A plain query parser splits that into an empty filter and two unknown
//! parameters. Bold BI reads it whole, so the product does too: after the
//! URL is known to be Bold BI, every parameter that follows the filter up to
//! the next known Bold BI parameter is folded back into the filter's value,
//! byte for byte. Nothing is re-encoded, so the signed string is unchanged.

use crate::encoding::decode_component;
use crate::query::ParsedUrl;

/// The parameter whose value may hold raw `&`.
pub const FILTER_PARAM: &str = "embed_datasource_filter";

/// Folds the parameters that belong to the filter's value back into it.
pub fn fold(url: &mut ParsedUrl) {
    let Some(at) = url.params.iter().position(|p| p.name == FILTER_PARAM) else {
        return;
    };
    let known = |name: &str| {
        super::catalogue::PARAMS.iter().any(|p| p.name == name) || name.starts_with("embed_")
    };
    let end = url.params[at + 1..]
        .iter()
        .position(|p| known(&p.name))
        .map_or(url.params.len(), |i| at + 1 + i);
    if end == at + 1 {
        return;
    }
    let filter = &url.params[at];
    let value_start =
        filter.span.start + filter.raw_name.len() + usize::from(filter.raw_value.is_some());
    let value_end = url.params[end - 1].span.end.max(value_start);
    let raw_value = url.query[value_start..value_end].to_owned();
    let value = decode_component(&raw_value, true).unwrap_or_else(|_| raw_value.clone());
    let filter = &mut url.params[at];
    filter.span = filter.span.start..value_end;
    filter.raw_value = Some(raw_value);
    filter.value = value;
    url.params.drain(at + 1..end);
    for (index, param) in url.params.iter_mut().enumerate() {
        param.index = index;
    }
}

/// One condition of a filter value, as Bold BI reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// `true` for a dashboard parameter (after `&&`), `false` for a URL filter (after `&`).
    pub dashboard_parameter: bool,
    /// The condition's text (`Region=West`).
    pub text: String,
}

/// Splits a folded filter value into its conditions. Separators escaped as
/// `~&~` or `~|~` stay inside a condition.
pub fn conditions(value: &str) -> Vec<Condition> {
    let guarded = value.replace("~&~", "\u{1}").replace("~|~", "\u{2}");
    let mut out = Vec::new();
    let mut rest = guarded.as_str();
    let mut dashboard_parameter = false;
    while !rest.is_empty() {
        let (separator, after) =
            if let Some(after) = rest.strip_prefix("&&").or_else(|| rest.strip_prefix("||")) {
                (true, after)
            } else if let Some(after) = rest.strip_prefix('&').or_else(|| rest.strip_prefix('|')) {
                (false, after)
            } else {
                (dashboard_parameter, rest)
            };
        dashboard_parameter = separator;
        let end = after.find(['&', '|']).unwrap_or(after.len());
        let text = after[..end].replace('\u{1}', "~&~").replace('\u{2}', "~|~");
        if !text.is_empty() {
            out.push(Condition {
                dashboard_parameter,
                text,
            });
        }
        rest = &after[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(url: &str) -> ParsedUrl {
        let mut parsed = ParsedUrl::parse(url).unwrap();
        fold(&mut parsed);
        parsed
    }

    #[test]
    fn the_documented_form_is_read_as_one_value_byte_for_byte() {
        let url = folded("https://h/bi/site/s/dashboards/1?embed_nonce=n&embed_datasource_filter=&&Region=West&Store=Seattle&embed_timestamp=10&embed_signature=x");
        let names: Vec<&str> = url.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "embed_nonce",
                FILTER_PARAM,
                "embed_timestamp",
                "embed_signature"
            ]
        );
        let filter = url.first(FILTER_PARAM).unwrap();
        assert_eq!(
            filter.raw_value.as_deref(),
            Some("&&Region=West&Store=Seattle")
        );
        assert_eq!(
            &url.query[filter.span.clone()],
            "embed_datasource_filter=&&Region=West&Store=Seattle"
        );
        assert_eq!(url.params[2].index, 2);
    }

    #[test]
    fn a_filter_at_the_end_and_an_encoded_filter_are_read_too() {
        let url = folded(
            "https://h/bi/site/s/dashboards/1?embed_nonce=n&embed_datasource_filter=&Store=Seattle",
        );
        assert_eq!(url.first(FILTER_PARAM).unwrap().value, "&Store=Seattle");
        let url = folded("https://h/bi/site/s/dashboards/1?embed_nonce=n&embed_datasource_filter=%26%26Region%3DWest&hide_header=true");
        assert_eq!(url.first(FILTER_PARAM).unwrap().value, "&&Region=West");
        assert_eq!(url.params.len(), 3);
    }

    #[test]
    fn conditions_say_which_are_dashboard_parameters() {
        let found = conditions("&&Region=West&Store=Seattle");
        assert_eq!(
            found,
            [
                Condition {
                    dashboard_parameter: true,
                    text: "Region=West".into()
                },
                Condition {
                    dashboard_parameter: false,
                    text: "Store=Seattle".into()
                },
            ]
        );
        assert_eq!(conditions("&Name=A~&~B")[0].text, "Name=A~&~B");
    }
}
