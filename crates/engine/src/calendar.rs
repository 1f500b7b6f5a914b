//! Gregorian dates, Julian Day Numbers and their cross-references.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{DateProblem, EngineError, Expected, Result};
use crate::tokens::{self, Weekday};
use crate::vocab::Word;

/// Offsets between day counts: MJD = JDN − 2400001, RD = JDN − 1721425, unix days = JDN − 2440588.
pub const MJD_OFFSET: i64 = 2_400_001;
pub const RD_OFFSET: i64 = 1_721_425;
pub const UNIX_EPOCH_JDN: i64 = 2_440_588;

/// A valid proleptic Gregorian date in the years 1–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked date: month 1–12, a day that exists in that month, year 1–9999.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self> {
        if !(1..=9999).contains(&year) {
            return Err(EngineError::YearOutOfRange(i64::from(year)));
        }
        let invalid = |problem| EngineError::InvalidDate {
            year,
            month,
            day,
            problem,
        };
        if !(1..=12).contains(&month) {
            return Err(invalid(DateProblem::Month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(invalid(DateProblem::Day));
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self> {
        let bad = || EngineError::Parse {
            input: s.to_string(),
            expected: Expected::Date,
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let year = parse_digits(&s[0..4]).ok_or_else(bad)?;
        let month = parse_digits(&s[5..7]).ok_or_else(bad)?;
        let day = parse_digits(&s[8..10]).ok_or_else(bad)?;
        Date::new(year as i32, month, day)
    }

    /// The date of a Julian Day Number (inverse Fliegel–Van Flandern).
    pub fn from_jdn(jdn: i64) -> Result<Self> {
        // 1721426 is 0001-01-01 and 5373484 is 9999-12-31; outside them the arithmetic
        // below could overflow, and the year would be out of range anyway.
        if !(1_721_426..=5_373_484).contains(&jdn) {
            return Err(EngineError::YearOutOfRange(
                jdn_to_gregorian(jdn.clamp(-1 << 40, 1 << 40)).0,
            ));
        }
        let (y, m, d) = jdn_to_gregorian(jdn);
        if !(1..=9999).contains(&y) {
            return Err(EngineError::YearOutOfRange(y));
        }
        Date::new(y as i32, m as u32, d as u32)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Julian Day Number (Fliegel–Van Flandern, Gregorian).
    pub fn jdn(self) -> i64 {
        jdn(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    pub fn weekday(self) -> Weekday {
        Weekday::from_jdn(self.jdn())
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.jdn() - self.jdn()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

crate::vocab::serde_as_text!(Date, Date::parse);

/// Parses a run of ASCII digits (no sign, no spaces).
pub(crate) fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// JDN of any (year, month, day) by the Fliegel–Van Flandern formula; floor division
/// throughout, as the reference says.
pub fn jdn(year: i64, month: i64, day: i64) -> i64 {
    let a = (14 - month).div_euclid(12);
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2).div_euclid(5) + 365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        - 32045
}

/// (year, month, day) of a JDN.
pub fn jdn_to_gregorian(jdn: i64) -> (i64, i64, i64) {
    let mut l = jdn + 68569;
    let n = (4 * l).div_euclid(146_097);
    l -= (146_097 * n + 3).div_euclid(4);
    let i = (4000 * (l + 1)).div_euclid(1_461_001);
    l = l - (1461 * i).div_euclid(4) + 31;
    let j = (80 * l).div_euclid(2447);
    let day = l - (2447 * j).div_euclid(80);
    let l = j.div_euclid(11);
    let month = j + 2 - 12 * l;
    let year = 100 * (n - 49) + i + l;
    (year, month, day)
}

/// The other day counts of a JDN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossRefs {
    pub jdn: i64,
    pub mjd: i64,
    pub rd: i64,
    pub unix_days: i64,
    /// Whether converting back from each count gives the same JDN (always true; kept
    /// because the reference framework reports it).
    pub relationships_valid: bool,
}

impl CrossRefs {
    pub fn of(jdn: i64) -> Self {
        let mjd = jdn - MJD_OFFSET;
        let rd = jdn - RD_OFFSET;
        let unix_days = jdn - UNIX_EPOCH_JDN;
        CrossRefs {
            jdn,
            mjd,
            rd,
            unix_days,
            relationships_valid: mjd + MJD_OFFSET == jdn
                && rd + RD_OFFSET == jdn
                && unix_days + UNIX_EPOCH_JDN == jdn,
        }
    }
}

/// The weekday block of the vectors: `{index, token, name, planet}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekdayInfo {
    pub index: usize,
    #[serde(deserialize_with = "tokens::words::weekday_token")]
    pub token: Word,
    #[serde(deserialize_with = "tokens::words::weekday_name")]
    pub name: Word,
    #[serde(deserialize_with = "tokens::words::planet_name")]
    pub planet: Word,
}

impl From<Weekday> for WeekdayInfo {
    fn from(w: Weekday) -> Self {
        WeekdayInfo {
            index: w.index(),
            token: w.token(),
            name: w.name(),
            planet: w.planet(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_dates() {
        assert_eq!(Date::new(2000, 1, 1).unwrap().jdn(), 2_451_545);
        assert_eq!(Date::new(1970, 1, 1).unwrap().jdn(), UNIX_EPOCH_JDN);
        assert_eq!(jdn_to_gregorian(2_461_078), (2026, 2, 6));
    }

    #[test]
    fn invalid_dates_are_named() {
        assert!(Date::new(2023, 2, 29).is_err());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(2026, 4, 31).is_err());
        assert!(Date::new(2026, 13, 1).is_err());
        assert!(Date::new(0, 1, 1).is_err());
        assert!(Date::parse("2026-2-01").is_err());
        assert!(Date::parse("2026-02-01x").is_err());
        assert!(Date::parse("+026-02-01").is_err());
    }
}
