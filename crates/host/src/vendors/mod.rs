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

/// `router` with every vendor's embed routes added.
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    looker::routes(boldbi::routes(sigma::routes(router)))
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
