//! The command line, declared with clap derive: doc comments become `--help`.
//!
//! This contract is fixed (scripts depend on it): `sign sigma|sigma-jwt|boldbi`,
//! `inspect`, `verify`, `diff`, `completions`. Secrets never travel as flag
//! values: only the *name* of an environment variable, or standard input.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Sign, inspect, verify and diff signed BI embed URLs (Sigma classic, Sigma JWT, Bold BI).
#[derive(Debug, Parser)]
#[command(name = "embed-sandbox", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build and sign an embed URL; prints the URL alone on one line.
    #[command(subcommand)]
    Sign(Box<SignCommand>),
    /// Explain a URL: scheme, every parameter, hazards; with a secret, the verdict.
    Inspect(JudgeArgs),
    /// Say whether the vendor would accept a URL (exit 0 accepted, 1 refused, 2 bad input).
    Verify(JudgeArgs),
    /// Compare two URLs and name the change that breaks the signature.
    Diff(DiffArgs),
    /// Run the local host: checks embed URLs as the vendors do and serves mock embeds.
    Serve(ServeArgs),
    /// Load a URL twice: exit 0 only if the second load is refused for its spent nonce.
    Replay(ReplayArgs),
    /// Build every broken variant of a profile's URL, load each, compare with the expected error.
    Scenarios(ScenariosArgs),
    /// Say why an embed stays blank in a page: frame headers, the page's CSP, the iframe, cookies (exit 0 nothing fails, 1 a check fails, 2 bad input).
    Doctor(DoctorArgs),
    /// Check the customer's token endpoint as the vendor's browser SDK calls it: refuses strangers,
    /// signs right, adds the user, hands the answer back, refuses another dashboard (exit 0 all pass,
    /// 1 a check fails, 2 bad input or unreachable).
    TokenEndpoint(TokenEndpointArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// The ids of the schemes with a token endpoint, as `--scheme` takes them.
fn token_schemes() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        embed_core::schemes::with_token_endpoint()
            .into_iter()
            .map(|s| s.id()),
    )
}

/// Arguments of `token-endpoint`.
#[derive(Debug, Args)]
pub struct TokenEndpointArgs {
    /// The endpoint's URL, as the page's SDK calls it (http://localhost:3000/authorize).
    pub url: String,
    /// Whose SDK calls it: a scheme whose browser SDK asks your server to sign.
    #[arg(long, value_name = "SCHEME", value_parser = token_schemes())]
    pub scheme: String,
    /// The page's dashboard id (what the SDK asks for).
    #[arg(long, value_name = "DASHBOARD_ID")]
    pub entity: String,
    /// A session cookie a signed-in browser sends to the endpoint, NAME=VALUE; repeatable. Its value
    /// is sent to the endpoint only and never printed.
    #[arg(long = "cookie", value_name = "NAME=VALUE")]
    pub cookies: Vec<String>,
    /// The embed secret the endpoint signs with (a scratch local host checks its signatures).
    #[command(flatten)]
    pub secret: SecretSource,
    /// Seconds to wait for each request.
    #[arg(long, value_name = "SECONDS", default_value_t = 15)]
    pub timeout: u64,
    /// Print JSON (embed-sandbox.token-endpoint.v1, documented in the README).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// The page that frames the embed: its URL (http://localhost:3000/) or a saved HTML file.
    #[arg(long, value_name = "URL|FILE")]
    pub parent: String,
    /// The origin a saved page is served from (https://app.example.com); a URL's own is used otherwise.
    #[arg(long, value_name = "ORIGIN")]
    pub parent_origin: Option<String>,
    /// The embed URL the page frames ('-' reads it from standard input). It is never loaded: the
    /// doctor asks its origin for the same address without the query, so its nonce stays unspent.
    #[arg(long, value_name = "URL")]
    pub embed: String,
    /// Seconds to wait for each request.
    #[arg(long, value_name = "SECONDS", default_value_t = 15)]
    pub timeout: u64,
    /// Print JSON (embed-sandbox.doctor.v1, documented in the README).
    #[arg(long)]
    pub json: bool,
}

pub use crate::sign_args::SignCommand;

pub use crate::secret_args::SecretSource;

pub use crate::settings_args::PolicyArgs;

/// Arguments of `inspect` and `verify` (verify requires the secret).
#[derive(Debug, Args)]
pub struct JudgeArgs {
    /// The URL ('-' reads it from standard input).
    #[arg(value_name = "URL")]
    pub url: String,
    /// The secret, to verify the signature.
    #[command(flatten)]
    pub secret: SecretSource,
    /// Refuse any other client id as unknown.
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Judge expiry and clock skew at this Unix time (verify: default now; inspect: no time checks without it).
    #[arg(long, value_name = "UNIX")]
    pub now: Option<u64>,
    /// Print JSON (format documented in the README).
    #[arg(long)]
    pub json: bool,
    /// Settings.
    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first URL.
    #[arg(value_name = "URL_A")]
    pub a: String,
    /// The second URL.
    #[arg(value_name = "URL_B")]
    pub b: String,
    /// Print JSON (format documented in the README).
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks any free port (the first line printed says which).
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:0")]
    pub addr: std::net::SocketAddr,
    /// TOML file declaring clients, teams, account types, embeds, internal users and settings.
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    /// A client id; pair each with a --secret-env, in order.
    #[arg(long = "client-id", value_name = "ID")]
    pub client_ids: Vec<String>,
    /// The environment variable holding the secret of the --client-id at the same position.
    #[arg(long = "secret-env", value_name = "VAR")]
    pub secret_envs: Vec<String>,
    /// A vendor's secret from an environment variable: VENDOR[:ID]=VAR (looker=LOOKER_SECRET,
    /// sigma:CLIENT_ID=SIGMA_SECRET, boldbi=BOLDBI_SECRET); the ID defaults to the vendor's name.
    /// Repeatable; the general form of --client-id/--secret-env, for every vendor.
    #[arg(long = "secret", value_name = "VENDOR[:ID]=VAR")]
    pub secrets: Vec<String>,
    /// Keep spent nonces in this SQLite file, so a replay after a restart is still refused.
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<std::path::PathBuf>,
    /// Also answer to this host name (`NAME` for any port, `NAME:PORT`), for a host deliberately
    /// exposed (a CI container, a reverse proxy). Requests for any other Host are refused
    /// (DNS-rebinding guard). Repeatable.
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub allowed_hosts: Vec<String>,
    /// Listen on a non-loopback --addr without naming an --allowed-host: only the bound address
    /// itself is then allowed as Host. Anyone who can reach it can load embeds signed for it.
    #[arg(long)]
    pub expose: bool,
    /// Answer an accepted embed with one fixed line instead of the mock workbook or dashboard
    /// (scripts/bench/host.sh: verification timed alone). Refusals keep their pages.
    #[arg(long)]
    pub minimal_page: bool,
    /// Reproduce a blank frame: frame-options=deny|sameorigin (default off),
    /// frame-ancestors="'self' https://…", allowed-domains=https://… (Bold BI), and Looker's
    /// session cookie, session-cookie=unset|none-secure|none-secure-partitioned (default lax:
    /// lost in a frame on another site). Repeatable; overrides the config's [framing]; `doctor`
    /// diagnoses each.
    #[arg(long = "framing", value_name = "NAME=VALUE")]
    pub framing: Vec<String>,
}

/// Arguments of `replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// A freshly signed URL (it is spent by the test). '-' reads it from standard input.
    #[arg(value_name = "URL")]
    pub url: String,
    /// Seconds to wait for each load.
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    pub timeout: u64,
    /// Print JSON (format documented in the README).
    #[arg(long)]
    pub json: bool,
}

/// Which host the scenarios are loaded against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Against {
    /// A local host started for this run, on 127.0.0.1, knowing only the profile's client.
    Local,
    /// The host in the profile's embed path (a real vendor, or a running `serve`).
    Profile,
}

/// Arguments of `scenarios`.
#[derive(Debug, Args)]
pub struct ScenariosArgs {
    /// The profile file (JSON: name, scheme, embed_path, client_id, secret_env, form).
    #[arg(long, value_name = "FILE")]
    pub profile_file: std::path::PathBuf,
    /// The secret [default: the variable named by the file's secret_env].
    #[command(flatten)]
    pub secret: SecretSource,
    /// Where to load the scenarios.
    #[arg(long, value_enum, default_value_t = Against::Local)]
    pub against: Against,
    /// Seconds to wait for each load.
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    pub timeout: u64,
    /// Print JSON (format documented in the README).
    #[arg(long)]
    pub json: bool,
    /// Settings.
    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// Shells with completion scripts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}
