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

use crate::routes::{embed, no_head, Shared};

/// `router` with Sigma's embed paths (`/embed/<id>`, `/<org>/workbook/...`).
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    let classic = get(classic).head(no_head);
    router
        .route("/embed/{embed_id}", classic.clone())
        .route("/embed/{embed_id}/tag/{tag}", classic)
        .route("/{org}/workbook/{*rest}", get(jwt).head(no_head))
}

async fn classic(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::SigmaClassic, &headers, &uri)
}

async fn jwt(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::SigmaJwt, &headers, &uri)
}
