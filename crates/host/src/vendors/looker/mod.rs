//! Looker on the local host: `/login/embed/<escaped embed URL>` checks the
//! signed URL as Looker does and, when it is good, starts a session (a
//! cookie) and redirects to the embedded content, which shows a mock
//! dashboard honouring the user's permissions, models, attributes and
//! groups. Content without a session is refused, as Looker would ask for a
//! login.

pub mod dashboard;
pub mod events;
mod sessions;

pub use sessions::{Session, Sessions, COOKIE};

use axum::extract::State;
use axum::http::header::{COOKIE as COOKIE_HEADER, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use embed_core::schemes::looker::form::embed_path;
use embed_core::Scheme;

use crate::html::{esc, Page};
use crate::judge::Accepted;
use crate::respond::{embed, no_head};
use crate::state::{HostState, Shared};
use crate::vendor::{InboundEvents, VendorHost};

/// Looker on the local host.
pub struct Looker;

impl VendorHost for Looker {
    fn schemes(&self) -> &'static [Scheme] {
        &[Scheme::Looker]
    }
    fn routes(&self, router: Router<Shared>) -> Router<Shared> {
        routes(router)
    }
    fn owns(&self, path: &str) -> bool {
        owns(path)
    }
    fn accepted_page(&self, state: &HostState, accepted: &Accepted) -> Response {
        self::accepted(state, accepted)
    }
    fn inbound_events(&self) -> Option<InboundEvents> {
        Some((events::INBOUND, events::SDK_NOTE, true))
    }
    fn loaded_events(&self) -> &'static [&'static str] {
        events::LOADED
    }
    fn outbound_events(&self) -> &'static [&'static str] {
        events::OUTBOUND
    }
    /// Looker's error page is silent.
    fn posts_error_event(&self) -> bool {
        false
    }
    fn assets(&self) -> &'static [(&'static str, &'static str)] {
        &[("looker.js", include_str!("looker.js"))]
    }
    fn index_entries(&self) -> &'static str {
        "<li>Looker: <code>/login/embed/{escaped embed path}</code>, then <code>/embed/dashboards/{id}</code>, <code>/embed/looks/{id}</code>, <code>/embed/explore/{model}/{view}</code></li>"
    }
}

/// Whether `path` is one of Looker's (its login, or the content it opens).
pub fn owns(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    path.starts_with("/login/embed/")
        || matches!(
            segments.as_slice(),
            ["embed", "dashboards" | "looks", _] | ["embed", "explore", _, _]
        )
}

/// `router` with Looker's login path and the content it opens.
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    router
        .route("/login/embed/{*rest}", get(login).head(no_head))
        .route("/embed/dashboards/{id}", get(content))
        .route("/embed/looks/{id}", get(content))
        .route("/embed/explore/{model}/{view}", get(content))
}

async fn login(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::Looker, &headers, &uri, &Looker)
}

/// An accepted login: a session, and a redirect to the content.
pub fn accepted(state: &HostState, accepted: &Accepted) -> Response {
    let target = embed_path(&accepted.embed);
    // Only the path and query: the content is on this host.
    let location = target
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_owned()))
        .unwrap_or_else(|| "/".into());
    let id = state.part::<Sessions>().start(accepted);
    let mut response = StatusCode::FOUND.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&location) {
        headers.insert(LOCATION, value);
    }
    if let Ok(value) = HeaderValue::from_str(&format!(
        "{COOKIE}={id}; {}",
        state.framing().cookie_attributes()
    )) {
        headers.insert(SET_COOKIE, value);
    }
    response
}

async fn content(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    let session = headers
        .get_all(COOKIE_HEADER)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, id)| state.part::<Sessions>().get(id, state.clock.now()));
    match session {
        Some(session) => dashboard::render(&session, uri.path()),
        None => Page::new(
            "Not signed in",
            &["base.css"],
            format!(
                "<main data-testid=\"refusal\" data-reason=\"no-session\"><p class=\"message\" data-testid=\"message\">{}</p><p class=\"muted\">Embed Sandbox: Looker content needs a session, which only a signed /login/embed/ URL starts; it ran out (session_length), or the browser did not send its session cookie back (a frame on another site: SameSite, blocked third-party cookies; the embed doctor says which).</p></main>",
                esc("Please log in: there is no Looker session for this embed.")
            ),
        )
        .respond(StatusCode::UNAUTHORIZED),
    }
}
