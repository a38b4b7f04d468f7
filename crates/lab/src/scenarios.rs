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

/// Loads every scenario (as many times as each says) in order.
pub async fn run_scenarios(loader: &Loader, scheme: Scheme, built: Vec<Built>) -> Vec<ScenarioRun> {
    let mut runs = Vec::with_capacity(built.len());
    for scenario in built {
        let actual = load_times(loader, &scenario, scheme).await;
        let matches = actual
            .as_ref()
            .is_ok_and(|outcome| matches(&scenario.expected, outcome));
        runs.push(ScenarioRun {
            actual: actual.map_err(|e| format!("{e}. {}", e.fix())),
            scenario,
            matches,
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
