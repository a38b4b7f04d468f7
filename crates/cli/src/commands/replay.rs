//! `embed-sandbox replay URL`: the replay test from the command line, for CI.

use std::time::Duration;

use embed_lab::{LoadOutcome, Loader, ReplayReport};

use crate::cli::{ReplayArgs, SecretSource};
use crate::error::CliError;
use crate::{input, render};

/// A runtime for one command's HTTP work.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Runtime(e.to_string()))
}

/// The environment variable holding the local host's tools token (printed
/// by `serve`, which also reads it to choose the token).
pub const HOST_TOKEN_ENV: &str = "EMBED_SANDBOX_HOST_TOKEN";

/// Runs `replay`; returns the output and whether the test passed.
pub fn run(args: ReplayArgs) -> Result<(String, bool), CliError> {
    let url = input::url(&args.url, &SecretSource::default())?;
    let mut loader = Loader::new(Duration::from_secs(args.timeout))?;
    // The local host's clock (for the after-expiry load) needs its tools'
    // token; it is only ever sent to a host on this machine.
    if let Ok(token) = std::env::var(HOST_TOKEN_ENV) {
        let origin = embed_lab::error::origin_of(url.trim());
        if embed_host::guard::is_loopback_origin(&origin) {
            loader = loader.with_host_token(&origin, &token);
        }
    }
    let report = runtime()?.block_on(embed_lab::replay(&loader, url.trim(), input::now()))?;
    let pass = report.pass;
    if args.json {
        return Ok((render::json("embed-sandbox.replay.v1", &report)?, pass));
    }
    Ok((text(&report), pass))
}

/// One load as a line: status, verdict, reason and text.
pub fn outcome_line(outcome: &LoadOutcome) -> String {
    let mut line = format!(
        "{} {}",
        outcome.status,
        if outcome.accepted {
            "accepted"
        } else {
            "refused"
        }
    );
    if let Some(reason) = outcome.reason {
        line.push_str(&format!(" ({})", reason.id()));
    }
    if let Some(message) = &outcome.message {
        line.push_str(&format!(": {message}"));
    }
    line
}

fn text(report: &ReplayReport) -> String {
    let mut out = format!(
        "first load:    {}\nsecond load:   {}\n",
        outcome_line(&report.first),
        outcome_line(&report.second)
    );
    if let Some(expired) = &report.after_expiry {
        out.push_str(&format!("after expiry:  {}\n", outcome_line(expired)));
    }
    if let Some(why) = &report.after_expiry_not_run {
        out.push_str(&format!("after expiry:  not run: {why}\n"));
    }
    out.push_str(&report.summary);
    out.push('\n');
    out
}
