//! What Metabase answers when it refuses an embed (HTTP 400, a plain-text
//! body; vendors.md §6), in its words where it documents them and ours,
//! marked `Product`, where it does not.

use crate::verdict::{Reason, Wording};

/// `alg` missing from the token's header.
pub const ALG_MISSING: Reason = Reason::declare("alg-missing");
/// `alg` is `none`.
pub const ALG_NONE: Reason = Reason::declare("alg-none");

/// The reasons only Metabase has.
pub static OWN: [Reason; 2] = [ALG_MISSING, ALG_NONE];

/// The text, whose words they are, and the code, for `reason`.
pub fn message(reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
    use Wording::{Product, Vendor};
    match reason {
        Reason::InvalidSignature => ("Message seems corrupt or manipulated", Vendor, None),
        Reason::Expired => ("Token is expired", Vendor, None),
        Reason::TimeInFuture => ("Token is not yet valid", Vendor, None),
        Reason::MissingParameter => (
            "Token is missing value for keypath [:resource :dashboard]",
            Vendor,
            None,
        ),
        ALG_MISSING => ("JWT is missing `alg`.", Vendor, None),
        ALG_NONE => ("JWT `alg` cannot be `none`.", Vendor, None),
        Reason::UnknownEmbed => (
            "Nothing with this id is published for embedding (Metabase's text for an id it does not have is unconfirmed).",
            Product,
            None,
        ),
        _ => (
            "Metabase refused the embed (its text for this is unconfirmed).",
            Product,
            None,
        ),
    }
}
