//! The local host answers only its own pages and its own tools.
//!
//! Listening on `127.0.0.1` keeps other machines out, not other web pages:
//! any site the user visits can send requests to the host, and with DNS
//! rebinding (a hostile name re-pointed at 127.0.0.1) read the answers. This
//! is the bug class of Vite's CVE-2025-24010, and the answer is the same:
//!
//! - **Host allowlist.** A request whose `Host` is not an address the host was
//!   started on (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`, the bound
//!   IP) or a name given with `--allowed-host` gets 421 and one line saying
//!   why. Every route, vendor routes included: a rebinding page must not even
//!   spend a nonce.
//! - **Tools need the per-run token.** The index, the request and event logs,
//!   the event relay and the clock answer only to a request carrying the
//!   token (header [`TOKEN_HEADER`] or `?token=`), compared in constant time,
//!   and never to one whose `Origin` is another site. The app holds the token
//!   in-process; the host's own pages get it in their URL's fragment, which
//!   is never sent over the network nor readable by a framed embed.
//! - **Vendor routes stay open to any origin**, as the real vendors' are: a
//!   customer's page must be able to frame them. No response carries CORS
//!   headers, so no other origin can read a tool's answer.
//!
//! What it leaves out: processes on this machine are trusted (they can read
//! the app's memory anyway), so the token is a capability, not a secret
//! vendor credential.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

/// The header tools send the per-run token in.
pub const TOKEN_HEADER: &str = "x-embed-sandbox-token";

/// Who may talk to the host: the names it answers to and the tools' token.
#[derive(Debug, Clone)]
pub struct Guard {
    /// `host[:port]` values accepted in the `Host` header, lower-case.
    hosts: Vec<String>,
    /// Names accepted with any port (`--allowed-host NAME` without a port).
    any_port_names: Vec<String>,
    /// The per-run token for the tool endpoints.
    token: String,
}

impl Guard {
    /// The guard for a host bound on `addr`, with extra `allowed` names
    /// (`name` for any port, `name:port` for one) and the tools' `token`.
    pub fn new(addr: SocketAddr, allowed: &[String], token: String) -> Self {
        let port = addr.port();
        let mut hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        let bound = match addr.ip() {
            IpAddr::V4(ip) => format!("{ip}:{port}"),
            IpAddr::V6(ip) => format!("[{ip}]:{port}"),
        };
        if !addr.ip().is_unspecified() && !hosts.contains(&bound) {
            hosts.push(bound);
        }
        let mut any_port_names = Vec::new();
        for name in allowed {
            let name = name.trim().to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            match split_port(&name) {
                (_, Some(_)) => hosts.push(name),
                (bare, None) => any_port_names.push(bare.to_owned()),
            }
        }
        Guard {
            hosts,
            any_port_names,
            token,
        }
    }

    /// The tools' token.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Whether a `Host` header value names this host. A request with no
    /// `Host` at all (HTTP/1.0; no browser sends one) is let through.
    pub fn host_allowed(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return true };
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = split_port(&host);
        let with_port = match port {
            Some(_) => host.clone(),
            None => format!("{name}:80"),
        };
        self.hosts.contains(&with_port) || self.any_port_names.iter().any(|n| n == name)
    }

    /// Whether an `Origin` header value is one of this host's own origins
    /// (`http://` + an allowed host).
    pub fn own_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|host| !host.contains('/') && self.host_allowed(Some(host)))
    }

    /// Whether `given` is the token (constant time).
    pub fn token_matches(&self, given: &str) -> bool {
        given.as_bytes().ct_eq(self.token.as_bytes()).into()
    }
}

/// Splits `name:port` (or `[v6]:port`) into the name and the port, if any.
fn split_port(host: &str) -> (&str, Option<&str>) {
    if host.starts_with('[') {
        return match host.find("]:") {
            Some(end) => (&host[..=end], Some(&host[end + 2..])),
            None => (host, None),
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') => (name, Some(port)),
        _ => (host, None),
    }
}

/// Whether `origin` (`http://host:port`) is on this machine (127.0.0.0/8,
/// `localhost`, `[::1]`): where a tool may send the host's token.
pub fn is_loopback_origin(origin: &str) -> bool {
    let host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .unwrap_or_default();
    match split_port(host).0 {
        "localhost" | "[::1]" => true,
        name => name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback()),
    }
}

/// A fresh per-run token: 244 random bits as 64 hex characters.
pub fn fresh_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Whether `path` is a tool endpoint (token and own origin required).
fn is_tool(path: &str) -> bool {
    path == "/"
        || path == "/__sandbox/log"
        || path == "/__sandbox/log/stream"
        || path == "/__sandbox/events"
        || path == "/__sandbox/clock"
}

/// The token a request carries, from the header or the `token` query parameter.
fn carried_token<'a>(headers: &'a HeaderMap, query: Option<&'a str>) -> Option<&'a str> {
    if let Some(value) = headers.get(TOKEN_HEADER).and_then(|v| v.to_str().ok()) {
        return Some(value);
    }
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
}

fn refuse(status: StatusCode, line: String) -> Response {
    (status, [("cache-control", "no-store")], line + "\n").into_response()
}

/// The middleware: Host allowlist on every route; token and own origin on
/// the tools.
pub async fn check(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    let guard = guard.as_ref();
    let headers = request.headers();
    let host = headers.get(HOST).map(|h| h.to_str().unwrap_or("\u{fffd}"));
    if !guard.host_allowed(host) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "Embed Sandbox local host: refused a request for host {:?}: it answers only to {} (a guard against DNS rebinding). To expose it under another name, start it with --allowed-host NAME.",
                host.unwrap_or_default().chars().take(100).collect::<String>(),
                guard.hosts.join(", ")
            ),
        );
    }
    if !is_tool(request.uri().path()) {
        return next.run(request).await;
    }
    let origin = headers.get(ORIGIN).map(|o| o.to_str().unwrap_or("null"));
    if let Some(origin) = origin.filter(|o| !guard.own_origin(o)) {
        return refuse(
            StatusCode::FORBIDDEN,
            format!(
                "Embed Sandbox local host: refused a tool request from another site ({:?}); only the app and the host's own pages may use its tools.",
                origin.chars().take(100).collect::<String>()
            ),
        );
    }
    let token_ok =
        carried_token(headers, request.uri().query()).is_some_and(|t| guard.token_matches(t));
    if !token_ok {
        return refuse(
            StatusCode::FORBIDDEN,
            "Embed Sandbox local host: this tool needs the host's per-run token (header x-embed-sandbox-token, or ?token=). Open the address `embed-sandbox serve` printed, or use the app.".to_owned(),
        );
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(allowed: &[&str]) -> Guard {
        let allowed: Vec<String> = allowed.iter().map(|s| (*s).to_owned()).collect();
        Guard::new(
            SocketAddr::from(([127, 0, 0, 1], 4321)),
            &allowed,
            "t0ken".into(),
        )
    }

    #[test]
    fn the_host_answers_to_its_loopback_names_on_its_port_only() {
        let g = guard(&[]);
        for ok in [
            "127.0.0.1:4321",
            "localhost:4321",
            "LOCALHOST:4321",
            "[::1]:4321",
        ] {
            assert!(g.host_allowed(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example:4321",
            "127.0.0.1:80",
            "127.0.0.1",
            "localhost.evil.example:4321",
            "",
            "[::1]",
        ] {
            assert!(!g.host_allowed(Some(bad)), "{bad}");
        }
        assert!(g.host_allowed(None));
    }

    #[test]
    fn allowed_hosts_match_by_name_or_by_name_and_port() {
        let g = guard(&["ci-box", "proxy.example:8443"]);
        assert!(g.host_allowed(Some("ci-box:4321")));
        assert!(g.host_allowed(Some("ci-box")));
        assert!(g.host_allowed(Some("proxy.example:8443")));
        assert!(!g.host_allowed(Some("proxy.example:4321")));
    }

    #[test]
    fn own_origins_are_http_urls_of_allowed_hosts() {
        let g = guard(&[]);
        assert!(g.own_origin("http://127.0.0.1:4321"));
        assert!(g.own_origin("http://localhost:4321"));
        assert!(!g.own_origin("http://evil.example"));
        assert!(!g.own_origin("http://127.0.0.1:4322"));
        assert!(!g.own_origin("null"));
        assert!(!g.own_origin("http://127.0.0.1:4321/x"));
    }

    #[test]
    fn the_token_comes_from_the_header_or_the_query() {
        let mut headers = HeaderMap::new();
        assert_eq!(carried_token(&headers, Some("a=1&token=abc")), Some("abc"));
        assert_eq!(carried_token(&headers, Some("a=1")), None);
        headers.insert(TOKEN_HEADER, "xyz".parse().unwrap());
        assert_eq!(carried_token(&headers, None), Some("xyz"));
        let g = guard(&[]);
        assert!(g.token_matches("t0ken"));
        assert!(!g.token_matches("t0ke"));
        assert!(!g.token_matches(""));
    }

    #[test]
    fn the_token_goes_to_hosts_on_this_machine_only() {
        assert!(is_loopback_origin("http://127.0.0.1:4000"));
        assert!(is_loopback_origin("http://127.8.0.1:4000"));
        assert!(is_loopback_origin("http://localhost:4000"));
        assert!(is_loopback_origin("http://[::1]:4000"));
        assert!(!is_loopback_origin("https://app.sigmacomputing.com"));
        assert!(!is_loopback_origin("http://127.0.0.1.evil.example:80"));
        assert!(!is_loopback_origin("http://localhost.evil.example"));
    }

    #[test]
    fn fresh_tokens_are_long_and_differ() {
        let (a, b) = (fresh_token(), fresh_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
