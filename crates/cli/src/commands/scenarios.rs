//! `embed-sandbox scenarios --profile-file FILE`: the error scenario gallery,
//! headless. Builds every broken variant of the profile's URL, loads each
//! against a local host started for the run (or the profile's own host),
//! and prints expected against actual. Exit 1 when any scenario differs, 2
//! when the host could not be reached (those scenarios are "not run").

use std::time::Duration;

use embed_core::form::{Environment, ProfileFile};
use embed_core::form_request::request;
use embed_core::scenario::{build_all, Base, NotBuilt, ScenarioId};
use embed_core::Secret;
use embed_host::{Client, HostOptions, Org};
use embed_lab::{run_scenarios, Loader, ScenarioRun};
use serde::Serialize;

use crate::cli::{Against, ScenariosArgs};
use crate::commands::replay::{outcome_line, runtime};
use crate::error::CliError;
use crate::{input, render};

/// The JSON shape of `scenarios --json`.
#[derive(Serialize)]
struct ScenariosJson<'a> {
    profile: &'a str,
    against: String,
    runs: &'a [ScenarioRun],
    not_applicable: Vec<NotApplicable>,
    findings: usize,
    not_run: usize,
}

#[derive(Serialize)]
struct NotApplicable {
    id: ScenarioId,
    why: &'static str,
}

fn read_profile(args: &ScenariosArgs) -> Result<ProfileFile, CliError> {
    input::profile_file(&args.profile_file)
}

fn secret(args: &ScenariosArgs, file: &ProfileFile) -> Result<Secret, CliError> {
    input::secret_or_file(&args.secret, file.secret_env.as_ref())
}

/// `embed_path` moved onto `origin`, keeping its path.
fn rebase(embed_path: &str, origin: &str) -> String {
    let after_scheme = embed_path.find("://").map_or(0, |i| i + 3);
    let path = embed_path[after_scheme..]
        .find('/')
        .map_or("", |i| &embed_path[after_scheme + i..]);
    format!("{origin}{path}")
}

/// Runs `scenarios`; returns the output and the exit code (0 all as
/// expected, 1 a finding, 2 the host could not be reached).
pub fn run(args: ScenariosArgs) -> Result<(String, u8), CliError> {
    let file = read_profile(&args)?;
    let secret = secret(&args, &file)?;
    let policy = args.policy.policy(None)?;
    let loader = Loader::new(Duration::from_secs(args.timeout))?;
    runtime()?.block_on(async {
        let host = match args.against {
            Against::Local => {
                let mut org = Org::demo(vec![Client {
                    id: file.environment.client_id.clone(),
                    secret: secret.clone(),
                    schemes: vec![],
                }]);
                org.policy = policy.clone();
                Some(embed_host::start(HostOptions::loopback(org)).await?)
            }
            Against::Profile => None,
        };
        let environment = Environment {
            embed_path: match &host {
                Some(host) => rebase(&file.environment.embed_path, &host.origin()),
                None => file.environment.embed_path.clone(),
            },
            ..file.environment.clone()
        };
        let now = input::now();
        let base_request = request(&environment, &file.form, now, input::fresh_nonce);
        let base = Base {
            request: &base_request,
            secret: &secret,
            policy: &policy,
            now,
        };
        let mut built = Vec::new();
        let mut not_applicable = Vec::new();
        for (id, result) in build_all(&base, input::fresh_nonce) {
            match result {
                Ok(scenario) => built.push(scenario),
                Err(NotBuilt::NotApplicable(why)) => not_applicable.push(NotApplicable { id, why }),
                Err(NotBuilt::Failed(e)) => return Err(CliError::Core(e)),
            }
        }
        let runs = run_scenarios(&loader, environment.scheme, built).await;
        let against = host.as_ref().map_or_else(
            || format!("the profile's host ({})", environment.embed_path),
            |h| format!("a local host at {}", h.origin()),
        );
        if let Some(host) = host {
            host.stop().await;
        }
        let tally = embed_lab::tally(&runs, not_applicable.len());
        let findings = tally.findings;
        let out = if args.json {
            render::json(
                "embed-sandbox.scenarios.v1",
                &ScenariosJson {
                    profile: &file.name,
                    against,
                    runs: &runs,
                    not_applicable,
                    findings,
                    not_run: tally.not_run,
                },
            )?
        } else {
            table(&file.name, &against, &runs, &not_applicable, &tally.summary)
        };
        // 1: a finding; 2: the host could not be reached (nothing learnt); 0: all as expected.
        let code = match (findings, tally.not_run) {
            (0, 0) => 0,
            (0, _) => 2,
            _ => 1,
        };
        Ok((out, code))
    })
}

fn expected_text(run: &ScenarioRun) -> String {
    let expected = &run.scenario.expected;
    let mut text = match expected.reason {
        Some(reason) => format!("refused ({})", reason.id()),
        None => "accepted".to_owned(),
    };
    if let Some(setting) = &expected.setting {
        text.push_str(&format!(" [setting: {setting}]"));
    }
    text
}

fn table(
    name: &str,
    against: &str,
    runs: &[ScenarioRun],
    not_applicable: &[NotApplicable],
    summary: &str,
) -> String {
    let mut out = format!("Scenarios for {name:?} against {against}\n\n");
    for (i, run) in runs.iter().enumerate() {
        let actual = match &run.actual {
            Ok(outcome) => outcome_line(outcome),
            Err(error) => format!("not loaded: {error}"),
        };
        out.push_str(&format!(
            "{:>2}. {} {}\n    changed:  {}\n    expected: {}\n    actual:   {}\n",
            i + 1,
            match (run.matches, &run.not_run) {
                (_, Some(_)) => "not run",
                (true, None) => "ok     ",
                (false, None) => "FINDING",
            },
            run.scenario.title,
            run.scenario.change,
            expected_text(run),
            actual
        ));
    }
    for skipped in not_applicable {
        out.push_str(&format!(
            "    n/a      {}: {}\n",
            skipped.id.title(),
            skipped.why
        ));
    }
    out.push('\n');
    out.push_str(summary);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::rebase;

    #[test]
    fn embed_paths_move_to_the_local_host_keeping_their_path() {
        assert_eq!(
            rebase(
                "https://app.sigmacomputing.com/embed/1-x",
                "http://127.0.0.1:9"
            ),
            "http://127.0.0.1:9/embed/1-x"
        );
        assert_eq!(rebase("https://h", "http://o"), "http://o");
    }
}
