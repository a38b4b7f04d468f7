//! What Sigma's two schemes (classic signed URL and JWT) share: the
//! interface parameters, the account types, and how a Sigma URL names
//! user attributes (`:ua_<name>`) and workbook controls (no colon).

pub mod account_types;
pub mod interface;

use crate::catalogue::ParamInfo;

/// Meaning of a user attribute parameter.
pub const USER_ATTRIBUTE_MEANING: &str =
    "User attribute (row-level security and personalisation), comma-separated values.";
/// Meaning of a Sigma parameter without a colon.
pub const CONTROL_MEANING: &str =
    "Workbook control value (control id = value); not part of the embed identity.";

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
