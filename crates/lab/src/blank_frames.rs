//! Runs the blank-frame gallery: each framing failure switched on in a
//! scratch local host (its own port, so the app's host and its preview are
//! untouched), framed from another site, and the doctor run on it over real
//! HTTP. A case is as expected when the doctor reports the finding the case
//! names; otherwise it is a finding about the doctor or the host, shown.

use std::time::Duration;

use embed_core::doctor::blank_frames::{self, BlankFrameCase, BlankFrameCaseView};
use embed_core::doctor::emulation::Framing;
use embed_core::doctor::{Check, DoctorReport};
use embed_core::Scheme;
use embed_host::{HostOptions, Org};
use serde::Serialize;

use crate::doctor::{examine, Parent};
use crate::error::{origin_of, LabError};

/// One case's run.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlankFrameRun {
    /// The case.
    pub case: BlankFrameCaseView,
    /// The check the doctor reported under the expected id (null: none).
    pub actual: Option<Check>,
    /// Whether it is the expected finding.
    pub matches: bool,
    /// Why the doctor could not run (not a finding).
    pub not_run: Option<String>,
}

/// A case that does not apply to the scheme.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlankFrameSkipped {
    /// The case.
    pub case: BlankFrameCaseView,
    /// Why it does not apply.
    pub why: String,
}

/// The gallery's results.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlankFrameResults {
    /// The runs, in gallery order.
    pub runs: Vec<BlankFrameRun>,
    /// Cases that do not apply.
    pub skipped: Vec<BlankFrameSkipped>,
    /// One line for all of it.
    pub summary: String,
    /// The parent page every case was framed from (on the scratch host).
    pub parent_origin: String,
}

/// Runs every case that applies to `scheme` for an embed at `embed_url`'s
/// path (its origin is replaced by the scratch host's; the URL itself is
/// never requested, only its unsigned probe).
pub async fn run(
    scheme: Scheme,
    embed_url: &str,
    timeout: Duration,
) -> Result<BlankFrameResults, LabError> {
    let host = embed_host::start(HostOptions::loopback(Org::demo(Vec::new())))
        .await
        .map_err(|e| LabError::ScratchHost(e.to_string()))?;
    let origin = host.origin();
    let embed = format!(
        "{origin}{}",
        embed_url.get(origin_of(embed_url).len()..).unwrap_or("/")
    );
    let parent_origin = blank_frames::other_site(&origin);
    let parent = embed_host::parent_page(&parent_origin, &embed);
    let mut runs = Vec::new();
    let mut skipped = Vec::new();
    for case in BlankFrameCase::ALL {
        if let Some(why) = case.not_applicable(scheme) {
            skipped.push(BlankFrameSkipped {
                case: case.view(),
                why: why.into(),
            });
            continue;
        }
        host.state.set_framing(case.apply(&Framing::default()));
        let report = examine(Parent::Url(parent.clone()), &embed, timeout).await;
        runs.push(judge(case, report));
    }
    host.stop().await;
    let summary = summary(&runs, skipped.len());
    Ok(BlankFrameResults {
        runs,
        skipped,
        summary,
        parent_origin,
    })
}

fn judge(case: BlankFrameCase, report: Result<DoctorReport, LabError>) -> BlankFrameRun {
    let expected = case.expected();
    match report {
        Ok(report) => {
            let actual = report.checks.into_iter().find(|c| c.id == expected.check);
            BlankFrameRun {
                matches: actual.as_ref().is_some_and(|c| c.status == expected.status),
                case: case.view(),
                actual,
                not_run: None,
            }
        }
        Err(e) => BlankFrameRun {
            case: case.view(),
            actual: None,
            matches: false,
            not_run: Some(format!("{e}. {}", e.fix())),
        },
    }
}

fn summary(runs: &[BlankFrameRun], not_applicable: usize) -> String {
    let not_run = runs.iter().filter(|r| r.not_run.is_some()).count();
    let findings = runs
        .iter()
        .filter(|r| !r.matches && r.not_run.is_none())
        .count();
    let run = runs.len() - not_run;
    let mut line = format!(
        "{run} run, {} as expected, {findings} finding{}, {not_applicable} not applicable",
        run - findings,
        if findings == 1 { "" } else { "s" }
    );
    if not_run > 0 {
        line.push_str(&format!("; {not_run} not run"));
    }
    line
}
