//! What the app draws for a scheme, described by the scheme itself: the
//! profile editor's labels, the form's sections and controls (each bound to
//! a field of [`SignForm`]), the interface parameters and the values a new
//! form starts from.
//!
//! The app renders these descriptions with one generic component, so a new
//! scheme needs no new Svelte: its folder says what its form holds. The
//! kits are exported to `ui/src/bindings/scheme_kits.json` with the IPC
//! bindings, and CI fails when that file is stale.

use serde::Serialize;

use crate::form::SignForm;
use crate::form_choices::Choice;
use crate::form_fields::FormField;
use crate::scheme::Scheme;

/// A field of the form that a control edits, by its name in the form's
/// JSON: one of [`SignForm`]'s own fields (the constants below), or a field
/// a scheme declares for itself ([`FormKey::declare`]), kept in
/// [`SignForm::extra`] under that name. Shared code never assumes the set
/// is closed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, type = "string"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct FormKey(&'static str);

// The constants keep the names the enum's variants had.
#[allow(non_upper_case_globals, missing_docs)]
impl FormKey {
    pub const Email: FormKey = FormKey("email");
    pub const ExternalUserId: FormKey = FormKey("external_user_id");
    pub const Teams: FormKey = FormKey("teams");
    pub const AccountType: FormKey = FormKey("account_type");
    pub const Mode: FormKey = FormKey("mode");
    pub const SessionLength: FormKey = FormKey("session_length");
    pub const UserAttributes: FormKey = FormKey("user_attributes");
    pub const SignTime: FormKey = FormKey("sign_time");
    pub const EscapeSignature: FormKey = FormKey("escape_signature");
    pub const JwtVersion: FormKey = FormKey("jwt_version");
    pub const JwtIssuer: FormKey = FormKey("jwt_issuer");
    pub const FirstName: FormKey = FormKey("first_name");
    pub const LastName: FormKey = FormKey("last_name");
    pub const EvalConnectionId: FormKey = FormKey("eval_connection_id");
    pub const Permissions: FormKey = FormKey("permissions");
    pub const Models: FormKey = FormKey("models");
    pub const GroupIds: FormKey = FormKey("group_ids");
    pub const ExternalGroupId: FormKey = FormKey("external_group_id");
    pub const AccessFilters: FormKey = FormKey("access_filters");
    pub const UserTimezone: FormKey = FormKey("user_timezone");
    pub const ForceLogoutLogin: FormKey = FormKey("force_logout_login");
    pub const Algorithm: FormKey = FormKey("algorithm");
    pub const Params: FormKey = FormKey("params");

    /// A field of a scheme's own, kept in [`SignForm::extra`] as `name`.
    pub const fn declare(name: &'static str) -> FormKey {
        FormKey(name)
    }

    /// Its name in the form's JSON.
    pub fn name(self) -> &'static str {
        self.0
    }
}

/// The control that edits one field.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Control {
    /// One line of text.
    Text {
        /// Shown while empty.
        placeholder: String,
    },
    /// An email address.
    Email,
    /// A whole number of at least `min`.
    Number {
        /// The smallest value.
        min: u64,
    },
    /// A yes/no field.
    Check,
    /// An optional yes/no: not sent, `true` or `false`.
    YesNo {
        /// What "not sent" means to the vendor.
        unset: String,
    },
    /// One of `choices` (legacy names grouped apart).
    Select {
        /// The values offered.
        choices: Vec<Choice>,
        /// The label of the empty value ("not sent …"), when it may be empty.
        unset: Option<String>,
        /// The value shown while the field is empty, when empty means it.
        blank_means: Option<String>,
        /// The title legacy values are grouped under.
        legacy_group: Option<String>,
        /// The label of "type another value", when a free value is allowed.
        custom: Option<String>,
    },
    /// A list edited as chips.
    Chips {
        /// What one item is called ("team"), for labels and test ids.
        item: String,
        /// Values offered as you type.
        suggestions: Vec<String>,
        /// Values offered as well on the local demo host.
        demo_suggestions: Vec<String>,
        /// Whether items are whole numbers.
        numbers: bool,
    },
    /// Name and value rows.
    Pairs,
    /// A JSON object, as text.
    Json {
        /// Shown while empty.
        placeholder: String,
    },
}

/// One control of a form.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormInput {
    /// The field it edits.
    pub key: FormKey,
    /// Its label.
    pub label: String,
    /// A sentence under it, when the label is not enough.
    pub help: Option<String>,
    /// Its control.
    pub control: Control,
    /// Its test id (stable across releases: end-to-end tests use it).
    pub test_id: String,
    /// A yes/no field that must be on for this one to apply.
    pub enabled_by: Option<FormKey>,
}

impl FormInput {
    /// A control for `key` labelled `label`, test id `test_id`.
    pub fn new(key: FormKey, label: &str, test_id: &str, control: Control) -> Self {
        FormInput {
            key,
            label: label.to_owned(),
            help: None,
            control,
            test_id: test_id.to_owned(),
            enabled_by: None,
        }
    }

    /// With a sentence of help.
    pub fn help(mut self, help: &str) -> Self {
        self.help = Some(help.to_owned());
        self
    }

    /// Applies only while `switch` is on.
    pub fn enabled_by(mut self, switch: FormKey) -> Self {
        self.enabled_by = Some(switch);
        self
    }
}

/// A titled group of controls.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormSection {
    /// Its title.
    pub title: String,
    /// Whether it starts folded (optional details).
    pub folded: bool,
    /// Its controls, in order.
    pub inputs: Vec<FormInput>,
}

impl FormSection {
    /// An open section.
    pub fn open(title: &str, inputs: Vec<FormInput>) -> Self {
        FormSection {
            title: title.to_owned(),
            folded: false,
            inputs,
        }
    }

    /// A folded section.
    pub fn folded(title: &str, inputs: Vec<FormInput>) -> Self {
        FormSection {
            folded: true,
            ..FormSection::open(title, inputs)
        }
    }
}

/// What the profile editor asks for a scheme.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileFields {
    /// The embed path's label ("Embed path", "Dashboard URL").
    pub path_label: String,
    /// An example embed path.
    pub path_placeholder: String,
    /// The client id's label, or `None` when the scheme's URLs carry none.
    pub client_id_label: Option<String>,
}

/// Everything the app draws for one scheme.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeKit {
    /// The scheme.
    pub scheme: Scheme,
    /// How the profile editor names it ("Sigma classic signed URL").
    pub label: String,
    /// The vendor.
    pub vendor: String,
    /// What the profile editor asks.
    pub profile: ProfileFields,
    /// The form's own sections (the interface parameters and the nonce and
    /// time are drawn after them, the same for every scheme).
    pub sections: Vec<FormSection>,
    /// The optional interface parameters.
    pub interface: Vec<FormField>,
    /// What a new form holds: values the vendor accepts.
    pub defaults: SignForm,
    /// What its embeds are like (the form asks for a nonce only when the
    /// scheme has one, and for a time only when it signs one).
    pub capabilities: crate::model::capabilities::Capabilities,
}

/// Where a scheme's folder keeps what the app draws for it (its
/// `layout.rs`): the profile editor's fields, the form's sections and a new
/// form's values.
pub struct Layout {
    /// What the profile editor asks.
    pub profile: fn() -> ProfileFields,
    /// The form's own sections.
    pub sections: fn() -> Vec<FormSection>,
    /// What a new form holds.
    pub defaults: fn() -> SignForm,
}

/// The identity every demo form starts with.
pub fn demo_identity() -> SignForm {
    SignForm {
        email: "ann@example.com".into(),
        external_user_id: "ann-1".into(),
        ..SignForm::default()
    }
}

/// The email control every scheme's form starts with.
pub fn email_input() -> FormInput {
    FormInput::new(FormKey::Email, "Email", "email", Control::Email)
}

/// User attributes as name and value rows.
pub fn user_attributes_input() -> FormInput {
    FormInput::new(
        FormKey::UserAttributes,
        "User attributes (values comma-separated)",
        "user-attributes",
        Control::Pairs,
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::kits::{kit, kits};

    #[test]
    fn every_scheme_has_a_kit_whose_defaults_pass_its_own_form_check() {
        for kit in kits() {
            assert!(!kit.sections.is_empty(), "{:?}", kit.scheme);
            let issues =
                crate::form_check::issues(kit.scheme, &kit.defaults, &crate::Policy::default());
            assert!(issues.is_empty(), "{:?}: {issues:?}", kit.scheme);
        }
    }

    #[test]
    fn every_control_has_a_distinct_test_id_and_edits_a_distinct_field() {
        for kit in kits() {
            let inputs: Vec<&FormInput> = kit.sections.iter().flat_map(|s| &s.inputs).collect();
            let mut ids: Vec<&str> = inputs.iter().map(|i| i.test_id.as_str()).collect();
            let mut keys: Vec<String> = inputs.iter().map(|i| format!("{:?}", i.key)).collect();
            let count = inputs.len();
            ids.sort_unstable();
            ids.dedup();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!((ids.len(), keys.len()), (count, count), "{:?}", kit.scheme);
            for input in &inputs {
                if let Some(switch) = input.enabled_by {
                    assert!(
                        inputs
                            .iter()
                            .any(|i| i.key == switch && i.control == Control::Check),
                        "{:?}: {:?} is enabled by a field the form lacks",
                        kit.scheme,
                        input.key
                    );
                }
            }
        }
    }

    #[test]
    fn a_looker_profile_checks_its_urls_with_its_saved_algorithm() {
        let spec = crate::schemes::spec(Scheme::Looker);
        let mut policy = crate::Policy::default();
        spec.profile_policy(&kit(Scheme::Looker).defaults, &mut policy);
        assert_eq!(
            policy,
            crate::Policy::default(),
            "no saved algorithm: the setting stands"
        );
        let saved = SignForm {
            algorithm: "sha256".into(),
            ..SignForm::default()
        };
        spec.profile_policy(&saved, &mut policy);
        assert_eq!(
            crate::schemes::looker::settings::algorithm(&policy),
            crate::schemes::looker::Algorithm::Sha256
        );
        let mut sigma = crate::Policy::default();
        crate::schemes::spec(Scheme::SigmaClassic).profile_policy(&saved, &mut sigma);
        assert_eq!(sigma, crate::Policy::default());
    }

    #[test]
    fn the_keys_are_the_forms_field_names_or_fields_the_scheme_starts() {
        let form = serde_json::to_value(SignForm::default()).unwrap();
        for kit in kits() {
            // A field a scheme declares for itself has its starting value
            // in the scheme's defaults (so a typo in a key is caught).
            let defaults = serde_json::to_value(&kit.defaults).unwrap();
            for input in kit.sections.iter().flat_map(|s| &s.inputs) {
                let name = serde_json::to_value(input.key).unwrap();
                let name = name.as_str().unwrap();
                assert!(
                    form.get(name).is_some() || defaults.get(name).is_some(),
                    "{name} is neither a SignForm field nor in {:?}'s defaults",
                    kit.scheme
                );
            }
        }
    }

    /// Writes the kits beside the ts-rs bindings (the UI imports them), as
    /// the bindings are written: by `cargo test` with the `ts` feature.
    #[cfg(feature = "ts")]
    #[test]
    fn export_bindings_scheme_kits() {
        let Ok(dir) = std::env::var("TS_RS_EXPORT_DIR") else {
            return;
        };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let path = root.join(dir).join("scheme_kits.json");
        let text = serde_json::to_string_pretty(&kits()).unwrap() + "\n";
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).unwrap();
        }
    }
}
