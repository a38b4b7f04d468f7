//! An embed as every consumer starts from it: the URL byte-exact, its
//! scheme and what it claims. Reading one (which detects the scheme) is
//! [`crate::inspect`]'s.

use crate::facts::EmbedFacts;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;

/// A parsed URL with its scheme and facts: what every consumer starts from.
#[derive(Debug, Clone)]
pub struct Embed {
    /// The URL, byte-exact.
    pub url: ParsedUrl,
    /// Its scheme.
    pub scheme: Scheme,
    /// What it claims.
    pub facts: EmbedFacts,
}
