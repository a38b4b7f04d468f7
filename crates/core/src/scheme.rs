//! Which vendor scheme a pasted URL belongs to: the schemes' identifiers
//! (one variant per folder under `schemes/`) and detection.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::query::ParsedUrl;
use crate::schemes::Likeness;

/// The signing schemes the product speaks; each is a folder under `schemes/`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Sigma's classic signed URL (`:mode=userbacked`, hex HMAC of the whole URL).
    SigmaClassic,
    /// Sigma's JWT embed (`:jwt=`).
    SigmaJwt,
    /// Bold BI token authentication (`embed_signature`, Base64 HMAC of the query).
    #[serde(rename = "boldbi")]
    BoldBi,
    /// Looker signed embed (`/login/embed/...&signature=`, Base64 HMAC of the values).
    Looker,
}

impl Scheme {
    /// The one scheme the product spoke before it recorded a scheme with
    /// what it saved (rows and files without one are this scheme's).
    pub const ORIGINAL: Scheme = Scheme::SigmaClassic;

    /// The name used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        crate::schemes::spec(self).id()
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        crate::schemes::spec(self).label()
    }

    /// The vendor's name.
    pub fn vendor(self) -> &'static str {
        crate::schemes::spec(self).vendor()
    }

    /// The scheme whose [`Scheme::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Scheme> {
        crate::schemes::all()
            .iter()
            .map(|s| s.scheme())
            .find(|s| s.id() == id)
    }

    /// Every scheme's id, for messages ("sigma-classic, sigma-jwt, boldbi").
    pub fn ids() -> String {
        crate::schemes::all()
            .iter()
            .map(|s| s.id())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Detects the scheme of a parsed URL: the one it looks most like (its
/// parameters first, since they are what the vendor checks; the path
/// shapes in vendors.md only break a tie); on a tie, the first registered.
pub fn detect(url: &ParsedUrl) -> Result<Scheme> {
    let mut best: Option<(Likeness, Scheme)> = None;
    for spec in crate::schemes::all() {
        let likeness = spec.likeness(url);
        if likeness > Likeness::None && best.is_none_or(|(b, _)| likeness > b) {
            best = Some((likeness, spec.scheme()));
        }
    }
    best.map(|(_, scheme)| scheme)
        .ok_or_else(Error::unknown_scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme_of(url: &str) -> Result<Scheme> {
        detect(&ParsedUrl::parse(url).unwrap())
    }

    #[test]
    fn json_names_are_the_cli_names() {
        for scheme in crate::schemes::all().map(|s| s.scheme()) {
            assert_eq!(serde_json::to_value(scheme).unwrap(), scheme.id());
        }
    }

    #[test]
    fn detects_each_scheme_from_its_parameters() {
        assert_eq!(
            scheme_of("https://a/embed/x?:nonce=1&:signature=2"),
            Ok(Scheme::SigmaClassic)
        );
        assert_eq!(
            scheme_of("https://a/embed/x?%3Anonce=1"),
            Ok(Scheme::SigmaClassic)
        );
        assert_eq!(
            scheme_of("https://a/o/workbook/w?:jwt=a.b.c&:embed=true"),
            Ok(Scheme::SigmaJwt)
        );
        assert_eq!(
            scheme_of("https://a/bi/site/s/dashboards/1?embed_nonce=1"),
            Ok(Scheme::BoldBi)
        );
        assert_eq!(
            scheme_of("https://a/other?x=1"),
            Err(Error::unknown_scheme())
        );
        let words = Error::unknown_scheme().to_string();
        for name in [":nonce", ":jwt", "embed_nonce", "nonce (Looker"] {
            assert!(words.contains(name), "{words}");
        }
        assert_eq!(
            scheme_of("https://a/bi/en-us/site/s/dashboards/1?isWidgetMode=true"),
            Ok(Scheme::BoldBi)
        );
    }
}
