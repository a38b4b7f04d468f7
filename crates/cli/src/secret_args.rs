//! The secret's flags every command that signs or verifies takes: the name
//! of an environment variable, or standard input, never the secret itself.

use clap::Args;

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
