//! What a refused Mode embed shows. Mode publishes none of its error texts
//! for white-label embeds (vendors.md §8: unconfirmed), so every text here
//! is the product's own, and says so.

use crate::verdict::{Reason, Wording};

/// The text, whose words they are, and the code, for `reason`.
pub fn message(reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
    use Wording::Product;
    let text = match reason {
        Reason::InvalidSignature => "The embed's signature does not match its URL (Mode's text for this is unconfirmed).",
        Reason::Expired => "The embed's timestamp is too old (Mode's window and text are unconfirmed).",
        Reason::TimeInFuture => "The embed's timestamp is ahead of the server's clock (Mode's text for this is unconfirmed).",
        Reason::UnknownClientId => "The access key is not one of this organisation's (Mode's text for this is unconfirmed).",
        Reason::UnknownEmbed => "No report with this token exists in the organisation.",
        Reason::MissingParameter => "A required embed parameter is missing (Mode's text for this is unconfirmed).",
        _ => "Mode refused the embed (its text for this is unconfirmed).",
    };
    (text, Product, None)
}
