//! Whether a URL's server can be reached at all, asked without spending it.
//!
//! A preview of a real vendor that cannot load shows a blank page and the
//! parent page cannot tell why. The app asks the URL's origin root (`/`,
//! never the signed path and query, so no nonce is spent) and classifies the
//! failure: the name does not resolve, nothing accepts connections, no answer
//! in time, TLS failed, or the server answered with a status.

use std::time::Duration;

use embed_core::url_status::Reachability;

use crate::error::origin_of;

/// Asks `url`'s origin root with `client`; `timeout` bounds the whole probe.
pub async fn probe(client: &reqwest::Client, url: &str, timeout: Duration) -> Reachability {
    let origin = origin_of(url);
    let host = origin
        .split_once("://")
        .map_or(origin.as_str(), |(_, h)| h)
        .to_owned();
    let request = client.get(format!("{origin}/")).timeout(timeout).send();
    match request.await {
        Ok(response) => Reachability::Reached {
            status: response.status().as_u16(),
        },
        Err(e) => classify(e, host, timeout),
    }
}

/// Names a failed request's cause from the error and its sources.
fn classify(error: reqwest::Error, host: String, timeout: Duration) -> Reachability {
    if error.is_timeout() {
        return Reachability::Timeout {
            host,
            seconds: timeout.as_secs(),
        };
    }
    let mut chain = Vec::new();
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::ConnectionReset
            ) {
                return Reachability::Refused { host };
            }
        }
        chain.push(e.to_string());
        source = e.source();
    }
    let text = chain.join(": ").to_lowercase();
    if text.contains("dns")
        || text.contains("failed to lookup")
        || text.contains("name or service not known")
    {
        return Reachability::Dns {
            host: host
                .rsplit_once(':')
                .map_or(host.clone(), |(h, _)| h.to_owned()),
        };
    }
    if text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
        return Reachability::Tls {
            host,
            detail: chain.last().cloned().unwrap_or_default(),
        };
    }
    if text.contains("connection refused") || text.contains("unreachable") {
        return Reachability::Refused { host };
    }
    Reachability::Other {
        host,
        detail: error.without_url().to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn client() -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn a_closed_port_is_refused_and_never_sees_the_signed_query() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let url = format!("http://127.0.0.1:{port}/embed/x?:nonce=n&:signature=s");
        let reach = probe(&client(), &url, Duration::from_secs(3)).await;
        assert_eq!(
            reach,
            Reachability::Refused {
                host: format!("127.0.0.1:{port}")
            }
        );
    }

    #[tokio::test]
    async fn a_name_that_does_not_resolve_is_a_dns_failure() {
        let reach = probe(
            &client(),
            "http://no-such-host.invalid/embed/x?:nonce=n",
            Duration::from_secs(5),
        )
        .await;
        assert!(matches!(reach, Reachability::Dns { .. }), "{reach:?}");
    }

    #[tokio::test]
    async fn a_listening_server_is_reached_at_its_root_only() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buffer = [0u8; 1024];
            let n = socket.read(&mut buffer).await.unwrap();
            socket
                .write_all(
                    b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                )
                .await
                .unwrap();
            String::from_utf8_lossy(&buffer[..n]).into_owned()
        });
        let url = format!("http://{addr}/embed/x?:nonce=secret-nonce&:signature=s");
        let reach = probe(&client(), &url, Duration::from_secs(3)).await;
        assert_eq!(reach, Reachability::Reached { status: 404 });
        let request = server.await.unwrap();
        assert!(request.starts_with("GET / HTTP/1.1"), "{request}");
        assert!(!request.contains("secret-nonce"));
    }
}
