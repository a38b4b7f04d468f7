//! Splits a pasted URL into base, parameters and fragment, keeping every byte.
//!
//! Verification must MAC the exact bytes that were received, so nothing here
//! normalises: each parameter remembers its raw name and value and where it
//! stood in the query, beside the decoded text shown to people. Input is
//! treated as hostile: size-capped, strictly decoded, and rejected with a
//! reason rather than guessed at.

use crate::encoding::{decode_component, DecodeError};
use crate::error::{Error, Result, MAX_URL_BYTES};

/// One `name=value` pair exactly as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawParam {
    /// Position among the parameters, from 0.
    pub index: usize,
    /// The name's bytes as received.
    pub raw_name: String,
    /// The value's bytes as received (`None` when there was no `=`).
    pub raw_value: Option<String>,
    /// The decoded name.
    pub name: String,
    /// The decoded value (`+` read as a space, as servers do).
    pub value: String,
    /// Byte range of `name=value` inside [`ParsedUrl::query`].
    pub span: std::ops::Range<usize>,
}

impl RawParam {
    /// The raw value, or "" when the parameter had no `=`.
    pub fn raw_value_or_empty(&self) -> &str {
        self.raw_value.as_deref().unwrap_or("")
    }
}

/// A URL taken apart without losing a byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The input, trimmed of surrounding whitespace.
    pub raw: String,
    /// Everything before the `?`.
    pub base: String,
    /// Everything between `?` and `#` (or the end); empty without a `?`.
    pub query: String,
    /// Whether the URL has a `?` at all (a token in the path needs none).
    pub has_query: bool,
    /// Everything after `#`, which browsers never send to the server.
    pub fragment: Option<String>,
    /// The parameters in received order (empty segments such as `&&` skipped).
    pub params: Vec<RawParam>,
    /// A token handed over beside the URL (a web component's `token`
    /// attribute), when the URL came from such an element.
    pub token: Option<String>,
}

impl ParsedUrl {
    /// Parses `input` (surrounding whitespace ignored).
    pub fn parse(input: &str) -> Result<Self> {
        let raw = input.trim();
        if raw.is_empty() {
            return Err(Error::EmptyUrl);
        }
        if raw.len() > MAX_URL_BYTES {
            return Err(Error::UrlTooLong {
                len: raw.len(),
                max: MAX_URL_BYTES,
            });
        }
        let (before_fragment, fragment) = match raw.split_once('#') {
            Some((head, tail)) => (head, Some(tail.to_owned())),
            None => (raw, None),
        };
        let (base, query, has_query) = match before_fragment.split_once('?') {
            Some((base, query)) => (base, query, true),
            None => (before_fragment, "", false),
        };
        check_base(base)?;
        let params = split_params(query)?;
        Ok(ParsedUrl {
            raw: raw.to_owned(),
            base: base.to_owned(),
            query: query.to_owned(),
            has_query,
            fragment,
            params,
            token: None,
        })
    }

    /// A token pasted without its URL (on its own, or on an element with no
    /// `src`): no base, no parameters, the token alone. A scheme that can
    /// read its embed from the token (its claims) recognises it; the rest
    /// of what a URL would say (the host, the embed's path) is unknown.
    pub fn bare_token(token: &str) -> Self {
        ParsedUrl {
            raw: token.to_owned(),
            base: String::new(),
            query: String::new(),
            has_query: false,
            fragment: None,
            params: Vec::new(),
            token: Some(token.to_owned()),
        }
    }

    /// The URL as the server receives it: base, `?`, query (no fragment).
    pub fn sent(&self) -> String {
        if self.has_query {
            format!("{}?{}", self.base, self.query)
        } else {
            self.base.clone()
        }
    }

    /// Parameters whose decoded name is `name`.
    pub fn all(&self, name: &str) -> impl Iterator<Item = &RawParam> {
        let name = name.to_owned();
        self.params.iter().filter(move |p| p.name == name)
    }

    /// The first parameter whose decoded name is `name`.
    pub fn first(&self, name: &str) -> Option<&RawParam> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The query with one parameter cut out, together with the `&` that joined
    /// it: what the signer had MACed before appending that parameter.
    pub fn query_without(&self, param: &RawParam) -> String {
        let q = &self.query;
        let (start, end) = (param.span.start, param.span.end);
        if start > 0 && q.as_bytes().get(start - 1) == Some(&b'&') {
            format!("{}{}", &q[..start - 1], &q[end..])
        } else if q.as_bytes().get(end) == Some(&b'&') {
            format!("{}{}", &q[..start], &q[end + 1..])
        } else {
            format!("{}{}", &q[..start], &q[end..])
        }
    }
}

/// The base must be an absolute http(s) URL with a host.
fn check_base(base: &str) -> Result<()> {
    let parsed = url::Url::parse(base).map_err(|e| Error::NotAUrl {
        reason: url_error(e),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::NotAUrl {
            reason: format!("scheme {:?} is not http or https", parsed.scheme()),
        });
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(Error::NotAUrl {
            reason: "it has no host".into(),
        });
    }
    if base.chars().any(char::is_whitespace) {
        return Err(Error::NotAUrl {
            reason: "it contains whitespace before the '?'".into(),
        });
    }
    Ok(())
}

/// Words for the URL parser's complaints that a person understands.
pub(crate) fn url_error(error: url::ParseError) -> String {
    match error {
        url::ParseError::RelativeUrlWithoutBase => {
            "it does not start with http:// or https://".into()
        }
        url::ParseError::EmptyHost => "it has no host after the scheme".into(),
        other => other.to_string(),
    }
}

fn split_params(query: &str) -> Result<Vec<RawParam>> {
    let mut params = Vec::new();
    let mut offset = 0;
    for segment in query.split('&') {
        let start = offset;
        offset += segment.len() + 1;
        if segment.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = match segment.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (segment, None),
        };
        let decode = |raw: &str, at: usize| {
            decode_component(raw, true).map_err(|e| match e {
                DecodeError::InvalidEscape { offset, text } => Error::InvalidPercentEscape {
                    escape: text,
                    offset: at + offset,
                },
                DecodeError::NotUtf8 => Error::NotUtf8 {
                    parameter: raw_name.to_owned(),
                },
            })
        };
        let name = decode(raw_name, start)?;
        let value = match raw_value {
            Some(v) => decode(v, start + raw_name.len() + 1)?,
            None => String::new(),
        };
        params.push(RawParam {
            index: params.len(),
            raw_name: raw_name.to_owned(),
            raw_value: raw_value.map(str::to_owned),
            name,
            value,
            span: start..start + segment.len(),
        });
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_raw_and_decoded_forms_in_received_order() {
        let url = ParsedUrl::parse("https://h/e?%3Anonce=a%2Bb&:email=x+y@z#frag").unwrap();
        assert_eq!(url.base, "https://h/e");
        assert_eq!(url.fragment.as_deref(), Some("frag"));
        assert_eq!(url.params.len(), 2);
        assert_eq!(url.params[0].raw_name, "%3Anonce");
        assert_eq!(url.params[0].name, ":nonce");
        assert_eq!(url.params[0].value, "a+b");
        assert_eq!(url.params[1].value, "x y@z");
        assert_eq!(url.params[1].raw_value.as_deref(), Some("x+y@z"));
    }

    #[test]
    fn cutting_a_parameter_restores_the_signed_query() {
        let url = ParsedUrl::parse("https://h/e?a=1&sig=2&b=3").unwrap();
        let sig = url.first("sig").unwrap();
        assert_eq!(url.query_without(sig), "a=1&b=3");
        let url = ParsedUrl::parse("https://h/e?sig=2&a=1").unwrap();
        assert_eq!(url.query_without(url.first("sig").unwrap()), "a=1");
        let url = ParsedUrl::parse("https://h/e?a=1&sig=2").unwrap();
        assert_eq!(url.query_without(url.first("sig").unwrap()), "a=1");
    }

    #[test]
    fn bad_input_is_an_error_with_a_reason() {
        assert_eq!(ParsedUrl::parse("  "), Err(Error::EmptyUrl));
        assert!(matches!(
            ParsedUrl::parse("not a url?x=1"),
            Err(Error::NotAUrl { .. })
        ));
        assert!(matches!(
            ParsedUrl::parse("ftp://h/x?a=1"),
            Err(Error::NotAUrl { .. })
        ));
        // No query is a URL still (a token may ride in its path); which
        // scheme, if any, reads it is detection's question.
        let bare = ParsedUrl::parse("https://h/e/a.b.c#x=1").unwrap();
        assert!(!bare.has_query && bare.params.is_empty());
        assert_eq!(bare.sent(), "https://h/e/a.b.c");
        assert_eq!(bare.fragment.as_deref(), Some("x=1"));
        assert!(ParsedUrl::parse("https://h/e?").unwrap().has_query);
        assert!(matches!(
            ParsedUrl::parse("https://h/e?a=%G1"),
            Err(Error::InvalidPercentEscape { offset: 2, .. })
        ));
        assert!(matches!(
            ParsedUrl::parse("https://h/e?a=%C3%28"),
            Err(Error::NotUtf8 { .. })
        ));
        let huge = format!("https://h/e?a={}", "x".repeat(100 * 1024));
        assert!(matches!(
            ParsedUrl::parse(&huge),
            Err(Error::UrlTooLong { .. })
        ));
    }
}
