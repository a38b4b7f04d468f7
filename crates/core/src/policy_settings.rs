//! The verification settings as the app's settings panel shows and changes
//! them: one list, each with its label, its kind of control, its value and
//! why it is a setting, so the panel draws whatever the core has (a new
//! vendor's unconfirmed behaviour needs no new Svelte) and a change goes
//! through one checked setter.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::policy::{Policy, SettingUsed};
use crate::scheme::Scheme;
use crate::schemes::looker::Algorithm;

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

/// The schemes each setting judges (a setting not listed judges all).
fn schemes_judged(name: &str) -> Vec<Scheme> {
    const SIGMA: &[Scheme] = &[Scheme::SigmaClassic, Scheme::SigmaJwt];
    let prefix = name.split('-').next().unwrap_or_default();
    match (name, prefix) {
        ("max-session-length", _) | (_, "sigma") => SIGMA.to_vec(),
        (_, "boldbi") => vec![Scheme::BoldBi],
        (_, "looker") => vec![Scheme::Looker],
        _ => crate::schemes::all().iter().map(|s| s.scheme()).collect(),
    }
}

/// The panel's label and control of each setting, by name.
fn presentation(name: &str) -> (&'static str, SettingKind) {
    let switch = SettingKind::Switch;
    match name {
        "max-session-length" => (
            "Largest :session_length Sigma accepts (s): help says < 3600, SDK docs 36000",
            SettingKind::Seconds { min: 1 },
        ),
        "clock-skew" => (
            "Allowed clock skew for :time / iat / embed_timestamp (s)",
            SettingKind::Seconds { min: 0 },
        ),
        "boldbi-plus-as-space" => ("Bold BI reads a raw “+” in the signature as a space", switch),
        "boldbi-refuse-reused-nonce" => ("Bold BI refuses a reused embed_nonce", switch),
        "boldbi-strict-booleans" => (
            "Bold BI refuses True / False (its C# samples send them; off reads them as true / false)",
            switch,
        ),
        "sigma-strict-time" => (
            "Sigma refuses a fractional :time (its Python signing package sends one)",
            switch,
        ),
        "sigma-refuse-legacy-modes" => (
            "Sigma refuses :mode=view / explore (its Node signing package sends view)",
            switch,
        ),
        "looker-algorithm" => (
            "The HMAC of the local host's Looker secret (sha1: Admin > Embed; sha256: the API's default)",
            SettingKind::OneOf {
                values: vec![Algorithm::Sha1.id().into(), Algorithm::Sha256.id().into()],
            },
        ),
        "looker-refuse-future-time" => (
            "Looker refuses a time more than 5 minutes ahead of its clock",
            switch,
        ),
        _ => ("", switch),
    }
}

fn view(used: SettingUsed) -> SettingView {
    let (label, kind) = presentation(used.name);
    SettingView {
        name: used.name.to_owned(),
        label: if label.is_empty() {
            used.name.to_owned()
        } else {
            label.to_owned()
        },
        kind,
        value: used.value,
        note: used.note.to_owned(),
        schemes: schemes_judged(used.name),
        default: crate::Policy::default()
            .settings()
            .into_iter()
            .find(|d| d.name == used.name)
            .map(|d| d.value)
            .unwrap_or_default(),
        emulation: false,
    }
}

fn bad(name: &str, reason: impl Into<String>) -> Error {
    Error::BadField {
        field: name.to_owned(),
        reason: reason.into(),
    }
}

fn switch(name: &str, value: &str) -> Result<bool> {
    value
        .trim()
        .parse()
        .map_err(|_| bad(name, format!("{value:?} is not true or false")))
}

fn seconds(name: &str, value: &str, min: u64) -> Result<u64> {
    match value.trim().parse::<u64>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(bad(
            name,
            format!("{value:?} is not a whole number of seconds of at least {min}"),
        )),
    }
}

impl Policy {
    /// Every setting as the panel shows it.
    pub fn views(&self) -> Vec<SettingView> {
        self.settings().into_iter().map(view).collect()
    }

    /// Changes the setting `name` to `value` (its text, as the CLI takes it).
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        match name {
            "max-session-length" => self.max_session_length = seconds(name, value, 1)?,
            "clock-skew" => self.clock_skew = seconds(name, value, 0)?,
            "boldbi-plus-as-space" => self.boldbi_plus_as_space = switch(name, value)?,
            "boldbi-refuse-reused-nonce" => self.boldbi_refuse_reused_nonce = switch(name, value)?,
            "boldbi-strict-booleans" => self.boldbi_strict_booleans = switch(name, value)?,
            "sigma-strict-time" => self.sigma_strict_time = switch(name, value)?,
            "sigma-refuse-legacy-modes" => self.sigma_refuse_legacy_modes = switch(name, value)?,
            "looker-algorithm" => {
                self.looker_algorithm = match value.trim().to_ascii_lowercase().as_str() {
                    "sha1" => Algorithm::Sha1,
                    "sha256" => Algorithm::Sha256,
                    _ => return Err(bad(name, format!("{value:?} is not sha1 or sha256"))),
                }
            }
            "looker-refuse-future-time" => self.looker_refuse_future_time = switch(name, value)?,
            _ => return Err(bad(name, "no such setting")),
        }
        Ok(())
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
            let mut policy = Policy::default();
            policy.set(&setting.name, &setting.value).unwrap();
            assert_eq!(policy, defaults, "{}", setting.name);
        }
    }

    #[test]
    fn each_setting_names_the_schemes_it_judges() {
        let views = Policy::default().views();
        let of = |name: &str| {
            views
                .iter()
                .find(|v| v.name == name)
                .unwrap()
                .schemes
                .clone()
        };
        assert_eq!(of("looker-algorithm"), vec![Scheme::Looker]);
        assert_eq!(of("boldbi-plus-as-space"), vec![Scheme::BoldBi]);
        assert!(of("max-session-length").contains(&Scheme::SigmaJwt));
        // A setting every scheme shares judges every registered scheme.
        assert_eq!(of("clock-skew").len(), crate::schemes::all().len());
    }

    #[test]
    fn a_change_lands_and_a_bad_value_is_named_and_changes_nothing() {
        let mut policy = Policy::default();
        policy.set("looker-algorithm", "SHA256").unwrap();
        policy.set("clock-skew", "0").unwrap();
        policy.set("sigma-strict-time", "true").unwrap();
        assert_eq!(policy.looker_algorithm, Algorithm::Sha256);
        assert_eq!(policy.clock_skew, 0);
        assert!(policy.sigma_strict_time);
        let before = policy.clone();
        let error = policy.set("max-session-length", "0").unwrap_err();
        assert!(error.to_string().contains("max-session-length"), "{error}");
        assert!(policy.set("boldbi-plus-as-space", "yes").is_err());
        assert!(policy.set("no-such", "1").is_err());
        assert_eq!(policy, before);
    }
}
