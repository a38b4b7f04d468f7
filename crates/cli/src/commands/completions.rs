//! `embed-sandbox completions bash|zsh|fish`.

use clap::CommandFactory;
use clap_complete::{generate, shells};

use crate::cli::{Cli, Shell};

/// Prints the completion script for `shell`.
pub fn run(shell: Shell) -> String {
    let mut command = Cli::command();
    let mut out = Vec::new();
    match shell {
        Shell::Bash => generate(shells::Bash, &mut command, "embed-sandbox", &mut out),
        Shell::Zsh => generate(shells::Zsh, &mut command, "embed-sandbox", &mut out),
        Shell::Fish => generate(shells::Fish, &mut command, "embed-sandbox", &mut out),
    }
    String::from_utf8_lossy(&out).into_owned()
}
