//! Each vendor the local host stands in for, one folder each behind
//! [`VendorHost`]: its embed routes, its mock content, its events and
//! assets. This module is the registry: the only place that lists them.

pub mod boldbi;
pub mod looker;
pub mod metabase;
pub mod mode;
pub mod sigma;

use axum::Router;
use embed_core::Scheme;

use crate::state::Shared;
use crate::vendor::{InboundEvents, VendorHost};

/// Every vendor the host stands in for.
pub fn all() -> [&'static dyn VendorHost; 5] {
    [
        &sigma::Sigma,
        &boldbi::BoldBi,
        &looker::Looker,
        &metabase::Metabase,
        &mode::Mode,
    ]
}

/// The vendor whose mock serves `scheme`'s embeds.
pub fn of(scheme: Scheme) -> &'static dyn VendorHost {
    all()
        .into_iter()
        .find(|v| v.schemes().contains(&scheme))
        // Every registered scheme has a vendor here (a test checks it).
        .unwrap_or(&sigma::Sigma)
}

/// What the preview's parent page offers for an embed of `scheme`: its
/// vendor's events (none, with a note saying so, for a vendor whose embeds
/// take none).
pub fn inbound_events(scheme: Scheme) -> InboundEvents {
    of(scheme).inbound_events().unwrap_or((
        &[],
        "This vendor documents no events its embeds take from their page.",
        false,
    ))
}

/// Whether `scheme`'s embeds post an event that says they are shown.
pub fn posts_loaded_event(scheme: Scheme) -> bool {
    !of(scheme).loaded_events().is_empty()
}

/// Every vendor's embed events that say the content is shown (the preview's
/// "embed loaded").
pub fn loaded_events() -> Vec<&'static str> {
    all()
        .iter()
        .flat_map(|v| v.loaded_events())
        .copied()
        .collect()
}

/// Every vendor's documented outbound event names, for the preview's log.
pub fn outbound_events() -> Vec<&'static str> {
    all()
        .iter()
        .flat_map(|v| v.outbound_events())
        .copied()
        .collect()
}

/// Whether the mock of `scheme` needs a session cookie back (its scheme
/// declares the session-cookie emulation: its content asks to log in
/// without one): only its pages get the framing emulation's
/// `sandbox_session` cookie, with the same attributes as the real session
/// cookie, so the doctor sees what the browser will do with it and never
/// flags a cookie nothing needs.
pub fn needs_session_cookie(scheme: Scheme) -> bool {
    embed_core::doctor::emulation::emulates(scheme, "session-cookie")
}

/// `router` with every vendor's embed routes added.
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    all()
        .iter()
        .fold(router, |router, vendor| vendor.routes(router))
}

/// The scheme of the vendor a request path belongs to, where the framing
/// emulation depends on it (a vendor that claims its paths); `None` for
/// the others.
pub fn scheme_of_path(path: &str) -> Option<Scheme> {
    all()
        .iter()
        .find(|v| v.owns(path))
        .and_then(|v| v.schemes().first().copied())
}

/// The index page's list of every vendor's embed routes.
pub fn index_entries() -> String {
    all().iter().map(|v| v.index_entries()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_scheme_has_exactly_one_vendor() {
        for scheme in embed_core::schemes::all().into_iter().map(|s| s.scheme()) {
            let serving = all()
                .iter()
                .filter(|v| v.schemes().contains(&scheme))
                .count();
            assert_eq!(serving, 1, "{scheme:?}");
        }
    }

    #[test]
    fn every_inbound_example_is_json_of_its_own_type() {
        for scheme in embed_core::schemes::all().into_iter().map(|s| s.scheme()) {
            for event in inbound_events(scheme).0 {
                let value: serde_json::Value = serde_json::from_str(event.example).unwrap();
                assert_eq!(value["type"], event.kind, "{scheme:?}");
            }
        }
    }
}
