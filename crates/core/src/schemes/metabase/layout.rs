//! What the app draws for Metabase: the profile editor's labels (the
//! object's address on the site; no client id), the token's lifetime, its
//! locked parameters (JSON values) and the appearance options of the
//! URL's hash, and the values a new form starts from.

use super::form::{APPEARANCE, DEFAULT_TTL};
use crate::form::SignForm;
use crate::form_layout::{Control, FormInput, FormKey, FormSection, Layout, ProfileFields};

/// This scheme's layout, for its `SchemeSpec`.
pub const LAYOUT: Layout = Layout {
    profile: profile_fields,
    sections,
    defaults,
};

/// The profile editor's fields.
pub fn profile_fields() -> ProfileFields {
    ProfileFields {
        path_label: "Dashboard or question URL".into(),
        path_placeholder: "https://metabase.example.com/dashboard/1".into(),
        client_id_label: None,
    }
}

/// The form's sections.
pub fn sections() -> Vec<FormSection> {
    vec![
        FormSection::open(
            "Token",
            vec![
                FormInput::new(
                    FormKey::SessionLength,
                    "Seconds until exp (0: no exp, the token never expires)",
                    "exp-seconds",
                    Control::Number { min: 0 },
                ),
                FormInput::new(
                    FormKey::Params,
                    "Locked parameters (params; values are JSON: \"West\", [\"West\",\"East\"])",
                    "locked-params",
                    Control::Pairs,
                ),
            ],
        ),
        FormSection::folded(
            "Appearance (the URL's #hash, not signed)",
            vec![FormInput::new(
                APPEARANCE,
                "Appearance options (bordered, titled, theme, hide_parameters, …)",
                "appearance",
                Control::Pairs,
            )],
        ),
    ]
}

/// What a new form holds.
pub fn defaults() -> SignForm {
    let mut form = SignForm {
        session_length: DEFAULT_TTL,
        ..SignForm::default()
    };
    form.set_extra(
        APPEARANCE.name(),
        [("bordered", "true"), ("titled", "true")],
    );
    form
}
