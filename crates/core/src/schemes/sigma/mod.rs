//! What Sigma's two schemes (classic signed URL and JWT) share: the
//! interface parameters, the account types, and how a Sigma URL names
//! user attributes (`:ua_<name>`) and workbook controls (no colon).

pub mod account_types;
pub mod form;
pub mod interface;
pub mod layout;
pub mod texts;
pub mod tiers;

use crate::catalogue::ParamInfo;
use crate::model::hazard::{Hazard, Severity};

/// Meaning of a user attribute parameter.
pub const USER_ATTRIBUTE_MEANING: &str =
    "User attribute (row-level security and personalisation), comma-separated values.";
/// Meaning of a Sigma parameter without a colon.
pub const CONTROL_MEANING: &str =
    "Workbook control value (control id = value); not part of the embed identity.";

/// Interface parameters that only work with a partner.
pub const PARTNERS: &[(&str, &str, Severity)] = &[
    (":hide_menu", ":menu_position", Severity::Warning),
    (":first_name", ":last_name", Severity::Warning),
    (":last_name", ":first_name", Severity::Warning),
    (":lng_variant", ":lng", Severity::Warning),
];

/// A Sigma parameter outside the catalogue: a user attribute is fine; a
/// name without a colon is a workbook control (unless it is a typo of a
/// documented name, which the generic check reports).
pub fn uncatalogued_hazard(name: &str, nearest: Option<&str>) -> Option<Option<Hazard>> {
    if name.starts_with(":ua_") {
        return Some(None);
    }
    (!name.starts_with(':') && nearest.is_none()).then(|| {
        Some(Hazard::new(
            "control",
            Severity::Info,
            Some(name),
            format!("{name} has no colon, so Sigma reads it as a workbook control id."),
            "Make sure a control with this id exists in the workbook.",
        ))
    })
}

/// What a Sigma parameter outside the catalogue is: a user attribute or a
/// workbook control; `None` for an unknown `:` parameter.
pub fn uncatalogued_param(name: &str) -> Option<ParamInfo> {
    let (meaning, allowed) = if name.starts_with(":ua_") {
        (USER_ATTRIBUTE_MEANING, "comma-separated values")
    } else if !name.starts_with(':') {
        (CONTROL_MEANING, "text")
    } else {
        return None;
    };
    Some(ParamInfo {
        meaning: meaning.into(),
        allowed: allowed.into(),
        required: false,
        current_name: None,
    })
}
