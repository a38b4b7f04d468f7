//! Following one load of one URL in the preview until its status is known.
//!
//! When the app loads a URL it starts a [`LoadWatch`]: the request and event
//! ids the local host had reached (so only what came later counts), the
//! URL's nonce fingerprint (to find the host's verdict on exactly this URL),
//! and, for a URL that is not on the local host, a probe of its origin (never
//! the URL itself). [`LoadWatch::status`] turns what has been seen into the
//! core's one status for that URL. Watches are kept per profile, so each
//! profile shows its own last load and nothing else.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use embed_core::url_status::{
    self, HostVerdict, LocalCheck, Observations, Reachability, UrlContext, UrlStatus,
};
use embed_core::Embed;
use embed_host::log::{fingerprint, EmbedEvent};
use embed_host::state::HostState;

use crate::error::origin_of;
use crate::load::Loader;

/// How long the origin probe may take.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// Messages the host's parent page relays about its own frame.
pub const FRAME_LOAD_EVENT: &str = "embed-sandbox:frame-load";

/// One load being followed.
pub struct LoadWatch {
    url: String,
    started: Instant,
    after_request: u64,
    after_event: u64,
    nonce_fingerprint: Option<String>,
    local_route: Option<String>,
    context: UrlContext,
    reach: Arc<Mutex<Option<Reachability>>>,
    /// What the host's framing emulation does to this load in its parent
    /// page (local URLs only), judged when the load starts.
    frame_refused: Option<embed_core::doctor::Check>,
    /// The host's framing settings when the load started.
    framing: embed_core::doctor::emulation::Framing,
    /// The origin of the page that frames it.
    parent_origin: String,
}

/// The origin of the local host, in its two spellings.
fn on_local_host(url: &str, host_origin: &str) -> bool {
    let origin = origin_of(url);
    origin == host_origin || origin == embed_core::doctor::blank_frames::other_site(host_origin)
}

impl LoadWatch {
    /// Starts following `url`, loaded just now into the preview. `local` is
    /// the local check of the URL; `host` the app's local host, whose own
    /// page (on `host_origin`) frames it unless [`LoadWatch::framed_by`]
    /// says otherwise.
    pub fn start(
        url: &str,
        local: LocalCheck,
        host: &HostState,
        host_origin: &str,
        loader: &Loader,
        now: u64,
    ) -> Self {
        let embed = Embed::read(url).ok();
        let local_route = on_local_host(url, host_origin)
            .then(|| embed_core::doctor::origin::path_of(url).to_owned());
        let reach = Arc::new(Mutex::new(None));
        if local_route.is_none() {
            let slot = reach.clone();
            let client = loader.client().clone();
            let target = url.to_owned();
            tokio::spawn(async move {
                let found = crate::reach::probe(&client, &target, PROBE_TIMEOUT).await;
                *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(found);
            });
        }
        LoadWatch {
            url: url.to_owned(),
            started: Instant::now(),
            after_request: host.log.last_id(),
            after_event: host.events.last_id(),
            nonce_fingerprint: embed
                .as_ref()
                .and_then(|e| e.facts.nonce.as_deref())
                .map(fingerprint),
            context: UrlContext {
                local,
                expires_at: embed.as_ref().and_then(|e| e.facts.expires_at),
                now,
                single_use: embed.as_ref().is_some_and(|e| {
                    e.facts.nonce.is_some()
                        && embed_core::schemes::spec(e.scheme)
                            .capabilities()
                            .single_use
                }),
                names_user: embed.as_ref().is_some_and(|e| {
                    embed_core::schemes::spec(e.scheme).capabilities().identity
                        != embed_core::model::capabilities::UserIdentity::None
                }),
                host: origin_of(url),
            },
            local_route,
            reach,
            frame_refused: None,
            framing: host.framing(),
            parent_origin: host_origin.to_owned(),
        }
        .framed_by(host_origin)
    }

    /// The same watch, its URL framed by a page on `parent_origin`: what the
    /// local host's framing emulation does to it there is part of its status.
    pub fn framed_by(mut self, parent_origin: &str) -> Self {
        parent_origin.clone_into(&mut self.parent_origin);
        let scheme = Embed::read(&self.url).ok().map(|e| e.scheme);
        self.frame_refused = match (&self.local_route, scheme) {
            (Some(_), Some(scheme)) => embed_core::doctor::blank_frames::refusal(
                &self.framing,
                scheme,
                parent_origin,
                &self.url,
                embed_host::vendors::needs_session_cookie(scheme),
            ),
            _ => None,
        };
        self
    }

    /// The URL this watch follows.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The preview's parent page for this load as the embed doctor should
    /// fetch it: its `src` is the URL's unsigned probe, so the address
    /// carries no nonce or signature (the page is the same for any `src`).
    pub fn parent_page(&self) -> String {
        let src =
            embed_core::doctor::unsigned_probe(&self.url).unwrap_or_else(|_| origin_of(&self.url));
        embed_host::parent_page(&self.parent_origin, &src)
    }

    /// What has been seen of this load, from the host's logs and the probe;
    /// events from `until` on belong to a later load.
    pub fn observations(&self, host: &HostState, until: Option<u64>) -> Observations {
        let mut seen = Observations {
            seconds_since_load: Some(self.started.elapsed().as_secs()),
            reach: self
                .reach
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
            frame_refused: self.frame_refused.clone(),
            ..Observations::default()
        };
        if let Some(route) = &self.local_route {
            seen.host = host
                .log
                .since(self.after_request)
                .into_iter()
                .find(|r| &r.route == route && r.nonce_fingerprint == self.nonce_fingerprint)
                .map(|r| HostVerdict {
                    status: r.status,
                    accepted: r.verdict == "accepted",
                    unavailable: r.verdict == "unavailable",
                    reason: r.reason,
                    message: r.message,
                    code: r.code,
                });
        }
        for event in self.events(host, until) {
            let mut data: serde_json::Value = serde_json::from_str(&event.data).unwrap_or_default();
            // Looker posts its events as JSON text: read the text as JSON.
            if let Some(text) = data.as_str() {
                data = serde_json::from_str(text).unwrap_or_default();
            }
            match data.get("type").and_then(serde_json::Value::as_str) {
                Some(kind) if embed_host::vendors::loaded_events().contains(&kind) => {
                    seen.embed_loaded = true;
                }
                Some("workbook:error") => {
                    let code = data
                        .get("code")
                        .and_then(serde_json::Value::as_str)
                        .map(str::to_owned);
                    let message = data
                        .get("message")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or("no message");
                    seen.embed_error = Some((code, message.to_owned()));
                }
                Some(FRAME_LOAD_EVENT) => seen.frame_loaded = true,
                _ => {}
            }
        }
        seen
    }

    /// What the embed posted during this load (before `until`, the next load's start).
    pub fn events(&self, host: &HostState, until: Option<u64>) -> Vec<EmbedEvent> {
        host.events
            .since(self.after_event)
            .into_iter()
            .filter(|e| until.is_none_or(|u| e.id <= u))
            .collect()
    }

    /// The URL's status now (events up to `until`, the next load's start).
    pub fn status(&self, host: &HostState, now: u64, until: Option<u64>) -> UrlStatus {
        let context = UrlContext {
            now,
            ..self.context.clone()
        };
        url_status::of(&context, &self.observations(host, until))
    }
}

/// A profile's last load as the app shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoadView {
    /// The URL that was loaded (spent once loaded, if single-use).
    pub url: String,
    /// Its status.
    pub status: UrlStatus,
    /// What the embed (and the parent page) posted during this load.
    pub events: Vec<EmbedEvent>,
    /// The page that framed it, for the embed doctor (no nonce, no token).
    pub parent: String,
}

/// Each profile's last load (the app's managed state).
#[derive(Default)]
pub struct Loads(Mutex<HashMap<String, LoadWatch>>);

impl Loads {
    /// Records `watch` as `profile`'s last load.
    pub fn started(&self, profile: &str, watch: LoadWatch) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(profile.to_owned(), watch);
    }

    /// `profile`'s last load: its URL and status, if it has one.
    pub fn view(&self, profile: &str, host: &HostState, now: u64) -> Option<LoadView> {
        let loads = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let watch = loads.get(profile)?;
        // The preview is one window: a later load (of any profile) owns what came after it.
        let until = loads
            .values()
            .map(|w| w.after_event)
            .filter(|start| *start > watch.after_event)
            .min();
        Some(LoadView {
            url: watch.url().to_owned(),
            status: watch.status(host, now, until),
            events: watch.events(host, until),
            parent: watch.parent_page(),
        })
    }

    /// Forgets `profile`'s load (the profile was deleted).
    pub fn forget(&self, profile: &str) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(profile);
    }
}
