//! The values a snippet starts from, named once for every language.

use crate::request::EmbedRequest;
use crate::scheme::Scheme;

pub use crate::model::snippet::Value;

/// The single-use values (nonce and time, under each scheme's names). Rust
/// binds them as locals at the start of `main`, from constants when exact
/// and made on every run when fresh.
pub fn is_single_use(name: &str) -> bool {
    matches!(name, "nonce" | "time" | "jti" | "iat" | "timestamp")
}

/// Whether the snippet reproduces the URL shown or makes a fresh one on each run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// The nonce and time the URL was signed with: prints that very URL.
    Exact,
    /// A new nonce and the current time on every run: a new, unspent URL.
    Fresh,
}

/// The request's scheme and its values, by snake_case name, in the order
/// the snippet declares them (nonce and time last, under their comment).
pub fn fields(
    request: &EmbedRequest,
    freshness: Freshness,
) -> (Scheme, Vec<(&'static str, Value<'_>)>) {
    let scheme = request.scheme();
    (
        scheme,
        crate::schemes::spec(scheme).snippet_values(request, freshness == Freshness::Fresh),
    )
}
