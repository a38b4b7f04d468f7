//! What the app draws for Looker: the profile editor's labels, the form's
//! controls (permissions, models and group ids as chips, user attributes,
//! the external group, names and timezone, the algorithm) and the values a
//! new form starts from.

use super::permissions::SUGGESTED;
use crate::form::SignForm;
use crate::form_choices::choices;
use crate::form_layout::{
    demo_identity, user_attributes_input, Control, FormInput, FormKey, FormSection, Layout,
    ProfileFields,
};

/// This scheme's layout, for its `SchemeSpec`.
pub const LAYOUT: Layout = Layout {
    profile: profile_fields,
    sections,
    defaults,
};

/// The profile editor's fields (Looker's URLs name no client: the host is
/// the embed path's).
pub fn profile_fields() -> ProfileFields {
    ProfileFields {
        path_label: "Content URL (host and embed path)".into(),
        path_placeholder: "https://acme.looker.com/embed/dashboards/3".into(),
        client_id_label: None,
    }
}

fn chips(key: FormKey, label: &str, item: &str, suggestions: &[&str], numbers: bool) -> FormInput {
    let test_id = format!("{}s", item.replace(' ', "-"));
    FormInput::new(
        key,
        label,
        &test_id,
        Control::Chips {
            item: item.into(),
            suggestions: suggestions.iter().map(|s| (*s).to_owned()).collect(),
            demo_suggestions: Vec::new(),
            numbers,
        },
    )
}

fn text(key: FormKey, label: &str, test_id: &str, placeholder: &str) -> FormInput {
    FormInput::new(
        key,
        label,
        test_id,
        Control::Text {
            placeholder: placeholder.into(),
        },
    )
}

/// The form's sections.
pub fn sections() -> Vec<FormSection> {
    vec![
        FormSection::open(
            "User (required)",
            vec![
                text(
                    FormKey::ExternalUserId,
                    "External user id",
                    "external-user-id",
                    "",
                ),
                chips(FormKey::Permissions, "Permissions", "permission", SUGGESTED, false),
                chips(FormKey::Models, "Models", "model", &[], false),
                FormInput::new(
                    FormKey::SessionLength,
                    "Session length (session_length, s; at most 2592000)",
                    "session-length",
                    Control::Number { min: 1 },
                ),
            ],
        ),
        FormSection::open(
            "Groups and attributes",
            vec![
                chips(FormKey::GroupIds, "Group ids", "group id", &[], true)
                    .help("Looker group ids (numbers); their roles add to the permissions above."),
                text(
                    FormKey::ExternalGroupId,
                    "External group id",
                    "external-group-id",
                    "not sent",
                ),
                user_attributes_input(),
                FormInput::new(
                    FormKey::AccessFilters,
                    "access_filters (JSON object; deprecated but always signed)",
                    "access-filters",
                    Control::Json {
                        placeholder: "{}".into(),
                    },
                ),
            ],
        ),
        FormSection::folded(
            "Looker user and session",
            vec![
                text(FormKey::FirstName, "first_name", "first-name", "not sent"),
                text(FormKey::LastName, "last_name", "last-name", "not sent"),
                text(
                    FormKey::UserTimezone,
                    "user_timezone",
                    "user-timezone",
                    "not sent (e.g. Europe/Paris)",
                ),
                FormInput::new(
                    FormKey::ForceLogoutLogin,
                    "force_logout_login",
                    "force-logout-login",
                    Control::YesNo {
                        unset: "not sent (Looker reads true)".into(),
                    },
                ),
                FormInput::new(
                    FormKey::Algorithm,
                    "Signing algorithm",
                    "algorithm",
                    Control::Select {
                        choices: [
                            choices(&["sha1"], "secrets made in Admin > Embed", false),
                            choices(
                                &["sha256"],
                                "create_embed_secret's default; unconfirmed that it signs the same text",
                                false,
                            ),
                        ]
                        .concat(),
                        unset: None,
                        blank_means: Some("sha1".into()),
                        legacy_group: None,
                        custom: None,
                    },
                )
                .help("Must match the secret's: save it as this profile's default."),
            ],
        ),
    ]
}

/// A new form: the embed-sdk sample's user, allowed to see the demo
/// dashboard and its data.
pub fn defaults() -> SignForm {
    SignForm {
        session_length: 600,
        permissions: vec![
            "access_data".into(),
            "see_user_dashboards".into(),
            "see_looks".into(),
        ],
        models: vec!["thelook".into()],
        user_attributes: vec![("region".into(), "West".into())],
        ..demo_identity()
    }
}
