//! The settings a verdict is judged with: the value chosen for each
//! behaviour the vendors leave unconfirmed.
//!
//! The settings themselves are declared by the scheme folders
//! ([`SettingDef`]); a policy only holds the values chosen away from their
//! defaults, so it knows no scheme, and a folder reads its own settings
//! through its own definitions. Finding a setting by name needs the
//! registry, so it lives in [`crate::policy_settings`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Result;
use crate::setting::{Control, SettingDef, Value};

/// Judgement settings for verification.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// The only client id accepted (any other is refused as unknown), if set.
    pub client_id: Option<String>,
    /// The values chosen away from their defaults, by setting name.
    chosen: BTreeMap<&'static str, Value>,
}

/// A setting a verdict depended on, named so the user can change it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingUsed {
    /// The setting's name (`--max-session-length`, config key of the same name).
    pub name: &'static str,
    /// Its value in force.
    pub value: String,
    /// Why it is a setting.
    pub note: &'static str,
}

impl Policy {
    /// The value in force of `setting`.
    pub fn value(&self, setting: &SettingDef) -> Value {
        self.chosen
            .get(setting.name)
            .copied()
            .unwrap_or_else(|| setting.default_value())
    }

    /// A switch's value in force (its default if `setting` is no switch).
    pub fn switch(&self, setting: &SettingDef) -> bool {
        match (self.value(setting), setting.control) {
            (Value::Switch(on), _) => on,
            (_, Control::Switch { default }) => default,
            _ => false,
        }
    }

    /// A number of seconds in force (0 if `setting` is no number).
    pub fn seconds(&self, setting: &SettingDef) -> u64 {
        match (self.value(setting), setting.control) {
            (Value::Seconds(n), _) => n,
            (_, Control::Seconds { default, .. }) => default,
            _ => 0,
        }
    }

    /// A choice in force (`""` if `setting` is no choice).
    pub fn choice(&self, setting: &SettingDef) -> &'static str {
        match (self.value(setting), setting.control) {
            (Value::Choice(choice), _) => choice,
            (_, Control::OneOf { default, .. }) => default,
            _ => "",
        }
    }

    /// Sets `setting` to `text` (as the CLI takes it); a bad value is
    /// named and changes nothing.
    pub fn choose(&mut self, setting: &'static SettingDef, text: &str) -> Result<()> {
        let value = setting.parse(text)?;
        self.choose_value(setting, value);
        Ok(())
    }

    /// Sets `setting` to `value`, already read (a folder setting its own
    /// setting from what a form says).
    pub fn choose_value(&mut self, setting: &'static SettingDef, value: Value) {
        if value == setting.default_value() {
            self.chosen.remove(setting.name);
        } else {
            self.chosen.insert(setting.name, value);
        }
    }

    /// `setting` with its value in force, for a report.
    pub fn used(&self, setting: &'static SettingDef) -> SettingUsed {
        SettingUsed {
            name: setting.name,
            value: self.value(setting).text(),
            note: setting.note,
        }
    }

    /// This policy accepting only `client_id` (any client when `None`).
    pub fn with_client_id(mut self, client_id: Option<String>) -> Self {
        self.client_id = client_id;
        self
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    static SKEW: SettingDef = SettingDef {
        name: "toy-skew",
        label: "A toy skew",
        note: "unconfirmed",
        control: Control::Seconds {
            min: 0,
            default: 300,
        },
        cli_aliases: &[],
    };

    #[test]
    fn a_value_chosen_back_to_its_default_leaves_the_policy_equal_to_the_default() {
        let mut policy = Policy::default();
        policy.choose(&SKEW, "0").unwrap();
        assert_eq!(policy.seconds(&SKEW), 0);
        assert_eq!(policy.used(&SKEW).value, "0");
        assert_ne!(policy, Policy::default());
        policy.choose(&SKEW, "300").unwrap();
        assert_eq!(policy, Policy::default());
        assert!(policy.choose(&SKEW, "soon").is_err());
        assert_eq!(policy, Policy::default());
    }
}
