//! The verification settings as every reader sees them: the registry's
//! collection of what each scheme folder declares, found by name, listed
//! for reports, and shown (label, control, value, why it is a setting) by
//! the app's panel, so the panel, the CLI's `--set` and the host's
//! `[settings]` table draw whatever the schemes declare and a change goes
//! through one checked setter.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::policy::{Policy, SettingUsed};
use crate::scheme::Scheme;
use crate::schemes::CLOCK_SKEW;
use crate::setting::{Control, SettingDef};

/// The control a setting takes.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SettingKind {
    /// A number of seconds, at least `min`.
    Seconds {
        /// The smallest value.
        min: u64,
    },
    /// On or off.
    Switch,
    /// One of `values`.
    OneOf {
        /// The values.
        values: Vec<String>,
    },
    /// Free text (a list of origins), with an example.
    Text {
        /// An example value.
        placeholder: String,
    },
}

/// One setting, as the panel shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingView {
    /// Its name (the CLI flag without its dashes).
    pub name: String,
    /// What it decides, in the panel's words.
    pub label: String,
    /// Its control.
    pub kind: SettingKind,
    /// Its value in force.
    pub value: String,
    /// Why it is a setting (what the vendor leaves unconfirmed).
    pub note: String,
    /// The schemes whose URLs it judges.
    pub schemes: Vec<Scheme>,
    /// Its value by default.
    pub default: String,
    /// A framing emulation setting (a blank frame on purpose), not a
    /// vendor's unconfirmed behaviour.
    pub emulation: bool,
}

/// Every setting: the ones every scheme shares, then each registered
/// scheme's in listing order (a setting two schemes declare, once).
pub fn all() -> Vec<&'static SettingDef> {
    let mut found: Vec<&'static SettingDef> = vec![&CLOCK_SKEW];
    for spec in crate::schemes::listed() {
        for setting in spec.declared_settings() {
            if !found.iter().any(|s| s.name == setting.name) {
                found.push(setting);
            }
        }
    }
    found
}

/// The setting called `name`.
pub fn find(name: &str) -> Option<&'static SettingDef> {
    all().into_iter().find(|s| s.name == name)
}

/// The schemes `setting` judges: those declaring it, or all for a shared one.
fn schemes_judged(setting: &SettingDef) -> Vec<Scheme> {
    let all = crate::schemes::all();
    let declaring: Vec<Scheme> = all
        .iter()
        .filter(|s| s.declared_settings().iter().any(|d| d.name == setting.name))
        .map(|s| s.scheme())
        .collect();
    if declaring.is_empty() {
        all.iter().map(|s| s.scheme()).collect()
    } else {
        declaring
    }
}

fn kind(control: Control) -> SettingKind {
    match control {
        Control::Switch { .. } => SettingKind::Switch,
        Control::Seconds { min, .. } => SettingKind::Seconds { min },
        Control::OneOf { values, .. } => SettingKind::OneOf {
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        },
    }
}

impl Policy {
    /// Every setting with its value, for reports.
    pub fn settings(&self) -> Vec<SettingUsed> {
        all().into_iter().map(|s| self.used(s)).collect()
    }

    /// Every setting as the panel shows it.
    pub fn views(&self) -> Vec<SettingView> {
        all()
            .into_iter()
            .map(|setting| SettingView {
                name: setting.name.to_owned(),
                label: setting.label.to_owned(),
                kind: kind(setting.control),
                value: self.value(setting).text(),
                note: setting.note.to_owned(),
                schemes: schemes_judged(setting),
                default: setting.default_value().text(),
                emulation: false,
            })
            .collect()
    }

    /// Changes the setting `name` to `value` (its text, as the CLI takes it).
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let setting = find(name).ok_or_else(|| Error::BadField {
            field: name.to_owned(),
            reason: format!(
                "no such setting; the settings are {}",
                all().iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
            ),
        })?;
        self.choose(setting, value)
    }

    /// This policy with the setting `name` changed to `value`.
    pub fn with(mut self, name: &str, value: &str) -> Result<Self> {
        self.set(name, value)?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn every_setting_has_a_label_and_round_trips_through_set() {
        let defaults = Policy::default();
        for setting in defaults.views() {
            assert_ne!(setting.label, setting.name, "{} has no label", setting.name);
            assert_eq!(setting.value, setting.default, "{}", setting.name);
            let mut policy = Policy::default();
            policy.set(&setting.name, &setting.value).unwrap();
            assert_eq!(policy, defaults, "{}", setting.name);
        }
    }

    #[test]
    fn setting_names_are_unique_and_no_cli_alias_shadows_a_name() {
        let all = all();
        for (i, setting) in all.iter().enumerate() {
            assert!(
                all[..i].iter().all(|s| s.name != setting.name),
                "{}",
                setting.name
            );
            for alias in setting.cli_aliases {
                assert!(find(alias.flag).is_none(), "{}", alias.flag);
                if let Some(sets) = alias.sets {
                    setting.parse(sets).unwrap();
                }
            }
        }
    }

    #[test]
    fn each_setting_names_the_schemes_that_declare_it() {
        let views = Policy::default().views();
        for spec in crate::schemes::all() {
            for declared in spec.declared_settings() {
                let view = views.iter().find(|v| v.name == declared.name).unwrap();
                assert!(view.schemes.contains(&spec.scheme()), "{}", view.name);
            }
        }
        for view in &views {
            let declaring = crate::schemes::all()
                .iter()
                .filter(|s| s.declared_settings().iter().any(|d| d.name == view.name))
                .count();
            if declaring == 0 {
                // A setting every scheme shares judges every registered scheme.
                assert_eq!(view.schemes.len(), crate::schemes::all().len());
            } else {
                assert_eq!(view.schemes.len(), declaring, "{}", view.name);
            }
        }
    }

    #[test]
    fn a_change_lands_and_a_bad_value_is_named_and_changes_nothing() {
        let mut policy = Policy::default();
        policy.set("clock-skew", "0").unwrap();
        assert_eq!(policy.seconds(&CLOCK_SKEW), 0);
        let (name, value) = all()
            .iter()
            .find_map(|s| match s.control {
                Control::OneOf { values, .. } => Some((s.name, values[values.len() - 1])),
                _ => None,
            })
            .unwrap();
        policy.set(name, &value.to_uppercase()).unwrap();
        assert_eq!(
            policy
                .settings()
                .iter()
                .find(|u| u.name == name)
                .unwrap()
                .value,
            value
        );
        let before = policy.clone();
        let error = policy.set("clock-skew", "-1").unwrap_err();
        assert!(error.to_string().contains("clock-skew"), "{error}");
        let error = policy.set("no-such", "1").unwrap_err().to_string();
        assert!(
            error.contains("no-such") && error.contains("clock-skew"),
            "{error}"
        );
        assert_eq!(policy, before);
    }
}
