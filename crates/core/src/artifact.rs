//! What a user pastes, before any scheme is known: a URL, a bare token, or
//! the markup that embeds one (`<iframe src=…>`, or a web component with a
//! `src` and a `token` attribute). Inspect, verify and diff read the embed
//! from the artifact, so pasting the element copied from a page works as
//! pasting its URL, and a token pasted alone is read by a scheme that
//! knows its claims. Nothing here knows a scheme.

use crate::error::{Error, Result};
use crate::html;
use crate::query::ParsedUrl;

/// A pasted artifact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Artifact {
    /// A URL (or text that is meant as one).
    Url(String),
    /// A compact JWS on its own.
    Token(String),
    /// An element that embeds: its name, the URL it loads and its token.
    Markup {
        /// The element's name (`iframe`).
        element: String,
        /// Its `src`, entities decoded.
        src: Option<String>,
        /// Its `token` attribute.
        token: Option<String>,
    },
}

impl Artifact {
    /// Reads what `text` is.
    pub fn read(text: &str) -> Artifact {
        let trimmed = text.trim();
        if trimmed.starts_with('<') {
            // The element that embeds: the first with a token (a snippet
            // may load its script first), else an iframe, else the first.
            let names = html::element_names(trimmed);
            let with_token = names.iter().find(|name| {
                html::elements(trimmed, name)
                    .first()
                    .is_some_and(|e| e.get("token").is_some())
            });
            let chosen = with_token
                .or_else(|| names.iter().find(|name| *name == "iframe"))
                .or(names.first())
                .cloned();
            if let Some(name) = chosen {
                let element = html::elements(trimmed, &name).into_iter().next();
                let attribute = |attr: &str| {
                    element
                        .as_ref()
                        .and_then(|e| e.get(attr))
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned)
                };
                return Artifact::Markup {
                    src: attribute("src"),
                    token: attribute("token"),
                    element: name,
                };
            }
        }
        if is_compact_jws(trimmed) {
            return Artifact::Token(trimmed.to_owned());
        }
        Artifact::Url(text.to_owned())
    }

    /// The URL the embed is read from: the URL itself, or the element's
    /// `src`. A token without its URL has none, and says so (the error a
    /// bare token gets when no scheme reads it alone).
    pub fn url(&self) -> Result<&str> {
        match self {
            Artifact::Url(url) => Ok(url),
            Artifact::Markup { src: Some(src), .. } => Ok(src),
            Artifact::Markup { element, token, .. } => Err(Error::NoEmbedUrl {
                what: match token {
                    Some(_) => format!("a <{element}> with a token but no src"),
                    None => format!("a <{element}> with no src"),
                },
            }),
            Artifact::Token(_) => Err(Error::NoEmbedUrl {
                what: "a bare token".into(),
            }),
        }
    }
}

impl Artifact {
    /// The embed's URL taken apart, with the element's token beside it
    /// when the artifact is a web component that carries one; a token
    /// without a URL (on its own, or on an element with no `src`) as
    /// [`ParsedUrl::bare_token`].
    pub fn parsed(&self) -> Result<ParsedUrl> {
        match self {
            Artifact::Token(token)
            | Artifact::Markup {
                src: None,
                token: Some(token),
                ..
            } => Ok(ParsedUrl::bare_token(token)),
            Artifact::Markup { token, .. } => {
                let mut url = ParsedUrl::parse(self.url()?)?;
                url.token.clone_from(token);
                Ok(url)
            }
            Artifact::Url(url) => ParsedUrl::parse(url),
        }
    }

    /// Whether the artifact is a token without its URL.
    pub fn is_bare_token(&self) -> bool {
        matches!(
            self,
            Artifact::Token(_)
                | Artifact::Markup {
                    src: None,
                    token: Some(_),
                    ..
                }
        )
    }
}

/// Whether `text` is three base64url parts joined by dots.
fn is_compact_jws(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && parts[..2].iter().all(|p| !p.is_empty())
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        && crate::jwt::decode(text).is_ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn markup_tokens_and_urls_are_told_apart() {
        let pasted = "<!-- embed --><iframe title=\"x\" src=\"https://h/embed/1?a=1&amp;b=2\" width=100></iframe>";
        assert_eq!(
            Artifact::read(pasted).url().unwrap(),
            "https://h/embed/1?a=1&b=2"
        );
        let component = "<some-viz src=\"https://h/views/a\" token=\"t.t.t\"></some-viz>";
        assert_eq!(
            Artifact::read(component).url().unwrap(),
            "https://h/views/a"
        );
        let snippet = "<script defer src=\"https://h/app/embed.js\"></script>\n<script>window.config = { a: '<b>' };</script>\n<some-dashboard token=\"t.t.t\" with-title=\"true\"></some-dashboard>";
        assert!(matches!(
            Artifact::read(snippet),
            Artifact::Markup { element, token: Some(t), src: None } if element == "some-dashboard" && t == "t.t.t"
        ));
        let no_src = Artifact::read("<some-dashboard token=\"abc\"></some-dashboard>");
        assert!(no_src
            .url()
            .unwrap_err()
            .to_string()
            .contains("<some-dashboard> with a token but no src"));
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
        assert_eq!(Artifact::read(token), Artifact::Token(token.into()));
        assert!(Artifact::read(token)
            .url()
            .unwrap_err()
            .to_string()
            .contains("bare token"));
        assert_eq!(
            Artifact::read(" https://h/x?a=1 ").url().unwrap(),
            " https://h/x?a=1 "
        );
        assert_eq!(Artifact::read("not a url").url().unwrap(), "not a url");
        assert_eq!(Artifact::read("a.b.c").url().unwrap(), "a.b.c");
    }
}
