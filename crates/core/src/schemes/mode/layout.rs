//! What the app draws for Mode: the profile editor's labels (the report's
//! embed address and the access key), `max_age` and the report's
//! parameters (`param_<name>`), and the values a new form starts from.
//! Mode's URLs name no user.

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
        path_label: "Report embed URL".into(),
        path_placeholder: "https://app.mode.com/acme/reports/12eaf1245c7e/embed".into(),
        client_id_label: Some("Access key".into()),
    }
}

/// The form's sections.
pub fn sections() -> Vec<FormSection> {
    vec![FormSection::open(
        "Report",
        vec![
            FormInput::new(
                FormKey::SessionLength,
                "max_age: seconds a cached run is reused before the report re-runs (0: not sent)",
                "max-age",
                Control::Number { min: 0 },
            ),
            FormInput::new(
                FormKey::Params,
                "Report parameters (param_<name>)",
                "report-params",
                Control::Pairs,
            ),
        ],
    )]
}

/// What a new form holds.
pub fn defaults() -> SignForm {
    SignForm {
        session_length: 1800,
        params: vec![("param_region".into(), "West".into())],
        ..SignForm::default()
    }
}
