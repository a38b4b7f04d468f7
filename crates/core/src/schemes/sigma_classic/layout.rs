//! What the app draws for a classic signed URL: the profile editor's
//! labels, the form's controls and the values a new form starts from.

use super::DEFAULT_MODE;
use crate::form::SignForm;
use crate::form_choices::choices;
use crate::form_layout::{
    demo_identity, email_input, Control, FormInput, FormKey, FormSection, Layout, ProfileFields,
};
use crate::schemes::sigma::layout::{account_type_input, teams_input, user_attributes_section};

/// This scheme's layout, for its `SchemeSpec`.
pub const LAYOUT: Layout = Layout {
    profile: profile_fields,
    sections,
    defaults,
};

/// The profile editor's fields.
pub fn profile_fields() -> ProfileFields {
    ProfileFields {
        path_label: "Embed path".into(),
        path_placeholder: "https://app.sigmacomputing.com/embed/1-abc123".into(),
        client_id_label: Some("Client id".into()),
    }
}

/// The form's sections.
pub fn sections() -> Vec<FormSection> {
    let modes = [
        choices(&[DEFAULT_MODE], "", false),
        choices(
            &["view", "explore"],
            "an older application-embed mode; what Sigma does with it today is unconfirmed",
            true,
        ),
    ]
    .concat();
    vec![
        FormSection::open(
            "User (required)",
            vec![
                email_input(),
                FormInput::new(
                    FormKey::ExternalUserId,
                    "External user id",
                    "external-user-id",
                    Control::Text {
                        placeholder: String::new(),
                    },
                ),
                teams_input(),
                account_type_input(),
                FormInput::new(
                    FormKey::Mode,
                    "Mode",
                    "mode",
                    Control::Select {
                        choices: modes,
                        unset: None,
                        blank_means: Some(DEFAULT_MODE.into()),
                        legacy_group: Some("Older modes (unconfirmed today)".into()),
                        custom: Some("other (to reproduce an error)…".into()),
                    },
                ),
                FormInput::new(
                    FormKey::SessionLength,
                    "Session length (:session_length, s)",
                    "session-length",
                    Control::Number { min: 1 },
                ),
            ],
        ),
        user_attributes_section(),
    ]
}

/// A new form: the demo organisation's user, a team and a type it knows.
pub fn defaults() -> SignForm {
    SignForm {
        teams: vec!["Sales_Managers".into()],
        account_type: "Creator".into(),
        session_length: 600,
        user_attributes: vec![("Region".into(), "West".into())],
        params: vec![(":theme".into(), "Light".into())],
        ..demo_identity()
    }
}
