//! Mode on the local host: `/{org}/reports/{report}/embed` checks the
//! white-label URL as Mode does (the signature over the URL as received,
//! the access key, the timestamp window in force) and, when it is good,
//! shows a mock report: its parameters as the report reads them (decoded
//! once or twice, the host's setting) and the sample sales filtered by a
//! parameter that names a column.

pub mod report;

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use embed_core::Scheme;

use crate::judge::Accepted;
use crate::respond::{embed, no_head};
use crate::state::{HostState, Shared};
use crate::vendor::VendorHost;

/// Mode on the local host.
pub struct Mode;

impl VendorHost for Mode {
    fn schemes(&self) -> &'static [Scheme] {
        &[Scheme::Mode]
    }
    fn routes(&self, router: Router<Shared>) -> Router<Shared> {
        router.route(
            "/{org}/reports/{report}/embed",
            get(report_embed).head(no_head),
        )
    }
    fn owns(&self, path: &str) -> bool {
        path.contains("/reports/") && path.ends_with("/embed")
    }
    fn accepted_page(&self, state: &HostState, accepted: &Accepted) -> Response {
        report::render(state, accepted)
    }
    /// Mode documents no embed events: a refused embed tells its parent nothing.
    fn posts_error_event(&self) -> bool {
        false
    }
    fn index_entries(&self) -> &'static str {
        "<li>Mode: <code>/{org}/reports/{report}/embed</code></li>"
    }
}

async fn report_embed(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::Mode, &headers, &uri, &Mode)
}
