//! QA commands: the error scenario gallery, the replay test, bug reports,
//! the inspector, diff, "open in form" and hand-off snippets. Adapters over
//! `embed_profiles`, `embed_lab` and `embed_core`; the secret never leaves
//! the Rust side.

use std::time::Duration;

use embed_core::form::{Environment, SignForm};
use embed_core::scenario::{NotBuilt, ScenarioId};
use embed_core::snippet::Language;
use embed_core::{Embed, InspectOptions, InspectReport, Secret};
use embed_lab::report::{bug_report, ReportContext, ReportedProfile};
use embed_lab::{Loader, ReplayReport, ScenarioRun};
use embed_profiles::history::HistoryKind;
use serde::Serialize;
use tauri::State;

use super::profiles::now;
use crate::error::IpcError;
use crate::state::AppState;

/// Each load waits at most this long.
const LOAD_TIMEOUT: Duration = Duration::from_secs(20);

fn loader() -> Result<Loader, IpcError> {
    Ok(Loader::new(LOAD_TIMEOUT)?)
}

/// One run with its ready-made bug report.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct ScenarioRunView {
    /// The run.
    pub run: ScenarioRun,
    /// The Markdown bug report (signature and nonce redacted, no secret).
    pub report: String,
}

/// A scenario that does not apply to the profile's scheme.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct Skipped {
    /// Which.
    pub id: ScenarioId,
    /// Its title.
    pub title: String,
    /// Why it does not apply.
    pub why: String,
}

/// The gallery's results.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct ScenarioResults {
    /// The runs, in gallery order.
    pub runs: Vec<ScenarioRunView>,
    /// Scenarios that do not apply.
    pub skipped: Vec<Skipped>,
    /// The totals and their one-line summary.
    pub tally: embed_lab::Tally,
}

/// The host's log lines for `url`, found by its nonce.
fn host_log_for(state: &AppState, url: &str) -> Vec<String> {
    Embed::read(url)
        .ok()
        .and_then(|e| e.facts.nonce)
        .map(|nonce| state.host.state.log.lines_for_nonce(&nonce))
        .unwrap_or_default()
}

#[tauri::command]
pub(crate) async fn run_scenarios(
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
) -> Result<ScenarioResults, IpcError> {
    let profile = state.profiles.store().get(&id)?;
    let policy = state.host.state.policy();
    let mut built = Vec::new();
    let mut skipped = Vec::new();
    for (scenario, result) in state.profiles.scenarios(&id, &form, &policy, now())? {
        match result {
            Ok(b) => built.push(b),
            Err(NotBuilt::NotApplicable(why)) => skipped.push(Skipped {
                id: scenario,
                title: scenario.title().into(),
                why: why.into(),
            }),
            Err(NotBuilt::Failed(e)) => return Err(e.into()),
        }
    }
    let runs = embed_lab::run_scenarios(&loader()?, profile.scheme, built).await;
    let tally = embed_lab::tally(&runs, skipped.len());
    let reported = ReportedProfile {
        name: profile.name,
        scheme: profile.scheme,
        embed_path: profile.embed_path,
        client_id: profile.client_id,
    };
    let settings = policy.settings();
    let runs = runs
        .into_iter()
        .map(|run| {
            let host_log = host_log_for(&state, &run.scenario.url);
            let verdict = match (run.matches, &run.not_run) {
                (_, Some(_)) => "not run (host unreachable)",
                (true, None) => "as expected",
                (false, None) => "finding",
            };
            // A run that did not happen did nothing to its URL: no history.
            if run.not_run.is_none() {
                state.remember(
                    HistoryKind::Scenario,
                    Some(&id),
                    &run.scenario.url,
                    verdict,
                    Some(run.scenario.id.id()),
                );
            }
            let context = ReportContext {
                app_version: env!("CARGO_PKG_VERSION"),
                profile: &reported,
                settings: &settings,
                host_log: &host_log,
                now: now(),
            };
            // Nothing was learnt about the vendor from a run that did not happen.
            let report = if run.not_run.is_some() {
                String::new()
            } else {
                bug_report(&run, &context)
            };
            ScenarioRunView { report, run }
        })
        .collect();
    Ok(ScenarioResults {
        runs,
        skipped,
        tally,
    })
}

#[tauri::command]
pub(crate) async fn preview_scenario(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
    scenario: ScenarioId,
) -> Result<(), IpcError> {
    let policy = state.host.state.policy();
    let built = state
        .profiles
        .scenarios(&id, &form, &policy, now())?
        .into_iter()
        .find(|(which, _)| *which == scenario)
        .map(|(_, built)| built);
    let not_applicable = |why: &str| IpcError {
        code: "not-applicable".into(),
        message: format!("{} does not apply to this profile: {why}", scenario.title()),
    };
    let built = match built {
        Some(Ok(built)) => built,
        Some(Err(NotBuilt::Failed(e))) => return Err(e.into()),
        Some(Err(NotBuilt::NotApplicable(why))) => return Err(not_applicable(why)),
        None => return Err(not_applicable("no such scenario")),
    };
    // A scenario that loads twice spends its nonce first, so the preview
    // shows what the second load gets.
    let scheme = state.profiles.store().get(&id)?.scheme;
    for _ in 1..built.loads {
        loader()?.load(&built.url, scheme).await?;
    }
    crate::preview::show(
        &app,
        &embed_host::parent_url(&state.host.origin(), state.host.token(), &built.url),
    )?;
    state.remember(
        HistoryKind::Scenario,
        Some(&id),
        &built.url,
        &format!("previewed (expected: {})", built.expected.summary()),
        Some(scenario.id()),
    );
    Ok(())
}

#[tauri::command]
pub(crate) async fn replay(
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
) -> Result<ReplayReport, IpcError> {
    let fresh = SignForm {
        nonce: String::new(),
        ..form
    };
    let url = state.profiles.sign(&id, &fresh, now())?.url;
    // The local host lends its clock for the after-expiry load.
    let loader = loader()?.with_host_token(&state.host.origin(), state.host.token());
    let report = embed_lab::replay(&loader, &url, now()).await?;
    let verdict = if report.pass {
        "replay: pass"
    } else {
        "replay: fail"
    };
    state.remember(HistoryKind::Replay, Some(&id), &url, verdict, None);
    Ok(report)
}

/// An inspected URL, with the profile whose secret verified it.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct Inspection {
    /// The report.
    pub report: InspectReport,
    /// The profile whose client id (or, for Bold BI, dashboard URL) matched, if any.
    pub matched_profile: Option<String>,
    /// Where the secret came from: "profile", "typed" or "none".
    pub secret_source: String,
    /// Its one status: a local check (it was not loaded), expiry.
    pub status: embed_core::url_status::UrlStatus,
    /// A Markdown report to paste into a ticket (URL redacted, no secret).
    pub report_markdown: String,
}

#[tauri::command]
pub(crate) fn inspect_url(
    state: State<'_, AppState>,
    url: String,
    secret: Option<String>,
    record: Option<bool>,
) -> Result<Inspection, IpcError> {
    let embed = Embed::read(&url)?;
    let embed_path = embed_core::schemes::spec(embed.scheme).embed_path_of(&embed);
    let matched = state.profiles.store().matching(
        embed.scheme,
        embed.facts.client_id.as_deref(),
        &embed_path,
    )?;
    // A secret typed for this check only: used here, never stored.
    let typed = secret.filter(|s| !s.is_empty()).map(Secret::new);
    let (secret, source) = match (&typed, &matched) {
        (Some(s), _) => (Some(s.clone()), "typed"),
        (None, Some(p)) => match state.profiles.secret(&p.id) {
            Ok(s) => (Some(s), "profile"),
            Err(_) => (None, "none"),
        },
        (None, None) => (None, "none"),
    };
    // The local host's settings judge its own profiles' URLs; a vendor's
    // profile is checked with what its saved form says (Looker: the HMAC
    // of its secret).
    let policy = match matched.as_ref().filter(|_| source == "profile") {
        Some(profile) => profile.judging_policy(state.host.state.policy(), &state.host.origin()),
        None => state.host.state.policy(),
    };
    let options = InspectOptions {
        secret: secret.as_ref(),
        policy,
        now: Some(now()),
    };
    let report = embed_core::inspect(&url, &options)?;
    // Inspecting sends nothing to the vendor: the outcome is the local check.
    let verdict = report.verification.as_ref().map_or_else(
        || "local check: no secret to verify with".to_owned(),
        |v| format!("local check: {}", v.summary()),
    );
    let matched_profile = matched.map(|p| p.id);
    // Live inspection while typing is not history; an explicit Inspect is.
    if record.unwrap_or(true) {
        state.remember(
            HistoryKind::Inspected,
            matched_profile.as_deref(),
            &url,
            &verdict,
            None,
        );
    }
    let status = embed_core::url_status::of_report(&report, now());
    let report_markdown =
        embed_lab::report::inspection_report(&url, &report, env!("CARGO_PKG_VERSION"), now());
    Ok(Inspection {
        report,
        matched_profile,
        secret_source: source.into(),
        status,
        report_markdown,
    })
}

#[tauri::command]
pub(crate) fn diff_urls(a: String, b: String) -> Result<embed_core::diff::DiffReport, IpcError> {
    Ok(embed_core::diff::diff(&a, &b)?)
}

/// A URL read back into a form.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct OpenedForm {
    /// The environment the URL goes to.
    pub environment: Environment,
    /// The form.
    pub form: SignForm,
    /// The profile for that environment, if one exists.
    pub profile_id: Option<String>,
}

#[tauri::command]
pub(crate) fn open_in_form(
    state: State<'_, AppState>,
    url: String,
) -> Result<OpenedForm, IpcError> {
    let (environment, form) = embed_core::open_in_form::open_in_form(&url)?;
    let profile_id = state
        .profiles
        .store()
        .with_environment(
            environment.scheme,
            &environment.embed_path,
            &environment.client_id,
        )?
        .map(|p| p.id);
    Ok(OpenedForm {
        environment,
        form,
        profile_id,
    })
}

#[tauri::command]
pub(crate) fn snippet(
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
    url: String,
    language: Language,
    exact: bool,
) -> Result<String, IpcError> {
    if exact {
        return Ok(state.profiles.snippet(&id, &form, &url, language)?);
    }
    Ok(state.profiles.fresh_snippet(&id, &form, language, now())?)
}
