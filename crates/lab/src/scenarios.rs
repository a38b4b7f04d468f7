//! Runs built error scenarios against a host and compares each outcome
//! with the expectation. A mismatch is a finding, shown, never hidden.

use embed_core::scenario::{Built, Expected};
use embed_core::Scheme;
use serde::Serialize;

use crate::error::LabError;
use crate::load::{Evidence, LoadOutcome, Loader};

/// One scenario's run.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioRun {
    /// What was built.
    pub scenario: Built,
    /// What the last load got, or why it could not be loaded.
    pub actual: Result<LoadOutcome, String>,
    /// Whether the actual outcome is the expected one.
    pub matches: bool,
    /// Why the scenario was not run (the host could not be reached): not a
    /// finding, nothing was learnt about the vendor.
    pub not_run: Option<String>,
}

impl ScenarioRun {
    /// A finding: it ran and the vendor did otherwise than expected.
    pub fn is_finding(&self) -> bool {
        !self.matches && self.not_run.is_none()
    }
}

/// The gallery's totals, in the order a person reads them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Scenarios loaded.
    pub run: usize,
    /// Loaded and as expected.
    pub as_expected: usize,
    /// Loaded and not as expected.
    pub findings: usize,
    /// Not loaded (the host could not be reached).
    pub not_run: usize,
    /// One line for the whole gallery.
    pub summary: String,
}

/// Counts `runs` and says it in one line; an unreachable host is one state,
/// "not run", never a pile of findings.
pub fn tally(runs: &[ScenarioRun], not_applicable: usize) -> Tally {
    let not_run = runs.iter().filter(|r| r.not_run.is_some()).count();
    let findings = runs.iter().filter(|r| r.is_finding()).count();
    let run = runs.len() - not_run;
    let as_expected = run - findings;
    let summary = match runs.iter().find_map(|r| r.not_run.as_deref()) {
        Some(why) if run == 0 => format!("Host unreachable: {not_run} not run. {why}"),
        Some(why) => format!("{run} run, {as_expected} as expected, {findings} finding{}; {not_run} not run (host unreachable: {why}); {not_applicable} not applicable", if findings == 1 { "" } else { "s" }),
        None => format!("{run} run, {as_expected} as expected, {findings} finding{}, {not_applicable} not applicable", if findings == 1 { "" } else { "s" }),
    };
    Tally {
        run,
        as_expected,
        findings,
        not_run,
        summary,
    }
}

/// Whether `actual` is what `expected` says. A refusal whose reason is
/// unknown (a vendor page with no known text) matches an expected refusal
/// only by being a refusal; its evidence says so.
pub fn matches(expected: &Expected, actual: &LoadOutcome) -> bool {
    if expected.accepted != actual.accepted {
        return false;
    }
    match (expected.reason, actual.reason) {
        (Some(want), Some(got)) => want == got,
        (Some(_), None) => actual.evidence == Evidence::StatusOnly,
        (None, _) => true,
    }
}

/// Loads every scenario (as many times as each says) in order. Once the
/// host cannot be reached, the rest are marked not run rather than each
/// waiting for its own timeout.
pub async fn run_scenarios(loader: &Loader, scheme: Scheme, built: Vec<Built>) -> Vec<ScenarioRun> {
    let mut runs = Vec::with_capacity(built.len());
    let mut unreachable: Option<String> = None;
    for scenario in built {
        if let Some(why) = &unreachable {
            runs.push(ScenarioRun {
                actual: Err(why.clone()),
                scenario,
                matches: false,
                not_run: Some(why.clone()),
            });
            continue;
        }
        let actual = load_times(loader, &scenario, scheme).await;
        let matches = actual
            .as_ref()
            .is_ok_and(|outcome| matches(&scenario.expected, outcome));
        let not_run = match &actual {
            Err(e @ LabError::Network { .. }) => Some(format!("{e}. {}", e.fix())),
            _ => None,
        };
        unreachable.clone_from(&not_run);
        runs.push(ScenarioRun {
            actual: actual.map_err(|e| format!("{e}. {}", e.fix())),
            scenario,
            matches,
            not_run,
        });
    }
    runs
}

async fn load_times(
    loader: &Loader,
    scenario: &Built,
    scheme: Scheme,
) -> Result<LoadOutcome, LabError> {
    let mut last = loader.load(&scenario.url, scheme).await?;
    for _ in 1..scenario.loads {
        last = loader.load(&scenario.url, scheme).await?;
    }
    Ok(last)
}
