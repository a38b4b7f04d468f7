//! Over real HTTP: exactly-once under concurrency, replay after a restart,
//! HEAD does not spend, bad input gets a clear 4xx and the host keeps serving.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use embed_host::{HostError, HostOptions, Org};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_simultaneous_loads_of_one_url_succeed_exactly_once() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    let client = reqwest::Client::new();
    let loads = (0..64).map(|_| {
        let (client, url) = (client.clone(), url.clone());
        tokio::spawn(async move { client.get(&url).send().await.unwrap().status().as_u16() })
    });
    let statuses: Vec<u16> = futures_join(loads).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 400).count(),
        63,
        "{statuses:?}"
    );
    host.stop().await;
}

async fn futures_join(handles: impl Iterator<Item = tokio::task::JoinHandle<u16>>) -> Vec<u16> {
    let mut out = Vec::new();
    for handle in handles.collect::<Vec<_>>() {
        out.push(handle.await.unwrap());
    }
    out
}

/// A host on the same address as a stopped one, so its signed URLs (which
/// include host:port) are unchanged.
async fn restart(
    addr: std::net::SocketAddr,
    ledger: Option<std::path::PathBuf>,
) -> embed_host::RunningHost {
    embed_host::start(HostOptions {
        addr,
        ledger,
        ..HostOptions::loopback(Org::demo(vec![client()]))
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_replay_after_a_restart_is_still_refused_with_a_ledger_file() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("nonces.sqlite");
    let first = host_with(Org::demo(vec![client()]), Some(ledger.clone())).await;
    let addr = first.addr;
    let url = sign_classic(&classic(&first.origin()));
    assert_eq!(get(&url).await.0, 200);
    first.stop().await;
    let second = restart(addr, Some(ledger)).await;
    let (status, body) = get(&url).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("EINVAL"));
    second.stop().await;
}

#[tokio::test]
async fn without_a_ledger_file_a_restart_forgets() {
    let first = host().await;
    let addr = first.addr;
    let url = sign_classic(&classic(&first.origin()));
    assert_eq!(get(&url).await.0, 200);
    first.stop().await;
    let second = restart(addr, None).await;
    assert_eq!(get(&url).await.0, 200);
    second.stop().await;
}

#[tokio::test]
async fn a_head_request_does_not_spend_the_nonce() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    let head = reqwest::Client::new().head(&url).send().await.unwrap();
    assert_eq!(head.status().as_u16(), 405);
    assert_eq!(get(&url).await.0, 200);
    host.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_4xx_and_the_host_keeps_serving() {
    let host = host().await;
    let origin = host.origin();
    let long = format!("{origin}/embed/x?:nonce={}", "a".repeat(40 * 1024));
    let (status, body) = get(&long).await;
    assert!((400..500).contains(&status), "{status}");
    assert!(body.contains("bytes long"), "{body}");
    let (status, body) = get(&format!("{origin}/embed/x?:nonce=1&:email=a%zzb")).await;
    assert_eq!(status, 400);
    assert!(body.contains("invalid percent escape"), "{body}");
    let (status, body) = get(&format!("{origin}/embed/x?:nonce=1&:email=%C3%28")).await;
    assert_eq!(status, 400);
    assert!(body.contains("not UTF-8"), "{body}");
    let (status, body) = get(&format!(
        "{origin}/acme/workbook/w?:jwt=not.a.jwt&:embed=true"
    ))
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("not a JWT"), "{body}");
    let dup = sign_classic(&classic(&origin))
        .replace("&:mode=userbacked", "&:mode=userbacked&:mode=userbacked");
    let (status, _) = get(&dup).await;
    assert_eq!(
        status, 403,
        "a duplicated parameter changes the signed bytes"
    );
    let status = raw_get(
        host.addr,
        &format!("/embed/x?:nonce={}", "a".repeat(100 * 1024)),
    )
    .await;
    assert!(
        (400..500).contains(&status),
        "a 100 KB URL gets a 4xx, got {status}"
    );
    let valid = sign_classic(&classic(&origin));
    assert_eq!(get(&valid).await.0, 200, "the host still serves");
    host.stop().await;
}

/// A GET over a bare socket (HTTP clients refuse URLs this long to begin with).
async fn raw_get(addr: std::net::SocketAddr, target: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    // The server may answer and close before reading everything.
    let _ = stream.write_all(request.as_bytes()).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let text = String::from_utf8_lossy(&response);
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_flood_of_distinct_invalid_urls_leaves_memory_bounded() {
    let host = host().await;
    let client = reqwest::Client::new();
    for i in 0..1500 {
        let url = format!(
            "{}/embed/x?:nonce=n{i}&:client_id={CLIENT}&:signature=00",
            host.origin()
        );
        let status = client.get(&url).send().await.unwrap().status().as_u16();
        assert!((400..500).contains(&status));
    }
    assert!(
        host.state.ledger.is_empty(),
        "invalid URLs never reach the ledger"
    );
    assert_eq!(host.state.log.since(0).len(), embed_host::log::CAPACITY);
    assert_eq!(get(&sign_classic(&classic(&host.origin()))).await.0, 200);
    host.stop().await;
}

#[tokio::test]
async fn a_port_in_use_is_a_clear_error_naming_the_port() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let result = embed_host::start(HostOptions {
        addr,
        ..HostOptions::loopback(Org::demo(vec![client()]))
    })
    .await;
    match result {
        Err(e @ HostError::Bind { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains(&addr.port().to_string()) && text.contains("already in use"),
                "{text}"
            );
            assert!(e.fix().contains("port 0"));
        }
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("bound a port that is in use"),
    }
}
