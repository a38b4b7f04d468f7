//! Looker's own checks after the shared ones: the session length.

use super::MAX_SESSION_LENGTH;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::verdict::{Reason, Refusal};

/// `session_length` over Looker's 30 days.
pub fn session_length(url: &ParsedUrl) -> Option<Refusal> {
    let length: u64 = url.first("session_length")?.value.trim().parse().ok()?;
    (length > MAX_SESSION_LENGTH).then(|| {
        Refusal::new(
            Scheme::Looker,
            Reason::SessionLengthTooLong,
            format!("session_length is {length} s; Looker allows at most {MAX_SESSION_LENGTH} s (30 days)."),
            "Lower session_length (the API's default is 300).",
        )
    })
}
