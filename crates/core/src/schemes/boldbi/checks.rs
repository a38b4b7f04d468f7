//! Bold BI's own check after the email: `embed_expirationtime` needs a
//! timestamp to count from and must lie in the documented range.

use super::{MAX_EXPIRATION, MIN_EXPIRATION};
use crate::facts::EmbedFacts;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::verdict::{Reason, Refusal};

/// An expiration without a timestamp, or outside Bold BI's range.
pub fn expiration(url: &ParsedUrl, facts: &EmbedFacts) -> Option<Refusal> {
    let expiration = url.first("embed_expirationtime")?;
    let why = if facts.issued_at.is_none() {
        "embed_expirationtime is set without embed_timestamp, so there is nothing to count from."
            .to_owned()
    } else {
        match expiration.value.trim().parse::<u64>() {
            Ok(s) if (MIN_EXPIRATION..=MAX_EXPIRATION).contains(&s) => return None,
            Ok(s) => format!(
                "embed_expirationtime is {s} s; Bold BI accepts {MIN_EXPIRATION} to {MAX_EXPIRATION} s."
            ),
            Err(_) => return None, // reported as unreadable
        }
    };
    Some(Refusal::new(
        Scheme::BoldBi,
        Reason::InvalidExpiration,
        why,
        "Send embed_timestamp (Unix seconds) and an embed_expirationtime between 86400 and 518400, or neither.",
    ))
}
