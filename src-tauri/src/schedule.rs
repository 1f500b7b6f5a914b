//! When the daily notification fires: a pure function of the chosen local time and
//! "now" in the user's time zone ([`next_fire`]), and [`wait_until`], the wait for it
//! a minute at a time.

use std::time::Duration;

use jiff::{Timestamp, Zoned};
use nps_protocol::DailyTime;

/// The longest single sleep while waiting for the fire time: the wait is measured
/// again after it, so a clock that jumps (suspend and resume, the user changing the
/// clock) delays the notification by at most this much.
pub const MAX_SLEEP: Duration = Duration::from_secs(60);

/// How many days ahead [`next_fire`] looks: today, tomorrow, and one more for a zone
/// that skips a whole calendar day (Samoa, 2011-12-30).
const DAYS_AHEAD: i8 = 3;

/// The first instant strictly after `now` whose local time, in `now`'s time zone, is
/// `at`: today's if it is still ahead, otherwise tomorrow's.
///
/// Days the clocks change (jiff's "compatible" rule, RFC 5545's): a time the clocks
/// jump over (02:30 on a day 02:00 becomes 03:00) fires as far after the jump as it
/// was after the jump's start (03:30); a time that happens twice (the clocks go back)
/// fires the first time only. A time already passed today is never fired late: it
/// is tomorrow's.
pub fn next_fire(at: DailyTime, now: &Zoned) -> Result<Zoned, jiff::Error> {
    let (hour, minute) = (at.hour() as i8, at.minute() as i8);
    let mut date = now.date();
    for _ in 0..DAYS_AHEAD {
        let fire = date
            .at(hour, minute, 0, 0)
            .to_zoned(now.time_zone().clone())?;
        if fire.timestamp() > now.timestamp() {
            return Ok(fire);
        }
        date = date.tomorrow()?;
    }
    Err(jiff::Error::from_args(format_args!(
        "no {at} in the {DAYS_AHEAD} days after {now}"
    )))
}

/// How long to sleep before looking at the clock again, waiting for `fire`:
/// `None` when it is due.
pub fn sleep_before(fire: Timestamp, now: Timestamp) -> Option<Duration> {
    let left = now.duration_until(fire);
    if left.is_zero() || left.is_negative() {
        return None;
    }
    let left = Duration::try_from(left).unwrap_or(MAX_SLEEP);
    Some(left.min(MAX_SLEEP))
}

/// Returns at `fire` (or at once if it has passed — a computer asleep at the time
/// notifies when it wakes), sleeping at most [`MAX_SLEEP`] at a time.
pub async fn wait_until(fire: Timestamp) {
    while let Some(sleep) = sleep_before(fire, Timestamp::now()) {
        tokio::time::sleep(sleep).await;
    }
}

#[cfg(test)]
mod tests {
    use jiff::tz::TimeZone;

    use super::*;

    /// (chosen time, local "now", zone, the fire instant in UTC, why).
    const CASES: &[(&str, &str, &str, &str, &str)] = &[
        (
            "08:00",
            "2026-06-01T07:00",
            NY,
            "2026-06-01T12:00:00Z",
            "later today",
        ),
        (
            "08:00",
            "2026-06-01T07:59:59",
            NY,
            "2026-06-01T12:00:00Z",
            "a second before",
        ),
        (
            "08:00",
            "2026-06-01T08:00",
            NY,
            "2026-06-02T12:00:00Z",
            "exactly now: tomorrow",
        ),
        (
            "08:00",
            "2026-06-01T21:15",
            NY,
            "2026-06-02T12:00:00Z",
            "already past today: tomorrow",
        ),
        (
            "00:00",
            "2026-06-01T23:59",
            NY,
            "2026-06-02T04:00:00Z",
            "midnight",
        ),
        (
            "23:59",
            "2026-12-31T23:59:30",
            NY,
            "2027-01-02T04:59:00Z",
            "the last minute, a new year",
        ),
        // 2026-03-08: 02:00 EST becomes 03:00 EDT, a day of 23 hours.
        (
            "08:00",
            "2026-03-07T09:00",
            NY,
            "2026-03-08T12:00:00Z",
            "23 h after the day before",
        ),
        (
            "08:00",
            "2026-03-07T07:00",
            NY,
            "2026-03-07T13:00:00Z",
            "the day before, still EST",
        ),
        (
            "02:30",
            "2026-03-07T09:00",
            NY,
            "2026-03-08T07:30:00Z",
            "skipped: 03:30 EDT",
        ),
        (
            "02:30",
            "2026-03-08T03:31",
            NY,
            "2026-03-09T06:30:00Z",
            "the next day, 02:30 EDT",
        ),
        // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:30 happens twice.
        (
            "01:30",
            "2026-10-31T09:00",
            NY,
            "2026-11-01T05:30:00Z",
            "twice: the first (EDT)",
        ),
        (
            "08:00",
            "2026-10-31T09:00",
            NY,
            "2026-11-01T13:00:00Z",
            "25 h after the day before",
        ),
        // Tehran: +03:30 all year.
        (
            "08:00",
            "2026-03-20T23:00",
            TEHRAN,
            "2026-03-21T04:30:00Z",
            "a half-hour zone",
        ),
        (
            "08:00",
            "2026-03-21T07:00",
            TEHRAN,
            "2026-03-21T04:30:00Z",
            "a half-hour zone, today",
        ),
    ];
    const NY: &str = "EST5EDT,M3.2.0,M11.1.0";
    const TEHRAN: &str = "<+0330>-3:30";

    fn local(civil: &str, zone: &str) -> Zoned {
        let tz = TimeZone::posix(zone).unwrap();
        civil
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned(tz)
            .unwrap()
    }

    #[test]
    fn fire_times_with_exact_instants_around_clock_changes() {
        for &(time, now, zone, want, why) in CASES {
            let at = DailyTime::parse(time).unwrap();
            let fire = next_fire(at, &local(now, zone)).unwrap();
            assert_eq!(
                fire.timestamp().to_string(),
                want,
                "{time} after {now}: {why}"
            );
        }
    }

    #[test]
    fn a_time_that_happens_twice_fires_once() {
        let at = DailyTime::parse("01:30").unwrap();
        let first = next_fire(at, &local("2026-10-31T09:00", NY)).unwrap();
        let next = next_fire(at, &first).unwrap();
        assert_eq!(next.timestamp().to_string(), "2026-11-02T06:30:00Z");
    }

    #[test]
    fn the_wait_is_measured_a_minute_at_a_time() {
        let fire: Timestamp = "2026-06-01T12:00:00Z".parse().unwrap();
        let before = |s: &str| sleep_before(fire, s.parse().unwrap());
        assert_eq!(
            before("2026-06-01T11:59:30Z"),
            Some(Duration::from_secs(30))
        );
        assert_eq!(before("2026-06-01T09:00:00Z"), Some(MAX_SLEEP));
        assert_eq!(before("2026-06-01T12:00:00Z"), None);
        assert_eq!(before("2026-06-01T12:05:00Z"), None, "late: due at once");
    }
}
