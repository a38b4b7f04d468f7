//! The choices a form offers for its select fields (account type, mode),
//! current names first and legacy names marked as such, so the app never
//! hard-codes a vendor's list. Each scheme's lists live in its folder.

use serde::Serialize;

use crate::scheme::Scheme;

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

pub(crate) fn choices(values: &[&str], note: &str, legacy: bool) -> Vec<Choice> {
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
    crate::schemes::spec(scheme).form_choices()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scheme_offers_its_own_choices() {
        let classic = form_choices(Scheme::SigmaClassic);
        assert_eq!(classic.account_types[0].value, "View");
        assert_eq!(classic.modes[0].value, "userbacked");
        assert!(form_choices(Scheme::BoldBi).account_types.is_empty());
        assert!(form_choices(Scheme::SigmaJwt).modes.is_empty());
    }
}
