//! Looker on the local host, over real HTTP: a signed URL for the host's own
//! `127.0.0.1:PORT` logs in once (a session cookie and a redirect to the
//! content), is refused when replayed, outside the 5-minute window, with
//! the wrong secret or algorithm; content without a session is refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use embed_core::schemes::looker::{self, Algorithm, LookerRequest};
use embed_core::{Policy, Scheme, Secret};
use embed_host::{Client, Org};

const LOOKER_SECRET: &str = "looker-secret-0123";

fn looker_client() -> Client {
    Client {
        id: "looker".into(),
        secret: Secret::new(LOOKER_SECRET),
        schemes: vec![Scheme::Looker],
    }
}

fn request(origin: &str) -> LookerRequest {
    LookerRequest {
        host: origin.to_owned(),
        embed_url: "/embed/dashboards/3".into(),
        nonce: fresh_nonce(),
        time: now(),
        session_length: 600,
        external_user_id: "ann-1".into(),
        permissions: vec![
            "access_data".into(),
            "see_user_dashboards".into(),
            "see_drill_overlay".into(),
        ],
        models: vec!["thelook".into()],
        group_ids: vec![4],
        external_group_id: None,
        user_attributes: vec![("region".into(), "West".into())],
        access_filters: "{}".into(),
        first_name: Some("Ann".into()),
        last_name: None,
        user_timezone: None,
        force_logout_login: Some(true),
        algorithm: Algorithm::Sha1,
    }
}

fn sign(request: &LookerRequest, secret: &str) -> String {
    looker::sign(request, &Secret::new(secret)).unwrap()
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn host_with_policy(policy: Policy) -> embed_host::RunningHost {
    let mut org = Org::demo(vec![client(), looker_client()]);
    org.policy = policy;
    host_with(org, None).await
}

/// Loads `url` without following redirects: status, verdict header, location, cookie, body.
async fn load(url: &str) -> (u16, String, Option<String>, Option<String>, String) {
    let response = no_redirects().get(url).send().await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (verdict, location, cookie) = (
        header("x-embed-sandbox-verdict").unwrap_or_default(),
        header("location"),
        header("set-cookie"),
    );
    let status = response.status().as_u16();
    (
        status,
        verdict,
        location,
        cookie,
        response.text().await.unwrap(),
    )
}

#[tokio::test]
async fn a_good_url_logs_in_once_and_opens_the_content_with_its_grants() {
    let host = host_with_policy(Policy::default()).await;
    let url = sign(&request(&host.origin()), LOOKER_SECRET);
    assert!(url.starts_with(&format!(
        "{}/login/embed/%2Fembed%2Fdashboards%2F3?",
        host.origin()
    )));
    let (status, verdict, location, cookie, _) = load(&url).await;
    assert_eq!((status, verdict.as_str()), (302, "accepted"));
    assert_eq!(location.as_deref(), Some("/embed/dashboards/3"));
    let cookie = cookie.unwrap();
    let session = cookie.split(';').next().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");

    let content = no_redirects()
        .get(format!("{}/embed/dashboards/3", host.origin()))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(content.status().as_u16(), 200);
    let page = content.text().await.unwrap();
    for expected in [
        "ann-1",
        "(Ann)",
        "access_data",
        "thelook",
        "data-feature=\"see_drill_overlay\"",
        "user attribute region = West",
    ] {
        assert!(page.contains(expected), "{expected} missing from\n{page}");
    }
    // Without the session, the content asks for a login.
    let (status, _, _, _, body) = load(&format!("{}/embed/dashboards/3", host.origin())).await;
    assert_eq!(status, 401, "{body}");

    // The same URL again: single use.
    let (status, verdict, _, _, _) = load(&url).await;
    assert_eq!(
        (status, verdict.as_str()),
        (400, "refused; reason=nonce-reused")
    );
    host.stop().await;
}

#[tokio::test]
async fn the_window_the_secret_and_the_algorithm_are_checked_with_lookers_texts() {
    let host = host_with_policy(Policy::default()).await;
    let origin = host.origin();
    let old = LookerRequest {
        time: now() - 400,
        ..request(&origin)
    };
    let (status, verdict, _, _, body) = load(&sign(&old, LOOKER_SECRET)).await;
    assert_eq!((status, verdict.as_str()), (403, "refused; reason=expired"));
    assert!(
        body.contains(&html("'time' param is not within 5 minutes")),
        "{body}"
    );

    let (status, verdict, _, _, body) = load(&sign(&request(&origin), "another-secret")).await;
    assert_eq!(
        (status, verdict.as_str()),
        (403, "refused; reason=invalid-signature")
    );
    assert!(
        body.contains(&html("'signature' param failed to authenticate")),
        "{body}"
    );

    // Signed with SHA-256 while the host expects SHA-1: named.
    let sha256 = LookerRequest {
        algorithm: Algorithm::Sha256,
        ..request(&origin)
    };
    let (status, _, _, _, body) = load(&sign(&sha256, LOOKER_SECRET)).await;
    assert_eq!(status, 403);
    assert!(body.contains("HMAC-SHA256"), "{body}");
    host.stop().await;

    // A host set to SHA-256 accepts it.
    let host = host_with_policy(
        Policy::default()
            .with("looker-algorithm", "sha256")
            .unwrap(),
    )
    .await;
    let sha256 = LookerRequest {
        algorithm: Algorithm::Sha256,
        ..request(&host.origin())
    };
    let (status, verdict, _, _, _) = load(&sign(&sha256, LOOKER_SECRET)).await;
    assert_eq!((status, verdict.as_str()), (302, "accepted"));
    host.stop().await;
}

#[tokio::test]
async fn a_url_signed_for_another_host_is_refused() {
    let host = host_with_policy(Policy::default()).await;
    let url = sign(&request("https://acme.looker.com"), LOOKER_SECRET);
    let here = url.replacen("https://acme.looker.com", &host.origin(), 1);
    let (status, verdict, _, _, _) = load(&here).await;
    assert_eq!(
        (status, verdict.as_str()),
        (403, "refused; reason=invalid-signature")
    );
    host.stop().await;
}
