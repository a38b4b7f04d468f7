//! The TOML configuration: an organisation declared in a file.
//!
//! Secrets are never in the file: a client names the environment variable
//! that holds its secret. Every mistake (a typo in a key, a wrong type, a
//! duplicate client, a missing variable) is reported with its line, and the
//! host refuses to start rather than run half-configured.
//!
//! ```toml
//! teams = ["Sales_Managers", "Sales_People"]
//! embeds = ["1-2wDc2M6GqIrajkSwjkl0az"]      # omit to accept any embed
//! internal_users = ["admin@example.com"]      # refused with EACCES
//!
//! [settings]
//! max_session_length = 36000
//! clock_skew = 300
//! boldbi_refuse_reused_nonce = true
//! boldbi_plus_as_space = false
//! boldbi_strict_booleans = false       # refuse True / False (C# samples)
//! sigma_strict_time = false            # refuse a fractional :time
//! sigma_refuse_legacy_modes = false    # refuse :mode=view / explore
//! looker_algorithm = "sha1"            # or "sha256" (API-made secrets)
//! looker_refuse_future_time = true
//!
//! [framing]                            # the blank-frame emulation (all optional)
//! frame_options = "sameorigin"         # off, deny, sameorigin
//! frame_ancestors = "'self' https://app.example.com"
//! allowed_domains = "https://app.example.com"   # Bold BI pages only
//! session_cookie = "lax"               # unset, none-secure, none-secure-partitioned
//!
//! [account_types]
//! Viewer = ["view", "export"]
//! Creator = ["view", "export", "explore", "edit", "save_as", "page_controls", "schedule"]
//!
//! [[clients]]
//! id = "demo-client"
//! secret_env = "DEMO_SECRET"
//! schemes = ["sigma-classic", "sigma-jwt", "boldbi"]   # optional
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use embed_core::setting::Control;
use embed_core::{Policy, Scheme, Secret};
use serde::Deserialize;
use toml::Spanned;

use crate::error::HostError;
use crate::org::{demo_account_types, Client, Org, Permission};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    teams: Option<Vec<String>>,
    embeds: Option<Vec<String>>,
    #[serde(default)]
    internal_users: Vec<String>,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    framing: FramingTable,
    account_types: Option<BTreeMap<String, BTreeSet<Permission>>>,
    #[serde(default)]
    clients: Vec<ClientEntry>,
}

/// The `[settings]` table: any setting the schemes declare, by its config
/// key (its name with `_` for `-`), read through the settings' one schema.
type Settings = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FramingTable {
    frame_options: Option<Spanned<String>>,
    frame_ancestors: Option<Spanned<String>>,
    allowed_domains: Option<Spanned<String>>,
    session_cookie: Option<Spanned<String>>,
}

impl FramingTable {
    /// Each setting given, as `(setting name, value)`.
    fn given(&self) -> impl Iterator<Item = (&'static str, &Spanned<String>)> {
        [
            ("frame-options", &self.frame_options),
            ("frame-ancestors", &self.frame_ancestors),
            ("allowed-domains", &self.allowed_domains),
            ("session-cookie", &self.session_cookie),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| (name, v)))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientEntry {
    id: Spanned<String>,
    secret_env: Spanned<String>,
    #[serde(default)]
    schemes: Vec<Spanned<String>>,
}

/// Reads `path` into an organisation; `extra` clients (from the command line)
/// are added; `env` looks up secrets.
pub fn load(
    path: &Path,
    extra: Vec<Client>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Org, HostError> {
    let text = std::fs::read_to_string(path).map_err(|e| HostError::Config {
        path: path.to_owned(),
        line: 0,
        message: format!("cannot read the file: {e}"),
    })?;
    parse(&text, path, extra, env)
}

/// Parses configuration text (see [`load`]).
pub fn parse(
    text: &str,
    path: &Path,
    extra: Vec<Client>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Org, HostError> {
    let error_at = |offset: usize, message: String| HostError::Config {
        path: path.to_owned(),
        line: text
            .get(..offset)
            .map_or(0, |head| head.matches('\n').count() + 1),
        message,
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        error_at(offset, e.message().to_owned())
    })?;
    let mut framing = embed_core::doctor::emulation::Framing::default();
    for (name, value) in file.framing.given() {
        framing
            .set(name, value.get_ref())
            .map_err(|e| error_at(value.span().start, format!("[framing] {e}")))?;
    }
    let mut policy = Policy::default();
    for (key, value) in &file.settings {
        setting(&mut policy, key, value).map_err(|message| error_at(key.span().start, message))?;
    }
    let mut clients = extra;
    for entry in file.clients {
        if entry.id.get_ref().trim().is_empty() {
            return Err(error_at(
                entry.id.span().start,
                "a client's id is empty: every client needs the id its URLs carry (the client id a scheme's URLs name; any name for a scheme whose URLs carry none)".to_owned(),
            ));
        }
        if clients.iter().any(|c| c.id == *entry.id.get_ref()) {
            return Err(error_at(
                entry.id.span().start,
                format!("client {:?} is declared twice", entry.id.get_ref()),
            ));
        }
        let var = entry.secret_env.get_ref();
        let secret = env(var).ok_or_else(|| {
            error_at(
                entry.secret_env.span().start,
                format!(
                    "the environment variable {var} (secret of client {:?}) is not set",
                    entry.id.get_ref()
                ),
            )
        })?;
        let mut schemes = Vec::new();
        for name in &entry.schemes {
            let Some(scheme) = Scheme::from_id(name.get_ref()) else {
                return Err(error_at(
                    name.span().start,
                    format!(
                        "unknown scheme {:?}; use one of {}",
                        name.get_ref(),
                        Scheme::ids()
                    ),
                ));
            };
            schemes.push(scheme);
        }
        clients.push(Client {
            id: entry.id.into_inner(),
            secret: Secret::new(secret),
            schemes,
        });
    }
    if clients.is_empty() {
        return Err(HostError::NoClient);
    }
    Ok(Org {
        clients,
        teams: file
            .teams
            .map_or_else(|| Org::demo(vec![]).teams, |t| t.into_iter().collect()),
        account_types: file.account_types.unwrap_or_else(demo_account_types),
        embeds: file.embeds.map(|e| e.into_iter().collect()),
        absent_embeds: std::collections::BTreeSet::new(),
        internal_users: file
            .internal_users
            .iter()
            .map(|u| u.to_lowercase())
            .collect(),
        policy,
        framing,
    })
}

/// Sets the setting whose config key is `key` to `value`; the error says
/// what the key or value should be.
fn setting(
    policy: &mut Policy,
    key: &Spanned<String>,
    value: &Spanned<toml::Value>,
) -> Result<(), String> {
    let settings = embed_core::policy_settings::all();
    let Some(def) = settings.iter().find(|s| s.config_key() == *key.get_ref()) else {
        let keys: Vec<String> = settings.iter().map(|s| s.config_key()).collect();
        return Err(format!(
            "[settings] has no setting {:?}; the settings are {}",
            key.get_ref(),
            keys.join(", ")
        ));
    };
    let text = match (value.get_ref(), def.control) {
        (toml::Value::Boolean(on), Control::Switch { .. }) => on.to_string(),
        (toml::Value::Integer(n), Control::Seconds { .. }) => n.to_string(),
        (toml::Value::String(text), Control::OneOf { .. }) => text.clone(),
        (_, control) => {
            let takes = match control {
                Control::Switch { .. } => "true or false".to_owned(),
                Control::Seconds { .. } => "a whole number of seconds".to_owned(),
                Control::OneOf { values, .. } => format!("a quoted {}", values.join(" or ")),
            };
            return Err(format!("[settings] {} takes {takes}", key.get_ref()));
        }
    };
    policy
        .choose(def, &text)
        .map_err(|e| format!("[settings] {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(var: &str) -> Option<String> {
        (var == "SET").then(|| "s3cret".to_owned())
    }

    fn parse_text(text: &str) -> Result<Org, HostError> {
        parse(text, Path::new("org.toml"), vec![], &env)
    }

    fn line_of(result: Result<Org, HostError>) -> (usize, String) {
        match result {
            Err(HostError::Config { line, message, .. }) => (line, message),
            other => panic!(
                "expected a config error, got {:?}",
                other.map(|o| o.clients.len())
            ),
        }
    }

    #[test]
    fn a_full_file_declares_the_org() {
        let org = parse_text(
            "teams = [\"A\"]\nembeds = [\"e1\"]\ninternal_users = [\"Admin@X.com\"]\n\
             [settings]\nmax_session_length = 3600\n\
             [account_types]\nReader = [\"view\"]\n\
             [[clients]]\nid = \"c\"\nsecret_env = \"SET\"\nschemes = [\"boldbi\"]\n",
        )
        .unwrap();
        assert_eq!(org.clients[0].schemes, vec![Scheme::BoldBi]);
        assert_eq!(
            org.policy
                .settings()
                .iter()
                .find(|s| s.name == "max-session-length")
                .map(|s| s.value.as_str()),
            Some("3600")
        );
        assert!(org.internal_users.contains("admin@x.com"));
        assert!(org.account_types.contains_key("Reader"));
    }

    #[test]
    fn a_typo_in_a_key_names_its_line() {
        let (line, message) = line_of(parse_text(
            "teams = []\n\n[settings]\nmax_sesion_length = 5\n",
        ));
        assert_eq!(line, 4);
        assert!(message.contains("max_sesion_length"), "{message}");
    }

    #[test]
    fn the_framing_table_sets_the_emulation_and_names_a_bad_line() {
        let org = parse_text(
            "[framing]\nframe_options = \"DENY\"\nsession_cookie = \"none-secure\"\n[[clients]]\nid = \"c\"\nsecret_env = \"SET\"\n",
        )
        .unwrap();
        assert_eq!(org.framing.frame_options, "deny");
        assert_eq!(org.framing.session_cookie, "none-secure");
        let (line, message) = line_of(parse_text("[framing]\nframe_options = \"allow\"\n"));
        assert_eq!(line, 2);
        assert!(
            message.contains("frame-options") && message.contains("deny"),
            "{message}"
        );
        let (line, message) = line_of(parse_text("[framing]\nframe_optoins = \"deny\"\n"));
        assert_eq!(line, 2);
        assert!(message.contains("frame_optoins"), "{message}");
    }

    #[test]
    fn a_missing_secret_variable_names_its_line() {
        let (line, message) = line_of(parse_text(
            "[[clients]]\nid = \"c\"\nsecret_env = \"UNSET\"\n",
        ));
        assert_eq!(line, 3);
        assert!(message.contains("UNSET"));
    }

    #[test]
    fn duplicate_clients_and_unknown_permissions_are_refused() {
        let (line, _) = line_of(parse_text("[[clients]]\nid = \"c\"\nsecret_env = \"SET\"\n[[clients]]\nid = \"c\"\nsecret_env = \"SET\"\n"));
        assert_eq!(line, 5);
        let (line, message) = line_of(parse_text("[account_types]\nViewer = [\"fly\"]\n"));
        assert_eq!(line, 2);
        assert!(message.contains("fly"), "{message}");
    }

    #[test]
    fn no_client_at_all_is_an_error() {
        assert!(matches!(
            parse_text("teams = [\"A\"]\n"),
            Err(HostError::NoClient)
        ));
    }
}
