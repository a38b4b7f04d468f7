//! History: every URL signed, loaded, inspected, replayed or run as a
//! scenario, with its outcome, in the profile database; searchable, and
//! cleared on request. Never a secret: entries hold the URL (which a
//! secret cannot be recovered from), who, and what happened.
//!
//! The newest [`KEEP`] entries are kept, so history cannot grow without end.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::error::ProfileError;
use crate::store::ProfileStore;

/// Entries kept.
pub const KEEP: i64 = 5000;
/// Longest URL stored (a longer one is cut and marked).
pub const MAX_URL_CHARS: usize = 32 * 1024;

/// What happened to a URL.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HistoryKind {
    /// Signed and copied.
    Signed,
    /// Loaded in the preview.
    Loaded,
    /// Pasted in the inspector.
    Inspected,
    /// Used by the replay test.
    Replay,
    /// Built and loaded by an error scenario.
    Scenario,
}

impl HistoryKind {
    fn id(self) -> &'static str {
        match self {
            HistoryKind::Signed => "signed",
            HistoryKind::Loaded => "loaded",
            HistoryKind::Inspected => "inspected",
            HistoryKind::Replay => "replay",
            HistoryKind::Scenario => "scenario",
        }
    }

    fn from_id(id: &str) -> Self {
        match id {
            "loaded" => HistoryKind::Loaded,
            "inspected" => HistoryKind::Inspected,
            "replay" => HistoryKind::Replay,
            "scenario" => HistoryKind::Scenario,
            _ => HistoryKind::Signed,
        }
    }
}

/// One remembered URL.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Increasing id (0 before it is recorded).
    pub id: i64,
    /// Unix seconds.
    pub time: u64,
    /// What happened.
    pub kind: HistoryKind,
    /// The profile, if any.
    pub profile_id: Option<String>,
    /// Its name at the time.
    pub profile_name: Option<String>,
    /// The embed user's email.
    pub user: Option<String>,
    /// The scenario's id, for scenario runs.
    pub scenario: Option<String>,
    /// The outcome in a word or two (accepted, refused: invalid-signature, pass, finding...).
    pub verdict: String,
    /// The URL.
    pub url: String,
}

/// What to look for; every field narrows the search.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct HistoryQuery {
    /// Text found in the profile name, user, scenario, verdict or URL.
    pub text: String,
    /// Only this kind.
    pub kind: Option<HistoryKind>,
    /// Only this profile.
    pub profile_id: Option<String>,
    /// At most this many, newest first (0: 200).
    pub limit: u32,
}

fn cut(url: &str) -> String {
    match url.char_indices().nth(MAX_URL_CHARS) {
        Some((at, _)) => format!("{}…(cut)", &url[..at]),
        None => url.to_owned(),
    }
}

impl ProfileStore {
    /// Records `entry` (its id is assigned) and drops the oldest beyond [`KEEP`].
    pub fn record(&self, entry: &HistoryEntry) -> Result<i64, ProfileError> {
        let connection = self.lock();
        connection.execute(
            "INSERT INTO history (time, kind, profile_id, profile_name, user, scenario, verdict, url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                i64::try_from(entry.time).unwrap_or(i64::MAX),
                entry.kind.id(),
                entry.profile_id,
                entry.profile_name,
                entry.user,
                entry.scenario,
                entry.verdict,
                cut(&entry.url),
            ],
        )?;
        let id = connection.last_insert_rowid();
        connection.execute("DELETE FROM history WHERE id <= ?1", [id - KEEP])?;
        Ok(id)
    }

    /// Replaces the outcome of entry `id` (a load whose result came later).
    pub fn set_verdict(&self, id: i64, verdict: &str) -> Result<(), ProfileError> {
        self.lock().execute(
            "UPDATE history SET verdict = ?1 WHERE id = ?2",
            params![verdict, id],
        )?;
        Ok(())
    }

    /// Entries matching `query`, newest first.
    pub fn search(&self, query: &HistoryQuery) -> Result<Vec<HistoryEntry>, ProfileError> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT id, time, kind, profile_id, profile_name, user, scenario, verdict, url FROM history
             WHERE (?1 = '' OR instr(lower(coalesce(profile_name, '') || ' ' || coalesce(user, '') || ' ' || coalesce(scenario, '') || ' ' || verdict || ' ' || url), lower(?1)) > 0)
               AND (?2 IS NULL OR kind = ?2)
               AND (?3 IS NULL OR profile_id = ?3)
             ORDER BY id DESC LIMIT ?4",
        )?;
        let limit = if query.limit == 0 { 200 } else { query.limit };
        let rows = statement.query_map(
            params![
                query.text.trim(),
                query.kind.map(HistoryKind::id),
                query.profile_id,
                limit
            ],
            |row| {
                let kind: String = row.get(2)?;
                let time: i64 = row.get(1)?;
                Ok(HistoryEntry {
                    id: row.get(0)?,
                    time: u64::try_from(time).unwrap_or(0),
                    kind: HistoryKind::from_id(&kind),
                    profile_id: row.get(3)?,
                    profile_name: row.get(4)?,
                    user: row.get(5)?,
                    scenario: row.get(6)?,
                    verdict: row.get(7)?,
                    url: row.get(8)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets every entry.
    pub fn clear_history(&self) -> Result<usize, ProfileError> {
        Ok(self.lock().execute("DELETE FROM history", [])?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn entry(kind: HistoryKind, user: &str, verdict: &str) -> HistoryEntry {
        HistoryEntry {
            id: 0,
            time: 1,
            kind,
            profile_id: Some("p1".into()),
            profile_name: Some("Prod EU".into()),
            user: Some(user.into()),
            scenario: None,
            verdict: verdict.into(),
            url: format!("https://h/embed/1-x?:email={user}"),
        }
    }

    fn store() -> (tempfile::TempDir, ProfileStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(&dir.path().join("h.sqlite")).unwrap();
        (dir, store)
    }

    #[test]
    fn a_loads_outcome_replaces_its_placeholder_once_known() {
        let (_dir, store) = store();
        let id = store
            .record(&entry(
                HistoryKind::Loaded,
                "ann@example.com",
                "sent to the preview",
            ))
            .unwrap();
        store.set_verdict(id, "Refused 403 unknown-team").unwrap();
        let all = store.search(&HistoryQuery::default()).unwrap();
        assert_eq!(all[0].verdict, "Refused 403 unknown-team");
    }

    #[test]
    fn history_is_searchable_by_profile_user_kind_and_verdict() {
        let (_dir, store) = store();
        store
            .record(&entry(HistoryKind::Signed, "ann@example.com", "accepted"))
            .unwrap();
        store
            .record(&entry(
                HistoryKind::Inspected,
                "bob@example.com",
                "refused: invalid-signature",
            ))
            .unwrap();
        let mut scenario = entry(HistoryKind::Scenario, "ann@example.com", "as expected");
        scenario.scenario = Some("wrong-secret".into());
        scenario.profile_id = Some("p2".into());
        store.record(&scenario).unwrap();

        let all = store.search(&HistoryQuery::default()).unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(
            all[0].scenario.as_deref(),
            Some("wrong-secret"),
            "newest first"
        );
        let by_text = |text: &str| {
            store
                .search(&HistoryQuery {
                    text: text.into(),
                    ..HistoryQuery::default()
                })
                .unwrap()
                .len()
        };
        assert_eq!(by_text("BOB@"), 1);
        assert_eq!(by_text("invalid-signature"), 1);
        assert_eq!(by_text("wrong-secret"), 1);
        assert_eq!(by_text("prod eu"), 3);
        assert_eq!(by_text("nothing like this"), 0);
        let inspected = store
            .search(&HistoryQuery {
                kind: Some(HistoryKind::Inspected),
                ..HistoryQuery::default()
            })
            .unwrap();
        assert_eq!(inspected.len(), 1);
        let p2 = store
            .search(&HistoryQuery {
                profile_id: Some("p2".into()),
                ..HistoryQuery::default()
            })
            .unwrap();
        assert_eq!(p2.len(), 1);
        assert_eq!(store.clear_history().unwrap(), 3);
        assert!(store.search(&HistoryQuery::default()).unwrap().is_empty());
    }

    #[test]
    fn history_is_bounded_and_cuts_enormous_urls() {
        let (_dir, store) = store();
        let mut huge = entry(HistoryKind::Inspected, "x", "refused");
        huge.url = "é".repeat(MAX_URL_CHARS + 10);
        store.record(&huge).unwrap();
        let stored = &store.search(&HistoryQuery::default()).unwrap()[0];
        assert!(stored.url.ends_with("…(cut)") && stored.url.chars().count() == MAX_URL_CHARS + 6);
        for _ in 0..KEEP + 3 {
            store
                .record(&entry(HistoryKind::Signed, "a", "accepted"))
                .unwrap();
        }
        let count: i64 = store
            .lock()
            .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, KEEP);
    }
}
