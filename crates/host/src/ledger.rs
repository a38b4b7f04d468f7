//! The single-use ledger of nonces and JWT ids.
//!
//! Exactly once under concurrency: one lock around the check-and-record.
//! Bounded: an entry is dropped once its URL could no longer be valid anyway
//! (its expiry plus a grace hour, so moving the host's clock back a little
//! cannot resurrect a spent URL). Durable with a file: SQLite, where the
//! primary key makes the record itself the check, committed per use, so a
//! replay after a restart (or a crash) is still refused.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use embed_core::verify::NonceLedger;
use embed_core::Scheme;
use rusqlite::{params, Connection};

use crate::error::HostError;

/// Seconds an entry is kept after its URL expired.
const GRACE: u64 = 3600;
/// Prune the SQLite ledger after this many records (the memory ledger
/// prunes on every record, cheaply, from its heap).
const PRUNE_EVERY: u32 = 512;

/// In memory: the set, plus a min-heap of (forget after, key) so pruning
/// pops only what has expired instead of scanning everything.
#[derive(Default)]
struct MemoryStore {
    seen: HashMap<String, Option<u64>>,
    expiries: BinaryHeap<Reverse<(u64, String)>>,
}

enum Store {
    Memory(MemoryStore),
    Sqlite(Connection),
}

struct Inner {
    store: Store,
    since_prune: u32,
}

/// Nonces seen, with when they stop mattering.
pub struct Ledger {
    inner: Mutex<Inner>,
}

fn key(scheme: Scheme, nonce: &str) -> String {
    format!("{}:{nonce}", scheme.id())
}

fn as_sql(time: Option<u64>) -> Option<i64> {
    time.map(|t| i64::try_from(t.saturating_add(GRACE)).unwrap_or(i64::MAX))
}

impl Ledger {
    /// A ledger that lives as long as the process.
    pub fn in_memory() -> Self {
        Ledger {
            inner: Mutex::new(Inner {
                store: Store::Memory(MemoryStore::default()),
                since_prune: 0,
            }),
        }
    }

    /// A ledger kept in an SQLite file, created if needed.
    pub fn open(path: &Path) -> Result<Self, HostError> {
        let fail = |e: rusqlite::Error| HostError::Ledger {
            path: path.to_owned(),
            reason: e.to_string(),
        };
        let connection = Connection::open(path).map_err(fail)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 CREATE TABLE IF NOT EXISTS nonces (
                     key TEXT PRIMARY KEY NOT NULL,
                     forget_after INTEGER
                 );
                 CREATE INDEX IF NOT EXISTS nonces_forget_after ON nonces (forget_after);",
            )
            .map_err(fail)?;
        Ok(Ledger {
            inner: Mutex::new(Inner {
                store: Store::Sqlite(connection),
                since_prune: 0,
            }),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records the nonce; true if it had not been seen. A storage failure
    /// refuses (fails closed): better a refused load than a replay let through.
    pub fn first_use(
        &self,
        scheme: Scheme,
        nonce: &str,
        valid_until: Option<u64>,
        now: u64,
    ) -> bool {
        let mut inner = self.lock();
        inner.since_prune += 1;
        if matches!(inner.store, Store::Memory(_)) || inner.since_prune >= PRUNE_EVERY {
            inner.since_prune = 0;
            prune(&mut inner.store, now);
        }
        let key = key(scheme, nonce);
        match &mut inner.store {
            Store::Memory(memory) => {
                if memory.seen.contains_key(&key) {
                    return false;
                }
                let forget_after = valid_until.map(|t| t.saturating_add(GRACE));
                if let Some(t) = forget_after {
                    memory.expiries.push(Reverse((t, key.clone())));
                }
                memory.seen.insert(key, forget_after);
                true
            }
            Store::Sqlite(connection) => {
                match connection.execute(
                    "INSERT OR IGNORE INTO nonces (key, forget_after) VALUES (?1, ?2)",
                    params![key, as_sql(valid_until)],
                ) {
                    Ok(inserted) => inserted == 1,
                    Err(e) => {
                        eprintln!("warning: the nonce ledger failed ({e}); the load is refused");
                        false
                    }
                }
            }
        }
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        match &self.lock().store {
            Store::Memory(memory) => memory.seen.len(),
            Store::Sqlite(connection) => connection
                .query_row("SELECT COUNT(*) FROM nonces", [], |row| {
                    row.get::<_, i64>(0)
                })
                .map_or(0, |n| usize::try_from(n).unwrap_or(0)),
        }
    }

    /// Whether the ledger is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drops every entry that no longer matters at `now`.
    pub fn prune(&self, now: u64) {
        prune(&mut self.lock().store, now);
    }

    /// Flushes to disk (SQLite checkpoints its write-ahead log).
    pub fn flush(&self) {
        if let Store::Sqlite(connection) = &self.lock().store {
            if let Err(e) = connection.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);") {
                eprintln!("warning: could not checkpoint the nonce ledger: {e}");
            }
        }
    }
}

fn prune(store: &mut Store, now: u64) {
    match store {
        Store::Memory(memory) => {
            while memory
                .expiries
                .peek()
                .is_some_and(|Reverse((t, _))| *t < now)
            {
                if let Some(Reverse((_, key))) = memory.expiries.pop() {
                    memory.seen.remove(&key);
                }
            }
        }
        Store::Sqlite(connection) => {
            let now = i64::try_from(now).unwrap_or(i64::MAX);
            if let Err(e) = connection.execute(
                "DELETE FROM nonces WHERE forget_after IS NOT NULL AND forget_after < ?1",
                params![now],
            ) {
                eprintln!("warning: could not prune the nonce ledger: {e}");
            }
        }
    }
}

/// The ledger seen from one request, at the host's time.
pub struct LedgerAt<'a> {
    /// The ledger.
    pub ledger: &'a Ledger,
    /// The host's time.
    pub now: u64,
}

impl NonceLedger for LedgerAt<'_> {
    fn first_use(&mut self, scheme: Scheme, nonce: &str, valid_until: Option<u64>) -> bool {
        self.ledger.first_use(scheme, nonce, valid_until, self.now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_accepted_once_per_scheme() {
        let ledger = Ledger::in_memory();
        assert!(ledger.first_use(Scheme::SigmaClassic, "n", Some(100), 50));
        assert!(!ledger.first_use(Scheme::SigmaClassic, "n", Some(100), 50));
        assert!(ledger.first_use(Scheme::BoldBi, "n", Some(100), 50));
    }

    #[test]
    fn expired_entries_are_dropped_but_never_expiring_ones_stay() {
        let ledger = Ledger::in_memory();
        ledger.first_use(Scheme::SigmaClassic, "old", Some(100), 50);
        ledger.first_use(Scheme::BoldBi, "forever", None, 50);
        ledger.prune(100 + GRACE + 1);
        assert_eq!(ledger.len(), 1);
    }

    #[test]
    fn a_file_ledger_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        {
            let ledger = Ledger::open(&path).unwrap();
            assert!(ledger.first_use(Scheme::SigmaJwt, "j", Some(100), 50));
            ledger.flush();
        }
        let ledger = Ledger::open(&path).unwrap();
        assert!(!ledger.first_use(Scheme::SigmaJwt, "j", Some(100), 50));
        ledger.prune(100 + GRACE + 1);
        assert!(ledger.is_empty());
    }
}
