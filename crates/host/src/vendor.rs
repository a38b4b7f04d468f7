//! What the local host asks of each vendor it stands in for: its routes,
//! the page an accepted embed gets, the events its embeds speak, its own
//! assets and how the index page lists it. Each folder under `vendors/`
//! implements [`VendorHost`]; `vendors` is the registry that lists them.
//! This module names no vendor.

use axum::response::Response;
use axum::Router;
use embed_core::Scheme;

use crate::judge::Accepted;
use crate::state::{HostState, Shared};

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

/// The events the preview's parent page may send into an embed: the
/// events, a note on the vendor's event rules, and whether messages travel
/// as JSON text rather than objects.
pub type InboundEvents = (&'static [Inbound], &'static str, bool);

/// One vendor the local host stands in for.
pub trait VendorHost: Sync {
    /// The schemes whose embeds its mock serves.
    fn schemes(&self) -> &'static [Scheme];
    /// `router` with its routes added.
    fn routes(&self, router: Router<Shared>) -> Router<Shared>;
    /// Whether `path` is one of its paths, for the framing emulation.
    fn owns(&self, _path: &str) -> bool {
        false
    }
    /// The page an accepted embed gets (its mock content).
    fn accepted_page(&self, state: &HostState, accepted: &Accepted) -> Response;
    /// The events its embeds take from their parent, if it documents any.
    fn inbound_events(&self) -> Option<InboundEvents> {
        None
    }
    /// Its embed events that say the content is shown.
    fn loaded_events(&self) -> &'static [&'static str] {
        &[]
    }
    /// Its documented outbound event names.
    fn outbound_events(&self) -> &'static [&'static str] {
        &[]
    }
    /// Whether its refused embed tells its parent page why.
    fn posts_error_event(&self) -> bool {
        true
    }
    /// The page a refused embed gets, when the vendor answers otherwise
    /// than with the shared refusal page (Metabase: a plain-text 400).
    fn refused_page(
        &self,
        _refusal: &embed_core::verdict::Refusal,
        _status: u16,
    ) -> Option<Response> {
        None
    }
    /// Its own static assets, `(name, body)`, served beside the shared ones.
    fn assets(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
    /// Its embed routes as the index page lists them (HTML list items).
    fn index_entries(&self) -> &'static str;
}
