//! A moment: a local wall-clock date, optionally with a time of day and its UTC offset.
//! Parsed from ISO-8601 (`2026-02-06T01:15:00+08:00`, `…Z`, or a date alone).

use std::fmt;

use crate::calendar::{Date, UNIX_EPOCH_JDN, parse_digits};
use crate::error::{EngineError, Expected, Result};

/// A UTC offset in whole minutes, from −12:00 to +14:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct UtcOffset(i16);

impl UtcOffset {
    pub const UTC: UtcOffset = UtcOffset(0);
    const MIN: i32 = -12 * 60;
    const MAX: i32 = 14 * 60;

    /// An offset of `minutes` east of UTC (negative for west).
    pub fn from_minutes(minutes: i32) -> Result<Self> {
        if (Self::MIN..=Self::MAX).contains(&minutes) {
            Ok(UtcOffset(minutes as i16))
        } else {
            let sign = if minutes < 0 { '-' } else { '+' };
            let abs = minutes.unsigned_abs();
            Err(EngineError::OffsetOutOfRange(format!(
                "{sign}{:02}:{:02}",
                abs / 60,
                abs % 60
            )))
        }
    }

    /// An offset from its parts as people write it: `hours` carries the sign (−3 and 30
    /// is −03:30), `minutes` must be 0–59.
    pub fn from_parts(hours: i32, minutes: u32) -> Result<Self> {
        if minutes > 59 {
            return Err(EngineError::OffsetOutOfRange(format!(
                "{hours:+03}:{minutes:02}"
            )));
        }
        let total = hours.unsigned_abs() as i32 * 60 + minutes as i32;
        Self::from_minutes(if hours < 0 { -total } else { total })
    }

    pub fn minutes(self) -> i32 {
        i32::from(self.0)
    }
}

impl fmt::Display for UtcOffset {
    /// `Z` for zero, else `±HH:MM`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return f.write_str("Z");
        }
        let sign = if self.0 < 0 { '-' } else { '+' };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

/// A wall-clock time of day with the offset it was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
    second: u8,
    offset: UtcOffset,
}

impl TimeOfDay {
    pub fn new(hour: u32, minute: u32, second: u32, offset: UtcOffset) -> Result<Self> {
        if hour > 23 {
            return Err(EngineError::InvalidHour(hour));
        }
        if minute > 59 {
            return Err(EngineError::InvalidMinute(minute));
        }
        if second > 59 {
            return Err(EngineError::InvalidSecond(second));
        }
        Ok(TimeOfDay {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            offset,
        })
    }
    pub fn hour(self) -> u32 {
        u32::from(self.hour)
    }
    pub fn minute(self) -> u32 {
        u32::from(self.minute)
    }
    pub fn second(self) -> u32 {
        u32::from(self.second)
    }
    pub fn offset(self) -> UtcOffset {
        self.offset
    }
    fn seconds_of_day(self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }
}

/// A date, with or without a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Moment {
    pub date: Date,
    pub time: Option<TimeOfDay>,
}

impl Moment {
    pub fn date_only(date: Date) -> Self {
        Moment { date, time: None }
    }

    pub fn at(date: Date, time: TimeOfDay) -> Self {
        Moment {
            date,
            time: Some(time),
        }
    }

    /// Parses an ISO-8601 date (`YYYY-MM-DD`) or date-time with offset
    /// (`YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM|±HH)`). A fraction of a second is
    /// dropped (stamps have whole seconds); a date-time without an offset is an error,
    /// because the instant it means would be a guess.
    pub fn parse(s: &str) -> Result<Self> {
        let s = s.trim();
        if s.len() <= 10 {
            return Date::parse(s).map(Moment::date_only);
        }
        let bad = |expected| EngineError::Parse {
            input: s.to_string(),
            expected,
        };
        if !s.is_char_boundary(10) {
            return Err(bad(Expected::DateTime));
        }
        let date = Date::parse(&s[..10])?;
        let rest = &s[10..];
        let rest = rest
            .strip_prefix(['T', 't', ' '])
            .ok_or_else(|| bad(Expected::DateTime))?;
        let split = rest
            .find(['Z', 'z', '+', '-'])
            .ok_or_else(|| bad(Expected::OffsetMissing))?;
        let (clock, zone) = rest.split_at(split);
        let (hour, minute, second) = parse_clock(clock).ok_or_else(|| bad(Expected::Time))?;
        let offset = parse_offset(zone).ok_or_else(|| bad(Expected::Offset))??;
        Ok(Moment::at(
            date,
            TimeOfDay::new(hour, minute, second, offset)?,
        ))
    }

    /// Seconds since the unix epoch of this instant (the offset applied), not clamped.
    /// A date alone counts from its midnight in UTC.
    pub fn unix_seconds(&self) -> i64 {
        let days = self.date.jdn() - UNIX_EPOCH_JDN;
        match self.time {
            Some(t) => days * 86_400 + t.seconds_of_day() - i64::from(t.offset.minutes()) * 60,
            None => days * 86_400,
        }
    }
}

impl fmt::Display for Moment {
    /// The ISO form: `2026-02-06`, or `2026-02-06T01:15:00+08:00` (`Z` for a zero offset).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(t) = self.time {
            write!(
                f,
                "T{:02}:{:02}:{:02}{}",
                t.hour, t.minute, t.second, t.offset
            )?;
        }
        Ok(())
    }
}

crate::vocab::serde_as_text!(Moment, Moment::parse);

fn parse_clock(clock: &str) -> Option<(u32, u32, u32)> {
    let mut parts = clock.split(':');
    let hour = two_digits(parts.next()?)?;
    let minute = two_digits(parts.next()?)?;
    let second = match parts.next() {
        None => 0,
        Some(sec) => {
            let whole = match sec.split_once(['.', ',']) {
                Some((whole, frac)) => {
                    if frac.is_empty() || !frac.bytes().all(|c| c.is_ascii_digit()) {
                        return None;
                    }
                    whole
                }
                None => sec,
            };
            two_digits(whole)?
        }
    };
    if parts.next().is_some() {
        return None;
    }
    Some((hour, minute, second))
}

fn two_digits(s: &str) -> Option<u32> {
    if s.len() == 2 { parse_digits(s) } else { None }
}

/// `None` when the text is not an offset at all; `Some(Err)` when it is one out of range.
fn parse_offset(zone: &str) -> Option<Result<UtcOffset>> {
    if zone == "Z" || zone == "z" {
        return Some(Ok(UtcOffset::UTC));
    }
    let negative = zone.starts_with('-');
    let body = zone.get(1..)?;
    let (h, m) = match body.len() {
        2 => (body, "00"),
        4 => (&body[..2], &body[2..]),
        5 if body.as_bytes()[2] == b':' => (&body[..2], &body[3..]),
        _ => return None,
    };
    let hours = two_digits(h)? as i32;
    let minutes = two_digits(m)? as i32;
    if minutes > 59 {
        return Some(Err(EngineError::OffsetOutOfRange(zone.to_string())));
    }
    // The sign covers the whole offset, minutes included: "-00:30" is 30 minutes west.
    let total = hours * 60 + minutes;
    Some(UtcOffset::from_minutes(if negative {
        -total
    } else {
        total
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_write() {
        let m = Moment::parse("2026-02-06T01:15:00+08:00").unwrap();
        assert_eq!(m.to_string(), "2026-02-06T01:15:00+08:00");
        assert_eq!(
            Moment::parse("2026-02-06T01:15Z").unwrap().to_string(),
            "2026-02-06T01:15:00Z"
        );
        assert_eq!(
            Moment::parse("2026-02-06T01:15:00.123+00:00")
                .unwrap()
                .to_string(),
            "2026-02-06T01:15:00Z"
        );
        assert_eq!(
            Moment::parse("2026-02-06T01:15:00-0030")
                .unwrap()
                .to_string(),
            "2026-02-06T01:15:00-00:30"
        );
        assert_eq!(
            Moment::parse("2026-02-06").unwrap().to_string(),
            "2026-02-06"
        );
    }

    #[test]
    fn rejects_with_a_reason() {
        assert_eq!(
            Moment::parse("2026-01-01T24:00:00Z"),
            Err(EngineError::InvalidHour(24))
        );
        assert!(matches!(
            Moment::parse("2026-01-01T10:00:00+15:00"),
            Err(EngineError::OffsetOutOfRange(_))
        ));
        assert!(matches!(
            Moment::parse("2026-01-01T10:00:00-12:30"),
            Err(EngineError::OffsetOutOfRange(_))
        ));
        assert!(matches!(
            Moment::parse("2026-01-01T10:00:00"),
            Err(EngineError::Parse { .. })
        ));
        assert!(Moment::parse("2026-01-01T10:00:00+14:00").is_ok());
        assert!(Moment::parse("2026-01-01Tx").is_err());
        assert!(Moment::parse("2026-01-01é10:00:00Z").is_err());
        assert!(Moment::parse("").is_err());
    }
}
