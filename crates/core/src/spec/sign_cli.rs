//! A scheme's `embed-sandbox sign <command>` as data: the command's name,
//! its flags (name, value, help, whether required or repeatable) and the
//! function that builds the scheme's request from the values given. The CLI
//! draws every scheme's sign command from this, so a new scheme's command
//! needs no line in the CLI, and the flags scripts use stay the folder's.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::request::EmbedRequest;

/// What a flag takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    /// One text value.
    Text,
    /// One whole number.
    Number,
    /// `true` or `false`.
    Bool,
    /// No value: present or not.
    Switch,
    /// One of the listed values.
    OneOf(&'static [&'static str]),
    /// Text, repeatable (`--team A --team B`).
    Repeated,
    /// Text, repeatable, several after one flag (`--permission a b`).
    Several,
    /// A whole number, repeatable.
    RepeatedNumber,
}

/// One flag of a sign command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    /// The flag without its dashes (`embed-path`).
    pub name: &'static str,
    /// The value's placeholder in help (`URL`).
    pub value_name: &'static str,
    /// What it is.
    pub help: &'static str,
    /// What it takes.
    pub kind: FlagKind,
    /// Whether it must be given (a repeatable one: at least once).
    pub required: bool,
    /// Its value when not given, if any.
    pub default: Option<&'static str>,
    /// Another flag it needs.
    pub requires: Option<&'static str>,
}

impl Flag {
    /// An optional text flag; the builders below adjust it.
    pub const fn text(name: &'static str, value_name: &'static str, help: &'static str) -> Self {
        Flag {
            name,
            value_name,
            help,
            kind: FlagKind::Text,
            required: false,
            default: None,
            requires: None,
        }
    }

    /// This flag, of `kind`.
    pub const fn of(self, kind: FlagKind) -> Self {
        Flag { kind, ..self }
    }

    /// This flag, required.
    pub const fn required(self) -> Self {
        Flag {
            required: true,
            ..self
        }
    }

    /// This flag, with a default.
    pub const fn default(self, value: &'static str) -> Self {
        Flag {
            default: Some(value),
            ..self
        }
    }

    /// This flag, needing `other`.
    pub const fn requires(self, other: &'static str) -> Self {
        Flag {
            requires: Some(other),
            ..self
        }
    }
}

/// A scheme's sign command.
#[derive(Debug)]
pub struct SignCommandDef {
    /// The subcommand (`sigma`, `boldbi`).
    pub command: &'static str,
    /// What it signs, for help.
    pub about: &'static str,
    /// Its flags, in help order.
    pub flags: &'static [Flag],
    /// The request the values describe.
    pub build: fn(&SignValues) -> Result<EmbedRequest>,
}

/// The values a sign command was given, by flag, with what the caller's
/// clock and randomness supply (the core has neither).
#[derive(Debug, Clone, Default)]
pub struct SignValues {
    given: BTreeMap<&'static str, Vec<String>>,
    /// Now, Unix seconds, for a time not given.
    pub now: u64,
    /// A fresh nonce, for a nonce not given.
    pub fresh_nonce: String,
}

impl SignValues {
    /// Values with the caller's clock and a fresh nonce.
    pub fn new(now: u64, fresh_nonce: String) -> Self {
        SignValues {
            given: BTreeMap::new(),
            now,
            fresh_nonce,
        }
    }

    /// Records the values given for `flag`.
    pub fn give(&mut self, flag: &'static str, values: Vec<String>) {
        if !values.is_empty() {
            self.given.insert(flag, values);
        }
    }

    /// The value of `flag`, if given (the first, for a repeated one).
    pub fn text(&self, flag: &str) -> Option<String> {
        self.given.get(flag).and_then(|v| v.first()).cloned()
    }

    /// The value of a required `flag`.
    pub fn required(&self, flag: &str) -> Result<String> {
        self.text(flag).ok_or_else(|| Error::BadField {
            field: format!("--{flag}"),
            reason: "is required".into(),
        })
    }

    /// Every value of a repeatable `flag`.
    pub fn all(&self, flag: &str) -> Vec<String> {
        self.given.get(flag).cloned().unwrap_or_default()
    }

    /// Every value of a repeatable `flag`, each split at commas.
    pub fn split_commas(&self, flag: &str) -> Vec<String> {
        self.all(flag)
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::to_owned)
            .collect()
    }

    /// The whole number given for `flag`, if any.
    pub fn number(&self, flag: &str) -> Result<Option<u64>> {
        self.text(flag)
            .map(|v| parsed(flag, &v, "a whole number"))
            .transpose()
    }

    /// Every whole number given for a repeatable `flag`.
    pub fn numbers(&self, flag: &str) -> Result<Vec<u64>> {
        self.all(flag)
            .iter()
            .map(|v| parsed(flag, v, "a whole number"))
            .collect()
    }

    /// `true` or `false` given for `flag`, if any.
    pub fn boolean(&self, flag: &str) -> Result<Option<bool>> {
        self.text(flag)
            .map(|v| parsed(flag, &v, "true or false"))
            .transpose()
    }

    /// Whether the switch `flag` was given.
    pub fn switch(&self, flag: &str) -> bool {
        self.text(flag).is_some_and(|v| v == "true")
    }

    /// Every `NAME=VALUE` of a repeatable `flag`.
    pub fn key_values(&self, flag: &str) -> Result<Vec<(String, String)>> {
        self.all(flag)
            .iter()
            .map(|given| match given.split_once('=') {
                Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
                _ => Err(Error::BadField {
                    field: format!("--{flag}"),
                    reason: format!(
                        "{given:?} is not NAME=VALUE (for example --param :theme=Dark)"
                    ),
                }),
            })
            .collect()
    }

    /// The nonce given for `flag`, or a fresh one.
    pub fn nonce(&self, flag: &str) -> String {
        self.text(flag).unwrap_or_else(|| self.fresh_nonce.clone())
    }

    /// The time given for `flag`, or now.
    pub fn time(&self, flag: &str) -> Result<u64> {
        Ok(self.number(flag)?.unwrap_or(self.now))
    }
}

/// `value` of `flag` read as a `T`, or an error saying it is not `what`.
fn parsed<T: std::str::FromStr>(flag: &str, value: &str, what: &str) -> Result<T> {
    value.trim().parse().map_err(|_| Error::BadField {
        field: format!("--{flag}"),
        reason: format!("{value:?} is not {what}"),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn values_read_back_and_bad_ones_name_their_flag() {
        let mut values = SignValues::new(5, "fresh".into());
        values.give("team", vec!["A,B".into(), "C".into()]);
        values.give("ua", vec!["Region=West".into(), "bad".into()]);
        values.give("time", vec!["soon".into()]);
        assert_eq!(values.split_commas("team"), ["A", "B", "C"]);
        assert_eq!(values.nonce("nonce"), "fresh");
        assert!(values
            .time("time")
            .unwrap_err()
            .to_string()
            .contains("--time"));
        assert_eq!(values.time("iat").unwrap(), 5);
        assert!(values
            .key_values("ua")
            .unwrap_err()
            .to_string()
            .contains("\"bad\""));
        assert!(values.required("email").is_err());
    }
}
