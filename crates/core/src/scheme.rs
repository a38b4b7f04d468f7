//! Which vendor scheme a pasted URL belongs to.
//!
//! Detection looks at the parameters first (they are what the vendor checks)
//! and falls back to the path shapes in vendors.md only to break a tie.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::query::ParsedUrl;

/// The three signing schemes the product speaks.
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
}

impl Scheme {
    /// The name used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Scheme::SigmaClassic => "sigma-classic",
            Scheme::SigmaJwt => "sigma-jwt",
            Scheme::BoldBi => "boldbi",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Scheme::SigmaClassic => "Sigma classic signed URL",
            Scheme::SigmaJwt => "Sigma JWT embed",
            Scheme::BoldBi => "Bold BI token authentication",
        }
    }

    /// The vendor's name.
    pub fn vendor(self) -> &'static str {
        match self {
            Scheme::SigmaClassic | Scheme::SigmaJwt => "Sigma",
            Scheme::BoldBi => "Bold BI",
        }
    }
}

/// Whether a base URL has Bold BI's shape: `/bi/site/...`, or with a
/// culture segment, `/bi/en-us/site/...`.
pub fn is_boldbi_path(base: &str) -> bool {
    let path = base.split_once("://").map_or(base, |(_, rest)| rest);
    let segments: Vec<&str> = path.split('/').collect();
    segments.windows(2).any(|w| w == ["bi", "site"])
        || segments
            .windows(3)
            .any(|w| w[0] == "bi" && w[2] == "site" && is_culture(w[1]))
}

/// `en-us`, `fr-FR`, `ja`: a language tag of letters and hyphens.
fn is_culture(segment: &str) -> bool {
    (2..=10).contains(&segment.len())
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-')
}

/// Detects the scheme of a parsed URL.
pub fn detect(url: &ParsedUrl) -> Result<Scheme> {
    let has = |name: &str| url.params.iter().any(|p| p.name == name);
    if has(":jwt") {
        return Ok(Scheme::SigmaJwt);
    }
    let sigma = url.params.iter().any(|p| p.name.starts_with(':'));
    let boldbi = url.params.iter().any(|p| p.name.starts_with("embed_"));
    match (sigma, boldbi) {
        (true, false) => Ok(Scheme::SigmaClassic),
        (false, true) => Ok(Scheme::BoldBi),
        (true, true) if is_boldbi_path(&url.base) => Ok(Scheme::BoldBi),
        (true, true) => Ok(Scheme::SigmaClassic),
        (false, false) if is_boldbi_path(&url.base) => Ok(Scheme::BoldBi),
        (false, false) if url.base.contains("/embed/") => Ok(Scheme::SigmaClassic),
        (false, false) => Err(Error::UnknownScheme),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme_of(url: &str) -> Result<Scheme> {
        detect(&ParsedUrl::parse(url).unwrap())
    }

    #[test]
    fn json_names_are_the_cli_names() {
        for scheme in [Scheme::SigmaClassic, Scheme::SigmaJwt, Scheme::BoldBi] {
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
        assert_eq!(scheme_of("https://a/other?x=1"), Err(Error::UnknownScheme));
        assert_eq!(
            scheme_of("https://a/bi/en-us/site/s/dashboards/1?isWidgetMode=true"),
            Ok(Scheme::BoldBi)
        );
    }
}
