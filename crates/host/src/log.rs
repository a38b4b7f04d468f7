//! The request log: every embed request the host judged, for the app's
//! inspector, as JSON and as a live stream.
//!
//! Entries carry who, what and the verdict, and the URL with its signature
//! redacted: never the secret, never a replayable URL. The log keeps the
//! last [`CAPACITY`] entries, so a flood cannot grow it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde::Serialize;
use sha2::{Digest, Sha256};
use tokio::sync::broadcast;

/// Entries kept.
pub const CAPACITY: usize = 1000;

/// One judged request.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LogEntry {
    /// Increasing id.
    pub id: u64,
    /// Host time, Unix seconds.
    pub time: u64,
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
    /// `accepted` or `refused`.
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
}

/// The nonce's short fingerprint.
pub fn fingerprint(nonce: &str) -> String {
    hex::encode(&Sha256::digest(nonce.as_bytes())[..4])
}

/// The log and its live stream.
pub struct RequestLog {
    entries: Mutex<VecDeque<LogEntry>>,
    next_id: AtomicU64,
    live: broadcast::Sender<LogEntry>,
}

impl Default for RequestLog {
    fn default() -> Self {
        let (live, _) = broadcast::channel(256);
        RequestLog {
            entries: Mutex::new(VecDeque::with_capacity(CAPACITY)),
            next_id: AtomicU64::new(1),
            live,
        }
    }
}

impl RequestLog {
    /// Appends an entry (its id is assigned here) and publishes it.
    pub fn push(&self, mut entry: LogEntry) -> LogEntry {
        entry.id = self.next_id.fetch_add(1, Ordering::Relaxed);
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
    pub fn since(&self, since: u64) -> Vec<LogEntry> {
        let entries = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.iter().filter(|e| e.id > since).cloned().collect()
    }

    /// A receiver of entries pushed from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<LogEntry> {
        self.live.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> LogEntry {
        LogEntry {
            id: 0,
            time: 1,
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
}
