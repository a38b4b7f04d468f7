//! Over real HTTP: one test per refusal, with the vendor's exact text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use embed_host::Org;

async fn expect(url: &str, status: u16, text: &str) -> String {
    let (got, body) = get(url).await;
    assert_eq!(got, status, "status for {url}\n{body}");
    assert!(body.contains(&html(text)), "expected {text:?} in\n{body}");
    body
}

/// Signs the demo classic request after `change`, loads it on a fresh host,
/// and expects `status` and `text`; returns the page.
async fn refused_classic(
    change: impl FnOnce(&mut embed_core::schemes::sigma_classic::SigmaClassicRequest),
    status: u16,
    text: &str,
) -> String {
    let host = host().await;
    let mut request = classic(&host.origin());
    change(&mut request);
    let body = expect(&sign_classic(&request), status, text).await;
    host.stop().await;
    body
}

#[tokio::test]
async fn an_unknown_client_id_is_refused_without_detail() {
    refused_classic(
        |r| r.client_id = "test-clien".into(),
        403,
        "You don't have permission to access this page.",
    )
    .await;
}

#[tokio::test]
async fn a_tampered_url_is_refused_as_an_invalid_signature() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin())).replace("Creator", "Viewer");
    expect(
        &url,
        403,
        "You don't have permission to access this page. Invalid embed signature.",
    )
    .await;
    host.stop().await;
}

#[tokio::test]
async fn an_expired_url_is_refused_as_expired() {
    refused_classic(
        |r| r.time = now() - 3600,
        403,
        "You don\u{2019}t have permission to access this page. Sigma embed is expired.",
    )
    .await;
}

#[tokio::test]
async fn a_reused_nonce_is_refused_with_einval() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    assert_eq!(get(&url).await.0, 200);
    let body = expect(
        &url,
        400,
        "This embed URL was already used: its nonce is spent.",
    )
    .await;
    assert!(body.contains("EINVAL"));
    host.stop().await;
}

#[tokio::test]
async fn a_wrong_mode_is_an_invalid_embed_request() {
    refused_classic(
        |r| r.mode = "userbaked".into(),
        400,
        "Invalid embed request.",
    )
    .await;
}

#[tokio::test]
async fn a_raw_plus_in_the_email_makes_it_invalid() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    // Re-sign with a raw '+', as the vendor sample's own email does.
    let mut request = classic(&host.origin());
    request.email = "ann+embed@example.com".into();
    let escaped = sign_classic(&request);
    assert_eq!(get(&escaped).await.0, 200, "an escaped + is fine");
    let raw = resign_classic(&url, |u| {
        u.replace("ann@example.com", "ann+embed@example.com")
            .replace(":nonce=", ":nonce=x")
    });
    expect(&raw, 400, "Invalid embed request. \":email\" is not valid.").await;
    host.stop().await;
}

#[tokio::test]
async fn a_session_length_over_the_maximum_names_the_setting() {
    let body = refused_classic(
        |r| r.session_length = 40_000,
        400,
        "Invalid embed request. \":session_length\" exceeds maximum",
    )
    .await;
    assert!(body.contains("max-session-length = 36000"), "{body}");
}

#[tokio::test]
async fn an_unknown_team_is_refused_with_the_vendor_text() {
    refused_classic(|r| r.teams = vec!["Sales Managers".into()], 403, "The specified teams in \":external_user_team\" do not exist. Please check spelling or create new teams in the admin portal.").await;
}

#[tokio::test]
async fn no_team_at_all_is_refused() {
    refused_classic(
        |r| r.teams = vec![],
        403,
        "You don't have permission to access this page.",
    )
    .await;
}

#[tokio::test]
async fn an_unknown_embed_is_not_found() {
    let mut org = Org::demo(vec![client()]);
    org.embeds = Some(["1-known".to_owned()].into());
    let host = host_with(org, None).await;
    expect(
        &sign_classic(&classic(&host.origin())),
        404,
        "The page you're looking for does not exist. Embed not found.",
    )
    .await;
    host.stop().await;
}

#[tokio::test]
async fn an_internal_users_email_is_refused_with_eacces() {
    let mut org = Org::demo(vec![client()]);
    org.internal_users = ["ann@example.com".to_owned()].into();
    let host = host_with(org, None).await;
    let body = expect(&sign_classic(&classic(&host.origin())), 403, "internal").await;
    assert!(body.contains("EACCES"));
    host.stop().await;
}

#[tokio::test]
async fn a_missing_parameter_is_einval() {
    let host = host().await;
    let mut request = classic(&host.origin());
    request.external_user_id = String::new();
    let url = sign_classic(&request);
    // Drop :external_user_id entirely and re-sign.
    let url = resign_classic(&url, |u| u.replace("&:external_user_id=", ""));
    let body = expect(
        &url,
        400,
        "Invalid embed request: a required parameter is missing or mistyped.",
    )
    .await;
    assert!(body.contains("EINVAL") && body.contains(":external_user_id"));
    host.stop().await;
}

#[tokio::test]
async fn a_clock_ahead_beyond_the_skew_is_refused_and_names_the_setting() {
    let body = refused_classic(|r| r.time = now() + 3600, 403, "lies in the future").await;
    assert!(body.contains("clock-skew = 300"));
}

#[tokio::test]
async fn the_host_clock_offset_expires_a_url() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    host.state.clock.set_offset(601);
    expect(&url, 403, "Sigma embed is expired.").await;
    host.stop().await;
}

#[tokio::test]
async fn jwt_urls_are_accepted_once_then_refused() {
    let host = host().await;
    let url = sign_jwt(&jwt(&host.origin()));
    let (status, body) = get(&url).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("jo@example.com"));
    expect(
        &url,
        400,
        "This embed URL was already used: its nonce is spent.",
    )
    .await;
    let mut expired = jwt(&host.origin());
    expired.iat = now() - 7200;
    expect(&sign_jwt(&expired), 403, "Sigma embed is expired.").await;
    let mut wrong_kid = jwt(&host.origin());
    wrong_kid.client_id = "someone-else".into();
    expect(
        &sign_jwt(&wrong_kid),
        403,
        "You don't have permission to access this page.",
    )
    .await;
    host.stop().await;
}

#[tokio::test]
async fn boldbi_urls_are_judged_with_labelled_texts_and_the_nonce_setting() {
    let host = host().await;
    let url = sign_boldbi(&boldbi(&host.origin()));
    let (status, body) = get(&url).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("bo@example.com"));
    let body = expect(&url, 400, "This embed_nonce was already used.").await;
    assert!(
        body.contains("Embed Sandbox&#39;s wording")
            && body.contains("boldbi-refuse-reused-nonce = true"),
        "{body}"
    );
    let mut expired = boldbi(&host.origin());
    expired.timestamp = Some(now() - 90_000);
    expect(&sign_boldbi(&expired), 403, "The embed URL has expired.").await;
    let tampered =
        sign_boldbi(&boldbi(&host.origin())).replace("bo@example.com", "bob@example.com");
    expect(&tampered, 403, "The embed signature is invalid.").await;
    host.stop().await;
}

#[tokio::test]
async fn boldbi_replays_pass_when_the_setting_says_bold_bi_allows_them() {
    let mut org = Org::demo(vec![client()]);
    org.policy
        .set("boldbi-refuse-reused-nonce", "false")
        .unwrap();
    let host = host_with(org, None).await;
    let url = sign_boldbi(&boldbi(&host.origin()));
    assert_eq!(get(&url).await.0, 200);
    assert_eq!(get(&url).await.0, 200);
    host.stop().await;
}

#[tokio::test]
async fn a_url_on_the_wrong_route_is_refused_clearly() {
    let host = host().await;
    let url = sign_jwt(&jwt(&host.origin())).replace("/acme/workbook/Sales-1a2b", "/embed/1-demo");
    expect(
        &url,
        400,
        "Invalid embed request: a required parameter is missing or mistyped.",
    )
    .await;
    host.stop().await;
}
