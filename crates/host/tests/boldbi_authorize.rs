//! Over real HTTP: Bold BI's authorize endpoint (vendors.md §4.1) as a
//! customer's authorization server calls it, and the dashboard its access
//! token opens: good, bad signature, expired, reused nonce, and a token
//! posted to another dashboard.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use embed_core::Secret;

const VERDICT: &str = "x-embed-sandbox-verdict";

/// The query the Embed SDK posts, with what the server appends, signed as
/// Bold BI's Node sample does (the Base64 signature appended raw).
fn authorize_url(origin: &str, dashboard: &str, timestamp: u64, secret: &str) -> String {
    let query = format!(
        "embed_nonce={}&embed_dashboard_id={dashboard}&embed_dashboard_ids=&embed_dashboard_path=&embed_dashboard_paths=&pinboard_name=&embed_mode=view&embed_timestamp={timestamp}&embed_expirationtime=86400&embed_user_email=bo.chen%40example.com&embed_server_timestamp={timestamp}&hide_header=True",
        fresh_nonce()
    );
    embed_core::schemes::boldbi::sign_params(
        &format!("{origin}/bi/api/site/site1/embed/authorize"),
        &query,
        &Secret::new(secret),
        true,
    )
}

async fn call(url: &str) -> (u16, String, serde_json::Value) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    let verdict = response.headers()[VERDICT].to_str().unwrap().to_owned();
    (status, verdict, response.json().await.unwrap())
}

async fn open(origin: &str, dashboard_path: &str, token: &str) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(format!("{origin}{dashboard_path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "access_token={}",
            embed_core::encoding::encode_value(token)
        ))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_signed_authorize_request_gets_bold_bis_answer_and_its_token_opens_the_dashboard() {
    let host = host().await;
    let url = authorize_url(&host.origin(), "d-7", now(), SECRET);
    let (status, verdict, body) = call(&url).await;
    assert_eq!((status, verdict.as_str()), (200, "accepted"), "{body}");
    assert_eq!(body["ApiStatus"], true);
    assert_eq!(body["Status"], true);
    assert_eq!(body["Data"]["email"], "bo.chen@example.com");
    assert_eq!(body["Data"]["token_type"], "bearer");
    let token = body["Data"]["access_token"].as_str().unwrap().to_owned();
    assert_eq!(token.split('.').count(), 3, "a JWT: {token}");
    assert!(body["Data"]["ItemDetail"].as_str().unwrap().contains("d-7"));
    // The token opens that dashboard, as the user it names, with the switches
    // it was signed with (C#'s True read as the sample means it).
    let (status, page) = open(&host.origin(), "/bi/site/site1/dashboards/d-7", &token).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("bo.chen@example.com"), "{page}");
    assert!(
        !page.contains("data-testid=\"header\""),
        "hide_header=True hides the header"
    );
    // Not another dashboard, and not a forged token.
    assert_eq!(
        open(&host.origin(), "/bi/site/site1/dashboards/d-8", &token)
            .await
            .0,
        401
    );
    assert_eq!(
        open(
            &host.origin(),
            "/bi/site/site1/dashboards/d-7",
            &format!("{token}x")
        )
        .await
        .0,
        401
    );
    // The request is single-use, like an iframe URL.
    let (status, verdict, body) = call(&url).await;
    assert_eq!(
        (status, verdict.as_str()),
        (400, "refused; reason=nonce-reused"),
        "{body}"
    );
    assert_eq!(body["ApiStatus"], false);
    host.stop().await;
}

#[tokio::test]
async fn a_bad_signature_or_an_expired_request_is_refused_in_json() {
    let host = host().await;
    let (status, verdict, body) = call(&authorize_url(
        &host.origin(),
        "d-7",
        now(),
        "not-the-secret",
    ))
    .await;
    assert_eq!(
        (status, verdict.as_str()),
        (403, "refused; reason=invalid-signature"),
        "{body}"
    );
    assert_eq!(body["ApiStatus"], false);
    assert!(body["Wording"]
        .as_str()
        .unwrap()
        .contains("Embed Sandbox's wording"));
    let (status, verdict, _) = call(&authorize_url(
        &host.origin(),
        "d-7",
        now() - 200_000,
        SECRET,
    ))
    .await;
    assert_eq!((status, verdict.as_str()), (403, "refused; reason=expired"));
    // Tampered after signing: another dashboard in the same signed request.
    let url = authorize_url(&host.origin(), "d-7", now(), SECRET)
        .replace("embed_dashboard_id=d-7", "embed_dashboard_id=d-8");
    assert_eq!(call(&url).await.1, "refused; reason=invalid-signature");
    host.stop().await;
}

#[tokio::test]
async fn the_sdk_stand_in_is_served_as_a_script() {
    let host = host().await;
    let response = reqwest::get(format!("{}/embedded-sdk/boldbi-embed.js", host.origin()))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert!(response.text().await.unwrap().contains("embedQuerString"));
    host.stop().await;
}
