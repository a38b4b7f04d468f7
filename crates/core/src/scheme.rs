//! The schemes' identifiers (one variant per folder under `schemes/`):
//! plain data, so every layer may name a scheme. What a scheme is called
//! and how a URL's scheme is detected ask the registry, so they live there
//! ([`crate::schemes`]).

use serde::{Serialize, Serializer};

/// A signing scheme, by its stable id (`sigma-classic`, the name on the
/// command line and in JSON). The schemes this build speaks are the
/// constants below, one per folder under `schemes/`; the registry may hold
/// more (the conformance tests register a toy one), so shared code never
/// assumes the list is closed. Reading one from text asks the registry
/// ([`crate::schemes`]).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scheme(&'static str);

// The constants keep the names the enum's variants had, so a scheme reads
// the same wherever it is named.
#[allow(non_upper_case_globals)]
impl Scheme {
    /// Sigma's classic signed URL (`:mode=userbacked`, hex HMAC of the whole URL).
    pub const SigmaClassic: Scheme = Scheme("sigma-classic");
    /// Sigma's JWT embed (`:jwt=`).
    pub const SigmaJwt: Scheme = Scheme("sigma-jwt");
    /// Bold BI token authentication (`embed_signature`, Base64 HMAC of the query).
    pub const BoldBi: Scheme = Scheme("boldbi");
    /// Looker signed embed (`/login/embed/...&signature=`, Base64 HMAC of the values).
    pub const Looker: Scheme = Scheme("looker");
    /// Mode white-label embed (parameters sorted, hex HMAC of a request string).
    pub const Mode: Scheme = Scheme("mode");
    /// Metabase static (guest) embed (an HS256 JWT in the path or a web component).
    pub const Metabase: Scheme = Scheme("metabase");

    /// The one scheme the product spoke before it recorded a scheme with
    /// what it saved (rows and files without one are this scheme's).
    pub const ORIGINAL: Scheme = Scheme::SigmaClassic;

    /// The scheme whose id is `id`, as a scheme folder (or a test's toy
    /// scheme) declares itself; the registry lists which exist.
    pub const fn declare(id: &'static str) -> Scheme {
        Scheme(id)
    }

    /// The name used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        self.0
    }
}

impl Serialize for Scheme {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, Result};
    use crate::query::ParsedUrl;
    use crate::schemes::detect;

    fn scheme_of(url: &str) -> Result<Scheme> {
        detect(&ParsedUrl::parse(url).unwrap())
    }

    #[test]
    fn json_names_are_the_cli_names() {
        for scheme in crate::schemes::all().into_iter().map(|s| s.scheme()) {
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
