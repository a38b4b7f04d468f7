//! Following a load over real HTTP on 127.0.0.1: the status belongs to the
//! URL that was loaded (the host's verdict on exactly its nonce), a refusal
//! is never shown as an acceptance, an unreachable server explains itself in
//! seconds, and the embed's own events count.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::{Duration, Instant};

use common::{host_for, now};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest};
use embed_core::url_status::{LocalCheck, Tone};
use embed_core::Secret;
use embed_host::log::EmbedEvent;
use embed_host::RunningHost;
use embed_lab::watch::LoadWatch;
use embed_lab::Loader;

const SECRET: &str = "watch-secret";

async fn host() -> RunningHost {
    host_for("watch-client", SECRET, embed_core::Policy::default()).await
}

fn signed(base: &str, nonce: &str, team: &str) -> String {
    let mut request = SigmaClassicRequest::seed_user(
        format!("{base}/embed/1-watch"),
        "watch-client",
        now(),
        nonce.to_owned(),
    );
    request.teams = vec![team.into()];
    sigma_classic::sign(&request, &Secret::new(SECRET)).unwrap()
}

/// A watch on `url`, just loaded into the host's own (same-origin) preview.
fn watch_on(host: &RunningHost, url: &str) -> LoadWatch {
    LoadWatch::start(
        url,
        LocalCheck::Passes,
        &host.state,
        &host.origin(),
        &loader(),
        now(),
    )
}

fn loader() -> Loader {
    Loader::new(Duration::from_secs(5)).unwrap()
}

#[tokio::test]
async fn the_status_is_the_hosts_verdict_on_exactly_the_loaded_url() {
    let host = host().await;
    let origin = host.origin();
    // Another URL loaded first must not be taken for this one.
    reqwest::get(signed(&origin, "other-load", "Sales_People"))
        .await
        .unwrap();
    let url = signed(&origin, "watched-load", "Vertrieb Süd");
    let watch = watch_on(&host, &url);
    assert_eq!(watch.status(&host.state, now(), None).tone, Tone::Pending);
    reqwest::get(signed(&origin, "later-other-load", "Sales_People"))
        .await
        .unwrap();
    reqwest::get(&url).await.unwrap();
    let status = watch.status(&host.state, now(), None);
    assert_eq!(status.tone, Tone::Bad, "{status:?}");
    assert!(status.pill.starts_with("Refused 403"), "{status:?}");
    assert!(status.headline.contains("do not exist"), "{status:?}");
    assert!(!status.pill.contains("Accepted") && status.spent);
    host.stop().await;
}

#[tokio::test]
async fn an_accepted_load_and_the_embeds_own_error_both_count() {
    let host = host().await;
    let origin = host.origin();
    let url = signed(&origin, "accepted-load", "Sales_People");
    let watch = watch_on(&host, &url);
    reqwest::get(&url).await.unwrap();
    let status = watch.status(&host.state, now(), None);
    assert_eq!(
        (status.tone, status.pill.as_str()),
        (Tone::Good, "Accepted 200")
    );
    host.state.events.push(EmbedEvent {
        id: 0,
        time: now(),
        origin: origin.clone(),
        data: r#"{"type":"workbook:error","code":"ETIMEDOUT","message":"Session expired. Reload the page."}"#.into(),
    });
    let status = watch.status(&host.state, now(), None);
    assert_eq!(status.tone, Tone::Bad);
    assert!(status.headline.contains("Session expired"), "{status:?}");
    host.stop().await;
}

#[tokio::test]
async fn an_unreachable_vendor_explains_itself_within_seconds() {
    let host = host().await;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = signed(
        &format!("http://127.0.0.1:{port}"),
        "unreachable-load",
        "Sales_People",
    );
    let watch = LoadWatch::start(
        &url,
        LocalCheck::Passes,
        &host.state,
        &host.origin(),
        &loader(),
        now(),
    );
    let started = Instant::now();
    let status = loop {
        let status = watch.status(&host.state, now(), None);
        if status.settled || started.elapsed() > Duration::from_secs(10) {
            break status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(status.pill, "Not loaded: no connection", "{status:?}");
    assert!(status.fix.is_some());
    assert!(started.elapsed() < Duration::from_secs(10));
    host.stop().await;
}

#[tokio::test]
async fn each_load_owns_only_the_events_posted_until_the_next_load() {
    let host = host().await;
    let origin = host.origin();
    let event = |kind: &str| EmbedEvent {
        id: 0,
        time: now(),
        origin: origin.clone(),
        data: format!(r#"{{"type":"{kind}"}}"#),
    };
    let loads = embed_lab::watch::Loads::default();
    let first = signed(&origin, "events-first", "Sales_People");
    loads.started(
        "a",
        LoadWatch::start(
            &first,
            LocalCheck::Passes,
            &host.state,
            &origin,
            &loader(),
            now(),
        ),
    );
    host.state.events.push(event("workbook:loaded"));
    let second = signed(&origin, "events-second", "Sales_People");
    loads.started(
        "b",
        LoadWatch::start(
            &second,
            LocalCheck::Passes,
            &host.state,
            &origin,
            &loader(),
            now(),
        ),
    );
    host.state.events.push(event("workbook:error"));
    let a = loads.view("a", &host.state, now()).unwrap();
    let b = loads.view("b", &host.state, now()).unwrap();
    assert_eq!(a.events.len(), 1);
    assert!(a.events[0].data.contains("workbook:loaded"));
    assert_eq!(b.events.len(), 1);
    assert!(b.events[0].data.contains("workbook:error"));
    assert!(loads.view("c", &host.state, now()).is_none());
    host.stop().await;
}

#[tokio::test]
async fn an_accepted_load_in_a_frame_the_emulation_refuses_is_not_good() {
    use embed_core::doctor::blank_frames::{other_site, BlankFrameCase};
    use embed_core::doctor::emulation::Framing;
    let host = host().await;
    let origin = host.origin();
    host.state
        .set_framing(BlankFrameCase::FrameOptionsSameorigin.apply(&Framing::default()));
    // The app's own preview (same origin) may frame a SAMEORIGIN page...
    let url = signed(&origin, "same-origin-load", "Sales_People");
    let watch = watch_on(&host, &url);
    reqwest::get(&url).await.unwrap();
    let status = watch.status(&host.state, now(), None);
    assert_eq!(
        (status.tone, status.pill.as_str()),
        (Tone::Good, "Accepted 200")
    );
    // ...a page on another site may not: accepted, and still refused.
    let url = signed(&origin, "cross-site-load", "Sales_People");
    let watch = watch_on(&host, &url).framed_by(&other_site(&origin));
    reqwest::get(&url).await.unwrap();
    let status = watch.status(&host.state, now(), None);
    assert_eq!(
        (status.tone, status.pill.as_str()),
        (Tone::Bad, "Accepted 200, frame refused"),
        "{status:?}"
    );
    assert!(status.doctor && status.headline.to_lowercase().contains("sameorigin"));
    host.stop().await;
}
