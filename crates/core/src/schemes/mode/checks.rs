//! Mode's own checks: the timestamp window, which is a setting because
//! Mode does not publish it.

use super::settings::window;
use crate::facts::EmbedFacts;
use crate::policy::Policy;

/// When the URL stops being accepted under `policy`'s window.
pub fn expiry(facts: &EmbedFacts, policy: &Policy) -> Option<u64> {
    facts.issued_at.map(|t| t.saturating_add(window(policy)))
}
