//! The wall clock, kept out of the engine (which is pure): "now" as a [`Moment`] on the
//! local wall clock with its UTC offset. The CLI, the server (`nps_server::clock::now`)
//! and the desktop shell read the time here and nowhere else.

use chrono::{DateTime, Datelike, Local, TimeZone, Timelike};
use nps_engine::{Date, EngineError, Moment, TimeOfDay, UtcOffset};

/// Now, on the local wall clock, with the local UTC offset (to the minute; seconds of
/// the offset, which no zone in use has, are dropped).
pub fn now() -> Result<Moment, EngineError> {
    moment_of(&Local::now())
}

/// The [`Moment`] of a date-time in any zone: its wall-clock date and time and offset.
pub fn moment_of<Tz: TimeZone>(at: &DateTime<Tz>) -> Result<Moment, EngineError> {
    use chrono::Offset;
    let offset = at.offset().fix().local_minus_utc() / 60;
    let offset = UtcOffset::from_minutes(offset)?;
    let date = Date::new(at.year(), at.month(), at.day())?;
    let time = TimeOfDay::new(at.hour(), at.minute(), at.second(), offset)?;
    Ok(Moment::at(date, time))
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    #[test]
    fn a_moment_keeps_the_wall_clock_and_offset() {
        let tehran = FixedOffset::east_opt(3 * 3600 + 1800).unwrap();
        let at = tehran.with_ymd_and_hms(2026, 2, 9, 14, 30, 5).unwrap();
        let m = moment_of(&at).unwrap();
        assert_eq!(m.to_string(), "2026-02-09T14:30:05+03:30");
        let west = FixedOffset::west_opt(5 * 3600).unwrap();
        let at = west.with_ymd_and_hms(1999, 12, 31, 23, 59, 59).unwrap();
        assert_eq!(
            moment_of(&at).unwrap().to_string(),
            "1999-12-31T23:59:59-05:00"
        );
    }

    #[test]
    fn now_is_the_local_clock() {
        let before = Local::now();
        let now = now().unwrap();
        let after = Local::now();
        let date = now.date;
        let days = [before.date_naive(), after.date_naive()];
        assert!(
            days.iter().any(|d| d.year() == date.year()
                && d.month() == date.month()
                && d.day() == date.day()),
            "{now} is not between {before} and {after}"
        );
    }
}
