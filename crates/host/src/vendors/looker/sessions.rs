//! Looker embed sessions on the local host: started by an accepted signed
//! URL, ended by its `session_length`. Bounded, so a flood of logins
//! cannot grow it without end.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::judge::Accepted;

/// The session cookie's name.
pub const COOKIE: &str = "embed_sandbox_looker_session";
/// Sessions kept at most (the oldest goes first).
const KEEP: usize = 1000;

/// One embed user's session.
#[derive(Debug, Clone)]
pub struct Session {
    /// What the signed URL granted, as read.
    pub embed: embed_core::Embed,
    /// When it started (host time).
    pub started: u64,
    /// When it ends (host time).
    pub ends: u64,
}

/// The host's sessions by id.
#[derive(Debug, Default)]
pub struct Sessions(Mutex<HashMap<String, Session>>);

impl Sessions {
    /// Starts a session for an accepted login; returns its id.
    pub fn start(&self, accepted: &Accepted) -> String {
        let length = accepted
            .embed
            .url
            .first("session_length")
            .and_then(|p| p.value.trim().parse::<u64>().ok())
            .unwrap_or(300);
        let id = uuid::Uuid::new_v4().simple().to_string();
        let mut sessions = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if sessions.len() >= KEEP {
            if let Some(oldest) = sessions
                .iter()
                .min_by_key(|(_, s)| s.started)
                .map(|(id, _)| id.clone())
            {
                sessions.remove(&oldest);
            }
        }
        sessions.insert(
            id.clone(),
            Session {
                embed: accepted.embed.clone(),
                started: accepted.now,
                ends: accepted.now.saturating_add(length),
            },
        );
        id
    }

    /// The live session `id` at `now`.
    pub fn get(&self, id: &str, now: u64) -> Option<Session> {
        let sessions = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        sessions.get(id).filter(|s| now <= s.ends).cloned()
    }
}
