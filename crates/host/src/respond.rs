//! How the host answers a signed request: judge it (with a tool's
//! per-request time shift), answer with the vendor's page or a refusal,
//! and add the verdict headers tools read. Every vendor folder's embed
//! routes answer through here; it names no vendor.

use axum::http::header::HOST;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use embed_core::Scheme;

use crate::judge::{judge, Outcome, RequestOptions};
use crate::refusal_page;
use crate::state::HostState;
use crate::vendor::VendorHost;

pub(crate) fn full_url(headers: &HeaderMap, uri: &Uri) -> String {
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let path_and_query = uri.path_and_query().map_or("/", |p| p.as_str());
    format!("http://{host}{path_and_query}")
}

/// The header that tells a test tool the verdict without parsing the page:
/// `accepted`, or `refused; reason=<reason id>`. Real vendors send no such
/// header; tools then read the page's text.
pub const VERDICT_HEADER: &str = "x-embed-sandbox-verdict";

/// The header a tool sends with an unsigned probe (the embed doctor's):
/// the request is judged and answered exactly as any other, and logged as
/// a probe rather than a failed embed load.
pub const PROBE_HEADER: &str = "x-embed-sandbox-probe";

/// What an accepted embed gets under `serve --minimal-page`.
const MINIMAL_PAGE: &str = "<!doctype html><p>Embed accepted.</p>\n";

/// Judges an embed request for `scheme` and answers with `vendor`'s page.
pub(crate) fn embed(
    state: &HostState,
    scheme: Scheme,
    headers: &HeaderMap,
    uri: &Uri,
    vendor: &dyn VendorHost,
) -> Response {
    answer(state, scheme, headers, uri, |judgement| {
        match &judgement.outcome {
            Outcome::Unavailable(cause) => refusal_page::unavailable(cause),
            Outcome::Accepted(_) if state.minimal_page() => Html(MINIMAL_PAGE).into_response(),
            Outcome::Accepted(accepted) => vendor.accepted_page(state, accepted),
            Outcome::Refused(refusal) => vendor
                .refused_page(refusal, judgement.status)
                .unwrap_or_else(|| {
                    refusal_page::render(
                        judgement.scheme,
                        refusal,
                        judgement.status,
                        vendor.posts_error_event(),
                    )
                }),
        }
    })
}

/// Judges a signed request for `scheme` (its per-request time shift
/// checked, its verdict logged) and answers with what `respond` makes of
/// the judgement, with the verdict headers tools read.
pub(crate) fn answer(
    state: &HostState,
    scheme: Scheme,
    headers: &HeaderMap,
    uri: &Uri,
    respond: impl FnOnce(&crate::judge::Judgement) -> Response,
) -> Response {
    let shift = match time_shift(state, headers) {
        Ok(shift) => shift,
        Err(response) => return *response,
    };
    let options = RequestOptions {
        probe: headers.contains_key(PROBE_HEADER),
        shift,
    };
    let judgement = judge(state, scheme, uri.path(), &full_url(headers, uri), options);
    let mut response = respond(&judgement);
    let verdict = match &judgement.outcome {
        Outcome::Unavailable(_) => "unavailable; reason=ledger".to_owned(),
        Outcome::Accepted(_) => "accepted".to_owned(),
        Outcome::Refused(refusal) => format!("refused; reason={}", refusal.reason.id()),
    };
    if let Ok(value) = HeaderValue::from_str(&verdict) {
        response.headers_mut().insert(VERDICT_HEADER, value);
    }
    if let Outcome::Unavailable(cause) = &judgement.outcome {
        let printable: String = cause
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() || c == ' ' {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        if let Ok(value) = HeaderValue::from_str(&printable) {
            response.headers_mut().insert(CAUSE_HEADER, value);
        }
    }
    response
}

/// Why the host could not judge a request (with the verdict `unavailable`).
pub const CAUSE_HEADER: &str = "x-embed-sandbox-cause";

/// The header a tool sends to have one embed request judged this many
/// seconds later than the host's clock (the replay test's after-expiry
/// load). It moves no clock, so concurrent tools never see each other's
/// time travel; it needs the tools' token, like the clock itself.
pub const TIME_OFFSET_HEADER: &str = "x-embed-sandbox-time-offset";

/// The per-request shift asked for, or the refusal of a bad or unauthorised
/// one.
fn time_shift(state: &HostState, headers: &HeaderMap) -> Result<i64, Box<Response>> {
    let Some(value) = headers.get(TIME_OFFSET_HEADER) else {
        return Ok(0);
    };
    let token = headers
        .get(crate::guard::TOKEN_HEADER)
        .and_then(|t| t.to_str().ok());
    if !token.is_some_and(|t| state.guard.token_matches(t)) {
        return Err(Box::new(
            (
                StatusCode::FORBIDDEN,
                format!("{TIME_OFFSET_HEADER} needs the tools' token in {}: only a tool that may move the clock may judge a request at another time.\n", crate::guard::TOKEN_HEADER),
            )
                .into_response(),
        ));
    }
    value
        .to_str()
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|v| v.unsigned_abs() <= 100 * 365 * 86_400)
        .ok_or_else(|| {
            Box::new(
                (
                    StatusCode::BAD_REQUEST,
                    format!("{TIME_OFFSET_HEADER} must be a whole number of seconds (at most a century either way).\n"),
                )
                    .into_response(),
            )
        })
}

/// A HEAD on an embed path: refused, since only a GET may spend a nonce.
pub(crate) async fn no_head() -> Response {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        "HEAD would spend the URL's nonce; use GET.\n",
    )
        .into_response()
}
