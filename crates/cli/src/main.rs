//! `embed-sandbox`: the command-line face of Embed Sandbox's core.
//!
//! Exit status: 0 success (`verify` accepted, `replay` passed, every
//! scenario as expected), 1 `verify` refused / `replay` failed / a scenario
//! finding / a `doctor` check failing, 2 bad input, usage or an unreachable host. Errors go to standard error as "error:" and "fix:".

mod cli;
mod commands;
mod error;
mod input;
mod render;
mod secret_args;
mod settings_args;
mod sign_args;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

// The local host allocates a page per request; mimalloc keeps that cheap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use crate::error::CliError;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let json = wants_json(&cli.command);
    match run(cli.command) {
        Ok((output, code)) => match write_stdout(&output) {
            Ok(()) => ExitCode::from(code),
            Err(e) => report(&e, false),
        },
        Err(e) => report(&e, json),
    }
}

fn wants_json(command: &Command) -> bool {
    match command {
        Command::Inspect(args) => args.json,
        Command::Verify(args) => args.json,
        Command::Diff(args) => args.json,
        Command::Replay(args) => args.json,
        Command::Scenarios(args) => args.json,
        Command::Doctor(args) => args.json,
        Command::TokenEndpoint(args) => args.json,
        Command::Sign(_) | Command::Completions(_) | Command::Serve(_) => false,
    }
}

fn run(command: Command) -> Result<(String, u8), CliError> {
    match command {
        Command::Sign(sign) => commands::sign::run(*sign).map(|url| (url + "\n", 0)),
        Command::Inspect(args) => commands::inspect::run(args).map(|out| (out, 0)),
        Command::Verify(args) => {
            commands::verify::run(args).map(|(out, ok)| (out, if ok { 0 } else { 1 }))
        }
        Command::Diff(args) => commands::diff::run(args).map(|out| (out, 0)),
        Command::Completions(args) => Ok((commands::completions::run(args.shell), 0)),
        Command::Serve(args) => commands::serve::run(args).map(|()| (String::new(), 0)),
        Command::Replay(args) => {
            commands::replay::run(args).map(|(out, pass)| (out, if pass { 0 } else { 1 }))
        }
        Command::Scenarios(args) => commands::scenarios::run(args),
        Command::Doctor(args) => commands::doctor::run(args),
        Command::TokenEndpoint(args) => commands::token_endpoint::run(args),
    }
}

fn write_stdout(output: &str) -> Result<(), CliError> {
    if output.is_empty() {
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(output.as_bytes())
        .and_then(|()| {
            if output.ends_with('\n') {
                Ok(())
            } else {
                stdout.write_all(b"\n")
            }
        })
        .and_then(|()| stdout.flush())
        .map_err(|e| CliError::Output(e.to_string()))
}

fn report(error: &CliError, json: bool) -> ExitCode {
    if json {
        let body = serde_json::json!({
            "format": "embed-sandbox.error.v1",
            "code": error.code(),
            "message": error.to_string(),
            "fix": error.fix(),
        });
        let _ = write_stdout(&body.to_string());
    }
    eprintln!("error: {error}");
    eprintln!("fix: {}", error.fix());
    ExitCode::from(2)
}
