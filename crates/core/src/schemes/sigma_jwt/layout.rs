//! What the app draws for a Sigma JWT: the profile editor's labels, the
//! form's controls (the optional claims folded) and a new form's values.

use crate::form::SignForm;
use crate::form_choices::{choices, Choice};
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
        path_label: "Workbook URL".into(),
        path_placeholder: "https://app.sigmacomputing.com/my-org/workbook/Sales-1a2b3c".into(),
        client_id_label: Some("Client id (the JWT's kid)".into()),
    }
}

fn text(key: FormKey, label: &str, test_id: &str) -> FormInput {
    FormInput::new(
        key,
        label,
        test_id,
        Control::Text {
            placeholder: "not sent".into(),
        },
    )
}

/// The form's sections.
pub fn sections() -> Vec<FormSection> {
    let versions: Vec<Choice> = [
        choices(&["1.0"], "", false),
        choices(&["1.1"], "adds aud = sigmacomputing", false),
    ]
    .concat();
    vec![
        FormSection::open(
            "User (required)",
            vec![
                email_input(),
                teams_input(),
                account_type_input(),
                FormInput::new(
                    FormKey::SessionLength,
                    "Token lifetime (exp − iat, s)",
                    "session-length",
                    Control::Number { min: 1 },
                ),
            ],
        ),
        FormSection::folded(
            "JWT claims",
            vec![
                FormInput::new(
                    FormKey::JwtVersion,
                    "ver",
                    "jwt-version",
                    Control::Select {
                        choices: versions,
                        unset: Some("not sent (1.0)".into()),
                        blank_means: None,
                        legacy_group: None,
                        custom: None,
                    },
                ),
                FormInput::new(
                    FormKey::JwtIssuer,
                    "send iss (the client id)",
                    "jwt-issuer",
                    Control::Check,
                ),
                text(FormKey::FirstName, "first_name", "first-name"),
                text(FormKey::LastName, "last_name", "last-name"),
                text(
                    FormKey::EvalConnectionId,
                    "eval_connection_id",
                    "eval-connection-id",
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
        session_length: 3600,
        user_attributes: vec![("Region".into(), "West".into())],
        params: vec![(":theme".into(), "Light".into())],
        ..demo_identity()
    }
}
