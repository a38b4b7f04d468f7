//! Takes signatures and nonces out of free text: a report quotes pages,
//! tags and headers that a person pasted, and a signed URL can sit anywhere
//! in them (a `data-src`, a `title`, a damaged attribute, a comment).
//!
//! [`crate::redact`] shortens the signature of a URL it can parse; this
//! works on any text, by three rules that need no parsing:
//! - the value after any scheme's signature or nonce parameter name
//!   (`:signature=`, `%3Anonce=`, `&amp;embed_signature=`, `signature="…"`);
//! - the signature part of anything shaped like a JWT;
//! - every occurrence of the values a caller knows to be secret (the nonce
//!   and signature of the embed URL being examined), raw or percent-decoded.

use crate::encoding::decode_component;
use crate::query::ParsedUrl;
use crate::schemes;

/// What a scrubbed value reads as.
pub const REDACTED: &str = "[redacted]";
/// Known values shorter than this are left alone (they would garble text
/// and carry no secret worth the name).
const MIN_KNOWN: usize = 6;

/// The parameter names whose values never reach a report: every scheme's
/// signature and nonce parameter, compared without case.
fn protected(name: &str) -> bool {
    let name = name.trim_start_matches("amp;");
    schemes::all().iter().any(|s| {
        s.signature_param()
            .is_some_and(|p| p.eq_ignore_ascii_case(name))
            || s.nonce_param()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
    })
}

/// The values of `url` that must never be quoted: its signature and its
/// nonce (whatever the scheme), raw and decoded, and a JWT's signature.
pub fn secrets_of(url: &str) -> Vec<String> {
    let Ok(parsed) = ParsedUrl::parse(url) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for p in &parsed.params {
        if protected(&p.name) {
            found.push(p.raw_value_or_empty().to_owned());
            found.push(p.value.clone());
            found.push(p.value.trim_matches('"').to_owned());
            if let Some((_, signature)) = p.value.rsplit_once('.') {
                found.push(signature.to_owned());
            }
        }
    }
    found.retain(|v| v.len() >= MIN_KNOWN);
    found.sort_by_key(|v| std::cmp::Reverse(v.len()));
    found.dedup();
    found
}

/// `text` with every signature and nonce taken out (see the module doc);
/// `known` are values to take out wherever they appear.
pub fn scrub(text: &str, known: &[String]) -> String {
    let mut out = by_name(text);
    out = jwt_signatures(&out);
    for value in known.iter().filter(|v| v.len() >= MIN_KNOWN) {
        if out.contains(value.as_str()) {
            out = out.replace(value.as_str(), REDACTED);
        }
    }
    out
}

/// Characters that end a name going backwards, or a value going forwards.
fn is_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '?' | '&' | '"' | '\'' | '<' | '>' | '(' | ')' | ',' | '#' | '`' | '|' | '\\'
        )
}

/// Replaces the value after each protected `name=`.
fn by_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let (before, after) = rest.split_at(eq);
        let name_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| is_boundary(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let raw_name = &before[name_start..];
        let name = decode_component(raw_name, false).unwrap_or_else(|_| raw_name.to_owned());
        out.push_str(before);
        out.push('=');
        let after = &after[1..];
        if !protected(name.trim()) {
            rest = after;
            continue;
        }
        let (quote, body) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &after[1..]),
            _ => (None, after),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body.find(is_boundary).unwrap_or(body.len()),
        };
        if let Some(q) = quote {
            out.push(q);
        }
        let value = &body[..end];
        if already_redacted(value) {
            out.push_str(value);
        } else if end > 0 {
            out.push_str(REDACTED);
        }
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

/// A value [`crate::redact`] already shortened (`abcdefgh…redacted`) or
/// fingerprinted (`[nonce sha256:…]`), or one scrubbed before.
fn already_redacted(value: &str) -> bool {
    value.starts_with('[') || value.ends_with("…redacted")
}

fn is_base64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Replaces the third part of every `eyJ….….…` token.
fn jwt_signatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("eyJ") {
        out.push_str(&rest[..start]);
        let token = &rest[start..];
        let part = |s: &str| s.find(|c| !is_base64url(c)).unwrap_or(s.len());
        let head = part(token);
        let after_head = &token[head..];
        let shaped = after_head.starts_with('.') && {
            let claims = part(&after_head[1..]);
            claims > 0 && after_head[1 + claims..].starts_with('.')
        };
        if !shaped {
            out.push_str(&token[..3]);
            rest = &token[3..];
            continue;
        }
        let claims = part(&after_head[1..]);
        let signed_end = head + 1 + claims + 1;
        out.push_str(&token[..signed_end]);
        let signature = part(&token[signed_end..]);
        if signature > 0 {
            out.push_str(REDACTED);
        }
        rest = &token[signed_end + signature..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn a_protected_name_loses_its_value_wherever_it_stands() {
        let cases = [
            (
                "see https://h/x?:nonce=abc123def&:email=a@b.co&:signature=SIGSIGSIG more",
                "see https://h/x?:nonce=[redacted]&:email=a@b.co&:signature=[redacted] more",
            ),
            (
                "data-src=\"https://h/bi/site/s/dashboards/1?embed_nonce=n-1-2-3&amp;embed_signature=a+b/c=\"",
                "data-src=\"https://h/bi/site/s/dashboards/1?embed_nonce=[redacted]&amp;embed_signature=[redacted]\"",
            ),
            ("%3Asignature=QQQQQQ", "%3Asignature=[redacted]"),
            ("<iframe &:signature=\"XYZXYZ\">", "<iframe &:signature=\"[redacted]\">"),
            ("nonce=%22abcdef%22&time=1", "nonce=[redacted]&time=1"),
        ];
        for (input, want) in cases {
            assert_eq!(scrub(input, &[]), want, "{input}");
        }
        // Other names keep their values.
        assert_eq!(scrub("a=b&width=100%", &[]), "a=b&width=100%");
    }

    #[test]
    fn a_jwt_keeps_its_claims_and_loses_its_signature() {
        let text = "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl! and eyJnot-a-jwt";
        assert_eq!(
            scrub(text, &[]),
            "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.[redacted]! and eyJnot-a-jwt"
        );
    }

    #[test]
    fn known_values_go_wherever_they_appear() {
        let url = "https://h/embed/x?:nonce=0f9e8d7c6b&:signature=Zm9vYmFyYmF6";
        let known = secrets_of(url);
        let text = "title: 0f9e8d7c6b / Zm9vYmFyYmF6";
        let scrubbed = scrub(text, &known);
        assert!(!scrubbed.contains("0f9e8d7c6b") && !scrubbed.contains("Zm9vYmFyYmF6"));
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "=",
            "==",
            "&=",
            ":signature=",
            "eyJ",
            "eyJ.",
            "eyJa.b.",
            "é=ü",
            "%zz=1",
        ] {
            let _ = scrub(text, &["é".repeat(4)]);
        }
    }
}
