//! The single-use ledger of nonces and JWT ids.
//!
//! Exactly once under concurrency: one lock around the check-and-record.
//! Bounded: an entry is dropped once its URL could no longer be valid anyway
//! (its expiry plus a grace hour, so moving the host's clock back a little
//! cannot resurrect a spent URL).
//!
//! Durable with a file, and loud when the file fails. Every spent nonce is
//! kept in memory (the authority in this process) and in SQLite (for the
//! next start; the primary key makes the record itself the check, committed
//! per use, so a replay after a restart or a crash is still refused).
//! - At start the file must pass SQLite's integrity check and take a write,
//!   or the host does not start ([`Ledger::open`] says why and what to do).
//! - A write that fails while running is a [`Use::Unavailable`]: the host
//!   answers 503 with the cause, never "already used", and the fault stays
//!   visible ([`Ledger::health`]) until a write succeeds again.
//! - A file deleted, replaced or truncated while the host runs is noticed
//!   before the next write: it is written anew from memory, so the nonces it
//!   held stay spent, and [`Ledger::health`] says what happened.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use embed_core::verify::NonceLedger;
use embed_core::Scheme;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::error::HostError;

/// Seconds an entry is kept after its URL expired.
const GRACE: u64 = 3600;
/// Prune the SQLite ledger after this many records (the memory ledger
/// prunes on every record, cheaply, from its heap).
const PRUNE_EVERY: u32 = 512;

/// What recording a nonce found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Use {
    /// Not seen before: now recorded.
    First,
    /// Seen before: the URL is spent.
    Reused,
    /// The ledger could not record it, so nothing can be promised about the
    /// next use: the load must not be accepted, nor called a reuse.
    Unavailable(String),
}

/// How the ledger is doing, for the status line, the index page and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LedgerHealth {
    /// The file, or null for a ledger in memory.
    pub path: Option<String>,
    /// Spent nonces kept.
    pub entries: usize,
    /// Why the last write failed, while it keeps failing.
    pub fault: Option<String>,
    /// What was repaired while the host ran (a file deleted or truncated
    /// under it, written anew from memory).
    pub repairs: Vec<String>,
}

/// In memory: the set, plus a min-heap of (forget after, key) so pruning
/// pops only what has expired instead of scanning everything.
#[derive(Default)]
struct MemoryStore {
    seen: HashMap<String, Option<u64>>,
    expiries: BinaryHeap<Reverse<(u64, String)>>,
}

impl MemoryStore {
    fn insert(&mut self, key: String, forget_after: Option<u64>) {
        if let Some(t) = forget_after {
            self.expiries.push(Reverse((t, key.clone())));
        }
        self.seen.insert(key, forget_after);
    }

    fn prune(&mut self, now: u64) {
        while self.expiries.peek().is_some_and(|Reverse((t, _))| *t < now) {
            if let Some(Reverse((_, key))) = self.expiries.pop() {
                self.seen.remove(&key);
            }
        }
    }
}

/// Which file a connection is writing: the path and what it pointed at when
/// opened, so a deleted, replaced or emptied file is noticed.
struct FileStore {
    path: PathBuf,
    connection: Connection,
    identity: Option<FileIdentity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileIdentity {
    device: u64,
    inode: u64,
}

fn identity(path: &Path) -> Option<FileIdentity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| FileIdentity {
            device: m.dev(),
            inode: m.ino(),
        })
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).ok().map(|_| FileIdentity {
            device: 0,
            inode: 0,
        })
    }
}

struct Inner {
    memory: MemoryStore,
    file: Option<FileStore>,
    since_prune: u32,
    fault: Option<String>,
    repairs: Vec<String>,
}

/// Nonces seen, with when they stop mattering.
pub struct Ledger {
    inner: Mutex<Inner>,
}

fn key(scheme: Scheme, nonce: &str) -> String {
    format!("{}:{nonce}", scheme.id())
}

fn forget_after(valid_until: Option<u64>) -> Option<u64> {
    valid_until.map(|t| t.saturating_add(GRACE))
}

fn as_sql(time: Option<u64>) -> Option<i64> {
    time.map(|t| i64::try_from(t).unwrap_or(i64::MAX))
}

const SCHEMA: &str = "PRAGMA journal_mode = WAL;
     PRAGMA synchronous = NORMAL;
     CREATE TABLE IF NOT EXISTS nonces (
         key TEXT PRIMARY KEY NOT NULL,
         forget_after INTEGER
     );
     CREATE INDEX IF NOT EXISTS nonces_forget_after ON nonces (forget_after);
     CREATE TABLE IF NOT EXISTS ledger_meta (name TEXT PRIMARY KEY NOT NULL, value TEXT);";

/// Opens `path`, checks it whole and proves it takes a write.
fn open_file(path: &Path) -> Result<Connection, String> {
    let connection = Connection::open(path).map_err(|e| e.to_string())?;
    connection
        .busy_timeout(std::time::Duration::from_secs(2))
        .map_err(|e| e.to_string())?;
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|e| format!("SQLite's integrity check could not run: {e}"))?;
    if integrity != "ok" {
        return Err(format!("SQLite's integrity check failed: {integrity}"));
    }
    connection
        .execute_batch(SCHEMA)
        .map_err(|e| e.to_string())?;
    connection
        .execute(
            "INSERT OR REPLACE INTO ledger_meta (name, value) VALUES ('opened', ?1)",
            params![std::process::id().to_string()],
        )
        .map_err(|e| format!("it does not take a write: {e}"))?;
    Ok(connection)
}

impl Ledger {
    /// A ledger that lives as long as the process.
    pub fn in_memory() -> Self {
        Ledger {
            inner: Mutex::new(Inner {
                memory: MemoryStore::default(),
                file: None,
                since_prune: 0,
                fault: None,
                repairs: Vec::new(),
            }),
        }
    }

    /// A ledger kept in an SQLite file, created if needed. Refuses a file
    /// that fails SQLite's integrity check or cannot be written, rather than
    /// start and refuse every URL later.
    pub fn open(path: &Path) -> Result<Self, HostError> {
        let fail = |reason: String| HostError::Ledger {
            path: path.to_owned(),
            reason,
        };
        let connection = open_file(path).map_err(fail)?;
        let mut memory = MemoryStore::default();
        {
            let mut statement = connection
                .prepare("SELECT key, forget_after FROM nonces")
                .map_err(|e| fail(e.to_string()))?;
            let rows = statement
                .query_map([], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, Option<i64>>(1)?))
                })
                .map_err(|e| fail(e.to_string()))?;
            for row in rows {
                let (key, forget) = row.map_err(|e| fail(e.to_string()))?;
                memory.insert(key, forget.map(|t| u64::try_from(t).unwrap_or(0)));
            }
        }
        Ok(Ledger {
            inner: Mutex::new(Inner {
                memory,
                file: Some(FileStore {
                    path: path.to_owned(),
                    identity: identity(path),
                    connection,
                }),
                since_prune: 0,
                fault: None,
                repairs: Vec::new(),
            }),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records the nonce and says whether it was new. A failure to record
    /// is [`Use::Unavailable`], never a reuse.
    pub fn record(&self, scheme: Scheme, nonce: &str, valid_until: Option<u64>, now: u64) -> Use {
        let mut inner = self.lock();
        let inner = &mut *inner;
        inner.memory.prune(now);
        let key = key(scheme, nonce);
        if inner.memory.seen.contains_key(&key) {
            return Use::Reused;
        }
        let forget = forget_after(valid_until);
        if let Some(file) = inner.file.as_mut() {
            match check_file(file, &inner.memory) {
                Ok(None) => {}
                Ok(Some(repair)) => {
                    eprintln!("warning: {repair}");
                    inner.repairs.push(repair);
                }
                Err(cause) => {
                    eprintln!("error: {cause}; the load is answered 503");
                    inner.fault = Some(cause.clone());
                    return Use::Unavailable(cause);
                }
            }
            inner.since_prune += 1;
            if inner.since_prune >= PRUNE_EVERY {
                inner.since_prune = 0;
                prune_file(&file.connection, now);
            }
            match file.connection.execute(
                "INSERT OR IGNORE INTO nonces (key, forget_after) VALUES (?1, ?2)",
                params![key, as_sql(forget)],
            ) {
                Ok(0) => {
                    // Another process sharing the file spent it.
                    inner.memory.insert(key, forget);
                    inner.fault = None;
                    return Use::Reused;
                }
                Ok(_) => inner.fault = None,
                Err(e) => {
                    let cause = format!(
                        "the nonce ledger {} could not record this URL's nonce ({e})",
                        file.path.display()
                    );
                    eprintln!("error: {cause}; the load is answered 503");
                    inner.fault = Some(cause.clone());
                    return Use::Unavailable(cause);
                }
            }
        }
        inner.memory.insert(key, forget);
        Use::First
    }

    /// Records the nonce; true only if it had not been seen and is now
    /// recorded.
    pub fn first_use(
        &self,
        scheme: Scheme,
        nonce: &str,
        valid_until: Option<u64>,
        now: u64,
    ) -> bool {
        self.record(scheme, nonce, valid_until, now) == Use::First
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        self.lock().memory.seen.len()
    }

    /// Whether the ledger is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The file, the entries, the fault in force and the repairs made.
    pub fn health(&self) -> LedgerHealth {
        let inner = self.lock();
        LedgerHealth {
            path: inner.file.as_ref().map(|f| f.path.display().to_string()),
            entries: inner.memory.seen.len(),
            fault: inner.fault.clone(),
            repairs: inner.repairs.clone(),
        }
    }

    /// Makes the file refuse writes as a read-only database does (SQLite's
    /// `query_only`), or lifts that: how the tests reach a write failure
    /// while running even as root, whom no file permission stops.
    #[doc(hidden)]
    pub fn refuse_writes(&self, on: bool) {
        if let Some(file) = &self.lock().file {
            let _ =
                file.connection
                    .pragma_update(None, "query_only", if on { "ON" } else { "OFF" });
        }
    }

    /// Drops every entry that no longer matters at `now`.
    pub fn prune(&self, now: u64) {
        let mut inner = self.lock();
        inner.memory.prune(now);
        if let Some(file) = &inner.file {
            prune_file(&file.connection, now);
        }
    }

    /// Flushes to disk (SQLite checkpoints its write-ahead log).
    pub fn flush(&self) {
        if let Some(file) = &self.lock().file {
            if let Err(e) = file
                .connection
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            {
                eprintln!("warning: could not checkpoint the nonce ledger: {e}");
            }
        }
    }
}

/// Notices a ledger file deleted, replaced or emptied under the host and
/// writes it anew from memory (merged into a replacement that is a sound
/// ledger); returns what it did, for the record, or why it could not.
fn check_file(file: &mut FileStore, memory: &MemoryStore) -> Result<Option<String>, String> {
    let now_there = identity(&file.path);
    let emptied = std::fs::metadata(&file.path).is_ok_and(|m| m.len() == 0);
    let what = match now_there {
        None => "was deleted",
        Some(id) if Some(id) != file.identity => "was replaced by another file",
        Some(_) if emptied => "was truncated to 0 bytes",
        Some(_) => return Ok(None),
    };
    if emptied {
        // Unlink the emptied file first, so the old connection's last
        // checkpoint (on close) lands in it and not in the new one.
        let _ = std::fs::remove_file(&file.path);
    }
    match Connection::open_in_memory() {
        Ok(placeholder) => drop(std::mem::replace(&mut file.connection, placeholder)),
        Err(e) => {
            return Err(format!(
                "the nonce ledger {} {what} while the host ran and could not be reopened ({e})",
                file.path.display()
            ))
        }
    }
    if now_there.is_none() || emptied {
        for suffix in ["-wal", "-shm"] {
            let mut side = file.path.clone().into_os_string();
            side.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(side));
        }
    }
    let written = open_file(&file.path).and_then(|connection| {
        write_all(&connection, memory)?;
        Ok(connection)
    });
    match written {
        Ok(connection) => {
            file.connection = connection;
            file.identity = identity(&file.path);
            Ok(Some(format!(
                "the nonce ledger {} {what} while the host ran; it was written anew from memory with the {} spent nonces it held",
                file.path.display(),
                memory.seen.len()
            )))
        }
        Err(e) => {
            // Tried again before the next write.
            file.identity = None;
            Err(format!(
                "the nonce ledger {} {what} while the host ran and could not be written anew ({e}); the spent nonces are kept in memory",
                file.path.display()
            ))
        }
    }
}

fn write_all(connection: &Connection, memory: &MemoryStore) -> Result<(), String> {
    let tx = connection
        .unchecked_transaction()
        .map_err(|e| e.to_string())?;
    for (key, forget) in &memory.seen {
        tx.execute(
            "INSERT OR IGNORE INTO nonces (key, forget_after) VALUES (?1, ?2)",
            params![key, as_sql(*forget)],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())
}

fn prune_file(connection: &Connection, now: u64) {
    let now = i64::try_from(now).unwrap_or(i64::MAX);
    if let Err(e) = connection.execute(
        "DELETE FROM nonces WHERE forget_after IS NOT NULL AND forget_after < ?1",
        params![now],
    ) {
        eprintln!("warning: could not prune the nonce ledger: {e}");
    }
}

/// The ledger seen from one request, at the host's time: it remembers a
/// failure to record, so the request is answered "unavailable", not
/// "already used".
pub struct LedgerAt<'a> {
    /// The ledger.
    pub ledger: &'a Ledger,
    /// The host's time.
    pub now: u64,
    /// Why the ledger could not record this request's nonce.
    pub fault: Option<String>,
}

impl<'a> LedgerAt<'a> {
    /// `ledger` at `now`.
    pub fn new(ledger: &'a Ledger, now: u64) -> Self {
        LedgerAt {
            ledger,
            now,
            fault: None,
        }
    }
}

impl NonceLedger for LedgerAt<'_> {
    fn first_use(&mut self, scheme: Scheme, nonce: &str, valid_until: Option<u64>) -> bool {
        match self.ledger.record(scheme, nonce, valid_until, self.now) {
            Use::First => true,
            Use::Reused => false,
            Use::Unavailable(cause) => {
                self.fault = Some(cause);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
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

    #[test]
    fn a_deleted_or_truncated_file_is_written_anew_from_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let ledger = Ledger::open(&path).unwrap();
        assert!(ledger.first_use(Scheme::SigmaClassic, "spent-1", None, 50));
        std::fs::remove_file(&path).unwrap();
        assert!(!ledger.first_use(Scheme::SigmaClassic, "spent-1", None, 50));
        assert!(ledger.first_use(Scheme::SigmaClassic, "fresh-2", None, 50));
        assert_eq!(ledger.health().repairs.len(), 1, "{:?}", ledger.health());
        std::fs::File::create(&path).unwrap(); // truncate to 0 bytes
        assert!(ledger.first_use(Scheme::SigmaClassic, "fresh-3", None, 50));
        assert_eq!(ledger.health().repairs.len(), 2);
        ledger.flush();
        drop(ledger);
        let reopened = Ledger::open(&path).unwrap();
        for spent in ["spent-1", "fresh-2", "fresh-3"] {
            assert!(
                !reopened.first_use(Scheme::SigmaClassic, spent, None, 50),
                "{spent} was lost"
            );
        }
    }
}
