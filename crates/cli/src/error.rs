//! Errors of the CLI itself (bad flags, unreadable secrets), beside the core's.
//!
//! Every error prints as "error: what happened" and "fix: what to do", and
//! exits with status 2 so scripts can tell bad input from a refusal (1).

use thiserror::Error;

/// What can go wrong before the core gets to work.
#[derive(Debug, Error)]
pub enum CliError {
    /// The core refused the input.
    #[error(transparent)]
    Core(#[from] embed_core::Error),
    /// No secret source was given where one is required.
    #[error("this command needs the secret")]
    SecretRequired,
    /// The named environment variable is not set.
    #[error("the environment variable {0} is not set")]
    SecretEnvMissing(String),
    /// The named environment variable is not valid Unicode.
    #[error("the environment variable {0} does not hold UTF-8 text")]
    SecretEnvNotUnicode(String),
    /// Standard input could not be read as text.
    #[error("could not read {what} from standard input: {reason}")]
    Stdin {
        /// What was being read.
        what: &'static str,
        /// Why it failed.
        reason: String,
    },
    /// The secret is empty.
    #[error("the secret is empty")]
    SecretEmpty,
    /// Both the URL and the secret were to come from standard input.
    #[error("the URL and the secret cannot both come from standard input")]
    StdinTwice,
    /// A NAME=VALUE argument has no '='.
    #[error("{flag} {given:?} is not NAME=VALUE")]
    NotKeyValue {
        /// The flag.
        flag: &'static str,
        /// What was given.
        given: String,
    },
    /// The local host could not start.
    #[error(transparent)]
    Host(#[from] embed_host::HostError),
    /// `--client-id` and `--secret-env` do not pair up.
    #[error("{ids} --client-id but {envs} --secret-env: give them in pairs")]
    UnpairedClients {
        /// How many ids.
        ids: usize,
        /// How many variables.
        envs: usize,
    },
    /// A `--secret` is not `VENDOR[:ID]=VAR` for a vendor this tool knows.
    #[error("--secret {given:?} is not VENDOR[:ID]=ENV_VAR for a known vendor ({vendors})")]
    BadSecretFlag {
        /// What was given.
        given: String,
        /// The vendors known.
        vendors: String,
    },
    /// The async runtime could not start.
    #[error("could not start the runtime: {0}")]
    Runtime(String),
    /// A load over HTTP failed.
    #[error(transparent)]
    Lab(#[from] embed_lab::LabError),
    /// The profile file could not be read.
    #[error("could not read the profile file {path}: {reason}")]
    ProfileFile {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// Writing the output failed.
    #[error("could not write the output: {0}")]
    Output(String),
    /// `serve --addr` beyond loopback without saying who may reach it.
    #[error("--addr {0} listens beyond this machine, and the host was given no --allowed-host (nor --expose)")]
    ExposedWithoutNames(std::net::SocketAddr),
    /// The parent page given to `doctor` could not be read.
    #[error("could not read the parent page {path}: {reason}")]
    ParentFile {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
}

impl CliError {
    /// What to do about it.
    pub fn fix(&self) -> String {
        match self {
            CliError::Core(e) => e.fix(),
            CliError::SecretRequired => {
                "Pass --secret-env VAR (the variable's name) or --secret-stdin.".into()
            }
            CliError::SecretEnvMissing(var) => {
                format!("Export it first (read -rs {var} && export {var}), or use --secret-stdin.")
            }
            CliError::SecretEnvNotUnicode(_) | CliError::Stdin { .. } => {
                "Provide the secret as UTF-8 text.".into()
            }
            CliError::SecretEmpty => "Copy the secret again from the vendor's admin page.".into(),
            CliError::StdinTwice => {
                "Pass the URL as an argument, or the secret through --secret-env.".into()
            }
            CliError::NotKeyValue { .. } => {
                "Write it as NAME=VALUE, for example --param :theme=Dark.".into()
            }
            CliError::Output(_) => {
                "Check that the output is writable (a closed pipe, a full disk).".into()
            }
            CliError::Host(e) => e.fix(),
            CliError::UnpairedClients { .. } => {
                "Write --client-id ID --secret-env VAR for each client.".into()
            }
            CliError::BadSecretFlag { vendors, .. } => format!("Write --secret VENDOR=VARIABLE, or --secret VENDOR:CLIENT_ID=VARIABLE when its URLs carry a client id, with VENDOR one of {vendors} (the variable's name, never the secret)."),
            CliError::Runtime(_) => "Report this as a bug in Embed Sandbox.".into(),
            CliError::Lab(e) => e.fix().into(),
            CliError::ExposedWithoutNames(_) => "Listen on 127.0.0.1 (the default), or name the host clients will use with --allowed-host NAME (its guard refuses any other Host); --expose listens as asked with only the bound address allowed.".into(),
            CliError::ParentFile { .. } => "Give the page's URL (http://localhost:3000/) or the path of its saved HTML (at most 5 MB).".into(),
            CliError::ProfileFile { .. } => "Check the path; the file is JSON with name, scheme, embed_path, client_id, secret_env and form (see the README).".into(),
        }
    }

    /// A stable code for JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            CliError::Core(e) => e.code(),
            CliError::SecretRequired => "secret-required",
            CliError::SecretEnvMissing(_) => "secret-env-missing",
            CliError::SecretEnvNotUnicode(_) => "secret-env-not-unicode",
            CliError::Stdin { .. } => "stdin",
            CliError::SecretEmpty => "secret-empty",
            CliError::StdinTwice => "stdin-twice",
            CliError::NotKeyValue { .. } => "not-key-value",
            CliError::Output(_) => "output",
            CliError::ExposedWithoutNames(_) => "exposed-without-names",
            CliError::Host(_) => "host",
            CliError::UnpairedClients { .. } => "unpaired-clients",
            CliError::BadSecretFlag { .. } => "bad-secret-flag",
            CliError::Runtime(_) => "runtime",
            CliError::Lab(e) => e.code(),
            CliError::ProfileFile { .. } => "profile-file",
            CliError::ParentFile { .. } => "parent-file",
        }
    }
}
