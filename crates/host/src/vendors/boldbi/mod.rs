//! Bold BI on the local host: the dashboard and designer paths (with or
//! without a culture segment) and the mock dashboard they open.

pub mod dashboard;

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use embed_core::Scheme;

use crate::routes::{embed, no_head, Shared};

/// Whether `path` is one of Bold BI's.
pub fn owns(path: &str) -> bool {
    path.starts_with("/bi/")
}

/// `router` with Bold BI's paths: `/bi/site/...` and, as newer docs put a
/// culture segment first, `/bi/en-us/site/...`.
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    let mut router = router;
    for prefix in ["/bi/site/{site}", "/bi/{culture}/site/{site}"] {
        for path in [
            "/dashboards/{*rest}",
            "/dashboard-designer",
            "/dashboard-designer/{*rest}",
        ] {
            router = router.route(&format!("{prefix}{path}"), get(dashboard).head(no_head));
        }
    }
    router
}

async fn dashboard(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::BoldBi, &headers, &uri)
}
