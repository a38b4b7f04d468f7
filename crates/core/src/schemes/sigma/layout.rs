//! The form controls both Sigma schemes draw: teams, account type and user
//! attributes.

use super::account_types;
use crate::form_layout::{user_attributes_input, Control, FormInput, FormKey, FormSection};

/// Teams as chips (the local demo's teams offered on the demo host).
pub fn teams_input() -> FormInput {
    FormInput::new(
        FormKey::Teams,
        "Teams",
        "teams",
        Control::Chips {
            item: "team".into(),
            suggestions: Vec::new(),
            demo_suggestions: vec!["Sales_Managers".into(), "Sales_People".into()],
            numbers: false,
        },
    )
}

/// The account type: current names, legacy names grouped, or a custom one.
pub fn account_type_input() -> FormInput {
    FormInput::new(
        FormKey::AccountType,
        "Account type",
        "account-type",
        Control::Select {
            choices: account_types::choices_offered(),
            unset: Some("not sent (highest type)".into()),
            blank_means: None,
            legacy_group: Some("Legacy names".into()),
            custom: Some("custom…".into()),
        },
    )
}

/// User attributes, `:ua_<name>` in a URL or `user_attributes` in a JWT.
pub fn user_attributes_section() -> FormSection {
    FormSection::open("User attributes", vec![user_attributes_input()])
}
