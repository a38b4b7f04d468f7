//! The host's clock: the system time plus an adjustable offset.
//!
//! The offset is how the app's "time travel" works: open a URL after its
//! expiry, or as if the signing server's clock were behind, without waiting.
//! It is shared by every request, so a tool that only needs one request
//! judged later (the replay test) sends a per-request offset instead (see
//! `routes::TIME_OFFSET_HEADER`) and never moves it. A client that does move
//! it from outside can lend it for a while only (`for=SECONDS`): the host
//! puts the offset back itself when the lease runs out, so a client that
//! dies mid-way cannot leave every later URL judged at the wrong time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// An offset set for a while: when it ends, the offset it replaced returns.
#[derive(Debug, Clone, Copy)]
struct Lease {
    until: Instant,
    restore: i64,
}

/// System time plus an offset in seconds.
#[derive(Debug, Default)]
pub struct Clock {
    offset: AtomicI64,
    lease: Mutex<Option<Lease>>,
}

impl Clock {
    /// Unix seconds as the host sees them.
    pub fn now(&self) -> u64 {
        self.now_shifted(0)
    }

    /// Unix seconds as the host sees them, shifted by `extra` seconds for
    /// one request.
    pub fn now_shifted(&self, extra: i64) -> u64 {
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let system = i64::try_from(system).unwrap_or(i64::MAX);
        u64::try_from(system.saturating_add(self.offset()).saturating_add(extra)).unwrap_or(0)
    }

    /// The offset in seconds (a lease that ran out is ended first).
    pub fn offset(&self) -> i64 {
        let mut lease = self.lease.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(ended) = lease.filter(|l| l.until <= Instant::now()) {
            self.offset.store(ended.restore, Ordering::Relaxed);
            *lease = None;
        }
        self.offset.load(Ordering::Relaxed)
    }

    /// Sets the offset in seconds, until changed again.
    pub fn set_offset(&self, seconds: i64) {
        let mut lease = self.lease.lock().unwrap_or_else(PoisonError::into_inner);
        *lease = None;
        self.offset.store(seconds, Ordering::Relaxed);
    }

    /// Sets the offset for `lent` only: then the offset in force before
    /// comes back, whether or not the client that set it is still there.
    pub fn lend_offset(&self, seconds: i64, lent: Duration) {
        let current = self.offset();
        let mut lease = self.lease.lock().unwrap_or_else(PoisonError::into_inner);
        let restore = lease.map_or(current, |l| l.restore);
        *lease = Some(Lease {
            until: Instant::now() + lent,
            restore,
        });
        self.offset.store(seconds, Ordering::Relaxed);
    }

    /// Seconds until a lent offset is put back, if one is lent.
    pub fn lease_left(&self) -> Option<u64> {
        let _ = self.offset();
        let lease = self.lease.lock().unwrap_or_else(PoisonError::into_inner);
        lease.map(|l| l.until.saturating_duration_since(Instant::now()).as_secs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_moves_the_clock() {
        let clock = Clock::default();
        let before = clock.now();
        clock.set_offset(3600);
        assert!(clock.now() >= before + 3600);
        assert!(clock.now_shifted(-3600) < before + 10);
    }

    #[test]
    fn a_lent_offset_comes_back_by_itself() {
        let clock = Clock::default();
        clock.set_offset(7);
        clock.lend_offset(900, Duration::from_millis(50));
        assert_eq!(clock.offset(), 900);
        assert!(clock.lease_left().is_some());
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(clock.offset(), 7);
        assert_eq!(clock.lease_left(), None);
        // Setting it for good ends a lease.
        clock.lend_offset(900, Duration::from_secs(60));
        clock.set_offset(3);
        assert_eq!(clock.offset(), 3);
    }
}
