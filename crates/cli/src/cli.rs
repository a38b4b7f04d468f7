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

/// The embeds whose browser SDK asks a customer's token endpoint.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TokenScheme {
    /// Bold BI's Embed SDK and its authorization server.
    Boldbi,
}

/// Arguments of `token-endpoint`.
#[derive(Debug, Args)]
pub struct TokenEndpointArgs {
    /// The endpoint's URL, as the page's SDK calls it (http://localhost:3000/authorize).
    pub url: String,
    /// Whose SDK calls it.
    #[arg(long, value_enum)]
    pub scheme: TokenScheme,
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

/// The schemes `sign` speaks.
#[derive(Debug, Subcommand)]
pub enum SignCommand {
    /// Sigma classic signed URL (:mode=userbacked), as the seed's embed-api.js builds it.
    Sigma(SignSigmaArgs),
    /// Sigma JWT embed (HS256, kid = client id).
    SigmaJwt(SignSigmaJwtArgs),
    /// Bold BI token authentication (Base64 embed_signature).
    Boldbi(SignBoldBiArgs),
    /// Looker signed embed (/login/embed/..., Base64 HMAC of the values), as node_example.js builds it.
    Looker(SignLookerArgs),
}

/// The HMAC a Looker embed secret signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum AlgorithmArg {
    /// HMAC-SHA1: secrets made in Admin > Embed.
    #[default]
    Sha1,
    /// HMAC-SHA256: the default of secrets made with the create_embed_secret API.
    Sha256,
}

impl From<AlgorithmArg> for embed_core::schemes::looker::Algorithm {
    fn from(arg: AlgorithmArg) -> Self {
        match arg {
            AlgorithmArg::Sha1 => Self::Sha1,
            AlgorithmArg::Sha256 => Self::Sha256,
        }
    }
}

/// Arguments of `sign looker`.
#[derive(Debug, Args)]
pub struct SignLookerArgs {
    /// The Looker host: HOST[:PORT] (https), or with its scheme (http://127.0.0.1:PORT for the local host).
    #[arg(long, value_name = "HOST")]
    pub host: String,
    /// The content to embed, e.g. /embed/dashboards/3 (with any query).
    #[arg(long, value_name = "PATH")]
    pub embed_url: String,
    /// Your application's id for the user.
    #[arg(long, value_name = "ID")]
    pub external_user_id: String,
    /// A Looker permission (access_data, see_user_dashboards, ...); repeatable, or several after one flag.
    #[arg(long = "permission", value_name = "P", num_args = 1.., required = true)]
    pub permissions: Vec<String>,
    /// A model the user may query; repeatable, or several after one flag.
    #[arg(long = "model", value_name = "M", num_args = 1.., required = true)]
    pub models: Vec<String>,
    /// A Looker group id; repeatable (signed only when given).
    #[arg(long = "group-id", value_name = "N")]
    pub group_ids: Vec<u64>,
    /// Your application's group id (signed only when given).
    #[arg(long, value_name = "ID")]
    pub external_group_id: Option<String>,
    /// A user attribute NAME=VALUE; repeatable (signed only when given).
    #[arg(long = "ua", value_name = "NAME=VALUE")]
    pub user_attributes: Vec<String>,
    /// Access filters as a JSON object (always signed; {} when not given).
    #[arg(long, value_name = "JSON", default_value = "{}")]
    pub access_filters: String,
    /// Session length in seconds (at most 2592000).
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub session_length: u64,
    /// First name (not signed).
    #[arg(long, value_name = "F")]
    pub first_name: Option<String>,
    /// Last name (not signed).
    #[arg(long, value_name = "L")]
    pub last_name: Option<String>,
    /// Time zone (not signed), e.g. Europe/Berlin.
    #[arg(long, value_name = "TZ")]
    pub user_timezone: Option<String>,
    /// Log out a user already signed in to Looker first (not signed; Looker's default is true).
    #[arg(long, value_name = "true|false")]
    pub force_logout_login: Option<bool>,
    /// The nonce, sent as a JSON string [default: a fresh random one].
    #[arg(long, value_name = "N")]
    pub nonce: Option<String>,
    /// The signing time, Unix seconds [default: now].
    #[arg(long, value_name = "UNIX")]
    pub time: Option<u64>,
    /// The HMAC the secret signs with.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Sha1)]
    pub algorithm: AlgorithmArg,
    /// The secret.
    #[command(flatten)]
    pub secret: SecretSource,
}

/// Where the secret comes from: never a flag value, since argv is visible to every process.
#[derive(Debug, Args, Clone, Default)]
#[group(multiple = false)]
pub struct SecretSource {
    /// Read the secret from this environment variable (give its name, not the secret).
    #[arg(long, value_name = "VAR")]
    pub secret_env: Option<String>,
    /// Read the secret from standard input (one trailing newline is removed).
    #[arg(long)]
    pub secret_stdin: bool,
}

/// Arguments of `sign sigma`.
#[derive(Debug, Args)]
pub struct SignSigmaArgs {
    /// Embed path: https://app.sigmacomputing.com/embed/<embedId> (or .../tag/<tag>).
    #[arg(long, value_name = "URL")]
    pub embed_path: String,
    /// Client id of the embed credentials.
    #[arg(long, value_name = "ID")]
    pub client_id: String,
    /// The embed user's email.
    #[arg(long, value_name = "E")]
    pub email: String,
    /// Your application's id for the user.
    #[arg(long, value_name = "ID")]
    pub external_user_id: String,
    /// A team; repeat for several (A,B is the same as --team A --team B).
    #[arg(long = "team", value_name = "NAME", required = true)]
    pub teams: Vec<String>,
    /// Account type: Viewer, Creator or a custom type.
    #[arg(long, value_name = "TYPE")]
    pub account_type: String,
    /// Session length in seconds.
    #[arg(long, value_name = "SECONDS")]
    pub session_length: u64,
    /// :mode (only change it to reproduce the "Invalid embed request." error).
    #[arg(long, value_name = "MODE", default_value = "userbacked")]
    pub mode: String,
    /// :time in Unix seconds [default: now].
    #[arg(long, value_name = "UNIX")]
    pub time: Option<u64>,
    /// :nonce [default: a fresh UUID v4].
    #[arg(long, value_name = "N")]
    pub nonce: Option<String>,
    /// User attribute NAME=V1,V2 (sent as :ua_NAME); repeatable.
    #[arg(long = "ua", value_name = "NAME=V1,V2")]
    pub user_attributes: Vec<String>,
    /// Extra parameter NAME=VALUE, name emitted exactly as given (:theme=Dark, Store-Region=West); repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// The secret.
    #[command(flatten)]
    pub secret: SecretSource,
}

/// Arguments of `sign sigma-jwt`.
#[derive(Debug, Args)]
pub struct SignSigmaJwtArgs {
    /// Workbook URL: https://app.sigmacomputing.com/<org>/workbook/<name>-<id> (or /page/, /element/, /tag/).
    #[arg(long, value_name = "URL")]
    pub workbook_url: String,
    /// Client id (the JWT header's kid).
    #[arg(long, value_name = "ID")]
    pub client_id: String,
    /// The embed user's email (sub).
    #[arg(long, value_name = "E")]
    pub email: String,
    /// A team; repeatable.
    #[arg(long = "team", value_name = "NAME")]
    pub teams: Vec<String>,
    /// Account type [default: omitted, meaning the highest type].
    #[arg(long, value_name = "TYPE")]
    pub account_type: Option<String>,
    /// User attribute NAME=VALUE; repeatable.
    #[arg(long = "ua", value_name = "NAME=VALUE")]
    pub user_attributes: Vec<String>,
    /// iat in Unix seconds [default: now].
    #[arg(long, value_name = "UNIX")]
    pub iat: Option<u64>,
    /// Lifetime: exp = iat + ttl (at most 2592000).
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    pub ttl: u64,
    /// jti [default: a fresh UUID v4].
    #[arg(long, value_name = "ID")]
    pub jti: Option<String>,
    /// iss claim (Sigma expects the client id).
    #[arg(long, value_name = "ISS")]
    pub iss: Option<String>,
    /// Claims version ver: 1.0 or 1.1 (1.1 adds aud=sigmacomputing).
    #[arg(long, value_name = "VER")]
    pub claims_version: Option<String>,
    /// eval_connection_id claim.
    #[arg(long, value_name = "ID")]
    pub eval_connection_id: Option<String>,
    /// first_name claim.
    #[arg(long, value_name = "NAME")]
    pub first_name: Option<String>,
    /// last_name claim.
    #[arg(long, value_name = "NAME")]
    pub last_name: Option<String>,
    /// Unsigned interface parameter NAME=VALUE after :embed=true; repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// The secret.
    #[command(flatten)]
    pub secret: SecretSource,
}

/// Arguments of `sign boldbi`.
#[derive(Debug, Args)]
pub struct SignBoldBiArgs {
    /// Dashboard URL: {server}/bi/site/{site}/dashboards/{id}/{Category}/{Name} (or dashboard-designer).
    #[arg(long, value_name = "URL")]
    pub dashboard_url: String,
    /// embed_user_email.
    #[arg(long, value_name = "E")]
    pub email: String,
    /// embed_nonce [default: a fresh UUID v4].
    #[arg(long, value_name = "N")]
    pub nonce: Option<String>,
    /// Optional parameter NAME=VALUE in the order given; repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// embed_timestamp (Unix seconds); without it the URL never expires.
    #[arg(long, value_name = "UNIX")]
    pub timestamp: Option<u64>,
    /// embed_expirationtime in seconds (86400..518400); needs --timestamp.
    #[arg(long, value_name = "SECONDS", requires = "timestamp")]
    pub expiration: Option<u64>,
    /// Percent-escape the Base64 signature (+ / =). Off by default, like the vendor's samples.
    #[arg(long)]
    pub escape_signature: bool,
    /// The secret.
    #[command(flatten)]
    pub secret: SecretSource,
}

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
