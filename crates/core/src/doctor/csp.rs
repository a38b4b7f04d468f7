//! Content-Security-Policy as far as framing needs it: the policies a
//! response carries (each header, and each comma-separated policy in one,
//! is enforced on its own), their directives, and whether a source list
//! allows a URL (CSP Level 3 §6.7.2, without nonces and hashes, which
//! framing never uses).

use super::origin::Origin;

/// One policy: its directives in order, names lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The policy as received, for evidence.
    pub text: String,
    directives: Vec<(String, Vec<String>)>,
}

impl Policy {
    /// The source list of `name`, if the policy has that directive (the
    /// first one wins, as browsers ignore repeats).
    pub fn directive(&self, name: &str) -> Option<&[String]> {
        self.directives
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, sources)| sources.as_slice())
    }

    /// The first of `names` this policy has, and its sources (the fetch
    /// directive fallback: `frame-src`, then `child-src`, then `default-src`).
    pub fn first_of<'a>(&self, names: &[&'a str]) -> Option<(&'a str, &[String])> {
        names
            .iter()
            .find_map(|name| self.directive(name).map(|sources| (*name, sources)))
    }
}

/// Every policy in the values of `Content-Security-Policy` headers.
pub fn policies<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<Policy> {
    values
        .into_iter()
        .flat_map(|value| value.split(','))
        .filter(|text| !text.trim().is_empty())
        .map(parse)
        .collect()
}

fn parse(text: &str) -> Policy {
    let mut directives: Vec<(String, Vec<String>)> = Vec::new();
    for directive in text.split(';') {
        let mut tokens = directive.split_ascii_whitespace();
        let Some(name) = tokens.next() else { continue };
        let name = name.to_ascii_lowercase();
        if directives.iter().any(|(n, _)| *n == name) {
            continue;
        }
        directives.push((name, tokens.map(str::to_owned).collect()));
    }
    Policy {
        text: text.trim().to_owned(),
        directives,
    }
}

/// Whether `sources` allows `url` (`origin` and `path`) for a resource whose
/// own origin is `protected` (what `'self'` and scheme-less sources mean).
pub fn allows(sources: &[String], url: &Origin, path: &str, protected: &Origin) -> bool {
    sources
        .iter()
        .any(|source| matches_source(source, url, path, protected))
}

fn matches_source(source: &str, url: &Origin, path: &str, protected: &Origin) -> bool {
    let lower = source.to_ascii_lowercase();
    match lower.as_str() {
        "'none'" => false,
        "*" => true,
        "'self'" => {
            url == protected
                || (protected.scheme == "http"
                    && url.scheme == "https"
                    && url.host == protected.host
                    && (url.port == 443 || url.port == protected.port))
        }
        s if s.starts_with('\'') => false,
        s if s.ends_with(':') && !s.contains('/') => scheme_matches(&s[..s.len() - 1], &url.scheme),
        s => host_source_matches(s, url, path, protected),
    }
}

/// `http:` also allows `https:` (CSP's upgrade rule).
fn scheme_matches(source_scheme: &str, url_scheme: &str) -> bool {
    source_scheme == url_scheme || (source_scheme == "http" && url_scheme == "https")
}

fn host_source_matches(source: &str, url: &Origin, path: &str, protected: &Origin) -> bool {
    let (scheme, rest) = match source.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, source),
    };
    let scheme_ok = match scheme {
        Some(s) => scheme_matches(s, &url.scheme),
        None => scheme_matches(&protected.scheme, &url.scheme),
    };
    let (authority, source_path) = match rest.find('/') {
        Some(at) => (&rest[..at], Some(&rest[at..])),
        None => (rest, None),
    };
    let (host, port) = match authority.find(']') {
        Some(end) => (&authority[..=end], authority[end + 1..].strip_prefix(':')),
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let host_ok = match host.strip_prefix("*.") {
        Some(suffix) => url.host.ends_with(&format!(".{suffix}")),
        None => host == url.host,
    };
    let port_ok = match port {
        Some("*") => true,
        Some(p) => p
            .parse::<u16>()
            .is_ok_and(|p| p == url.port || (p == 80 && url.port == 443 && url.scheme == "https")),
        None => url.port == default_port(&url.scheme) || (url.scheme == "https" && url.port == 80),
    };
    let path_ok = match source_path {
        None | Some("/") | Some("") => true,
        Some(p) if p.ends_with('/') => path.starts_with(p),
        Some(p) => path == p,
    };
    scheme_ok && host_ok && port_ok && path_ok
}

fn default_port(scheme: &str) -> u16 {
    if scheme == "https" {
        443
    } else {
        80
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn ok(sources: &str, url: &str) -> bool {
        let sources: Vec<String> = sources.split_whitespace().map(str::to_owned).collect();
        let protected = Origin::of("https://bi.vendor.com").unwrap();
        allows(&sources, &Origin::of(url).unwrap(), "/", &protected)
    }

    #[test]
    fn policies_split_on_commas_and_keep_the_first_of_a_directive() {
        let found = policies([
            "frame-ancestors 'self'; FRAME-ANCESTORS *, default-src 'none'",
            "img-src *",
        ]);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].directive("frame-ancestors").unwrap(), ["'self'"]);
        assert_eq!(
            found[1]
                .first_of(&["frame-src", "child-src", "default-src"])
                .unwrap()
                .0,
            "default-src"
        );
        assert!(found[2].directive("frame-ancestors").is_none());
    }

    #[test]
    fn source_lists_match_as_browsers_do() {
        assert!(!ok("'none'", "https://app.example.com"));
        assert!(ok("*", "http://localhost:3000"));
        assert!(ok("'self'", "https://bi.vendor.com"));
        assert!(!ok("'self'", "https://app.example.com"));
        assert!(ok("https:", "https://app.example.com"));
        assert!(!ok("https:", "http://app.example.com"));
        assert!(ok("https://app.example.com", "https://app.example.com"));
        assert!(!ok(
            "https://app.example.com",
            "https://app.example.com:8443"
        ));
        assert!(ok("app.example.com", "https://app.example.com"));
        assert!(ok("*.example.com", "https://app.example.com"));
        assert!(!ok("*.example.com", "https://example.com"));
        assert!(ok("http://localhost:*", "http://localhost:3000"));
        assert!(!ok("http://localhost:3000", "http://localhost:3001"));
        assert!(ok("http://app.example.com", "https://app.example.com"));
        assert!(ok(
            "'unsafe-inline' https://a.example.com/",
            "https://a.example.com"
        ));
    }
}
