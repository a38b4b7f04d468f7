//! The pages' static CSS and JavaScript, served from the host itself (no
//! external assets) under a versioned path so browsers may cache them.
//!
//! Keeping code out of the pages lets their CSP forbid inline script and
//! style entirely; each page passes its data as a JSON block instead.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

pub use crate::html::ASSET_PREFIX as PREFIX;

const ASSETS: &[(&str, &str)] = &[
    ("base.css", include_str!("../assets/base.css")),
    ("workbook.css", include_str!("../assets/workbook.css")),
    ("dashboard.css", include_str!("../assets/dashboard.css")),
    ("refusal.css", include_str!("../assets/refusal.css")),
    ("parent.css", include_str!("../assets/parent.css")),
    ("events.js", include_str!("../assets/events.js")),
    ("workbook.js", include_str!("../assets/workbook.js")),
    ("dashboard.js", include_str!("../assets/dashboard.js")),
    ("refusal.js", include_str!("../assets/refusal.js")),
    ("parent.js", include_str!("../assets/parent.js")),
    ("compare.css", include_str!("../assets/compare.css")),
    ("compare.js", include_str!("../assets/compare.js")),
    ("probe.js", include_str!("../assets/probe.js")),
];

/// The asset called `name`, if any: a shared one, or one of a vendor's own.
pub fn get(name: &str) -> Option<&'static str> {
    ASSETS
        .iter()
        .chain(crate::vendors::all().iter().flat_map(|v| v.assets()))
        .find(|(n, _)| *n == name)
        .map(|(_, body)| *body)
}

/// `GET /__sandbox/assets/{version}/{name}`.
pub async fn serve(Path((_version, name)): Path<(String, String)>) -> Response {
    let Some(body) = get(&name) else {
        return (StatusCode::NOT_FOUND, "no such asset\n").into_response();
    };
    let content_type = if name.ends_with(".css") {
        "text/css; charset=utf-8"
    } else {
        "text/javascript; charset=utf-8"
    };
    (
        [
            (CONTENT_TYPE, content_type),
            (CACHE_CONTROL, "public, max-age=86400"),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_there_and_scripts_read_their_data_block() {
        for (name, body) in ASSETS {
            assert!(!body.trim().is_empty(), "{name}");
        }
        for page in ["workbook.js", "dashboard.js", "refusal.js", "parent.js"] {
            assert!(
                get(page).is_some_and(|js| js.contains("getElementById('data')")),
                "{page}"
            );
        }
    }
}
