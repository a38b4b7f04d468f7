//! The replay test and the scenario gallery against the real local host over
//! HTTP on 127.0.0.1:0: every scenario of every scheme (Looker included)
//! gets the refusal it promises, from hand-picked requests and from each
//! registered scheme's own kit (nothing written here per vendor).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{host_for, now};
use embed_core::request::EmbedRequest;
use embed_core::scenario::{build_all, Base, NotBuilt};
use embed_core::schemes::boldbi::BoldBiRequest;
use embed_core::schemes::looker::{Algorithm, LookerRequest};
use embed_core::schemes::sigma_classic::SigmaClassicRequest;
use embed_core::schemes::sigma_jwt::SigmaJwtRequest;
use embed_core::verdict::Reason;
use embed_core::{Policy, Secret};
use embed_host::RunningHost;
use embed_lab::{replay, run_scenarios, LabError, Loader};

const SECRET: &str = "lab-secret-0a1b2c";

async fn host(policy: Policy) -> RunningHost {
    host_for("lab-client", SECRET, policy).await
}

fn requests(origin: &str, nonce: &str) -> Vec<EmbedRequest> {
    vec![
        EmbedRequest::new(SigmaClassicRequest::seed_user(
            format!("{origin}/embed/1-lab"),
            "lab-client",
            now(),
            nonce,
        )),
        EmbedRequest::new(SigmaJwtRequest {
            workbook_url: format!("{origin}/acme/workbook/Sales-1a2b"),
            client_id: "lab-client".into(),
            email: "jo@example.com".into(),
            jti: nonce.into(),
            iat: now(),
            ttl: 600,
            teams: vec!["Sales_People".into()],
            ..SigmaJwtRequest::default()
        }),
        EmbedRequest::new(BoldBiRequest {
            dashboard_url: format!("{origin}/bi/site/site1/dashboards/d-1/Sales/Overview"),
            nonce: nonce.into(),
            email: "bo@example.com".into(),
            params: vec![],
            timestamp: Some(now()),
            expiration: Some(86_400),
            escape_signature: false,
        }),
        EmbedRequest::new(LookerRequest {
            host: origin.to_owned(),
            embed_url: "/embed/dashboards/1".into(),
            nonce: nonce.into(),
            time: now(),
            session_length: 600,
            external_user_id: "lo-1".into(),
            permissions: vec!["access_data".into(), "see_user_dashboards".into()],
            models: vec!["thelook".into()],
            group_ids: vec![],
            external_group_id: None,
            user_attributes: vec![("region".into(), "West".into())],
            access_filters: "{}".into(),
            first_name: None,
            last_name: None,
            user_timezone: None,
            force_logout_login: None,
            algorithm: Algorithm::Sha1,
        }),
    ]
}

fn loader() -> Loader {
    Loader::new(Duration::from_secs(10)).unwrap()
}

async fn run_gallery(policy: Policy) -> usize {
    let host = host(policy.clone()).await;
    let secret = Secret::new(SECRET);
    let mut counter = 0;
    let mut ran = 0;
    for request in requests(&host.origin(), "unused") {
        let base = Base {
            request: &request,
            secret: &secret,
            policy: &policy,
            now: now(),
        };
        let built: Vec<_> = build_all(&base, || {
            counter += 1;
            format!("lab-nonce-{counter}-{}", now())
        })
        .into_iter()
        .filter_map(|(id, b)| match b {
            Ok(b) => Some(b),
            Err(NotBuilt::NotApplicable(_)) => None,
            Err(NotBuilt::Failed(e)) => panic!("{id:?}: {e}"),
        })
        .collect();
        for run in run_scenarios(&loader(), request.scheme(), built).await {
            assert!(
                run.matches,
                "{:?}: expected {:?}, got {:?}",
                run.scenario.id, run.scenario.expected, run.actual
            );
            ran += 1;
        }
    }
    host.stop().await;
    ran
}

#[tokio::test]
async fn every_scenario_gets_its_refusal_from_the_local_host() {
    assert_eq!(run_gallery(Policy::default()).await, 62);
}

#[tokio::test]
async fn scenarios_follow_the_hosts_settings() {
    let policy = [
        ("boldbi-plus-as-space", "true"),
        ("boldbi-refuse-reused-nonce", "false"),
        ("max-session-length", "3600"),
        ("clock-skew", "60"),
        ("sigma-strict-time", "true"),
    ]
    .into_iter()
    .fold(Policy::default(), |policy, (name, value)| {
        policy.with(name, value).unwrap()
    });
    assert_eq!(run_gallery(policy).await, 62);
}

#[tokio::test]
async fn replay_passes_when_the_second_load_is_refused_and_shows_the_expired_load() {
    let host = host(Policy::default()).await;
    let secret = Secret::new(SECRET);
    for request in requests(&host.origin(), &format!("replay-{}", now())) {
        let url = request.sign(&secret).unwrap();
        let loader = loader().with_host_token(&host.origin(), host.token());
        let report = replay(&loader, &url, now()).await.unwrap();
        assert!(report.first.accepted, "{report:?}");
        assert_eq!(report.second.reason, Some(Reason::NonceReused));
        assert_eq!(
            report.after_expiry.as_ref().unwrap().reason,
            Some(Reason::Expired)
        );
        assert!(report.pass, "{}", report.summary);
    }
    // The clock is back where it was.
    assert_eq!(host.state.clock.offset(), 0);
    host.stop().await;
}

#[tokio::test]
async fn replay_fails_when_a_host_lets_the_same_url_in_twice() {
    let policy = Policy::default()
        .with("boldbi-refuse-reused-nonce", "false")
        .unwrap();
    let host = host(policy).await;
    let request = requests(&host.origin(), &format!("twice-{}", now()))
        .into_iter()
        .find(|r| r.scheme() == embed_core::Scheme::BoldBi)
        .unwrap();
    let url = request.sign(&Secret::new(SECRET)).unwrap();
    let report = replay(&loader(), &url, now()).await.unwrap();
    assert!(report.first.accepted && report.second.accepted);
    assert!(!report.pass);
    assert!(report.summary.starts_with("Fail"), "{}", report.summary);
    host.stop().await;
}

#[tokio::test]
async fn an_unreachable_host_is_a_clear_error_without_the_signed_query() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/embed/1-x?:nonce=n&:client_id=c&:email=a@b.co&:external_user_id=a&:external_user_team=T&:mode=userbacked&:session_length=60&:time=1&:signature=00");
    let error = replay(&loader(), &url, now()).await.unwrap_err();
    assert!(matches!(error, LabError::Network { .. }));
    let text = error.to_string();
    assert!(
        text.contains(&format!("127.0.0.1:{port}")) && !text.contains(":nonce"),
        "{text}"
    );
    assert!(!error.fix().is_empty());
}

#[tokio::test]
async fn an_unreachable_host_is_one_not_run_state_never_a_pile_of_findings() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let origin = format!("http://127.0.0.1:{port}");
    let secret = Secret::new(SECRET);
    let policy = Policy::default();
    let request = requests(&origin, "unreachable").remove(0);
    let base = Base {
        request: &request,
        secret: &secret,
        policy: &policy,
        now: now(),
    };
    let mut counter = 0;
    let built: Vec<_> = build_all(&base, || {
        counter += 1;
        format!("unreachable-{counter}")
    })
    .into_iter()
    .filter_map(|(_, b)| b.ok())
    .collect();
    let total = built.len();
    let runs = run_scenarios(&loader(), request.scheme(), built).await;
    assert!(runs.iter().all(|r| r.not_run.is_some() && !r.is_finding()));
    let tally = embed_lab::tally(&runs, 0);
    assert_eq!((tally.run, tally.findings, tally.not_run), (0, 0, total));
    assert!(
        tally
            .summary
            .starts_with(&format!("{total} not run. Host unreachable: ")),
        "{}",
        tally.summary
    );
    assert!(tally.summary.contains(&format!("127.0.0.1:{port}")));
}

/// A request of `scheme` from its own kit (the profile editor's example
/// path and the form's defaults), pointed at `origin`.
fn kit_request(scheme: embed_core::Scheme, origin: &str) -> EmbedRequest {
    let kit = embed_core::kits::kit(scheme);
    let example = &kit.profile.path_placeholder;
    // The example's path on the local host: scheme and authority replaced.
    let path = example
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
        .unwrap_or("/");
    let environment = embed_core::form::Environment {
        scheme,
        embed_path: format!("{origin}{path}"),
        client_id: if kit.profile.client_id_label.is_some() {
            "lab-client".into()
        } else {
            String::new()
        },
    };
    embed_core::form_request::request(&environment, &kit.defaults, now(), || "unused".into())
}

#[tokio::test]
async fn every_registered_schemes_gallery_gets_its_refusals_from_the_local_host() {
    let policy = Policy::default();
    let host = host(policy.clone()).await;
    let secret = Secret::new(SECRET);
    let mut counter = 0;
    for spec in embed_core::schemes::listed() {
        let request = kit_request(spec.scheme(), &host.origin());
        let base = Base {
            request: &request,
            secret: &secret,
            policy: &policy,
            now: now(),
        };
        let mut built = Vec::new();
        for (id, b) in build_all(&base, || {
            counter += 1;
            format!("kit-nonce-{counter}-{}", now())
        }) {
            match b {
                Ok(b) => built.push(b),
                Err(NotBuilt::NotApplicable(why)) => assert!(!why.is_empty(), "{id:?}"),
                Err(NotBuilt::Failed(e)) => panic!("{:?} {id:?}: {e}", spec.scheme()),
            }
        }
        assert!(!built.is_empty(), "{:?} builds no scenario", spec.scheme());
        for run in run_scenarios(&loader(), request.scheme(), built).await {
            assert!(
                run.matches,
                "{:?} {:?}: expected {:?}, got {:?}",
                spec.scheme(),
                run.scenario.id,
                run.scenario.expected,
                run.actual
            );
        }
    }
    host.stop().await;
}
