//! Metabase on the local host: `/embed/dashboard/{token}` and
//! `/embed/question/{token}` check the token as Metabase does (`alg`,
//! the signature under the embedding secret as text, `resource`, `exp`
//! with 60 s of grace, `nbf`) and answer a refusal as Metabase does, a
//! plain-text 400; a good token opens a mock dashboard or question whose
//! look follows the URL's hash (`bordered`, `titled`, `theme`).

pub mod dashboard;

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use embed_core::verdict::Refusal;
use embed_core::Scheme;

use crate::judge::Accepted;
use crate::respond::{embed, no_head};
use crate::state::{HostState, Shared};
use crate::vendor::VendorHost;

/// Metabase on the local host.
pub struct Metabase;

impl VendorHost for Metabase {
    fn schemes(&self) -> &'static [Scheme] {
        &[Scheme::Metabase]
    }
    fn routes(&self, router: Router<Shared>) -> Router<Shared> {
        let page = get(embed_page).head(no_head);
        router
            .route("/embed/dashboard/{token}", page.clone())
            .route("/embed/question/{token}", page)
    }
    fn owns(&self, path: &str) -> bool {
        path.starts_with("/embed/dashboard/") || path.starts_with("/embed/question/")
    }
    fn accepted_page(&self, _state: &HostState, accepted: &Accepted) -> Response {
        dashboard::render(accepted)
    }
    fn refused_page(&self, refusal: &Refusal, status: u16) -> Option<Response> {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
        Some(
            (
                status,
                [(CONTENT_TYPE, "text/plain; charset=utf-8")],
                refusal.message.clone(),
            )
                .into_response(),
        )
    }
    /// Metabase's static embeds post no error event (its guest embeds
    /// raise none either: issue #82889).
    fn posts_error_event(&self) -> bool {
        false
    }
    fn assets(&self) -> &'static [(&'static str, &'static str)] {
        &[("metabase.js", include_str!("metabase.js"))]
    }
    fn index_entries(&self) -> &'static str {
        "<li>Metabase: <code>/embed/dashboard/{token}</code>, <code>/embed/question/{token}</code></li>"
    }
}

async fn embed_page(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::Metabase, &headers, &uri, &Metabase)
}
