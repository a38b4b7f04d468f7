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
    /// Why the scenario says nothing (the host could not be reached or
    /// judge, it stopped answering as it did, or its answer carried no
    /// evidence of a reason): not a finding, nothing was learnt about the
    /// vendor.
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
    /// Not run, or run with no evidence either way (see [`ScenarioRun::not_run`]).
    pub not_run: usize,
    /// One line for the whole gallery.
    pub summary: String,
}

/// Counts `runs` and says it in one line; an unreachable host, or one that
/// stopped answering as it did, is one state, "not run", never a pile of
/// findings or of matches.
pub fn tally(runs: &[ScenarioRun], not_applicable: usize) -> Tally {
    let not_run = runs.iter().filter(|r| r.not_run.is_some()).count();
    let findings = runs.iter().filter(|r| r.is_finding()).count();
    let run = runs.len() - not_run;
    let as_expected = run - findings;
    let plural = if findings == 1 { "" } else { "s" };
    let summary = match runs.iter().find_map(|r| r.not_run.as_deref()) {
        Some(why) if run == 0 => format!("{not_run} not run. {why}"),
        Some(why) => format!("{run} run, {as_expected} as expected, {findings} finding{plural}; {not_run} not run ({why}); {not_applicable} not applicable"),
        None => format!("{run} run, {as_expected} as expected, {findings} finding{plural}, {not_applicable} not applicable"),
    };
    Tally {
        run,
        as_expected,
        findings,
        not_run,
        summary,
    }
}

/// Whether `actual` is what `expected` says, on evidence: an expected
/// refusal matches only a refusal for that reason, read from the local
/// host's verdict or the vendor's own text, or a bare status that `scheme`'s
/// vendor documents for exactly that reason. A bare 404 from any server is
/// evidence of nothing.
pub fn matches(scheme: Scheme, expected: &Expected, actual: &LoadOutcome) -> bool {
    if expected.accepted != actual.accepted {
        return false;
    }
    match (expected.reason, actual.reason) {
        (Some(want), Some(got)) => want == got,
        (Some(want), None) => {
            actual.evidence == Evidence::StatusOnly
                && embed_core::schemes::spec(scheme).documented_status(want) == Some(actual.status)
        }
        (None, _) => true,
    }
}

/// Why a run says nothing about the vendor though it loaded: a refusal that
/// carries no reason (a page with no known text and a status the vendor
/// documents for no reason), where a reason was expected.
fn no_evidence(scheme: Scheme, expected: &Expected, actual: &LoadOutcome) -> Option<String> {
    let want = expected.reason?;
    let bare =
        !actual.accepted && actual.reason.is_none() && actual.evidence == Evidence::StatusOnly;
    (bare && !matches(scheme, expected, actual)).then(|| {
        format!(
            "No evidence: HTTP {} with no text {} documents, so nothing says it was refused for {}",
            actual.status,
            scheme.vendor(),
            want.id()
        )
    })
}

/// Loads every scenario (as many times as each says) in order. Once the
/// host cannot be reached, cannot judge, or stops answering as it did
/// earlier in the run (the local host's verdict header gone), the rest are
/// marked not run rather than each read as a verdict.
pub async fn run_scenarios(loader: &Loader, scheme: Scheme, built: Vec<Built>) -> Vec<ScenarioRun> {
    let mut runs = Vec::with_capacity(built.len());
    let mut stopped: Option<String> = None;
    let mut local_host_seen = false;
    for scenario in built {
        if let Some(why) = &stopped {
            runs.push(ScenarioRun {
                actual: Err(why.clone()),
                scenario,
                matches: false,
                not_run: Some(why.clone()),
            });
            continue;
        }
        let actual = load_times(loader, &scenario, scheme).await;
        let mut not_run = match &actual {
            Err(e @ LabError::Network { .. }) => {
                Some(format!("Host unreachable: {e}. {}", e.fix()))
            }
            Err(e @ LabError::HostCannotJudge { .. }) => Some(format!("{e}. {}", e.fix())),
            _ => None,
        };
        if let Ok(outcome) = &actual {
            if outcome.evidence == Evidence::HostHeader {
                local_host_seen = true;
            } else if local_host_seen {
                not_run = Some(format!(
                    "The host stopped answering as it did earlier in the run: HTTP {} without the local host's verdict from {:?} on (another server on its port, or a proxy in front of it?)",
                    outcome.status, scenario.title
                ));
            }
        }
        stopped.clone_from(&not_run);
        if not_run.is_none() {
            if let Ok(outcome) = &actual {
                not_run = no_evidence(scheme, &scenario.expected, outcome);
            }
        }
        let matches = not_run.is_none()
            && actual
                .as_ref()
                .is_ok_and(|outcome| matches(scheme, &scenario.expected, outcome));
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
