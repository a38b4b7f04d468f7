//! A setting: one behaviour a vendor leaves unconfirmed, declared as data by
//! the scheme folder whose verdicts depend on it.
//!
//! vendors.md marks these *unconfirmed*, and the product must never guess
//! them silently. A definition carries everything every reader needs (its
//! name, the control and default, the panel's label, why it is a setting,
//! and the names the CLI has spelled it with), so the CLI, the host's
//! `[settings]` table and the app's panel all read one schema and a new
//! vendor's setting needs no shared line. This module knows no scheme.

use crate::error::{Error, Result};

/// The control a setting takes, with its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// On or off.
    Switch {
        /// Its value by default.
        default: bool,
    },
    /// A whole number of seconds, at least `min`.
    Seconds {
        /// The smallest value.
        min: u64,
        /// Its value by default.
        default: u64,
    },
    /// One of `values` (matched without regard to case).
    OneOf {
        /// The values, as written.
        values: &'static [&'static str],
        /// Its value by default (one of `values`).
        default: &'static str,
    },
}

/// Another name the CLI has spelled a setting with (scripts depend on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CliAlias {
    /// The flag without its dashes (`algorithm`).
    pub flag: &'static str,
    /// For a flag that takes no value: the value its presence sets
    /// (`looker-accept-future-time` sets `false`). `None`: the flag takes
    /// the setting's value.
    pub sets: Option<&'static str>,
}

/// One setting, as its folder declares it.
#[derive(Debug, PartialEq, Eq)]
pub struct SettingDef {
    /// Its name: the `--set` name, the CLI flag without its dashes, and
    /// (with `_` for `-`) the host's config key.
    pub name: &'static str,
    /// What it decides, in the panel's words.
    pub label: &'static str,
    /// Why it is a setting (what the vendor leaves unconfirmed).
    pub note: &'static str,
    /// Its control and default.
    pub control: Control,
    /// The CLI's older spellings, kept as aliases.
    pub cli_aliases: &'static [CliAlias],
}

/// A setting's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A switch's.
    Switch(bool),
    /// A number of seconds.
    Seconds(u64),
    /// One of the listed values.
    Choice(&'static str),
}

impl Value {
    /// The value as the CLI and reports write it.
    pub fn text(self) -> String {
        match self {
            Value::Switch(on) => on.to_string(),
            Value::Seconds(n) => n.to_string(),
            Value::Choice(choice) => choice.to_owned(),
        }
    }
}

impl SettingDef {
    /// Its value by default.
    pub fn default_value(&self) -> Value {
        match self.control {
            Control::Switch { default } => Value::Switch(default),
            Control::Seconds { default, .. } => Value::Seconds(default),
            Control::OneOf { default, .. } => Value::Choice(default),
        }
    }

    /// Its key in the host's `[settings]` table.
    pub fn config_key(&self) -> String {
        self.name.replace('-', "_")
    }

    /// Reads `text` (as the CLI takes it) as this setting's value; the
    /// error names the setting and what it takes.
    pub fn parse(&self, text: &str) -> Result<Value> {
        let text = text.trim();
        let bad = |reason: String| Error::BadField {
            field: self.name.to_owned(),
            reason,
        };
        match self.control {
            Control::Switch { .. } => text
                .parse()
                .map(Value::Switch)
                .map_err(|_| bad(format!("{text:?} is not true or false"))),
            Control::Seconds { min, .. } => match text.parse::<u64>() {
                Ok(n) if n >= min => Ok(Value::Seconds(n)),
                _ => Err(bad(format!(
                    "{text:?} is not a whole number of seconds of at least {min}"
                ))),
            },
            Control::OneOf { values, .. } => values
                .iter()
                .find(|v| v.eq_ignore_ascii_case(text))
                .map(|v| Value::Choice(v))
                .ok_or_else(|| bad(format!("{text:?} is not {}", values.join(" or ")))),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const CHOICE: SettingDef = SettingDef {
        name: "toy-hash",
        label: "The toy's hash",
        note: "unconfirmed",
        control: Control::OneOf {
            values: &["md5", "sha1"],
            default: "sha1",
        },
        cli_aliases: &[],
    };

    #[test]
    fn each_control_reads_its_values_and_names_a_bad_one() {
        assert_eq!(CHOICE.parse(" MD5 ").unwrap(), Value::Choice("md5"));
        let error = CHOICE.parse("crc").unwrap_err().to_string();
        assert!(
            error.contains("toy-hash") && error.contains("md5 or sha1"),
            "{error}"
        );
        let seconds = SettingDef {
            control: Control::Seconds { min: 1, default: 5 },
            ..CHOICE
        };
        assert_eq!(seconds.parse("7").unwrap(), Value::Seconds(7));
        assert!(seconds.parse("0").is_err() && seconds.parse("-1").is_err());
        let switch = SettingDef {
            control: Control::Switch { default: false },
            ..CHOICE
        };
        assert_eq!(switch.parse("true").unwrap(), Value::Switch(true));
        assert!(switch.parse("yes").is_err());
        assert_eq!(switch.config_key(), "toy_hash");
    }
}
