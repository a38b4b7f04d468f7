//! Applies the framing emulation to every vendor page: the `X-Frame-Options`
//! and `frame-ancestors` headers the settings ask for, and, on the pages of
//! a vendor whose mock needs a session (Looker), a `sandbox_session` cookie
//! with the session cookie's attributes, set signed in or not as a vendor's
//! web application does, so the embed doctor can see it without spending a
//! signed URL.

use axum::extract::{Request, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use embed_core::doctor::emulation::SESSION_COOKIE;

use crate::state::Shared;

/// The middleware on vendor routes.
pub async fn apply(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let scheme = crate::vendors::scheme_of_path(request.uri().path());
    let mut response = next.run(request).await;
    let framing = state.framing();
    let headers = response.headers_mut();
    for (name, value) in framing.headers(scheme) {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(HeaderName::from_static(name), value);
        }
    }
    let needs_session = scheme.is_some_and(crate::vendors::needs_session_cookie);
    if needs_session && !headers.contains_key(SET_COOKIE) {
        let cookie = format!(
            "{SESSION_COOKIE}={}; {}",
            session_id(),
            framing.cookie_attributes()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.insert(SET_COOKIE, value);
        }
    }
    response
}

/// A random visitor id (the cookie carries nothing else).
fn session_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}
