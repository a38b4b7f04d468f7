//! What makes a Metabase token dangerous or useless, found without the
//! secret: no `exp` (the token, and the URL that carries it, work for ever)
//! and an `exp` in milliseconds (tens of thousands of years away).

use crate::facts::EmbedFacts;
use crate::model::hazard::{Hazard, Severity};

/// An `exp` this large is milliseconds, not seconds (the year 33658 and on).
const MILLISECONDS: u64 = 1_000_000_000_000;

/// Hazards of the token's expiry.
pub fn expiry(facts: &EmbedFacts, found: &mut Vec<Hazard>) {
    let Some(jwt) = &facts.jwt else {
        return;
    };
    match jwt.claims.get("exp") {
        // Information, not a warning: Metabase's own Django and Rails
        // samples sign without exp.
        None => found.push(Hazard::new(
            "no-exp",
            Severity::Info,
            Some("exp"),
            "The token has no exp, so it never expires: anyone who sees the URL can load the embed until the embedding secret changes (Metabase's Django and Rails samples sign this way; its Node sample sets exp to now + 600).".into(),
            "To limit that, set exp a few minutes ahead, as Metabase's Node sample does.",
        )),
        Some(exp) if exp.as_u64().is_some_and(|e| e >= MILLISECONDS) => found.push(Hazard::new(
            "exp-in-milliseconds",
            Severity::Warning,
            Some("exp"),
            format!("exp is {exp}: milliseconds (Date.now() without / 1000), so the token is valid for tens of thousands of years."),
            "Send exp in Unix seconds: Math.round(Date.now() / 1000) + 600.",
        )),
        Some(_) => {}
    }
}
