//! Over real HTTP: the host tells the truth or says it cannot. Identity
//! outside Bold BI's signed string, a ledger that fails, is damaged,
//! truncated or deleted, per-request time travel, a lent clock, and silent
//! connections.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::*;
use embed_host::Org;

const VERDICT: &str = "x-embed-sandbox-verdict";

async fn load(url: &str) -> (u16, String, String) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    let verdict = response
        .headers()
        .get(VERDICT)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, verdict, response.text().await.unwrap())
}

#[tokio::test]
async fn a_bold_bi_email_in_front_of_embed_nonce_signs_no_one_in() {
    let host = host().await;
    let url = sign_boldbi(&boldbi(&host.origin()));
    let polluted = url.replacen('?', "?embed_user_email=evil%40example.com&", 1);
    let (status, verdict, body) = load(&polluted).await;
    assert_eq!(
        (status, verdict.as_str()),
        (403, "refused; reason=invalid-signature"),
        "{body}"
    );
    assert!(!body.contains("data-testid=\"signed-in-email\""), "{body}");
    let entry = host.state.log.since(0).pop().unwrap();
    assert_eq!(entry.user.as_deref(), Some("bo@example.com"));
    // The same URL without the prefix: still unspent, accepted, the signed user.
    let (status, _, body) = load(&url).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("bo@example.com") && !body.contains("evil@"));
    host.stop().await;
}

#[tokio::test]
async fn a_ledger_that_stops_taking_writes_answers_503_with_the_cause_never_already_used() {
    let dir = tempfile::tempdir().unwrap();
    let host = host_with(Org::demo(vec![client()]), Some(dir.path().join("l.sqlite"))).await;
    host.state.ledger.refuse_writes(true);
    let url = sign_classic(&classic(&host.origin()));
    let (status, verdict, body) = load(&url).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(verdict, "unavailable; reason=ledger");
    assert!(body.contains("readonly"), "{body}");
    assert!(!body.contains("already used"), "{body}");
    let entry = host.state.log.since(0).pop().unwrap();
    assert_eq!((entry.verdict, entry.status), ("unavailable", 503));
    assert!(entry.message.unwrap().contains("readonly"));
    assert!(host.state.ledger.health().fault.is_some());
    let index = reqwest::Client::new()
        .get(format!("{}/", host.origin()))
        .header(TOKEN_HEADER, host.token())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(index.contains("data-testid=\"ledger-fault\""), "{index}");
    // Fixed: the same URL was never spent, and the fault clears.
    host.state.ledger.refuse_writes(false);
    assert_eq!(load(&url).await.0, 200);
    assert_eq!(load(&url).await.0, 400);
    assert!(host.state.ledger.health().fault.is_none());
    host.stop().await;
}

#[tokio::test]
async fn a_damaged_ledger_file_stops_the_host_at_start_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.sqlite");
    {
        let ledger = embed_host::ledger::Ledger::open(&path).unwrap();
        for i in 0..3000 {
            assert!(ledger.first_use(
                embed_core::Scheme::SigmaClassic,
                &format!("nonce-{i:06}-padding-padding"),
                None,
                1
            ));
        }
        ledger.flush();
    }
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8 * 4096, "{}", bytes.len());
    for b in &mut bytes[4 * 4096..6 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&path, bytes).unwrap();
    let error = match embed_host::start(embed_host::HostOptions {
        ledger: Some(path.clone()),
        ..embed_host::HostOptions::loopback(Org::demo(vec![client()]))
    })
    .await
    {
        Ok(_) => panic!("a damaged ledger started"),
        Err(e) => e,
    };
    let text = format!("{error} {}", error.fix());
    assert!(
        text.contains("integrity") || text.contains("malformed"),
        "{text}"
    );
    assert!(text.contains("l.sqlite"), "{text}");
}

#[tokio::test]
async fn a_ledger_truncated_or_deleted_while_running_keeps_every_spent_nonce() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.sqlite");
    let first = host_with(Org::demo(vec![client()]), Some(path.clone())).await;
    let addr = first.addr;
    let a = sign_classic(&classic(&first.origin()));
    let b = sign_classic(&classic(&first.origin()));
    let c = sign_classic(&classic(&first.origin()));
    assert_eq!(load(&a).await.0, 200);
    std::fs::File::create(&path).unwrap(); // truncated to 0 bytes
    assert_eq!(load(&b).await.0, 200);
    assert_eq!(
        load(&a).await.0,
        400,
        "a spent URL came back after truncation"
    );
    std::fs::remove_file(&path).unwrap();
    assert_eq!(load(&c).await.0, 200);
    let health = first.state.ledger.health();
    assert_eq!(health.repairs.len(), 2, "{health:?}");
    first.stop().await;
    let second = embed_host::start(embed_host::HostOptions {
        addr,
        ledger: Some(path),
        ..embed_host::HostOptions::loopback(Org::demo(vec![client()]))
    })
    .await
    .unwrap();
    for url in [&a, &b, &c] {
        assert_eq!(load(url).await.0, 400, "lost after a restart");
    }
    second.stop().await;
}

#[tokio::test]
async fn a_per_request_time_offset_judges_that_load_only_and_needs_the_token() {
    let host = host().await;
    let client = reqwest::Client::new();
    let url = sign_classic(&classic(&host.origin()));
    let later = |token: &str| {
        client
            .get(&url)
            .header(TOKEN_HEADER, token.to_owned())
            .header("x-embed-sandbox-time-offset", "100000")
    };
    let wrong = later("wrong").send().await.unwrap();
    assert_eq!(wrong.status().as_u16(), 403);
    let response = later(host.token()).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(
        response.headers()[VERDICT].to_str().unwrap(),
        "refused; reason=expired"
    );
    // Nobody else moved: the host's clock, and a fresh URL, as before.
    assert_eq!(host.state.clock.offset(), 0);
    assert_eq!(load(&sign_classic(&classic(&host.origin()))).await.0, 200);
    host.stop().await;
}

#[tokio::test]
async fn a_lent_clock_comes_back_by_itself() {
    let host = host().await;
    let client = reqwest::Client::new();
    let set = client
        .post(format!(
            "{}/__sandbox/clock?offset=100000&for=1",
            host.origin()
        ))
        .header(TOKEN_HEADER, host.token())
        .send()
        .await
        .unwrap();
    assert_eq!(set.status().as_u16(), 200);
    assert_eq!(host.state.clock.offset(), 100_000);
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(host.state.clock.offset(), 0);
    assert_eq!(load(&sign_classic(&classic(&host.origin()))).await.0, 200);
    host.stop().await;
}

#[tokio::test]
async fn a_silent_connection_is_closed_after_the_header_timeout() {
    use tokio::io::AsyncReadExt;
    let host = host().await;
    let mut silent = tokio::net::TcpStream::connect(host.addr).await.unwrap();
    let started = std::time::Instant::now();
    let mut buf = [0u8; 64];
    // Whatever it writes first (nothing, or a 408), the host closes it.
    let closed = tokio::time::timeout(
        embed_host::connections::HEADER_TIMEOUT + Duration::from_secs(5),
        async {
            while let Ok(n) = silent.read(&mut buf).await {
                if n == 0 {
                    break;
                }
            }
        },
    )
    .await;
    assert!(closed.is_ok(), "the host kept a silent connection open");
    assert!(started.elapsed() >= embed_host::connections::HEADER_TIMEOUT - Duration::from_secs(1));
    host.stop().await;
}
