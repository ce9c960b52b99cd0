//! RFC 3339 UTC timestamps with seven fractional digits, as the service writes them.

use std::time::{SystemTime, UNIX_EPOCH};

use deid_core::calendar::civil_from_days;

/// Now, as `2025-08-05T21:19:49.2572731Z`.
pub fn now() -> String {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format_unix(d.as_secs(), d.subsec_nanos())
}

/// Formats seconds and nanoseconds since the Unix epoch.
pub fn format_unix(secs: u64, nanos: u32) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:07}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        nanos / 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_unix(0, 0), "1970-01-01T00:00:00.0000000Z");
        assert_eq!(
            format_unix(1_754_428_789, 257_273_100),
            "2025-08-05T21:19:49.2572731Z"
        );
        assert_eq!(format_unix(951_782_400, 0), "2000-02-29T00:00:00.0000000Z");
    }
}
