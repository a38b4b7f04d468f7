//! Bold BI's Embed SDK authorization (vendors.md §4.1): the SDK posts its
//! `embedQuerString` to the customer's authorization server, which adds the
//! user and its timestamp, signs the whole string as §4 does, and GETs
//! `{api}/embed/authorize?{string}&embed_signature={sig}` server to server.
//! The signed string and checks are the iframe URL's; this names the
//! authorize request's own shape: its path, its parameters, and the
//! dashboard it asks for.

use crate::query::ParsedUrl;

/// The authorize route under a site's API: `/bi/api/site/{site}` + this.
pub const AUTHORIZE_PATH: &str = "/embed/authorize";

/// The parameters only the authorize request carries (the SDK's, then the
/// server's `embed_server_timestamp`): read by the form, never "unknown".
pub const AUTHORIZE_PARAMS: [&str; 7] = [
    "embed_dashboard_id",
    "embed_dashboard_ids",
    "embed_dashboard_path",
    "embed_dashboard_paths",
    "pinboard_name",
    "embed_mode",
    "embed_server_timestamp",
];

/// The segments of a base URL's path.
fn segments(base: &str) -> Vec<&str> {
    let path = base.split_once("://").map_or(base, |(_, rest)| rest);
    path.split('/').skip(1).collect()
}

/// Whether `base` is a site's authorize route: `…/bi/api/site/{site}/embed/authorize`.
pub fn is_authorize(base: &str) -> bool {
    let segments = segments(base);
    segments.ends_with(&["embed", "authorize"])
        && segments.windows(3).any(|w| w == ["bi", "api", "site"])
}

/// The dashboard an authorize request asks for: its `embed_dashboard_id`.
pub fn dashboard_id(url: &ParsedUrl) -> Option<String> {
    super::signed_view(url)
        .first("embed_dashboard_id")
        .map(|p| p.value.clone())
        .filter(|id| !id.trim().is_empty())
}

/// The dashboard's view URL on the same server: `{server}/bi/site/{site}/dashboards/{id}`.
pub fn dashboard_url(url: &ParsedUrl) -> Option<String> {
    let id = dashboard_id(url)?;
    let site_api = url.base.strip_suffix(AUTHORIZE_PATH)?;
    let (server, site) = site_api.split_once("/api/site/")?;
    Some(format!(
        "{server}/site/{site}/dashboards/{}",
        crate::encoding::encode_value(&id)
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_authorize_route_and_its_dashboard_are_read() {
        let url = ParsedUrl::parse("https://bi.example.com/bi/api/site/site1/embed/authorize?embed_nonce=n&embed_dashboard_id=d-1&embed_user_email=a%40b.co&embed_signature=x").unwrap();
        assert!(is_authorize(&url.base));
        assert_eq!(dashboard_id(&url).as_deref(), Some("d-1"));
        assert_eq!(
            dashboard_url(&url).as_deref(),
            Some("https://bi.example.com/bi/site/site1/dashboards/d-1")
        );
        assert!(!is_authorize(
            "https://bi.example.com/bi/site/site1/dashboards/d-1"
        ));
        assert!(!is_authorize("https://x/embed/authorize"));
    }
}
