//! Why the host could not start.
//!
//! Once it serves, the host never fails a request with an error: every bad
//! URL gets a refusal page. These are the start-up failures: the port, the
//! configuration, the ledger file, a secret's environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use thiserror::Error;

/// A start-up failure.
#[derive(Debug, Error)]
pub enum HostError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {reason}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why, in words.
        reason: String,
    },
    /// The configuration file is wrong.
    #[error("{path}:{line}: {message}")]
    Config {
        /// The file.
        path: PathBuf,
        /// The 1-based line (0 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A secret's environment variable is not set.
    #[error("the environment variable {var} (secret of client {client:?}) is not set")]
    SecretEnvMissing {
        /// The variable.
        var: String,
        /// The client it belongs to.
        client: String,
    },
    /// No client is configured, so nothing could ever verify.
    #[error("no client is configured")]
    NoClient,
    /// The ledger database failed.
    #[error("the nonce ledger {path} failed: {reason}")]
    Ledger {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
}

impl HostError {
    /// What to do about it.
    pub fn fix(&self) -> String {
        match self {
            HostError::Bind { addr, .. } => format!(
                "Choose another port with --addr {}:PORT, or port 0 for any free port (the first line printed says which).",
                addr.ip()
            ),
            HostError::Config { .. } => "Correct the configuration file at that line; the host does not start half-configured.".into(),
            HostError::SecretEnvMissing { var, .. } => format!("Export {var} before starting the host (read -rs {var} && export {var})."),
            HostError::NoClient => "Pass --client-id ID --secret-env VAR (one pair per client), or declare [[clients]] in --config.".into(),
            HostError::Ledger { .. } => "Check that the ledger file's folder exists and is writable, and that no other program holds it.".into(),
        }
    }
}
