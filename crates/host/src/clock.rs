//! The host's clock: the system time plus an adjustable offset.
//!
//! The offset is how the app's "time travel" works: open a URL after its
//! expiry, or as if the signing server's clock were behind, without waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// System time plus an offset in seconds.
#[derive(Debug, Default)]
pub struct Clock {
    offset: AtomicI64,
}

impl Clock {
    /// Unix seconds as the host sees them.
    pub fn now(&self) -> u64 {
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let system = i64::try_from(system).unwrap_or(i64::MAX);
        u64::try_from(system.saturating_add(self.offset())).unwrap_or(0)
    }

    /// The offset in seconds.
    pub fn offset(&self) -> i64 {
        self.offset.load(Ordering::Relaxed)
    }

    /// Sets the offset in seconds.
    pub fn set_offset(&self, seconds: i64) {
        self.offset.store(seconds, Ordering::Relaxed);
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
    }
}
