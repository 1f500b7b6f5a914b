//! Clock and timestamp formatting without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::{Result, StoreError};

/// Milliseconds since the Unix epoch, from the system clock.
pub(crate) fn now_unix_ms() -> Result<i64> {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| StoreError::Database("system clock is set before 1970-01-01".into()))?;
    i64::try_from(since.as_millis())
        .map_err(|_| StoreError::Database("system clock is out of range".into()))
}

/// Formats unix milliseconds as RFC 3339 UTC with milliseconds,
/// e.g. `2026-11-25T20:05:33.123Z`.
pub fn format_rfc3339_ms(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let ms = unix_ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

/// Howard Hinnant's days-to-civil: days since 1970-01-01 to (year, month, day)
/// in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March-based
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// True for a real calendar date written exactly as `YYYY-MM-DD`.
pub(crate) fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        b[r].iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_rfc3339_ms(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            format_rfc3339_ms(951_782_400_000),
            "2000-02-29T00:00:00.000Z"
        );
        assert_eq!(
            format_rfc3339_ms(1_795_637_133_123),
            "2026-11-25T20:05:33.123Z"
        );
        assert_eq!(
            format_rfc3339_ms(4_107_542_399_999),
            "2100-02-28T23:59:59.999Z"
        );
        assert_eq!(format_rfc3339_ms(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn every_day_for_centuries_round_trips_through_the_calendar() {
        // civil_from_days must be strictly sequential: each day is the next
        // valid date after the previous one.
        let mut prev = civil_from_days(-1);
        for days in 0..(400 * 366) {
            let cur = civil_from_days(days);
            let s = format!("{:04}-{:02}-{:02}", cur.0, cur.1, cur.2);
            assert!(is_valid_date(&s), "{s}");
            assert!(cur > prev, "{cur:?} after {prev:?}");
            prev = cur;
        }
        assert_eq!(civil_from_days(400 * 365 + 97), (2370, 1, 1));
    }

    #[test]
    fn validates_dates() {
        for ok in ["2026-11-25", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_valid_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-1-01",
            "26-11-25",
            "2026/11/25",
            "2026-11-25T",
            "",
            "abcd-ef-gh",
            "+202-11-25",
        ] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn clock_is_after_2020() {
        assert!(now_unix_ms().unwrap() > 1_577_836_800_000);
    }
}
