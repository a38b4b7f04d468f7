//! The optional interface parameters a form offers for each scheme, with the
//! kind of control that fits each (a select for an enum, a yes/no for a
//! boolean, free text otherwise).
//!
//! Drawn from the same catalogue the inspector uses, so the form and the
//! inspector can never disagree about what a parameter takes.

use serde::Serialize;

use crate::catalogue::Allowed;

/// The control a form shows for a parameter.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text.
    Text,
    /// `true` or `false`.
    Bool,
    /// Exactly one of `values`.
    Choice {
        /// The allowed values, case-sensitive.
        values: Vec<String>,
    },
    /// One of `values` or a custom name.
    Suggest {
        /// The built-in values.
        values: Vec<String>,
    },
    /// A comma-separated list drawn from `values`.
    Codes {
        /// The codes.
        values: Vec<String>,
    },
}

/// One optional parameter as a form field.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormField {
    /// The parameter name as sent (decoded).
    pub name: String,
    /// What it does.
    pub meaning: String,
    /// Its control.
    pub field: FieldKind,
}

fn owned(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

/// The field a parameter of `allowed` values gets.
pub fn kind(allowed: Allowed) -> FieldKind {
    match allowed {
        Allowed::Bool => FieldKind::Bool,
        Allowed::OneOf(values) => FieldKind::Choice {
            values: owned(values),
        },
        Allowed::BuiltInOrCustom(values) => FieldKind::Suggest {
            values: owned(values),
        },
        Allowed::CommaListOf(values) => FieldKind::Codes {
            values: owned(values),
        },
        _ => FieldKind::Text,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::kits::interface_fields;
    use crate::scheme::Scheme;

    fn field(scheme: Scheme, name: &str) -> Option<FormField> {
        interface_fields(scheme)
            .into_iter()
            .find(|f| f.name == name)
    }

    #[test]
    fn enums_become_choices_and_booleans_yes_no() {
        let menu = field(Scheme::SigmaClassic, ":menu_position").unwrap();
        assert_eq!(
            menu.field,
            FieldKind::Choice {
                values: owned(&["top", "bottom", "none"])
            }
        );
        let hide = field(Scheme::SigmaClassic, ":hide_menu").unwrap();
        assert_eq!(hide.field, FieldKind::Bool);
        let theme = field(Scheme::SigmaJwt, ":theme").unwrap();
        assert!(matches!(theme.field, FieldKind::Suggest { .. }));
        let tools = field(Scheme::BoldBi, "hide_tool").unwrap();
        assert!(matches!(tools.field, FieldKind::Codes { .. }));
    }

    #[test]
    fn required_and_claim_parameters_are_not_offered_twice() {
        assert!(field(Scheme::SigmaClassic, ":nonce").is_none());
        assert!(field(Scheme::SigmaClassic, ":account_type").is_none());
        assert!(field(Scheme::SigmaClassic, ":first_name").is_some());
        assert!(field(Scheme::SigmaJwt, ":first_name").is_none());
        assert!(field(Scheme::BoldBi, "embed_timestamp").is_none());
        assert!(field(Scheme::BoldBi, "export").is_some());
        assert!(field(Scheme::BoldBi, "embed_dashboard_export").is_none());
    }

    /// What a form offers is exactly the catalogue's optional, current
    /// parameters that the scheme's own form does not already set: a
    /// property of every registered scheme, not a count per vendor.
    #[test]
    fn every_scheme_offers_its_documented_interface() {
        for spec in crate::schemes::all() {
            let scheme = spec.scheme();
            let offered: Vec<String> = interface_fields(scheme)
                .into_iter()
                .map(|f| f.name)
                .collect();
            for param in crate::documented::specs(scheme) {
                let expected =
                    !param.required && param.legacy.is_none() && !spec.form_covers(param.name);
                assert_eq!(
                    offered.iter().any(|n| n == param.name),
                    expected,
                    "{scheme:?} {}",
                    param.name
                );
            }
            let mut unique = offered.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                offered.len(),
                "{scheme:?} offers a field twice"
            );
        }
        // The ten vendors.md allows beside a JWT (:jwt and :embed are required).
        assert_eq!(interface_fields(Scheme::SigmaJwt).len(), 10);
    }
}
