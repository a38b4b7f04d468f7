//! The HTTP routes: vendor-shaped embed paths, and the `/__sandbox/*` tools.
//!
//! Embed routes rebuild the URL exactly as the browser sent it (`http://` +
//! the Host header + the raw path and query) because Sigma classic signs the
//! whole URL. Only GET judges: a HEAD must not spend a nonce.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::header::HOST;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use embed_core::Scheme;
use serde::Deserialize;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use crate::judge::{judge, Outcome, RequestOptions};
use crate::log::{truncate, EmbedEvent, EVENT_BYTES};
use crate::pages;
use crate::state::HostState;

/// The state every handler shares.
pub(crate) type Shared = Arc<HostState>;

/// The router over `state`.
pub fn router(state: Shared) -> Router {
    crate::vendors::routes(Router::new())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::framing::apply,
        ))
        .route("/", get(index))
        .route("/__sandbox/parent", get(parent))
        .route("/__sandbox/compare", get(compare))
        .route("/__sandbox/probe", get(|| async { pages::probe::render() }))
        .route("/__sandbox/log", get(log))
        .route("/__sandbox/log/stream", get(log_stream))
        .route(
            "/__sandbox/events",
            get(events)
                .post(record_event)
                .layer(DefaultBodyLimit::max(EVENT_BODY_LIMIT)),
        )
        .route("/__sandbox/clock", get(clock).post(set_clock))
        .route("/__sandbox/health", get(|| async { "ok" }))
        .route(
            "/__sandbox/assets/{version}/{name}",
            get(crate::assets::serve),
        )
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::guard::check,
        ))
        .with_state(state)
}

fn full_url(headers: &HeaderMap, uri: &Uri) -> String {
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

/// Judges an embed request for `scheme` and answers with the vendor's page.
pub(crate) fn embed(state: &HostState, scheme: Scheme, headers: &HeaderMap, uri: &Uri) -> Response {
    answer(state, scheme, headers, uri, |judgement| {
        match &judgement.outcome {
            Outcome::Unavailable(cause) => pages::refusal::unavailable(cause),
            Outcome::Accepted(_) if state.minimal_page() => Html(MINIMAL_PAGE).into_response(),
            Outcome::Accepted(accepted) => {
                crate::vendors::accepted_page(state, judgement.scheme, accepted)
            }
            Outcome::Refused(refusal) => {
                pages::refusal::render(judgement.scheme, refusal, judgement.status)
            }
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

async fn index(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let origin = full_url(&headers, &Uri::from_static("/"));
    pages::index::render(
        &state.org(),
        &state.ledger.health(),
        origin.trim_end_matches('/'),
    )
}

#[derive(Deserialize)]
struct ParentQuery {
    src: Option<String>,
}

async fn parent(Query(query): Query<ParentQuery>) -> Response {
    pages::parent::render(query.src.as_deref())
}

#[derive(Deserialize)]
struct CompareQuery {
    a: Option<String>,
    b: Option<String>,
    la: Option<String>,
    lb: Option<String>,
}

async fn compare(Query(q): Query<CompareQuery>) -> Response {
    pages::compare::render([
        (q.la.as_deref(), q.a.as_deref()),
        (q.lb.as_deref(), q.b.as_deref()),
    ])
}

#[derive(Deserialize)]
struct LogQuery {
    #[serde(default)]
    since: u64,
}

async fn log(State(state): State<Shared>, Query(query): Query<LogQuery>) -> Response {
    Json(state.log.since(query.since)).into_response()
}

/// Largest event body accepted (the text is then cut to `EVENT_BYTES`).
const EVENT_BODY_LIMIT: usize = 16 * 1024;

async fn events(State(state): State<Shared>, Query(query): Query<LogQuery>) -> Response {
    Json(state.events.since(query.since)).into_response()
}

/// What the parent page posts for each message its embed sent.
#[derive(Deserialize)]
struct PostedEvent {
    origin: String,
    data: serde_json::Value,
}

async fn record_event(State(state): State<Shared>, Json(posted): Json<PostedEvent>) -> StatusCode {
    let data = posted.data.to_string();
    state.events.push(EmbedEvent {
        id: 0,
        time: state.clock.now(),
        origin: truncate(&posted.origin, 200).to_owned(),
        data: truncate(&data, EVENT_BYTES).to_owned(),
    });
    StatusCode::NO_CONTENT
}

async fn log_stream(
    State(state): State<Shared>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.log.subscribe()).filter_map(|entry| {
        // A lagging reader skips what it missed rather than failing.
        let entry = entry.ok()?;
        let event = Event::default()
            .event("request")
            .id(entry.id.to_string())
            .json_data(&entry)
            .ok()?;
        Some(Ok(event))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[derive(serde::Serialize)]
struct ClockView {
    now: u64,
    offset: i64,
    /// Seconds until a lent offset is put back, or null.
    lease_left: Option<u64>,
}

fn clock_view(state: &HostState) -> Json<ClockView> {
    Json(ClockView {
        now: state.clock.now(),
        offset: state.clock.offset(),
        lease_left: state.clock.lease_left(),
    })
}

async fn clock(State(state): State<Shared>) -> Json<ClockView> {
    clock_view(&state)
}

#[derive(Deserialize)]
struct ClockQuery {
    offset: i64,
    /// Lend the offset for this many seconds only (then the host puts the
    /// previous one back itself).
    #[serde(rename = "for")]
    lend_for: Option<u64>,
}

async fn set_clock(
    State(state): State<Shared>,
    Query(query): Query<ClockQuery>,
) -> Json<ClockView> {
    match query.lend_for {
        Some(seconds) => state.clock.lend_offset(
            query.offset,
            std::time::Duration::from_secs(seconds.min(86_400)),
        ),
        None => state.clock.set_offset(query.offset),
    }
    clock_view(&state)
}

async fn not_found(uri: Uri) -> Response {
    let body = format!(
        "Embed Sandbox local host: nothing at {}.\nEmbed routes: /embed/{{id}}, /{{org}}/workbook/{{name}}, /bi/site/{{site}}/dashboards/{{id}}/...; tools under /__sandbox/ (see /).\n",
        uri.path()
    );
    (StatusCode::NOT_FOUND, body).into_response()
}
