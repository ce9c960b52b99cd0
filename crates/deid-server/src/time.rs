//! RFC 3339 UTC timestamps with seven fractional digits, as the service writes them.

use std::time::{SystemTime, UNIX_EPOCH};

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

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
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
