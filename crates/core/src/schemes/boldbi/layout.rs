//! What the app draws for Bold BI: the profile editor's labels, the form's
//! controls and the values a new form starts from.

use crate::form::SignForm;
use crate::form_layout::{
    demo_identity, email_input, Control, FormInput, FormKey, FormSection, Layout, ProfileFields,
};

/// This scheme's layout, for its `SchemeSpec`.
pub const LAYOUT: Layout = Layout {
    profile: profile_fields,
    sections,
    defaults,
};

/// The profile editor's fields (Bold BI's URLs name no client).
pub fn profile_fields() -> ProfileFields {
    ProfileFields {
        path_label: "Dashboard URL".into(),
        path_placeholder: "https://bi.example.com/bi/site/site1/dashboards/8f1c2d3e/Sales/Overview"
            .into(),
        client_id_label: None,
    }
}

/// The form's sections.
pub fn sections() -> Vec<FormSection> {
    vec![
        FormSection::open("User (required)", vec![email_input()]),
        FormSection::open(
            "Bold BI",
            vec![
                FormInput::new(
                    FormKey::SignTime,
                    "send embed_timestamp (and embed_expirationtime)",
                    "boldbi-timestamp",
                    Control::Check,
                ),
                FormInput::new(
                    FormKey::SessionLength,
                    "Expiration (embed_expirationtime, s)",
                    "session-length",
                    Control::Number { min: 1 },
                )
                .enabled_by(FormKey::SignTime),
                FormInput::new(
                    FormKey::EscapeSignature,
                    "escape the signature (%2B); the vendor's sample sends it raw",
                    "escape-signature",
                    Control::Check,
                ),
            ],
        ),
    ]
}

/// A new form: the demo user, with a timestamp and a day's expiration.
pub fn defaults() -> SignForm {
    SignForm {
        session_length: 86400,
        sign_time: true,
        ..demo_identity()
    }
}
