//! Every signing scheme the product speaks, one folder each, behind one
//! trait: [`SchemeSpec`] is everything the shared machinery (parsing,
//! inspection, verification, diff, redaction, snippets, forms) may ask a
//! scheme. [`spec`] is the registry: the only place that lists them.
//!
//! A scheme's folder holds its facts as data (parameters, legacy names,
//! texts, limits) next to the code that signs and reads them; adding a
//! scheme means a new folder, a [`Scheme`] variant and one line in [`spec`]
//! (see "Adding a vendor" in the README).

pub mod boldbi;
pub mod looker;
pub mod metabase;
pub mod mode;
pub mod sigma;
pub mod sigma_classic;
pub mod sigma_jwt;

use std::sync::{PoisonError, RwLock};

use crate::error::Result;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::setting::{Control, SettingDef};

pub use crate::spec::{segment_after, Likeness, SchemeSpec};

/// The setting every scheme shares: how far a signing time may lie ahead.
/// (The registry holds it: its default comes from one vendor's documents.)
pub static CLOCK_SKEW: SettingDef = SettingDef {
    name: "clock-skew",
    label: "Allowed clock skew for :time / iat / embed_timestamp (s)",
    note: "unconfirmed: the vendors do not document an allowed skew; 300 s is Looker's",
    control: Control::Seconds {
        min: 0,
        default: DEFAULT_CLOCK_SKEW,
    },
    cli_aliases: &[],
};

/// Default of [`CLOCK_SKEW`]: 5 minutes, as Looker documents for its scheme.
pub const DEFAULT_CLOCK_SKEW: u64 = 300;

/// The schemes this build speaks, in the order detection breaks ties
/// (Looker's `/login/embed/` path also contains Sigma classic's `/embed/`).
fn built_in() -> [&'static dyn SchemeSpec; 6] {
    [
        &looker::Looker,
        &sigma_classic::SigmaClassic,
        &sigma_jwt::SigmaJwt,
        &boldbi::BoldBi,
        &mode::Mode,
        &metabase::Metabase,
    ]
}

/// The order people see the built-in schemes listed in.
const LISTING: [Scheme; 6] = [
    Scheme::SigmaClassic,
    Scheme::SigmaJwt,
    Scheme::BoldBi,
    Scheme::Looker,
    Scheme::Metabase,
    Scheme::Mode,
];

/// The built-in schemes' ids, in listing order.
const BUILT_IN_IDS: [&str; 6] = [
    "sigma-classic",
    "sigma-jwt",
    "boldbi",
    "looker",
    "metabase",
    "mode",
];

/// Schemes registered at run time, after the built-in ones.
static REGISTERED: RwLock<Vec<&'static dyn SchemeSpec>> = RwLock::new(Vec::new());

fn registered() -> Vec<&'static dyn SchemeSpec> {
    REGISTERED
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// Adds a scheme at run time (the conformance tests' toy scheme; a scheme
/// outside this build). Every service then speaks it: detection, inspect,
/// verify, forms, scenarios. A second registration of the same id is
/// ignored.
pub fn register(spec: &'static dyn SchemeSpec) {
    let mut specs = REGISTERED.write().unwrap_or_else(PoisonError::into_inner);
    let id = spec.scheme();
    let known =
        built_in().iter().any(|s| s.scheme() == id) || specs.iter().any(|s| s.scheme() == id);
    if !known {
        specs.push(spec);
    }
}

/// The registry: the spec of `scheme`.
pub fn spec(scheme: Scheme) -> &'static dyn SchemeSpec {
    match scheme {
        Scheme::SigmaClassic => &sigma_classic::SigmaClassic,
        Scheme::SigmaJwt => &sigma_jwt::SigmaJwt,
        Scheme::BoldBi => &boldbi::BoldBi,
        Scheme::Looker => &looker::Looker,
        Scheme::Mode => &mode::Mode,
        Scheme::Metabase => &metabase::Metabase,
        // A scheme value exists only for a registered scheme (reading one
        // from text checks the registry); the original is a safe answer.
        other => registered()
            .into_iter()
            .find(|s| s.scheme() == other)
            .unwrap_or(&sigma_classic::SigmaClassic),
    }
}

/// Every scheme, in the order detection breaks ties: the built-in ones,
/// then those registered at run time.
pub fn all() -> Vec<&'static dyn SchemeSpec> {
    let mut specs = built_in().to_vec();
    specs.extend(registered());
    specs
}

/// Every scheme in the order people see them listed, rather than the
/// order detection tries them.
pub fn listed() -> Vec<&'static dyn SchemeSpec> {
    let mut specs: Vec<&'static dyn SchemeSpec> = LISTING.iter().map(|s| spec(*s)).collect();
    specs.extend(registered());
    specs
}

impl<'de> serde::Deserialize<'de> for Scheme {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        // Worded as serde words an unknown enum variant, as it read when
        // the schemes were one.
        Scheme::from_id(&id).ok_or_else(|| serde::de::Error::unknown_variant(&id, &BUILT_IN_IDS))
    }
}

/// The schemes whose browser SDK asks the customer's server to sign (the
/// token endpoint check applies to them).
pub fn with_token_endpoint() -> Vec<Scheme> {
    listed()
        .iter()
        .filter(|s| s.has_token_endpoint())
        .map(|s| s.scheme())
        .collect()
}

/// Every scheme's tier presets, in listing order.
pub fn demo_tiers() -> Vec<crate::tier::Tier> {
    listed().iter().flat_map(|s| s.demo_tiers()).collect()
}

/// What a scheme is called, from its folder.
impl Scheme {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        spec(self).label()
    }

    /// The vendor's name.
    pub fn vendor(self) -> &'static str {
        spec(self).vendor()
    }

    /// The scheme whose [`Scheme::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Scheme> {
        all().iter().map(|s| s.scheme()).find(|s| s.id() == id)
    }

    /// Every scheme's id, for messages ("sigma-classic, sigma-jwt, boldbi").
    pub fn ids() -> String {
        all().iter().map(|s| s.id()).collect::<Vec<_>>().join(", ")
    }
}

/// Detects the scheme of a parsed URL: the one it looks most like (its
/// parameters first, since they are what the vendor checks; the path
/// shapes in vendors.md only break a tie); on a tie, the first registered.
pub fn detect(url: &ParsedUrl) -> Result<Scheme> {
    let mut best: Option<(Likeness, Scheme)> = None;
    for spec in all() {
        let likeness = spec.likeness(url);
        if likeness > Likeness::None && best.is_none_or(|(b, _)| likeness > b) {
            best = Some((likeness, spec.scheme()));
        }
    }
    match best {
        Some((_, scheme)) => Ok(scheme),
        // Nothing reads it, and it has no query: the commonest cause is a
        // src copied without the part after '?'.
        None if !url.has_query && url.token.is_none() => Err(crate::error::Error::NoQuery),
        None => Err(crate::error::Error::unknown_scheme()),
    }
}

impl crate::verdict::Reason {
    /// The reason whose [`Reason::id`](crate::verdict::Reason::id) is
    /// `id`: a shared one, or one a registered scheme declares.
    pub fn from_id(id: &str) -> Option<crate::verdict::Reason> {
        crate::verdict::ALL_REASONS
            .iter()
            .copied()
            .chain(all().iter().flat_map(|s| s.own_reasons().iter().copied()))
            .find(|r| r.id() == id)
    }

    /// What the embed shows, whose words they are, and the vendor's code if
    /// any: each scheme's texts, from its folder.
    pub fn message(
        self,
        scheme: Scheme,
    ) -> (&'static str, crate::verdict::Wording, Option<&'static str>) {
        spec(scheme).refusal_text(self)
    }
}

impl crate::error::Error {
    /// "Not an embed URL", naming what every scheme in the registry looks for.
    pub fn unknown_scheme() -> Self {
        let looked_for: Vec<String> = all()
            .iter()
            .map(|s| {
                let mark = s
                    .nonce_param()
                    .or_else(|| s.signature_param())
                    .unwrap_or_else(|| s.path_hint());
                format!("{mark} ({})", s.label())
            })
            .collect();
        let expected: Vec<String> = all()
            .iter()
            .map(|s| {
                let carries = match (s.nonce_param(), s.signature_param()) {
                    (Some(n), Some(sig)) => format!("{n} and {sig}"),
                    (None, Some(sig)) | (Some(sig), None) => sig.to_owned(),
                    (None, None) => format!("a token in its path ({})", s.path_hint()),
                };
                format!("{}: {carries}", s.label())
            })
            .collect();
        crate::error::Error::UnknownScheme {
            looked_for: looked_for.join(", "),
            expected: expected.join("; "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_ids_are_the_listed_schemes_and_each_spec_names_its_own_scheme() {
        let listed: Vec<&str> = LISTING.iter().map(|s| s.id()).collect();
        assert_eq!(listed, BUILT_IN_IDS);
        for spec in all() {
            assert_eq!(spec.id(), spec.scheme().id());
            assert_eq!(super::spec(spec.scheme()).id(), spec.id());
        }
    }
}
