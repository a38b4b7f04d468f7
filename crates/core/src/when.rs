//! Times as people read them: ISO 8601 in UTC, and relative to now
//! ("in 9 min", "3 h ago"), for reports and the screens beside a raw Unix
//! time. No calendar library: the civil-from-days conversion is a dozen lines.

/// `2026-11-22T04:10:00Z` for Unix seconds `secs`.
pub fn iso8601(secs: u64) -> String {
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        (rest % 3600) / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// "in 9 min", "3 h 5 min ago", "now" for `at` seen from `now`.
pub fn relative(at: u64, now: u64) -> String {
    let (span, future) = if at >= now {
        (at - now, true)
    } else {
        (now - at, false)
    };
    let words = if span < 1 {
        return "now".into();
    } else if span < 60 {
        format!("{span} s")
    } else if span < 3600 {
        format!("{} min", span / 60)
    } else if span < 86_400 {
        format!("{} h {} min", span / 3600, (span % 3600) / 60)
    } else {
        format!("{} d {} h", span / 86_400, (span % 86_400) / 3600)
    };
    if future {
        format!("in {words}")
    } else {
        format!("{words} ago")
    }
}

/// Both: `2026-11-22T04:10:00Z (in 9 min)`.
pub fn both(at: u64, now: u64) -> String {
    format!("{} ({})", iso8601(at), relative(at, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_match_known_instants() {
        // Python: datetime.fromtimestamp(t, timezone.utc).isoformat()
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_795_314_028), "2026-11-22T02:20:28Z");
    }

    #[test]
    fn relative_times_read_naturally() {
        assert_eq!(relative(1_000, 1_000), "now");
        assert_eq!(relative(1_540, 1_000), "in 9 min");
        assert_eq!(relative(1_000, 12_100), "3 h 5 min ago");
        assert_eq!(relative(1_000, 1_045), "45 s ago");
    }
}
