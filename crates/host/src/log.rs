//! The request log (every embed request the host judged) and the event log
//! (every message an embed posted to the preview's parent page), for the
//! app's preview and inspector, as JSON and as a live stream.
//!
//! Entries carry who, what and the verdict, and the URL with its signature
//! redacted: never the secret, never a replayable URL. The log keeps the
//! last [`CAPACITY`] entries, so a flood cannot grow it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde::Serialize;
use tokio::sync::broadcast;

/// Entries kept.
pub const CAPACITY: usize = 1000;

/// One judged request.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LogEntry {
    /// Increasing id.
    pub id: u64,
    /// When it happened, Unix seconds (this machine's clock, never the
    /// host's moved one).
    pub time: u64,
    /// The offset of the host clock the request was judged by, in seconds:
    /// non-zero only while the clock is moved (the replay test's
    /// after-expiry load, time travel).
    pub host_clock_offset: i64,
    /// The route (path, no query).
    pub route: String,
    /// The URL with its signature redacted.
    pub url: String,
    /// The scheme, when the URL was readable.
    pub scheme: Option<String>,
    /// The client id.
    pub client_id: Option<String>,
    /// The embed user's email.
    pub user: Option<String>,
    /// `accepted`, `refused`, or `unavailable` (the host could not judge:
    /// its ledger failed).
    pub verdict: &'static str,
    /// The HTTP status sent.
    pub status: u16,
    /// The refusal's reason name.
    pub reason: Option<String>,
    /// The refusal's message (what the embed showed).
    pub message: Option<String>,
    /// The vendor code, if any.
    pub code: Option<String>,
    /// First 8 hex digits of the SHA-256 of the nonce: enough to spot a replay.
    pub nonce_fingerprint: Option<String>,
    /// A tool's unsigned probe (the embed doctor's, marked by
    /// [`crate::routes::PROBE_HEADER`]): judged and answered as any request,
    /// but not an embed load.
    pub probe: bool,
}

/// The nonce's short fingerprint (the core's, so reports and logs agree).
pub fn fingerprint(nonce: &str) -> String {
    embed_core::redact::nonce_fingerprint(nonce)
}

/// Something a [`Journal`] numbers as it records it.
pub trait Numbered: Clone {
    /// The number assigned on recording.
    fn id(&self) -> u64;
    /// Sets the number.
    fn set_id(&mut self, id: u64);
}

impl Numbered for LogEntry {
    fn id(&self) -> u64 {
        self.id
    }
    fn set_id(&mut self, id: u64) {
        self.id = id;
    }
}

/// One message an embed posted to the preview's parent page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EmbedEvent {
    /// Increasing id.
    pub id: u64,
    /// Host time, Unix seconds.
    pub time: u64,
    /// The origin that posted it, as the parent page saw it.
    pub origin: String,
    /// The message, as JSON text (cut at [`EVENT_BYTES`]).
    pub data: String,
}

/// Longest event text kept.
pub const EVENT_BYTES: usize = 4096;

impl Numbered for EmbedEvent {
    fn id(&self) -> u64 {
        self.id
    }
    fn set_id(&mut self, id: u64) {
        self.id = id;
    }
}

/// A bounded, numbered record with a live stream.
pub struct Journal<T> {
    entries: Mutex<VecDeque<T>>,
    next_id: AtomicU64,
    live: broadcast::Sender<T>,
}

/// The judged requests.
pub type RequestLog = Journal<LogEntry>;
/// The embeds' posted events.
pub type EventLog = Journal<EmbedEvent>;

impl<T: Numbered> Default for Journal<T> {
    fn default() -> Self {
        let (live, _) = broadcast::channel(256);
        Journal {
            entries: Mutex::new(VecDeque::with_capacity(CAPACITY)),
            next_id: AtomicU64::new(1),
            live,
        }
    }
}

impl<T: Numbered> Journal<T> {
    /// The id of the latest entry (0 before the first): what came later is new.
    pub fn last_id(&self) -> u64 {
        self.next_id.load(Ordering::Relaxed).saturating_sub(1)
    }

    /// Appends an entry (its id is assigned here) and publishes it.
    pub fn push(&self, mut entry: T) -> T {
        entry.set_id(self.next_id.fetch_add(1, Ordering::Relaxed));
        {
            let mut entries = self
                .entries
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if entries.len() == CAPACITY {
                entries.pop_front();
            }
            entries.push_back(entry.clone());
        }
        // No subscriber is fine.
        let _ = self.live.send(entry.clone());
        entry
    }

    /// Entries with an id above `since`, oldest first.
    pub fn since(&self, since: u64) -> Vec<T> {
        let entries = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.iter().filter(|e| e.id() > since).cloned().collect()
    }

    /// A receiver of entries pushed from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<T> {
        self.live.subscribe()
    }
}

impl RequestLog {
    /// The entries for the URL with this nonce, one line each (time, status,
    /// verdict, reason, message, nonce fingerprint): what a bug report quotes.
    pub fn lines_for_nonce(&self, nonce: &str) -> Vec<String> {
        let wanted = fingerprint(nonce);
        self.since(0)
            .into_iter()
            .filter(|e| e.nonce_fingerprint.as_deref() == Some(wanted.as_str()))
            .map(|e| {
                format!(
                    "{} {} {} {} {} [nonce sha256:{}]",
                    embed_core::when::iso8601(e.time),
                    e.status,
                    e.verdict,
                    e.reason.as_deref().unwrap_or("-"),
                    e.message.as_deref().unwrap_or(""),
                    wanted
                )
            })
            .collect()
    }
}

/// `text` cut to at most `max` bytes on a character boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> LogEntry {
        LogEntry {
            id: 0,
            time: 1,
            host_clock_offset: 0,
            route: "/embed/x".into(),
            url: String::new(),
            scheme: None,
            client_id: None,
            user: None,
            verdict: "refused",
            status: 403,
            reason: None,
            message: None,
            code: None,
            nonce_fingerprint: None,
            probe: false,
        }
    }

    #[test]
    fn the_log_is_bounded_and_numbered() {
        let log = RequestLog::default();
        for _ in 0..CAPACITY + 5 {
            log.push(entry());
        }
        let all = log.since(0);
        assert_eq!(all.len(), CAPACITY);
        assert_eq!(all[0].id, 6);
        assert_eq!(log.since(CAPACITY as u64).len(), 5);
    }

    #[test]
    fn events_are_cut_on_a_character_boundary() {
        assert_eq!(truncate("héllo", 2), "h");
        assert_eq!(truncate("héllo", 3), "hé");
        assert_eq!(truncate("abc", 10), "abc");
    }
}
