//! One value a form's select offers (an account type, a mode, a version),
//! current names first and legacy names marked as such, so the app never
//! hard-codes a vendor's list. Each scheme's lists live in its folder.

use serde::Serialize;

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

/// `values` as choices, each with `note`.
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
