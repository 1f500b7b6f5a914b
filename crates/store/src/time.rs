//! Timestamps: the clock and RFC 3339 formatting (chrono).

use chrono::{DateTime, SecondsFormat, Utc};

/// Now: unix milliseconds and the same instant as RFC 3339 UTC with milliseconds.
pub(crate) fn now() -> (i64, String) {
    let now = Utc::now();
    (
        now.timestamp_millis(),
        now.to_rfc3339_opts(SecondsFormat::Millis, true),
    )
}

/// Formats unix milliseconds as RFC 3339 UTC with milliseconds,
/// e.g. `2026-11-25T20:05:33.123Z`; `None` beyond the years ±262,000.
pub fn format_rfc3339_ms(unix_ms: i64) -> Option<String> {
    DateTime::from_timestamp_millis(unix_ms).map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        let f = |ms| format_rfc3339_ms(ms).unwrap();
        assert_eq!(f(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(f(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(f(1_795_637_133_123), "2026-11-25T20:05:33.123Z");
        assert_eq!(f(4_107_542_399_999), "2100-02-28T23:59:59.999Z");
        assert_eq!(f(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(format_rfc3339_ms(i64::MAX), None);
    }

    #[test]
    fn now_is_after_2020_and_both_forms_agree() {
        let (ms, text) = now();
        assert!(ms > 1_577_836_800_000);
        assert_eq!(format_rfc3339_ms(ms).as_deref(), Some(text.as_str()));
    }
}
