//! Over real HTTP on 127.0.0.1: the lab's verdicts under concurrency,
//! interruption and a host that is not (or stops being) the vendor.
//! - Eight replays at once against one host all pass, and every other load
//!   meanwhile is judged at the right time (the after-expiry load moves no
//!   clock); a replay killed half-way leaves nothing behind.
//! - Scenarios against a server that answers 404 to everything are never
//!   "as expected"; a host replaced mid-run makes the rest "not run".

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{host_for, now};
use embed_core::request::EmbedRequest;
use embed_core::scenario::{build_all, Base, Built};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest};
use embed_core::{Policy, Secret};
use embed_host::RunningHost;
use embed_lab::{replay, run_scenarios, Loader};

const SECRET: &str = "lab-faults-secret-77";

async fn host() -> RunningHost {
    host_for("lab-client", SECRET, Policy::default()).await
}

fn request(origin: &str) -> SigmaClassicRequest {
    SigmaClassicRequest::seed_user(
        format!("{origin}/embed/1-lab"),
        "lab-client",
        now(),
        uuid::Uuid::new_v4().to_string(),
    )
}

fn fresh_url(origin: &str) -> String {
    sigma_classic::sign(&request(origin), &Secret::new(SECRET)).unwrap()
}

fn loader(host: &RunningHost) -> Loader {
    Loader::new(Duration::from_secs(10))
        .unwrap()
        .with_host_token(&host.origin(), host.token())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_replays_pass_and_leave_every_other_load_judged_at_the_right_time() {
    let host = host().await;
    for round in 0..3 {
        let replays: Vec<_> = (0..8)
            .map(|_| {
                let (loader, url) = (loader(&host), fresh_url(&host.origin()));
                tokio::spawn(async move { replay(&loader, &url, now()).await.unwrap() })
            })
            .collect();
        let plain: Vec<_> = (0..8)
            .map(|_| {
                let (loader, url) = (loader(&host), fresh_url(&host.origin()));
                tokio::spawn(async move {
                    loader
                        .load(&url, embed_core::Scheme::SigmaClassic)
                        .await
                        .unwrap()
                })
            })
            .collect();
        for handle in replays {
            let report = handle.await.unwrap();
            assert!(report.pass, "round {round}: {}", report.summary);
            let expired = report.after_expiry.expect("the after-expiry load ran");
            assert!(!expired.accepted);
        }
        for handle in plain {
            let outcome = handle.await.unwrap();
            assert!(
                outcome.accepted,
                "round {round}: a fresh URL was refused: {outcome:?}"
            );
        }
        assert_eq!(
            host.state.clock.offset(),
            0,
            "round {round}: the clock moved"
        );
    }
    host.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replay_killed_half_way_leaves_the_host_judging_fresh_urls_as_fresh() {
    let host = host().await;
    for delay_ms in [0, 1, 2, 3, 5, 8, 13] {
        let (killed, url) = (loader(&host), fresh_url(&host.origin()));
        let task = tokio::spawn(async move { replay(&killed, &url, now()).await });
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        task.abort();
        let _ = task.await;
        assert_eq!(host.state.clock.offset(), 0);
        let outcome = loader(&host)
            .load(&fresh_url(&host.origin()), embed_core::Scheme::SigmaClassic)
            .await
            .unwrap();
        assert!(
            outcome.accepted,
            "after a kill at {delay_ms} ms: {outcome:?}"
        );
    }
    host.stop().await;
}

/// A server that answers every request with a bare 404, as
/// `python3 -m http.server` does for an embed path.
async fn foreign_server() -> (String, tokio::task::JoinHandle<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = [0u8; 8192];
                let _ = stream.read(&mut buf).await;
                let body = "<html><body><h1>Error response</h1><p>Error code: 404</p><p>Message: File not found.</p></body></html>";
                let _ = stream
                    .write_all(format!("HTTP/1.0 404 File not found\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).as_bytes())
                    .await;
            });
        }
    });
    (origin, task)
}

fn gallery(origin: &str) -> Vec<Built> {
    let request = EmbedRequest::new(request(origin));
    let secret = Secret::new(SECRET);
    let policy = Policy::default();
    let base = Base {
        request: &request,
        secret: &secret,
        policy: &policy,
        now: now(),
    };
    let mut counter = 0;
    build_all(&base, || {
        counter += 1;
        format!("faults-{counter}-{}", uuid::Uuid::new_v4())
    })
    .into_iter()
    .filter_map(|(_, built)| built.ok())
    .collect()
}

#[tokio::test]
async fn a_bare_404_from_any_server_is_never_the_expected_refusal() {
    let (origin, server) = foreign_server().await;
    let built = gallery(&origin);
    let total = built.len();
    let runs = run_scenarios(
        &Loader::new(Duration::from_secs(5)).unwrap(),
        embed_core::Scheme::SigmaClassic,
        built,
    )
    .await;
    let tally = embed_lab::tally(&runs, 0);
    assert_eq!(tally.as_expected, 0, "{}", tally.summary);
    for run in runs.iter().filter(|r| r.scenario.expected.reason.is_some()) {
        assert!(!run.matches, "{:?}", run.scenario.id);
        assert!(
            run.not_run
                .as_deref()
                .is_some_and(|w| w.starts_with("No evidence: HTTP 404")),
            "{:?}: {:?}",
            run.scenario.id,
            run.not_run
        );
    }
    assert!(tally.not_run + tally.findings == total, "{}", tally.summary);
    server.abort();
}

#[tokio::test]
async fn a_host_that_stops_answering_as_it_did_makes_the_rest_not_run() {
    let host = host().await;
    let (foreign, server) = foreign_server().await;
    let mut built = gallery(&host.origin());
    let half = built.len() / 2;
    for scenario in &mut built[half..] {
        scenario.url = scenario.url.replace(&host.origin(), &foreign);
    }
    let runs = run_scenarios(&loader(&host), embed_core::Scheme::SigmaClassic, built).await;
    assert!(runs[..half].iter().all(|r| r.not_run.is_none()));
    for run in &runs[half..] {
        assert!(!run.matches);
        assert!(
            run.not_run
                .as_deref()
                .is_some_and(|w| w.starts_with("The host stopped answering as it did")),
            "{:?}",
            run.not_run
        );
    }
    let tally = embed_lab::tally(&runs, 0);
    assert_eq!(tally.not_run, runs.len() - half, "{}", tally.summary);
    server.abort();
    host.stop().await;
}
