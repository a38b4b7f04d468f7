//! Sigma's account types (help "User account types"; vendors.md §1): the
//! current defaults first, the legacy names still in samples and existing
//! organisations after them, never called unknown.

use crate::form_choices::{choices, Choice};

/// Sigma's current default account types.
pub const CURRENT: &[&str] = &["View", "Act", "Analyze", "Build", "Admin"];
/// Older Sigma account types still in samples and existing organisations.
pub const LEGACY: &[&str] = &["Viewer", "Creator", "Explorer", "Lite", "Essential", "Pro"];
/// Current and legacy account types together (what the catalogue checks casing against).
pub const ALL: &[&str] = &[
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

/// What a Sigma form offers for the account type.
pub fn choices_offered() -> Vec<Choice> {
    [
        choices(CURRENT, "", false),
        choices(
            LEGACY,
            "a legacy name, still accepted where the organisation has it",
            true,
        ),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_combined_list_is_current_then_legacy() {
        let combined: Vec<&str> = CURRENT.iter().chain(LEGACY).copied().collect();
        assert_eq!(combined, ALL);
    }

    #[test]
    fn current_account_types_come_first_and_the_legacy_ones_are_kept() {
        let offered = choices_offered();
        let names: Vec<&str> = offered.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(&names[..5], CURRENT);
        assert!(names.contains(&"Viewer") && names.contains(&"Creator"));
        assert!(offered[5..].iter().all(|c| c.legacy));
    }
}
