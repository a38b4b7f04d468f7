//! Over real HTTP: the local host answers only its own pages. Requests for
//! another Host name (DNS rebinding), tool requests from another site or
//! without the per-run token are refused and change nothing; vendor routes
//! stay open to any origin; malformed requests to every route get no 5xx.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::net::SocketAddr;

use common::*;
use embed_host::{HostOptions, Org};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends `head` (request line and headers, without the final blank line)
/// and `body` over a bare socket; returns the status (0: no answer) and text.
async fn raw(addr: SocketAddr, head: &[u8], body: &[u8]) -> (u16, String) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut request = head.to_vec();
    request.extend_from_slice(
        format!(
            "\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    request.extend_from_slice(body);
    // The server may answer and close before reading everything.
    let _ = stream.write_all(&request).await;
    let mut response = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let read =
            tokio::time::timeout(std::time::Duration::from_secs(5), stream.read(&mut chunk)).await;
        match read {
            Ok(Ok(0) | Err(_)) => break,
            Ok(Ok(n)) => {
                response.extend_from_slice(&chunk[..n]);
                let seen = String::from_utf8_lossy(&response);
                // A live log stream never ends: its headers are the answer.
                if seen.contains("text/event-stream") && seen.contains("\r\n\r\n") {
                    break;
                }
            }
            Err(_) => panic!(
                "no answer within 5 s to {:?}",
                String::from_utf8_lossy(head)
            ),
        }
    }
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

async fn request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
) -> (u16, String) {
    let mut head = format!("{method} {target} HTTP/1.1");
    for (name, value) in headers {
        head.push_str(&format!("\r\n{name}: {value}"));
    }
    raw(addr, head.as_bytes(), b"").await
}

#[tokio::test]
async fn a_request_for_another_host_name_is_refused_with_421_and_reveals_nothing() {
    let host = host().await;
    let evil = format!("evil.example:{}", host.addr.port());
    for target in [
        "/",
        "/__sandbox/log",
        "/__sandbox/clock",
        "/embed/1-demo?:nonce=x",
    ] {
        let (status, body) = request(host.addr, "GET", target, &[("Host", &evil)]).await;
        assert_eq!(status, 421, "{target}: {body}");
        assert!(
            body.contains("DNS rebinding") && body.contains("--allowed-host"),
            "{body}"
        );
        assert!(!body.contains(CLIENT), "{body}");
    }
    let (status, _) = request(
        host.addr,
        "POST",
        &format!("/__sandbox/clock?offset=99999&token={}", host.token()),
        &[("Host", &evil)],
    )
    .await;
    assert_eq!(status, 421);
    assert_eq!(host.state.clock.offset(), 0);
    host.stop().await;
}

#[tokio::test]
async fn the_loopback_names_and_allowed_hosts_are_answered() {
    let host = embed_host::start(HostOptions {
        allowed_hosts: vec!["ci-box".into()],
        ..HostOptions::loopback(Org::demo(vec![client()]))
    })
    .await
    .unwrap();
    let port = host.addr.port();
    let token = format!("/?token={}", host.token());
    for name in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("ci-box:{port}"),
    ] {
        let (status, body) = request(host.addr, "GET", &token, &[("Host", &name)]).await;
        assert_eq!(status, 200, "{name}: {body}");
    }
    host.stop().await;
}

#[tokio::test]
async fn a_url_signed_for_localhost_verifies_through_localhost() {
    let host = host().await;
    let origin = format!("http://localhost:{}", host.addr.port());
    let url = sign_classic(&classic(&origin));
    let target = url.strip_prefix(&origin).unwrap();
    let (status, body) = request(
        host.addr,
        "GET",
        target,
        &[("Host", &format!("localhost:{}", host.addr.port()))],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    host.stop().await;
}

#[tokio::test]
async fn the_clock_moves_only_for_the_token_and_never_from_another_site() {
    let host = host().await;
    let here = host.addr.to_string();
    let with_token = format!("/__sandbox/clock?offset=99999&token={}", host.token());
    let cases: [(&str, Vec<(&str, &str)>); 4] = [
        ("/__sandbox/clock?offset=99999", vec![("Host", &here)]),
        (
            &with_token,
            vec![("Host", &here), ("Origin", "http://evil.example")],
        ),
        (&with_token, vec![("Host", &here), ("Origin", "null")]),
        (
            "/__sandbox/clock?offset=99999&token=wrong",
            vec![("Host", &here)],
        ),
    ];
    for (target, headers) in &cases {
        let (status, body) = request(host.addr, "POST", target, headers).await;
        assert_eq!(status, 403, "{target} {headers:?}: {body}");
        assert!(!body.contains(host.token()));
    }
    assert_eq!(
        host.state.clock.offset(),
        0,
        "a refused request moved the clock"
    );
    let own = format!("http://{here}");
    let (status, body) = request(
        host.addr,
        "POST",
        "/__sandbox/clock?offset=120",
        &[
            ("Host", &here),
            ("Origin", &own),
            (TOKEN_HEADER, host.token()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(host.state.clock.offset(), 120);
    host.stop().await;
}

#[tokio::test]
async fn logs_and_the_index_need_the_token() {
    let host = host().await;
    get(&sign_classic(&classic(&host.origin()))).await;
    for path in [
        "/",
        "/__sandbox/log",
        "/__sandbox/log/stream",
        "/__sandbox/events",
    ] {
        let (status, body) = get(&format!("{}{path}", host.origin())).await;
        assert_eq!(status, 403, "{path}: {body}");
        assert!(body.contains("token") && !body.contains(CLIENT), "{body}");
    }
    let (status, body) = get(&format!("{}/?token={}", host.origin(), host.token())).await;
    assert_eq!(status, 200);
    assert!(body.contains(CLIENT));
    host.stop().await;
}

#[tokio::test]
async fn the_event_relay_refuses_injected_events() {
    let host = host().await;
    let here = host.addr.to_string();
    let relay = "/__sandbox/events";
    let event = br#"{"origin":"http://evil.example","data":{"type":"workbook:loaded"}}"#;
    for headers in [
        format!("POST {relay} HTTP/1.1\r\nHost: {here}\r\nContent-Type: application/json"),
        format!("POST {relay} HTTP/1.1\r\nHost: {here}\r\nContent-Type: application/json\r\nOrigin: http://evil.example\r\n{TOKEN_HEADER}: {}", host.token()),
        format!("POST {relay} HTTP/1.1\r\nHost: evil.example:{}\r\nContent-Type: application/json\r\n{TOKEN_HEADER}: {}", host.addr.port(), host.token()),
    ] {
        let (status, _) = raw(host.addr, headers.as_bytes(), event).await;
        assert!(status == 403 || status == 421, "{headers}: {status}");
    }
    assert!(
        host.state.events.since(0).is_empty(),
        "an injected event was recorded"
    );
    host.stop().await;
}

#[tokio::test]
async fn vendor_routes_stay_open_to_any_origin_and_nothing_sends_cors_headers() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    let response = reqwest::Client::new()
        .get(&url)
        .header("Origin", "https://customer.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    let tool = reqwest::Client::new()
        .get(format!(
            "{}/__sandbox/log?token={}",
            host.origin(),
            host.token()
        ))
        .send()
        .await
        .unwrap();
    assert!(tool.headers().get("access-control-allow-origin").is_none());
    host.stop().await;
}

#[tokio::test]
async fn the_pages_that_relay_events_cannot_be_framed_by_another_site() {
    let host = host().await;
    for path in [
        "/__sandbox/parent?src=https%3A%2F%2Fexample.com%2F",
        "/__sandbox/compare?a=https%3A%2F%2Fexample.com%2F&b=https%3A%2F%2Fexample.com%2F",
    ] {
        let response = reqwest::get(format!("{}{path}", host.origin()))
            .await
            .unwrap();
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        let body = response.text().await.unwrap();
        assert!(
            !body.contains(host.token()),
            "{path} carries the token itself"
        );
    }
    host.stop().await;
}

/// A small deterministic generator (xorshift64*), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let len = (self.next() % (max as u64 + 1)) as usize;
        (0..len).map(|_| (self.next() & 0xff) as u8).collect()
    }
}

#[tokio::test]
async fn malformed_paths_headers_and_bodies_on_every_route_get_no_5xx() {
    let host = host().await;
    let here = host.addr.to_string();
    let token = host.token().to_owned();
    let origin = host.origin();
    let signed = sign_classic(&classic(&origin));
    let routes = [
        "/".to_owned(),
        signed.strip_prefix(&origin).unwrap().to_owned(),
        "/embed/1-demo/tag/x?:nonce=%ZZ".into(),
        "/acme/workbook/Sales-1a2b?:jwt=a.b.c&:embed=true".into(),
        "/bi/site/site1/dashboards/d-1/Sales/Overview?embed_nonce=%&embed_signature=+".into(),
        "/bi/site/site1/dashboard-designer".into(),
        "/__sandbox/parent?src=".into(),
        "/__sandbox/compare?a=%00&b=".into(),
        "/__sandbox/probe".into(),
        "/__sandbox/log?since=-1".into(),
        "/__sandbox/log/stream?since=x".into(),
        "/__sandbox/events?since=99999999999999999999999".into(),
        "/__sandbox/clock?offset=9223372036854775807".into(),
        "/__sandbox/health".into(),
        "/__sandbox/assets/0.0.0/../../etc/passwd".into(),
        "/%2e%2e/%2e%2e".into(),
    ];
    let methods = [
        "GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH", "BREW",
    ];
    let hosts = [
        here.clone(),
        format!("localhost:{}", host.addr.port()),
        "evil.example".into(),
        String::new(),
        "\u{7f}".into(),
    ];
    let own_origin = format!("http://{here}");
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for round in 0..400 {
        let mut target = rng.pick(&routes).clone();
        match rng.next() % 5 {
            0 => target.push_str(&"%".repeat((rng.next() % 50) as usize)),
            1 => target.push_str(&format!("&token={token}")),
            2 => target.push_str("?token=&token=&:nonce=\u{fffd}"),
            3 => target = target.replace('/', "//"),
            _ => {}
        }
        let mut head = format!("{} {target} HTTP/1.1", rng.pick(&methods)).into_bytes();
        let host_name = rng.pick(&hosts).clone();
        if !host_name.is_empty() {
            head.extend_from_slice(format!("\r\nHost: {host_name}").as_bytes());
        }
        if rng.next() % 2 == 0 {
            head.extend_from_slice(format!("\r\n{TOKEN_HEADER}: ").as_bytes());
            if rng.next() % 2 == 0 {
                head.extend_from_slice(token.as_bytes());
            } else {
                head.extend_from_slice(
                    &rng.bytes(40)
                        .into_iter()
                        .filter(|b| *b >= 0x20 && *b != 0x7f)
                        .collect::<Vec<_>>(),
                );
            }
        }
        if rng.next() % 3 == 0 {
            head.extend_from_slice(b"\r\nOrigin: ");
            let origins: [&[u8]; 4] = [
                b"http://evil.example".as_slice(),
                b"null",
                b"\xff\xfe",
                own_origin.as_bytes(),
            ];
            let origin: &&[u8] = rng.pick(&origins);
            head.extend_from_slice(origin);
        }
        if rng.next() % 2 == 0 {
            let content_types: [&[u8]; 3] = [
                b"\r\nContent-Type: application/json".as_slice(),
                b"\r\nContent-Type: text/plain",
                b"\r\nContent-Type: \xc3\x28",
            ];
            let content_type: &&[u8] = rng.pick(&content_types);
            head.extend_from_slice(content_type);
        }
        let body = match rng.next() % 4 {
            0 => br#"{"origin":"x","data":{"type":"workbook:loaded"}}"#.to_vec(),
            1 => rng.bytes(300),
            2 => b"{\"origin\":1,\"data\":".to_vec(),
            _ => Vec::new(),
        };
        let (status, text) = raw(host.addr, &head, &body).await;
        assert!(
            status != 0 && status < 500,
            "round {round}: {} answered {status}: {}",
            String::from_utf8_lossy(&head),
            text.lines().next().unwrap_or("")
        );
    }
    // Still serving, and nothing from another site changed the clock.
    assert_eq!(get(&sign_classic(&classic(&origin))).await.0, 200);
    host.stop().await;
}
