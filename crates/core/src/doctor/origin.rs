//! Origins and sites as browsers compare them: the origin (scheme, host,
//! port) decides `X-Frame-Options: SAMEORIGIN` and `'self'`; the site
//! (scheme and registrable domain) decides whether a frame is third-party
//! for cookies. The registrable domain is approximated by the last two
//! labels (the last three under a two-letter country code's `co.`/`com.`
//! style second level), without the Public Suffix List: the report says so
//! where it matters.

use std::fmt;

/// `scheme://host[:port]`, lower-cased, with the default port made explicit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `http` or `https`.
    pub scheme: String,
    /// The host name or IP literal (IPv6 in brackets).
    pub host: String,
    /// The port (80 or 443 when the URL gave none).
    pub port: u16,
}

impl Origin {
    /// The origin of `url` (an absolute `http(s)` URL), or why not.
    pub fn of(url: &str) -> Result<Origin, String> {
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            format!(
                "{:?} is not an absolute URL (http://… or https://…)",
                preview(url)
            )
        })?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            other => return Err(format!("the scheme {other:?} is not http or https")),
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
        let (host, port) = split_port(authority)?;
        if host.is_empty() {
            return Err(format!("{:?} has no host", preview(url)));
        }
        Ok(Origin {
            scheme,
            host: host.to_ascii_lowercase(),
            port: port.unwrap_or(default_port),
        })
    }

    /// Whether the host is this machine (`localhost`, `127.0.0.0/8`, `[::1]`).
    pub fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self.host.ends_with(".localhost")
            || self.host.starts_with("127.")
            || self.host == "[::1]"
    }

    /// Whether browsers treat it as a secure context (https, or loopback).
    pub fn is_trustworthy(&self) -> bool {
        self.scheme == "https" || self.is_loopback()
    }

    /// The registrable domain, approximately (see the module's note); the
    /// host itself for IP literals and `localhost`.
    pub fn registrable_domain(&self) -> String {
        let host = self.host.trim_end_matches('.');
        let is_ip = host.starts_with('[') || host.chars().all(|c| c.is_ascii_digit() || c == '.');
        if is_ip || !host.contains('.') {
            return host.to_owned();
        }
        let labels: Vec<&str> = host.split('.').collect();
        let n = labels.len();
        let country_second_level = n >= 3
            && labels[n - 1].len() == 2
            && matches!(
                labels[n - 2],
                "co" | "com" | "org" | "net" | "ac" | "gov" | "edu"
            );
        let keep = if country_second_level { 3 } else { 2 };
        labels[n.saturating_sub(keep)..].join(".")
    }

    /// Whether `self` and `other` are the same site (schemeful, as Chrome
    /// compares for `SameSite`).
    pub fn same_site(&self, other: &Origin) -> bool {
        self.scheme == other.scheme && self.registrable_domain() == other.registrable_domain()
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let default = matches!(
            (self.scheme.as_str(), self.port),
            ("http", 80) | ("https", 443)
        );
        if default {
            write!(f, "{}://{}", self.scheme, self.host)
        } else {
            write!(f, "{}://{}:{}", self.scheme, self.host, self.port)
        }
    }
}

/// The path of absolute `url`, without query or fragment (`/` when it has
/// none).
pub fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    rest.find('/').map_or("/", |at| &rest[at..])
}

/// The start of `text`, for messages (a pasted URL may be long or hostile).
fn preview(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// `host[:port]` (IPv6 in brackets) into its parts.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let (host, port) = if let Some(end) = authority.find(']') {
        let (host, rest) = authority.split_at(end + 1);
        (host, rest.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None | Some("") => None,
        Some(p) => Some(
            p.parse::<u16>()
                .map_err(|_| format!("the port {p:?} is not a number from 0 to 65535"))?,
        ),
    };
    Ok((host, port))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_path_drops_query_and_fragment() {
        assert_eq!(path_of("https://h:8/embed/x?:nonce=1#f"), "/embed/x");
        assert_eq!(path_of("https://h?a"), "/");
        assert_eq!(path_of("https://h?next=/x"), "/");
        assert_eq!(path_of("http://h/"), "/");
    }

    #[test]
    fn origins_compare_as_browsers_do() {
        let a = Origin::of("HTTPS://App.Example.com/x?y").unwrap();
        assert_eq!(a.to_string(), "https://app.example.com");
        assert_eq!(a.port, 443);
        assert_eq!(
            Origin::of("http://127.0.0.1:8711/a").unwrap().to_string(),
            "http://127.0.0.1:8711"
        );
        assert_eq!(Origin::of("http://[::1]:3000/").unwrap().host, "[::1]");
        assert!(Origin::of("ftp://x").is_err());
        assert!(Origin::of("/relative").is_err());
        assert!(Origin::of("http://h:99999/").is_err());
    }

    #[test]
    fn sites_are_scheme_and_registrable_domain() {
        let site = |u: &str| Origin::of(u).unwrap();
        assert!(site("https://app.example.com").same_site(&site("https://bi.example.com:8443")));
        assert!(!site("https://app.example.com").same_site(&site("http://bi.example.com")));
        assert!(!site("https://a.example.co.uk").same_site(&site("https://b.other.co.uk")));
        assert!(site("https://a.example.co.uk").same_site(&site("https://b.example.co.uk")));
        assert!(!site("http://localhost:3000").same_site(&site("http://127.0.0.1:8711")));
        assert!(site("http://127.0.0.1:3000").same_site(&site("http://127.0.0.1:8711")));
        assert!(site("http://localhost:1").is_trustworthy());
        assert!(!site("http://app.example.com").is_trustworthy());
    }
}
