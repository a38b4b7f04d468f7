//! Bold BI on the local host: the dashboard and designer paths (with or
//! without a culture segment) and the mock dashboard they open; the Embed
//! SDK's authorize endpoint, the dashboard its access token opens, and a
//! stand-in for the Embed SDK script, so a customer's page using
//! `BoldBI.create({… authorizationServer: {url}})` works offline.

pub mod authorize;
pub mod dashboard;
pub mod filters;
pub mod tokens;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use embed_core::facts::EmbedFacts;
use embed_core::query::ParsedUrl;
use embed_core::{Embed, Scheme};

use crate::html::{esc, Page};
use crate::judge::Accepted;
use crate::respond::{embed, no_head};
use crate::state::{HostState, Shared};
use crate::vendor::VendorHost;

/// Bold BI on the local host.
pub struct BoldBi;

impl VendorHost for BoldBi {
    fn schemes(&self) -> &'static [Scheme] {
        &[Scheme::BoldBi]
    }
    fn routes(&self, router: Router<Shared>) -> Router<Shared> {
        routes(router)
    }
    fn owns(&self, path: &str) -> bool {
        owns(path)
    }
    fn accepted_page(&self, _state: &HostState, accepted: &Accepted) -> Response {
        dashboard::render(accepted)
    }
    /// Bold BI documents no iframe events: the mock speaks Sigma's
    /// `workbook:` events, so the preview offers and reads those.
    fn inbound_events(&self) -> Option<crate::vendor::InboundEvents> {
        super::sigma::Sigma.inbound_events()
    }
    fn loaded_events(&self) -> &'static [&'static str] {
        super::sigma::Sigma.loaded_events()
    }
    fn index_entries(&self) -> &'static str {
        "<li>Bold BI: <code>/bi/site/{site}/dashboards/{id}/{category}/{name}</code>, <code>/bi/site/{site}/dashboard-designer</code>; the Embed SDK's <code>/bi/api/site/{site}/embed/authorize</code> (JSON, as an authorization server calls it) and a stand-in for its script at <code>/embedded-sdk/boldbi-embed.js</code></li>"
    }
}

/// Where the Embed SDK stand-in is served (the CDN's path, on this host).
pub const SDK_PATH: &str = "/embedded-sdk/boldbi-embed.js";
const SDK: &str = include_str!("sdk.js");

/// Whether `path` is one of Bold BI's.
pub fn owns(path: &str) -> bool {
    path.starts_with("/bi/") || path == SDK_PATH
}

/// `router` with Bold BI's paths: `/bi/site/...` and, as newer docs put a
/// culture segment first, `/bi/en-us/site/...`; the authorize endpoint; the
/// SDK stand-in.
pub fn routes(router: Router<Shared>) -> Router<Shared> {
    let mut router = router
        .route(
            "/bi/api/site/{site}/embed/authorize",
            get(authorize::authorize).head(no_head),
        )
        .route(SDK_PATH, get(sdk));
    for prefix in ["/bi/site/{site}", "/bi/{culture}/site/{site}"] {
        router = router.route(
            &format!("{prefix}/dashboards/{{*rest}}"),
            get(dashboard).post(with_token).head(no_head),
        );
        for path in ["/dashboard-designer", "/dashboard-designer/{*rest}"] {
            router = router.route(&format!("{prefix}{path}"), get(dashboard).head(no_head));
        }
    }
    router
}

async fn dashboard(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    embed(&state, Scheme::BoldBi, &headers, &uri, &BoldBi)
}

async fn sdk() -> Response {
    (
        [(CONTENT_TYPE, "application/javascript; charset=utf-8")],
        SDK,
    )
        .into_response()
}

/// The dashboard the Embed SDK stand-in opens by posting the authorize
/// endpoint's `access_token` (a form body, so the token never sits in a
/// URL or the request log).
async fn with_token(State(state): State<Shared>, uri: Uri, body: Bytes) -> Response {
    let refuse = |why: &str| {
        Page::new(
            "Not authorized",
            &["base.css"],
            format!(
                "<main data-testid=\"refusal\" data-reason=\"access-token\"><p class=\"message\" data-testid=\"message\">{}</p><p class=\"muted\">Embed Sandbox: the Embed SDK opens a dashboard with the access_token the authorize endpoint gave for it.</p></main>",
                esc(why)
            ),
        )
        .respond(StatusCode::UNAUTHORIZED)
    };
    let token = String::from_utf8_lossy(&body)
        .split('&')
        .find_map(|pair| pair.strip_prefix("access_token="))
        .and_then(|raw| embed_core::encoding::decode_component(raw, true).ok());
    let Some(token) = token else {
        return refuse("No access_token was posted.");
    };
    let now = state.clock.now();
    let claims = match state.part::<tokens::Tokens>().check(&token, now) {
        Ok(claims) => claims,
        Err(why) => return refuse(why),
    };
    let base = format!("http://127.0.0.1{}", uri.path());
    if embed_core::schemes::spec(Scheme::BoldBi)
        .embed_id(&base)
        .as_deref()
        != Some(claims.dashboard.as_str())
    {
        return refuse("The access token is for another dashboard.");
    }
    let Ok(url) = ParsedUrl::parse(&format!("{base}?{}", claims.query)) else {
        return refuse("The access token's parameters are unreadable.");
    };
    let accepted = Accepted {
        embed: Embed {
            url,
            scheme: Scheme::BoldBi,
            facts: EmbedFacts {
                email: Some(claims.sub),
                ..EmbedFacts::default()
            },
        },
        grants: state.org().grants(None),
        now,
    };
    dashboard::render(&accepted)
}
