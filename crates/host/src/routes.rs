//! The HTTP routes: vendor-shaped embed paths, and the `/__sandbox/*` tools.
//!
//! Embed routes rebuild the URL exactly as the browser sent it (`http://` +
//! the Host header + the raw path and query) because Sigma classic signs the
//! whole URL. Only GET judges: a HEAD must not spend a nonce.

use std::convert::Infallible;

use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use crate::log::{truncate, EmbedEvent, EVENT_BYTES};
use crate::pages;
use crate::respond::full_url;
use crate::state::{HostState, Shared};

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
            state.guard.clone(),
            crate::guard::check,
        ))
        .with_state(state)
}

pub use crate::respond::{CAUSE_HEADER, PROBE_HEADER, TIME_OFFSET_HEADER, VERDICT_HEADER};

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
