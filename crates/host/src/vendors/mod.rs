//! Each vendor the local host stands in for, one folder each: its embed
//! routes and its mock content. This module is the registry: the only
//! place that lists them.

pub mod boldbi;
pub mod looker;
pub mod sigma;

use axum::response::Response;
use axum::Router;
use embed_core::Scheme;

use crate::judge::Accepted;
use crate::routes::Shared;
use crate::state::HostState;

/// One event a host page may send into an embed, with a payload to start from.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Inbound {
    /// The event's `type`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The message to send (JSON text, `type` included), as documented.
    pub example: &'static str,
    /// What it does, in a few words.
    pub note: &'static str,
}

/// What the preview's parent page offers for an embed of `scheme`: the
/// events it may send in, a note on the vendor's event rules, and whether
/// messages travel as JSON text (Looker) rather than objects.
pub fn inbound_events(scheme: Scheme) -> (&'static [Inbound], &'static str, bool) {
    match scheme {
        Scheme::Looker => (looker::events::INBOUND, looker::events::SDK_NOTE, true),
        _ => (
            sigma::events::INBOUND,
            sigma::events::SDK_ORIGIN_NOTE,
            false,
        ),
    }
}

/// Every vendor's embed events that say the content is shown (the preview's
/// "embed loaded").
pub fn loaded_events() -> Vec<&'static str> {
    [sigma::events::LOADED, looker::events::LOADED].concat()
}

/// Every vendor's documented outbound event names, for the preview's log.
pub fn outbound_events() -> Vec<&'static str> {
    [sigma::events::OUTBOUND, looker::events::OUTBOUND].concat()
}

/// Whether a refused embed of `scheme` tells its parent page why (Sigma's
/// `workbook:error`, which the Bold BI mock speaks too); Looker's error
/// page is silent.
pub fn posts_error_event(scheme: Scheme) -> bool {
    scheme != Scheme::Looker
}

/// Whether the mock of `scheme` needs a session cookie back (Looker's: its
/// content asks to log in without one). Only its pages get the framing
/// emulation's `sandbox_session` cookie, with the same attributes as the
/// real session cookie, so the doctor sees what the browser will do with it
/// and never flags a cookie nothing needs.
pub fn needs_session_cookie(scheme: Scheme) -> bool {
    scheme == Scheme::Looker
}

/// `router` with every vendor's embed routes added.
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    looker::routes(boldbi::routes(sigma::routes(router)))
}

/// The vendor a request path belongs to, where the framing emulation
/// depends on it (Bold BI's allowed domains, Looker's session cookie);
/// `None` for the others.
pub fn scheme_of_path(path: &str) -> Option<Scheme> {
    if boldbi::owns(path) {
        Some(Scheme::BoldBi)
    } else if looker::owns(path) {
        Some(Scheme::Looker)
    } else {
        None
    }
}

/// The page an accepted embed of `scheme` gets: the vendor's mock content
/// (Looker: a session and a redirect to it).
pub fn accepted_page(state: &HostState, scheme: Scheme, accepted: &Accepted) -> Response {
    match scheme {
        Scheme::SigmaClassic | Scheme::SigmaJwt => sigma::workbook::render(accepted),
        Scheme::BoldBi => boldbi::dashboard::render(accepted),
        Scheme::Looker => looker::accepted(state, accepted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_inbound_example_is_json_of_its_own_type() {
        for scheme in embed_core::schemes::all().map(|s| s.scheme()) {
            for event in inbound_events(scheme).0 {
                let value: serde_json::Value = serde_json::from_str(event.example).unwrap();
                assert_eq!(value["type"], event.kind, "{scheme:?}");
            }
        }
    }
}
