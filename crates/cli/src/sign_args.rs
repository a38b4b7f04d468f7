//! `embed-sandbox sign <scheme>`, drawn from each registered scheme's sign
//! command ([`SignCommandDef`]): its flags are the folder's, so a new
//! scheme's command needs no line here and the flags scripts use stay as
//! they were. The secret comes from `--secret-env` or `--secret-stdin`, as
//! everywhere.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches, Subcommand};
use embed_core::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

use crate::secret_args::SecretSource;

/// A sign command as given: which scheme's, its values, and the secret.
#[derive(Debug, Clone)]
pub struct SignCommand {
    /// The scheme's sign command.
    pub def: &'static SignCommandDef,
    /// The flags given, by name, as text.
    pub given: Vec<(&'static str, Vec<String>)>,
    /// Where the secret comes from.
    pub secret: SecretSource,
    /// A profile file to sign the form of, instead of the flags.
    pub form: Option<std::path::PathBuf>,
    /// Print the element that embeds it instead of the URL.
    pub markup: bool,
}

impl SignCommand {
    /// The values, with `now` and `fresh_nonce` for a time or nonce not given.
    pub fn values(&self, now: u64, fresh_nonce: String) -> SignValues {
        let mut values = SignValues::new(now, fresh_nonce);
        for (flag, given) in &self.given {
            values.give(flag, given.clone());
        }
        values
    }
}

/// Every registered scheme's sign command, in listing order.
fn commands() -> Vec<&'static SignCommandDef> {
    embed_core::schemes::listed()
        .iter()
        .filter_map(|s| s.sign_command())
        .collect()
}

fn arg(flag: &Flag) -> Arg {
    let mut arg = Arg::new(flag.name).long(flag.name).help(flag.help);
    if !flag.value_name.is_empty() {
        arg = arg.value_name(flag.value_name);
    }
    arg = match flag.kind {
        FlagKind::Text => arg,
        FlagKind::Number => arg.value_parser(clap::value_parser!(u64)),
        FlagKind::Bool => arg.value_parser(clap::value_parser!(bool)),
        FlagKind::Switch => arg.action(ArgAction::SetTrue),
        FlagKind::OneOf(values) => arg.value_parser(PossibleValuesParser::new(values)),
        FlagKind::Repeated => arg.action(ArgAction::Append),
        FlagKind::Several => arg.action(ArgAction::Append).num_args(1..),
        FlagKind::RepeatedNumber => arg
            .action(ArgAction::Append)
            .value_parser(clap::value_parser!(u64)),
    };
    if flag.required {
        arg = arg.required_unless_present(FORM);
    }
    if let Some(default) = flag.default {
        arg = arg.default_value(default);
    }
    if let Some(other) = flag.requires {
        arg = arg.requires(other);
    }
    arg
}

/// The id of `--form FILE`.
const FORM: &str = "form";
/// The id of `--markup`.
const MARKUP: &str = "markup";

fn subcommand(def: &'static SignCommandDef) -> Command {
    let form = Arg::new(FORM)
        .long(FORM)
        .value_name("FILE")
        .value_parser(clap::value_parser!(std::path::PathBuf))
        .conflicts_with_all(def.flags.iter().map(|f| f.name))
        .help("Sign the form of a profile file instead of the flags (JSON: name, scheme, embed_path, client_id, secret_env, form; the app's profiles export it)");
    let markup = Arg::new(MARKUP)
        .long(MARKUP)
        .action(ArgAction::SetTrue)
        .help("Print the element that embeds it (an <iframe>, or the vendor's web component for a token), attribute values escaped, instead of the URL");
    let command = Command::new(def.command)
        .args(def.flags.iter().map(arg))
        .arg(form)
        .arg(markup);
    // The secret flags' own doc would become the command's about: set it after.
    SecretSource::augment_args(command).about(def.about)
}

/// The values `matches` holds for `flag`, as text.
fn given(matches: &ArgMatches, flag: &Flag) -> Vec<String> {
    match flag.kind {
        FlagKind::Switch => {
            if matches.get_flag(flag.name) {
                vec!["true".to_owned()]
            } else {
                Vec::new()
            }
        }
        FlagKind::Number | FlagKind::RepeatedNumber => matches
            .get_many::<u64>(flag.name)
            .into_iter()
            .flatten()
            .map(u64::to_string)
            .collect(),
        FlagKind::Bool => matches
            .get_one::<bool>(flag.name)
            .map(bool::to_string)
            .into_iter()
            .collect(),
        _ => matches
            .get_many::<String>(flag.name)
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
    }
}

impl FromArgMatches for SignCommand {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let (name, sub) = matches.subcommand().ok_or_else(|| {
            clap::Error::raw(
                clap::error::ErrorKind::MissingSubcommand,
                "sign needs a scheme\n",
            )
        })?;
        let def = commands()
            .into_iter()
            .find(|d| d.command == name)
            .ok_or_else(|| {
                clap::Error::raw(
                    clap::error::ErrorKind::InvalidSubcommand,
                    format!("no sign command {name:?}\n"),
                )
            })?;
        Ok(SignCommand {
            def,
            given: def.flags.iter().map(|f| (f.name, given(sub, f))).collect(),
            secret: SecretSource::from_arg_matches(sub)?,
            form: sub.get_one::<std::path::PathBuf>(FORM).cloned(),
            markup: sub.get_flag(MARKUP),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Subcommand for SignCommand {
    fn augment_subcommands(command: Command) -> Command {
        commands()
            .into_iter()
            .fold(command, |command, def| command.subcommand(subcommand(def)))
            .subcommand_required(true)
    }

    fn augment_subcommands_for_update(command: Command) -> Command {
        Self::augment_subcommands(command)
    }

    fn has_subcommand(name: &str) -> bool {
        commands().iter().any(|d| d.command == name)
    }
}
