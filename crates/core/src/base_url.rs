//! Checks the base URL a signer is asked to append a query to.
//!
//! The vendors' samples concatenate blindly; a base with its own `?` or `#`,
//! whitespace, or a typo in the scheme yields a URL that no server can read,
//! so signers refuse it up front, naming the field. The check is by hand (no
//! URL parser on the signing path): scheme, a plain host with an optional
//! numeric port, and a path of visible ASCII.

use crate::error::{Error, Result};

/// Accepts `http(s)://host[:port][/path]` with no query, fragment, userinfo or whitespace.
pub fn check(field: &'static str, value: &str) -> Result<()> {
    let refuse = |reason: &str| Error::BadBaseUrl {
        field,
        value: value.to_owned(),
        reason: reason.to_owned(),
    };
    if value.is_empty() {
        return Err(refuse("it is empty"));
    }
    let has_prefix = |prefix: &str| {
        value
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    let rest = if has_prefix("https://") {
        &value[8..]
    } else if has_prefix("http://") {
        &value[7..]
    } else {
        return Err(refuse(
            "it must start with https:// (or http:// for a local host)",
        ));
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            (host, Some(port))
        }
        _ => (authority, None),
    };
    if host.is_empty() {
        return Err(refuse("it has no host"));
    }
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'[' | b']' | b':'))
    {
        return Err(refuse(
            "the host may hold only letters, digits, '.', '-' and '_' (no user name, no spaces)",
        ));
    }
    if port.is_some_and(|p| p.is_empty() || p.parse::<u16>().is_err()) {
        return Err(refuse("the port must be a number from 0 to 65535"));
    }
    if path
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'?' && b != b'#')
    {
        return Ok(());
    }
    if let Some(bad) = path
        .chars()
        .find(|c| !c.is_ascii_graphic() || matches!(c, '?' | '#'))
    {
        let reason = match bad {
            '?' | '#' => {
                "it already has a '?' or '#'; the embed parameters must start the query".to_owned()
            }
            c if c.is_whitespace() => "it contains whitespace".to_owned(),
            c => format!("the path holds {c:?}; percent-encode it (as the vendor's link does)"),
        };
        return Err(refuse(&reason));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_urls() {
        for ok in [
            "https://app.sigmacomputing.com/embed/1-abc",
            "http://127.0.0.1:8080/embed/x",
            "https://bi.example.com/bi/site/s/dashboards/1/Sales/Sales%20Analysis",
            "https://host",
            "http://[::1]:3000/embed/x",
        ] {
            assert!(check("embed path", ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_what_would_break_the_url() {
        for bad in [
            "",
            "app.sigmacomputing.com/embed/x",
            "https://h/e?x=1",
            "https://h/e#x",
            "https://h/e x",
            "https:///path",
            "https://user@h/e",
            "https://h:99999/e",
            "https://h/Zürich",
            "javascript:alert(1)",
        ] {
            assert!(check("embed path", bad).is_err(), "{bad}");
        }
    }
}
