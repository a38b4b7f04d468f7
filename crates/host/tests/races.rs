//! Bounded race and malformed-input harnesses over real HTTP on loopback,
//! run in CI on every change: rounds of 64 simultaneous loads of one URL
//! (every scheme, memory and file ledgers) each accept exactly once; a
//! stream of malformed raw requests never gets a 5xx or stops the host.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::*;
use embed_host::Org;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const ROUNDS: usize = 6;
const RACERS: usize = 64;

async fn race(url: String) -> Vec<u16> {
    let client = reqwest::Client::new();
    let loads: Vec<_> = (0..RACERS)
        .map(|_| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move { client.get(&url).send().await.unwrap().status().as_u16() })
        })
        .collect();
    let mut statuses = Vec::with_capacity(RACERS);
    for load in loads {
        statuses.push(load.await.unwrap());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_race_of_sixty_four_loads_accepts_exactly_once_with_either_ledger() {
    let dir = tempfile::tempdir().unwrap();
    for ledger in [None, Some(dir.path().join("races.sqlite"))] {
        let host = host_with(Org::demo(vec![client()]), ledger.clone()).await;
        for round in 0..ROUNDS {
            let origin = host.origin();
            let url = match round % 3 {
                0 => sign_classic(&classic(&origin)),
                1 => sign_jwt(&jwt(&origin)),
                _ => sign_boldbi(&boldbi(&origin)),
            };
            let statuses = race(url).await;
            let accepted = statuses.iter().filter(|s| **s == 200).count();
            assert_eq!(
                accepted, 1,
                "round {round}, ledger {ledger:?}: {statuses:?}"
            );
            assert!(
                statuses.iter().all(|s| *s == 200 || *s == 400),
                "{statuses:?}"
            );
        }
        host.stop().await;
    }
}

/// Request heads a careless or hostile client sends.
fn malformed(i: usize) -> Vec<u8> {
    let targets = [
        "/embed/1-x?:nonce=%zz&:signature=%",
        "/embed/%00%ff?%%%",
        "/bi/site/s/dashboards/d?embed_nonce=&embed_nonce=&embed_signature=+++",
        "/login/embed/%2fembed%2f?nonce=%22",
        "/acme/workbook/x?:jwt=eyJ.eyJ.",
        "/__sandbox/clock?offset=notanumber",
        "/__sandbox/events",
        "//..//..//etc/passwd",
    ];
    let target = targets[i % targets.len()];
    let raw: Vec<u8> = match i % 6 {
        0 => format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").into_bytes(),
        1 => format!("GET {} HTTP/1.1\r\n\r\n", target.repeat(200)).into_bytes(),
        2 => b"\xff\xfe\x00GARBAGE\r\n\r\n".to_vec(),
        3 => format!("POST {target} HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nabc").into_bytes(),
        4 => format!("GET {target} HTTP/1.1\r\nHost: evil.example\r\nx-embed-sandbox-time-offset: 99\r\n\r\n").into_bytes(),
        _ => format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{}\r\n\r\n", "X-Long: aaaaaaaa\r\n".repeat(300)).into_bytes(),
    };
    raw
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_never_get_a_5xx_and_the_host_keeps_serving() {
    let host = host().await;
    for i in 0..240 {
        let mut stream = tokio::net::TcpStream::connect(host.addr).await.unwrap();
        let _ = stream.write_all(&malformed(i)).await;
        let _ = stream.shutdown().await;
        let mut answer = Vec::new();
        let read =
            tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "request {i} hung");
        let head = String::from_utf8_lossy(&answer);
        if let Some(status) = head.split(' ').nth(1).and_then(|s| s.parse::<u16>().ok()) {
            assert!(
                status < 500,
                "request {i}: {}",
                head.lines().next().unwrap_or("")
            );
        }
    }
    let url = sign_classic(&classic(&host.origin()));
    assert_eq!(get(&url).await.0, 200);
    host.stop().await;
}
