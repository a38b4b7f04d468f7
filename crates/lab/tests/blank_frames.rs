//! The blank-frame gallery over real HTTP: for each scheme, every case that
//! applies is switched on in a scratch local host, framed from another site,
//! and the doctor reports exactly the finding the case names. The URLs are
//! vendor-shaped addresses on an unused origin: only their paths matter, and
//! nothing signed is ever requested.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use embed_core::doctor::blank_frames::BlankFrameCase;
use embed_core::doctor::Status;
use embed_core::Scheme;

const TIMEOUT: Duration = Duration::from_secs(10);

async fn runs(scheme: Scheme, url: &str) -> embed_lab::blank_frames::BlankFrameResults {
    embed_lab::blank_frames::run(scheme, url, TIMEOUT)
        .await
        .unwrap()
}

#[tokio::test]
async fn every_case_that_applies_produces_its_doctor_finding() {
    let cases = [
        (
            Scheme::SigmaClassic,
            "https://app.sigmacomputing.com/embed/1-abc?:nonce=n&:signature=s",
            3,
        ),
        (
            Scheme::BoldBi,
            "http://127.0.0.1:9/bi/site/site1/dashboards/d-1/Sales?embed_nonce=n",
            4,
        ),
        (
            Scheme::Looker,
            "https://acme.looker.com/login/embed/%2Fembed%2Fdashboards%2F7?nonce=n&signature=s",
            4,
        ),
    ];
    for (scheme, url, applicable) in cases {
        let results = runs(scheme, url).await;
        assert_eq!(results.runs.len(), applicable, "{scheme:?}: {results:#?}");
        assert_eq!(
            results.runs.len() + results.skipped.len(),
            BlankFrameCase::ALL.len()
        );
        for run in &results.runs {
            assert!(run.not_run.is_none(), "{run:#?}");
            assert!(run.matches, "{scheme:?}: {run:#?}");
            let actual = run.actual.as_ref().unwrap();
            assert_eq!(actual.status, Status::Fail);
            assert_eq!(actual.id, run.case.expected.check);
        }
        assert!(
            results.summary.starts_with(&format!(
                "{applicable} run, {applicable} as expected, 0 findings"
            )),
            "{}",
            results.summary
        );
    }
}
