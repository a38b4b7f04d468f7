//! The choices a form offers for Sigma's account type and `:mode`, current
//! names first and legacy names marked as such, so the app never hard-codes a
//! vendor's list (Sigma renamed its account types; the old names still run).

use serde::Serialize;

use crate::scheme::Scheme;

/// Sigma's current default account types (help "User account types").
pub const SIGMA_ACCOUNT_TYPES: &[&str] = &["View", "Act", "Analyze", "Build", "Admin"];
/// Older Sigma account types still in samples and existing organisations.
pub const SIGMA_LEGACY_ACCOUNT_TYPES: &[&str] =
    &["Viewer", "Creator", "Explorer", "Lite", "Essential", "Pro"];
/// Current and legacy account types together (what the catalogue checks casing against).
pub const SIGMA_ALL_ACCOUNT_TYPES: &[&str] = &[
    "View",
    "Act",
    "Analyze",
    "Build",
    "Admin",
    "Viewer",
    "Creator",
    "Explorer",
    "Lite",
    "Essential",
    "Pro",
];

/// One value a select offers.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The value sent.
    pub value: String,
    /// What to show beside it ("current default", "legacy name", ...).
    pub note: String,
    /// Whether it is a legacy name (shown in its own group).
    pub legacy: bool,
}

/// What a scheme's form offers for its select fields.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormChoices {
    /// Account types (empty when the scheme has none).
    pub account_types: Vec<Choice>,
    /// `:mode` values (Sigma classic only).
    pub modes: Vec<Choice>,
}

fn choices(values: &[&str], note: &str, legacy: bool) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: (*v).to_owned(),
            note: note.to_owned(),
            legacy,
        })
        .collect()
}

/// The choices for `scheme`'s form.
pub fn form_choices(scheme: Scheme) -> FormChoices {
    let account_types = match scheme {
        Scheme::SigmaClassic | Scheme::SigmaJwt => [
            choices(SIGMA_ACCOUNT_TYPES, "current default", false),
            choices(
                SIGMA_LEGACY_ACCOUNT_TYPES,
                "legacy name, still accepted where the organisation has it",
                true,
            ),
        ]
        .concat(),
        Scheme::BoldBi => Vec::new(),
    };
    let modes = match scheme {
        Scheme::SigmaClassic => [
            choices(&["userbacked"], "secure embed", false),
            choices(
                &["view", "explore"],
                "older application-embed mode (Sigma's Node signing package sends view); unconfirmed today",
                true,
            ),
        ]
        .concat(),
        _ => Vec::new(),
    };
    FormChoices {
        account_types,
        modes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigma_offers_current_account_types_first_and_keeps_the_legacy_ones() {
        let offered = form_choices(Scheme::SigmaClassic);
        let names: Vec<&str> = offered
            .account_types
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(&names[..5], SIGMA_ACCOUNT_TYPES);
        assert!(names.contains(&"Viewer") && names.contains(&"Creator"));
        assert!(offered.account_types[5..].iter().all(|c| c.legacy));
        assert_eq!(offered.modes[0].value, "userbacked");
        assert!(form_choices(Scheme::BoldBi).account_types.is_empty());
        assert!(form_choices(Scheme::SigmaJwt).modes.is_empty());
    }

    #[test]
    fn the_combined_list_is_current_then_legacy() {
        let combined: Vec<&str> = SIGMA_ACCOUNT_TYPES
            .iter()
            .chain(SIGMA_LEGACY_ACCOUNT_TYPES)
            .copied()
            .collect();
        assert_eq!(combined, SIGMA_ALL_ACCOUNT_TYPES);
    }
}
