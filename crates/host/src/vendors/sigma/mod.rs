//! Sigma on the local host: the classic and JWT embed paths, the mock
//! workbook they open, and Sigma's embed events.

pub mod events;
pub mod workbook;

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use embed_core::Scheme;

use crate::judge::Accepted;
use crate::respond::{embed, no_head};
use crate::state::{HostState, Shared};
use crate::vendor::{InboundEvents, VendorHost};

/// Sigma's two schemes on the local host.
pub struct Sigma;

impl VendorHost for Sigma {
    fn schemes(&self) -> &'static [Scheme] {
        &[Scheme::SigmaClassic, Scheme::SigmaJwt]
    }
    fn routes(&self, router: Router<Shared>) -> Router<Shared> {
        routes(router)
    }
    fn accepted_page(&self, _state: &HostState, accepted: &Accepted) -> Response {
        workbook::render(accepted)
    }
    fn inbound_events(&self) -> Option<InboundEvents> {
        Some((events::INBOUND, events::SDK_ORIGIN_NOTE, false))
    }
    fn loaded_events(&self) -> &'static [&'static str] {
        events::LOADED
    }
    fn outbound_events(&self) -> &'static [&'static str] {
        events::OUTBOUND
    }
    fn index_entries(&self) -> &'static str {
        "<li>Sigma classic: <code>/embed/{embed_id}</code>, <code>/embed/{embed_id}/tag/{tag}</code></li>\
         <li>Sigma JWT: <code>/{org}/workbook/{name}-{id}</code> (and <code>/page/</code>, <code>/element/</code>, <code>/tag/</code>)</li>"
    }
}

/// `router` with Sigma's embed paths (`/embed/<id>`, `/<org>/workbook/...`).
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    let classic = get(classic).head(no_head);
    router
        .route("/embed/{embed_id}", classic.clone())
        .route("/embed/{embed_id}/tag/{tag}", classic)
        .route("/{org}/workbook/{*rest}", get(jwt).head(no_head))
}

async fn classic(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::SigmaClassic, &headers, &uri, &Sigma)
}

async fn jwt(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::SigmaJwt, &headers, &uri, &Sigma)
}
