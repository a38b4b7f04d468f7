//! The settings flags, built from the settings' one schema instead of
//! declared field by field: `--set NAME=VALUE` for any setting, one flag
//! per setting the schemes declare (`--clock-skew 60`, `--sigma-strict-time`),
//! and the older spellings scripts depend on (`--algorithm sha256`,
//! `--looker-accept-future-time`). A new scheme's setting reaches the CLI
//! without a line here.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use embed_core::policy_settings;
use embed_core::setting::{CliAlias, Control, SettingDef};
use embed_core::Policy;

/// The id of the `--set` argument.
const SET: &str = "set";

/// The settings chosen on the command line, in the order they apply.
#[derive(Debug, Clone, Default)]
pub struct PolicyArgs {
    chosen: Vec<(&'static SettingDef, String)>,
}

impl PolicyArgs {
    /// The policy the flags choose, accepting only `client_id` if given.
    pub fn policy(&self, client_id: Option<String>) -> Result<Policy, embed_core::Error> {
        let mut policy = Policy::default().with_client_id(client_id);
        for (setting, value) in &self.chosen {
            policy.choose(setting, value)?;
        }
        Ok(policy)
    }
}

/// The flag a setting has under its own name, if any: a switch that is on
/// by default has none (`--set NAME=false`, or an older alias, turns it off).
fn own_flag(setting: &'static SettingDef) -> Option<Arg> {
    let help = format!(
        "{} (default {})",
        setting.label,
        setting.default_value().text()
    );
    value_flag(setting, setting.name, help)
}

fn value_flag(setting: &SettingDef, flag: &'static str, help: String) -> Option<Arg> {
    let arg = Arg::new(flag).long(flag).help(help);
    Some(match setting.control {
        Control::Switch { default: true } => return None,
        Control::Switch { default: false } => arg.action(ArgAction::SetTrue),
        Control::Seconds { min, .. } => arg
            .value_name("SECONDS")
            .value_parser(clap::value_parser!(u64).range(min..)),
        Control::OneOf { values, .. } => arg
            .value_parser(PossibleValuesParser::new(values))
            .ignore_case(true),
    })
}

fn alias_flag(setting: &SettingDef, alias: &CliAlias) -> Option<Arg> {
    match alias.sets {
        Some(value) => Some(
            Arg::new(alias.flag)
                .long(alias.flag)
                .action(ArgAction::SetTrue)
                .help(format!(
                    "Same as --set {}={value} ({})",
                    setting.name, setting.note
                )),
        ),
        None => value_flag(
            setting,
            alias.flag,
            format!(
                "{} (default {})",
                setting.label,
                setting.default_value().text()
            ),
        ),
    }
}

/// The value a flag carries, as text, if it was given.
fn given(matches: &ArgMatches, setting: &SettingDef, flag: &str) -> Option<String> {
    match setting.control {
        Control::Switch { .. } => matches.get_flag(flag).then(|| "true".to_owned()),
        Control::Seconds { .. } => matches.get_one::<u64>(flag).map(u64::to_string),
        Control::OneOf { .. } => matches.get_one::<String>(flag).cloned(),
    }
}

fn chosen(matches: &ArgMatches) -> Result<Vec<(&'static SettingDef, String)>, clap::Error> {
    let mut chosen = Vec::new();
    for setting in policy_settings::all() {
        if own_flag(setting).is_some() {
            if let Some(value) = given(matches, setting, setting.name) {
                chosen.push((setting, value));
            }
        }
        // Only the aliases that became flags can have been given.
        for alias in setting
            .cli_aliases
            .iter()
            .filter(|a| alias_flag(setting, a).is_some())
        {
            let value = match alias.sets {
                Some(value) => matches.get_flag(alias.flag).then(|| value.to_owned()),
                None => given(matches, setting, alias.flag),
            };
            chosen.extend(value.map(|v| (setting, v)));
        }
    }
    for pair in matches.get_many::<String>(SET).into_iter().flatten() {
        let invalid = |message: String| {
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{message}\n"))
        };
        let (name, value) = pair.split_once('=').ok_or_else(|| {
            invalid(format!(
                "--set {pair:?} is not NAME=VALUE (e.g. --set clock-skew=60)"
            ))
        })?;
        let name = name.trim();
        let setting = policy_settings::find(name).ok_or_else(|| {
            let names: Vec<&str> = policy_settings::all().iter().map(|s| s.name).collect();
            invalid(format!(
                "--set: no setting {name:?}; the settings are {}",
                names.join(", ")
            ))
        })?;
        setting
            .parse(value)
            .map_err(|e| invalid(format!("--set: {e}")))?;
        chosen.push((setting, value.to_owned()));
    }
    Ok(chosen)
}

impl FromArgMatches for PolicyArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(PolicyArgs {
            chosen: chosen(matches)?,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.chosen.extend(chosen(matches)?);
        Ok(())
    }
}

impl Args for PolicyArgs {
    fn augment_args(mut command: Command) -> Command {
        command = command.arg(
            Arg::new(SET)
                .long(SET)
                .value_name("NAME=VALUE")
                .action(ArgAction::Append)
                .help("Change any setting for unconfirmed behaviour (repeatable): --set clock-skew=60"),
        );
        for setting in policy_settings::all() {
            command = command.args(own_flag(setting));
            for alias in setting.cli_aliases {
                command = command.args(alias_flag(setting, alias));
            }
        }
        command
    }

    fn augment_args_for_update(command: Command) -> Command {
        Self::augment_args(command)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Probe {
        #[command(flatten)]
        policy: PolicyArgs,
    }

    fn policy(args: &[&str]) -> Result<Policy, clap::Error> {
        let probe = Probe::try_parse_from(std::iter::once("probe").chain(args.iter().copied()))?;
        Ok(probe.policy.policy(None).unwrap())
    }

    fn value(policy: &Policy, name: &str) -> String {
        let settings = policy.settings();
        settings.into_iter().find(|s| s.name == name).unwrap().value
    }

    #[test]
    fn every_setting_is_reachable_by_set_and_the_older_flags_still_work() {
        for setting in policy_settings::all() {
            let text = setting.default_value().text();
            let chosen = policy(&["--set", &format!("{}={text}", setting.name)]).unwrap();
            assert_eq!(chosen, Policy::default(), "{}", setting.name);
        }
        let chosen = policy(&[
            "--algorithm",
            "SHA256",
            "--looker-accept-future-time",
            "--clock-skew",
            "60",
        ])
        .unwrap();
        assert_eq!(value(&chosen, "looker-algorithm"), "sha256");
        assert_eq!(value(&chosen, "looker-refuse-future-time"), "false");
        assert_eq!(value(&chosen, "clock-skew"), "60");
        let chosen = policy(&["--sigma-strict-time", "--boldbi-accept-reused-nonce"]).unwrap();
        assert_eq!(value(&chosen, "sigma-strict-time"), "true");
        assert_eq!(value(&chosen, "boldbi-refuse-reused-nonce"), "false");
        assert_eq!(policy(&[]).unwrap(), Policy::default());
    }

    #[test]
    fn a_bad_set_names_the_setting_or_the_settings() {
        let error = policy(&["--set", "clock-skew=soon"])
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("clock-skew"), "{error}");
        let error = policy(&["--set", "no-such=1"]).err().unwrap().to_string();
        assert!(
            error.contains("no-such") && error.contains("clock-skew"),
            "{error}"
        );
        assert!(policy(&["--set", "clock-skew"]).is_err());
        assert!(policy(&["--max-session-length", "0"]).is_err());
    }
}
