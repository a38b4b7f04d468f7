//! Checks a customer's token endpoint over real HTTP, as the vendor's
//! browser SDK calls it (Bold BI's authorization server, vendors.md §4.1):
//! posts what the SDK posts, with `dashboardServerApiUrl` pointing at a
//! scratch local host (its own port, holding the same secret) that records
//! the authorize requests the endpoint makes. Three posts: the page's
//! dashboard with the session cookies, the same without them, and another
//! dashboard with them. The verdicts are `embed_core::token_endpoint`'s.
//!
//! Cookie values are sent to the endpoint only, and never reported.

use std::time::{Duration, Instant};

use embed_core::query::ParsedUrl;
use embed_core::token_endpoint::{
    judge, Answered, AuthorizeSeen, Exchange, Observed, TokenEndpointReport,
};
use embed_core::{Scheme, Secret};
use embed_host::{Client, HostOptions, Org, RunningHost};

use crate::error::{describe, origin_of, LabError};

/// Most of an endpoint's answer read.
const BODY_LIMIT: usize = 256 * 1024;
/// The site the SDK's `serverUrl` names on the scratch host.
const SITE: &str = "site1";

/// What to check.
pub struct Request<'a> {
    /// The scheme whose SDK calls the endpoint (one with a token endpoint).
    pub scheme: Scheme,
    /// The endpoint's URL (`http://localhost:3000/authorize`).
    pub endpoint: &'a str,
    /// The page's dashboard id.
    pub entity: &'a str,
    /// The session cookies a signed-in browser sends, `(name, value)`.
    pub cookies: &'a [(String, String)],
    /// The embed secret the endpoint signs with.
    pub secret: &'a Secret,
    /// Per request.
    pub timeout: Duration,
}

/// Runs the three posts and judges them. Errors only when nothing could
/// be checked: a bad endpoint URL, the scratch host, or an endpoint that
/// cannot be reached at all.
pub async fn check(request: &Request<'_>) -> Result<TokenEndpointReport, LabError> {
    if !embed_core::schemes::spec(request.scheme).has_token_endpoint() {
        return Err(LabError::DoctorInput(format!(
            "{} embeds have no token endpoint: the check is for an embed whose browser SDK asks your server to sign ({})",
            request.scheme.label(),
            token_endpoint_labels()
        )));
    }
    if request.entity.trim().is_empty() {
        return Err(LabError::DoctorInput(
            "give the dashboard id the page shows (the SDK's dashboardId)".into(),
        ));
    }
    if !(request.endpoint.starts_with("http://") || request.endpoint.starts_with("https://")) {
        return Err(LabError::BadUrl(
            "the token endpoint must be an http(s) URL".into(),
        ));
    }
    let host = embed_host::start(HostOptions::loopback(Org::demo(vec![Client {
        id: "token-endpoint".into(),
        secret: request.secret.clone(),
        schemes: vec![request.scheme],
    }])))
    .await
    .map_err(|e| LabError::ScratchHost(e.to_string()))?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(request.timeout)
        .build()
        .map_err(|e| LabError::Network {
            host: String::new(),
            detail: e.to_string(),
        })?;
    let cookie = request
        .cookies
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let other = format!("{}-not-on-this-page", request.entity);
    let signed_in = post(&client, &host, request, request.entity, Some(&cookie)).await;
    if let Err(detail) = &signed_in.answer {
        if signed_in.authorize.is_empty() {
            host.stop().await;
            return Err(LabError::Network {
                host: origin_of(request.endpoint),
                detail: detail.clone(),
            });
        }
    }
    let anonymous = if request.cookies.is_empty() {
        None
    } else {
        Some(post(&client, &host, request, request.entity, None).await)
    };
    let other_entity = post(&client, &host, request, &other, Some(&cookie)).await;
    host.stop().await;
    Ok(judge(
        request.endpoint,
        &Observed {
            signed_in,
            anonymous,
            other_entity,
            entity: request.entity.to_owned(),
            other,
            vendor: request.scheme.vendor(),
        },
    ))
}

/// What the SDK posts for `entity`: its query (a fresh nonce, the time)
/// and the scratch host's API address.
fn sdk_body(host: &RunningHost, entity: &str, nonce: &str) -> serde_json::Value {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let query = format!(
        "embed_nonce={nonce}&embed_dashboard_id={}&embed_dashboard_ids=&embed_dashboard_path=&embed_dashboard_paths=&pinboard_name=&embed_mode=view&embed_timestamp={now}&embed_expirationtime=86400",
        embed_core::encoding::encode_value(entity)
    );
    serde_json::json!({
        "embedQuerString": query,
        "dashboardServerApiUrl": format!("{}/bi/api/site/{SITE}", host.origin()),
    })
}

async fn post(
    client: &reqwest::Client,
    host: &RunningHost,
    request: &Request<'_>,
    entity: &str,
    cookie: Option<&str>,
) -> Exchange {
    let nonce = uuid::Uuid::new_v4().to_string();
    let after = host.state.log.since(0).last().map_or(0, |e| e.id);
    let mut call = client
        .post(request.endpoint)
        .header("content-type", "application/json")
        .body(sdk_body(host, entity, &nonce).to_string());
    if let Some(cookie) = cookie.filter(|c| !c.is_empty()) {
        call = call.header("cookie", cookie);
    }
    let started = Instant::now();
    let answer = match call.send().await {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let mut body = Vec::new();
            while let Ok(Some(chunk)) = response.chunk().await {
                body.extend_from_slice(&chunk);
                if body.len() > BODY_LIMIT {
                    break;
                }
            }
            Ok(Answered {
                status,
                content_type,
                body: String::from_utf8_lossy(&body).into_owned(),
                elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            })
        }
        Err(e) => Err(describe(&e)),
    };
    let authorize = host
        .state
        .log
        .since(after)
        .into_iter()
        .filter(|e| e.route.ends_with("/embed/authorize"))
        .map(|e| {
            let url = ParsedUrl::parse(&e.url).ok();
            let value = |name: &str| {
                url.as_ref()
                    .and_then(|u| u.first(name))
                    .map(|p| p.value.clone())
            };
            AuthorizeSeen {
                params: url
                    .as_ref()
                    .map(|u| u.params.iter().map(|p| p.name.clone()).collect())
                    .unwrap_or_default(),
                dashboard: value("embed_dashboard_id"),
                same_nonce: value("embed_nonce").as_deref() == Some(nonce.as_str()),
                verdict: e.verdict.to_owned(),
                reason: e.reason,
                message: e.message,
            }
        })
        .collect();
    Exchange { answer, authorize }
}
/// The schemes the token endpoint check is for, by name.
pub fn token_endpoint_labels() -> String {
    embed_core::schemes::with_token_endpoint()
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join(", ")
}
