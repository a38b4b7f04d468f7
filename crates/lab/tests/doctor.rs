//! The embed doctor over real HTTP on 127.0.0.1: the local host with each
//! framing failure switched on, a parent page served by a small server that
//! sends its own CSP, and the verdict for each. Every signed URL handed to
//! the doctor still loads once afterwards: its nonce was never spent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use embed_core::doctor::emulation::Framing;
use embed_core::doctor::{DoctorReport, Status};
use embed_core::request::EmbedRequest;
use embed_core::schemes::boldbi::BoldBiRequest;
use embed_core::schemes::sigma_classic::SigmaClassicRequest;
use embed_core::{Scheme, Secret};
use embed_host::{Client, HostOptions, Org, RunningHost};
use embed_lab::doctor::{examine, Parent};
use embed_lab::Loader;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const SECRET: &str = "doctor-secret-9z";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn host(framing: &[(&str, &str)]) -> RunningHost {
    let org = Org::demo(vec![Client {
        id: "doc-client".into(),
        secret: Secret::new(SECRET),
        schemes: vec![],
    }]);
    let host = embed_host::start(HostOptions::loopback(org)).await.unwrap();
    let mut settings = Framing::default();
    for (name, value) in framing {
        settings.set(name, value).unwrap();
    }
    host.state.set_framing(settings);
    host
}

/// A one-page server on 127.0.0.1:0 answering every request with `html`
/// and `headers`; returns its origin.
async fn parent_server(html: String, headers: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = [0u8; 4096];
            let _ = socket.read(&mut buffer).await;
            let response = format!("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n{headers}\r\n{html}", html.len());
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    origin
}

fn signed(origin: &str, scheme: Scheme, nonce: &str) -> String {
    let request = match scheme {
        Scheme::BoldBi => EmbedRequest::new(BoldBiRequest {
            dashboard_url: format!("{origin}/bi/site/site1/dashboards/d-1/Sales/Overview"),
            nonce: nonce.into(),
            email: "bo@example.com".into(),
            params: vec![],
            timestamp: Some(now()),
            expiration: None,
            escape_signature: false,
        }),
        _ => EmbedRequest::new(SigmaClassicRequest::seed_user(
            format!("{origin}/embed/1-doc"),
            "doc-client",
            now(),
            nonce,
        )),
    };
    request.sign(&Secret::new(SECRET)).unwrap()
}

fn status(report: &DoctorReport, id: &str) -> Status {
    report
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no {id}: {report:#?}"))
        .status
}

/// Diagnoses a fresh URL of `scheme` on a host with `framing`, framed by a
/// page on another origin; then loads the URL once and asserts it is accepted.
async fn diagnose(
    framing: &[(&str, &str)],
    scheme: Scheme,
    parent_headers: &'static str,
) -> (DoctorReport, String) {
    let host = host(framing).await;
    let url = signed(&host.origin(), scheme, &format!("doctor-{}", uuid_like()));
    let parent = parent_server(
        format!(
            "<!doctype html><iframe src=\"{}\" allowfullscreen></iframe>",
            url.replace('&', "&amp;")
        ),
        parent_headers,
    )
    .await;
    let report = examine(
        Parent::Url(format!("{parent}/")),
        &url,
        Duration::from_secs(10),
    )
    .await
    .unwrap();
    let outcome = Loader::new(Duration::from_secs(10))
        .unwrap()
        .load(&url, scheme)
        .await
        .unwrap();
    assert!(outcome.accepted, "the doctor spent the URL: {outcome:?}");
    (report, parent)
}

fn uuid_like() -> String {
    format!(
        "{:x}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

#[tokio::test]
async fn each_emulated_failure_is_found_and_no_url_is_spent() {
    let (clean, _) = diagnose(&[], Scheme::SigmaClassic, "").await;
    assert_eq!(status(&clean, "x-frame-options"), Status::Pass);
    assert_eq!(status(&clean, "frame-ancestors"), Status::Pass);
    // The Sigma mock needs no session: the host sets no cookie it would flag.
    assert_eq!(status(&clean, "cookies"), Status::Pass);
    assert_eq!(clean.worst(), Status::Pass, "{clean:#?}");

    let (deny, _) = diagnose(&[("frame-options", "deny")], Scheme::SigmaClassic, "").await;
    assert_eq!(status(&deny, "x-frame-options"), Status::Fail);
    let (same, _) = diagnose(&[("frame-options", "sameorigin")], Scheme::SigmaClassic, "").await;
    assert_eq!(
        status(&same, "x-frame-options"),
        Status::Fail,
        "the parent is on another port: another origin"
    );

    let (ancestors, parent) = diagnose(
        &[("frame-ancestors", "'self' https://app.example.com")],
        Scheme::SigmaClassic,
        "",
    )
    .await;
    let check = ancestors
        .checks
        .iter()
        .find(|c| c.id == "frame-ancestors")
        .unwrap();
    assert_eq!(check.status, Status::Fail);
    assert!(check.fix.contains(&parent), "{}", check.fix);

    let (allowed, _) = diagnose(
        &[("allowed-domains", "https://app.example.com")],
        Scheme::BoldBi,
        "",
    )
    .await;
    let check = allowed
        .checks
        .iter()
        .find(|c| c.id == "frame-ancestors")
        .unwrap();
    assert_eq!(check.status, Status::Fail);
    assert!(
        check
            .fix
            .contains("Accept embedding requests from these websites"),
        "{}",
        check.fix
    );
    let (other_vendor, _) = diagnose(
        &[("allowed-domains", "https://app.example.com")],
        Scheme::SigmaClassic,
        "",
    )
    .await;
    assert_eq!(
        status(&other_vendor, "frame-ancestors"),
        Status::Pass,
        "allowed domains are Bold BI's"
    );

    let (own_csp, _) = diagnose(
        &[],
        Scheme::SigmaClassic,
        "content-security-policy: frame-src 'self'\r\n",
    )
    .await;
    assert_eq!(status(&own_csp, "parent-csp"), Status::Fail);
}

#[tokio::test]
async fn an_unreachable_embed_is_a_failed_check_and_a_bad_parent_is_an_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let report = examine(
        Parent::Html {
            file: "page.html".into(),
            html: String::new(),
            origin: Some("http://localhost:3000".into()),
        },
        &format!("{closed}/embed/1-x?:nonce=n&:signature=s"),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    let reach = report.checks.iter().find(|c| c.id == "reach").unwrap();
    assert_eq!(reach.status, Status::Fail);
    assert!(
        reach.evidence.contains("could not connect"),
        "{}",
        reach.evidence
    );
    assert!(examine(
        Parent::Url(format!("{closed}/")),
        "http://127.0.0.1:1/x",
        Duration::from_secs(5)
    )
    .await
    .is_err());
    assert!(examine(
        Parent::Url("ftp://x".into()),
        "http://127.0.0.1:1/x",
        Duration::from_secs(5)
    )
    .await
    .is_err());
}
