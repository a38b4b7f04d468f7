//! Redacts a URL for logs and bug reports: the signature (and optionally the
//! nonce) shortened to a recognisable prefix, everything else byte-exact.
//!
//! A redacted URL can be read, inspected and diffed, but never replayed or
//! used to test secrets offline.

use crate::artifact::Artifact;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::schemes::{self as registry, SchemeSpec};

const KEEP: usize = 8;

/// The first [`KEEP`] characters of `raw`, never cutting a percent escape
/// in two (a redacted URL must still parse: `%2` would not).
fn shorten(raw: &str) -> String {
    let mut end = raw.char_indices().nth(KEEP).map_or(raw.len(), |(at, _)| at);
    if let Some(percent) = raw[..end].rfind('%') {
        if end - percent < 3 {
            end = percent;
        }
    }
    format!("{}…redacted", &raw[..end])
}

/// A nonce's short fingerprint: the first 8 hex digits of its SHA-256. The
/// one way a nonce is shown anywhere it is redacted (reports, logs), so the
/// same nonce is recognisable across them and never readable.
pub fn nonce_fingerprint(nonce: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(nonce.as_bytes())[..4])
}

/// Whether `name` is the nonce parameter of `spec`, or with no scheme known,
/// of any scheme (a nonce is never shown just because detection failed).
fn is_nonce(spec: Option<&dyn SchemeSpec>, name: &str) -> bool {
    match spec {
        Some(spec) => spec.nonce_param() == Some(name),
        None => registry::all()
            .iter()
            .any(|s| s.nonce_param() == Some(name)),
    }
}

/// The artifact with its signed material shortened: a URL's signature
/// (and with `nonce` its nonce), a token's signature wherever it rides (the
/// path, a web component's `token`, on its own). Pasted markup comes back
/// as its element with only `src` and `token`, each redacted. Input that is
/// not an embed URL comes back unchanged up to its query (the query is
/// dropped), so nothing unknown leaks.
pub fn redact(input: &str, nonce: bool) -> String {
    match Artifact::read(input) {
        Artifact::Url(url) => redact_url(&url, nonce),
        Artifact::Token(token) => redact_token(&token),
        Artifact::Markup {
            element,
            src,
            token,
        } => {
            let src = src.map(|src| redact_url(&src, nonce));
            let token = token.map(|token| redact_token(&token));
            let mut attributes = Vec::new();
            if let Some(src) = &src {
                attributes.push(("src", src.as_str()));
            }
            if let Some(token) = &token {
                attributes.push(("token", token.as_str()));
            }
            crate::html::element(&element, &attributes)
        }
    }
}

/// A token with its signature shortened: a JWT keeps its header and
/// claims readable; anything else is shortened whole.
pub fn redact_token(token: &str) -> String {
    match token.rsplit_once('.') {
        Some((signed, signature)) if crate::jwt::decode(token).is_ok() => {
            format!("{signed}.{}", shorten(signature))
        }
        _ => shorten(token),
    }
}

/// [`redact`] for a URL.
fn redact_url(input: &str, nonce: bool) -> String {
    match ParsedUrl::parse(input) {
        Ok(url) if url.has_query => redact_parsed(&url, crate::schemes::detect(&url).ok(), nonce),
        // No query to read: a token may ride in the path (a carrier some
        // vendors use), so its signature goes too.
        _ => redact_path_tokens(input.split('?').next().unwrap_or_default()),
    }
}

/// `text` (a URL without its query) with the signature of every JWT that
/// forms a path segment shortened: a token in the path would otherwise
/// reach logs and bug reports whole. Its header and claims stay readable.
pub fn redact_path_tokens(text: &str) -> String {
    text.split('/')
        .map(|segment| {
            let (token, rest) = segment
                .find(['#', ';'])
                .map_or((segment, ""), |at| segment.split_at(at));
            if crate::jwt::decode(token).is_ok() {
                format!("{}{rest}", redact_token(token))
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The address every load of `url`'s embed shares, whatever it was signed
/// with: the URL without its query and fragment, and without a token in
/// its path (a fresh token per load changes it). The host's request log is
/// searched by it.
pub fn load_address(url: &str) -> String {
    let base = url.split(['?', '#']).next().unwrap_or_default();
    match base
        .split('/')
        .position(|segment| crate::jwt::decode(segment).is_ok())
    {
        Some(at) => {
            let kept: Vec<&str> = base.split('/').take(at).collect();
            format!("{}/", kept.join("/"))
        }
        None => base.to_owned(),
    }
}

/// [`redact`] for a URL already parsed (and its scheme, if known).
pub fn redact_parsed(url: &ParsedUrl, scheme: Option<Scheme>, nonce: bool) -> String {
    let spec = scheme.map(registry::spec);
    let mut query = String::with_capacity(url.query.len());
    let mut last = 0;
    for p in &url.params {
        let replacement = match spec {
            Some(spec) if spec.signature_param() == Some(p.name.as_str()) => {
                let raw = p.raw_value_or_empty();
                Some(spec.redact_signature(raw).unwrap_or_else(|| shorten(raw)))
            }
            _ if nonce && is_nonce(spec, &p.name) => {
                Some(format!("[nonce sha256:{}]", nonce_fingerprint(&p.value)))
            }
            _ => None,
        };
        if let Some(value) = replacement {
            let value_start = p.span.start + p.raw_name.len() + 1;
            query.push_str(url.query.get(last..value_start).unwrap_or_default());
            query.push_str(&value);
            last = p.span.end;
        }
    }
    query.push_str(url.query.get(last..).unwrap_or_default());
    let base = redact_path_tokens(&url.base);
    if url.has_query {
        format!("{base}?{query}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_in_the_path_loses_its_signature_with_or_without_a_query() {
        let header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
        let claims = "eyJyZXNvdXJjZSI6eyJkYXNoYm9hcmQiOjF9LCJleHAiOjE3MDAwMDAwMDB9";
        let signature = "c2lnbmF0dXJlLW9mLXRoZS10b2tlbi10aGF0LW11c3Qtbm90LWxlYWs";
        let token = format!("{header}.{claims}.{signature}");
        for url in [
            format!("https://mb.example/embed/dashboard/{token}#bordered=true&titled=false"),
            format!("https://mb.example/embed/dashboard/{token}?:nonce=n&:signature=abc"),
        ] {
            let redacted = redact(&url, false);
            assert!(!redacted.contains(signature), "{redacted}");
            assert!(
                redacted.contains(&format!("{header}.{claims}.")),
                "{redacted}"
            );
        }
        // A path segment that only looks dotted is kept.
        assert_eq!(redact_path_tokens("https://h/a.b.c/x"), "https://h/a.b.c/x");
    }

    #[test]
    fn a_token_on_an_element_or_on_its_own_loses_its_signature() {
        let header = "eyJhbGciOiJIUzI1NiJ9";
        let claims = "eyJzdWIiOiJhbm4ifQ";
        let signature = "c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw";
        let token = format!("{header}.{claims}.{signature}");
        let markup = format!(
            "<some-viz id=\"v\" src=\"https://h/views/a?x=1&amp;y=2\" token=\"{token}\"></some-viz>"
        );
        let redacted = redact(&markup, true);
        assert!(!redacted.contains(signature), "{redacted}");
        assert!(
            redacted.starts_with("<some-viz src=\"https://h/views/a?x=1&amp;y=2\" token=\""),
            "{redacted}"
        );
        assert!(
            redacted.contains(&format!("{header}.{claims}.")),
            "{redacted}"
        );
        let alone = redact(&token, true);
        assert!(
            !alone.contains(signature) && alone.starts_with(&format!("{header}.{claims}.")),
            "{alone}"
        );
    }

    #[test]
    fn every_load_of_an_embed_shares_its_load_address() {
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJyZXNvdXJjZSI6e319.c2ln";
        assert_eq!(
            load_address(&format!("http://h:1/embed/dashboard/{token}#bordered=true")),
            "http://h:1/embed/dashboard/"
        );
        assert_eq!(
            load_address("http://h:1/embed/1-abc?:nonce=n&:signature=s"),
            "http://h:1/embed/1-abc"
        );
    }

    #[test]
    fn a_shortened_signature_never_cuts_an_escape_in_two() {
        for raw in [
            "abcde%2Bfghij",
            "abcdef%2Bghij",
            "abcdefg%2Bhij",
            "%2B%2F%3D%2B%2F",
            "abcdefghijk",
        ] {
            let short = shorten(raw);
            let kept = short.trim_end_matches("…redacted");
            assert!(raw.starts_with(kept), "{raw} -> {short}");
            let bytes = kept.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'%' {
                    assert!(i + 3 <= bytes.len(), "{raw} -> {short}");
                }
            }
        }
        let url = "https://h/bi/site/s/dashboards/1?embed_nonce=n&embed_user_email=a%40b.co&embed_signature=abcde%2Bfghijklmnop";
        let redacted = redact(url, true);
        assert!(ParsedUrl::parse(&redacted).is_ok(), "{redacted}");
    }

    #[test]
    fn the_signature_is_shortened_and_the_rest_kept() {
        let url = "https://h/embed/x?:nonce=abcdef123456&:email=a%2Bb@c.co&:signature=0123456789abcdef0123";
        assert_eq!(
            redact(url, false),
            "https://h/embed/x?:nonce=abcdef123456&:email=a%2Bb@c.co&:signature=01234567…redacted"
        );
        assert_eq!(
            redact(url, true),
            format!(
                "https://h/embed/x?:nonce=[nonce sha256:{}]&:email=a%2Bb@c.co&:signature=01234567…redacted",
                nonce_fingerprint("abcdef123456")
            )
        );
    }

    #[test]
    fn a_jwt_keeps_header_and_claims_but_not_its_signature() {
        let url = "https://h/o/workbook/w?:jwt=eyJh.eyJz.SIGNATURE&:embed=true";
        assert_eq!(
            redact(url, false),
            "https://h/o/workbook/w?:jwt=eyJh.eyJz.…redacted&:embed=true"
        );
    }

    #[test]
    fn garbage_loses_its_query() {
        assert_eq!(redact("not a url?secret=1", true), "not a url");
    }
}
