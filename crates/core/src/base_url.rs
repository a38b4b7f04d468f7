//! Checks the base URL a signer is asked to append a query to.
//!
//! The vendors' samples concatenate blindly; a base with its own `?` or `#`
//! or a typo in the scheme yields a URL that no server can read, so signers
//! refuse it up front with the field's name.

use crate::error::{Error, Result};

/// Accepts an absolute http(s) URL with a host and no query or fragment.
pub fn check(field: &'static str, value: &str) -> Result<()> {
    let refuse = |reason: &str| Error::BadBaseUrl {
        field,
        value: value.to_owned(),
        reason: reason.to_owned(),
    };
    if value.is_empty() {
        return Err(refuse("it is empty"));
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(refuse("it contains whitespace"));
    }
    if value.contains('?') || value.contains('#') {
        return Err(refuse(
            "it already has a '?' or '#'; the embed parameters must start the query",
        ));
    }
    let parsed = url::Url::parse(value).map_err(|e| refuse(&e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(refuse(
            "it must start with https:// (or http:// for a local host)",
        ));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(refuse("it has no host"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_urls_and_refuses_broken_ones() {
        assert!(check("embed path", "https://app.sigmacomputing.com/embed/1-abc").is_ok());
        assert!(check("embed path", "http://127.0.0.1:8080/embed/x").is_ok());
        assert!(check("embed path", "").is_err());
        assert!(check("embed path", "app.sigmacomputing.com/embed/x").is_err());
        assert!(check("embed path", "https://h/e?x=1").is_err());
        assert!(check("embed path", "https://h/e x").is_err());
        assert!(check("embed path", "javascript:alert(1)").is_err());
    }
}
