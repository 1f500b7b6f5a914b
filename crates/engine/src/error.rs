//! The one error type of the engine: a variant per kind of bad input.
//!
//! `Display` gives the English sentence; [`EngineError::fluent`] gives the message id
//! and arguments of the same sentence in `locales/<lang>/errors.ftl`, so callers can
//! show it in the reader's language (the engine itself does no presenting).

use std::fmt;

use thiserror::Error;

/// What is wrong with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// The month is not 1–12.
    Month,
    /// The day does not exist in that month.
    Day,
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateProblem::Month => "the month must be 1–12",
            DateProblem::Day => "that day does not exist in that month",
        })
    }
}

/// What a text failed to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Date,
    DateTime,
    /// A date-time without a UTC offset.
    OffsetMissing,
    Time,
    Offset,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Date => "a date YYYY-MM-DD",
            Expected::DateTime => "an ISO-8601 date-time such as 2026-02-06T01:15:00+08:00",
            Expected::OffsetMissing => "a date-time with a UTC offset (Z or ±HH:MM)",
            Expected::Time => "a time HH:MM or HH:MM:SS",
            Expected::Offset => "a UTC offset Z or ±HH:MM",
        })
    }
}

/// What is wrong with an FC60 stamp string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StampProblem {
    Parts,
    DatePart,
    DayRange,
    Marker,
    TimePart,
    /// The weekday token is not the date's weekday.
    Weekday {
        date: String,
        actual: &'static str,
        claimed: &'static str,
    },
}

impl fmt::Display for StampProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StampProblem::Parts => f.write_str("expected a date part and at most one time part"),
            StampProblem::DatePart => f.write_str("the date part must be WD-MO-DOM"),
            StampProblem::DayRange => f.write_str("the day of the month must be 1–31"),
            StampProblem::Marker => f.write_str("the time part must start with ☀ or 🌙"),
            StampProblem::TimePart => f.write_str("the time part must be HALFHR-MIN-SEC"),
            StampProblem::Weekday {
                date,
                actual,
                claimed,
            } => write!(f, "{date} is a {actual}, not a {claimed}"),
        }
    }
}

/// Everything the engine can reject. Every message names the offending value, so a
/// caller can show it to a person as it is.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EngineError {
    #[error("invalid date {year:04}-{month:02}-{day:02}: {problem}")]
    InvalidDate {
        year: i32,
        month: u32,
        day: u32,
        problem: DateProblem,
    },
    #[error("year {0} is outside the supported range 1–9999")]
    YearOutOfRange(i64),
    #[error("hour {0} is out of range (0–23)")]
    InvalidHour(u32),
    #[error("minute {0} is out of range (0–59)")]
    InvalidMinute(u32),
    #[error("second {0} is out of range (0–59)")]
    InvalidSecond(u32),
    #[error("UTC offset {0} is out of range (−12:00 to +14:00)")]
    OffsetOutOfRange(String),
    #[error("cannot read {input:?} as {expected}")]
    Parse { input: String, expected: Expected },
    #[error("token must be 4 characters, got {token:?} ({len} chars)")]
    TokenLength { token: String, len: usize },
    #[error("unknown animal token {0:?}")]
    UnknownAnimal(String),
    #[error("unknown element token {0:?}")]
    UnknownElement(String),
    #[error("unknown weekday token {0:?}")]
    UnknownWeekday(String),
    #[error("token60 needs 0 ≤ n ≤ 59, got {0}")]
    Token60Range(i128),
    #[error("base-60 digit {index} is out of range: {value} (must be 0–59)")]
    DigitRange { index: usize, value: i64 },
    #[error("the base-60 number is too large (more than 128 bits)")]
    Overflow,
    #[error("invalid FC60 stamp {stamp:?}: {problem}")]
    InvalidStamp {
        stamp: String,
        problem: StampProblem,
    },
    #[error("checksum mismatch: the stamp says {found}, its fields give {expected}")]
    ChecksumMismatch { expected: String, found: String },
    #[error("the name is empty")]
    EmptyName,
    #[error("the name {0:?} has no letters")]
    NameWithoutLetters(String),
    #[error("latitude {0} is out of range (−90 to 90)")]
    LatitudeOutOfRange(f64),
    #[error("longitude {0} is out of range (−180 to 180)")]
    LongitudeOutOfRange(f64),
    #[error("heart rate {0} bpm is out of range (20–250)")]
    BpmOutOfRange(u32),
    #[error("unknown numerology system {0:?} (expected pythagorean, chaldean, abjad or auto)")]
    UnknownSystem(String),
    #[error("unknown gender {0:?} (expected male, female or other)")]
    UnknownGender(String),
}

/// An argument of a localized error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorArg {
    /// Shown as it is (the offending text).
    Text(String),
    /// A number, shown in the reader's digits.
    Number(String),
}

impl EngineError {
    /// The message id in `locales/<lang>/errors.ftl` and its arguments.
    pub fn fluent(&self) -> (&'static str, Vec<(&'static str, ErrorArg)>) {
        use ErrorArg::{Number, Text};
        let num = |n: &dyn fmt::Display| Number(n.to_string());
        match self {
            EngineError::InvalidDate {
                year,
                month,
                day,
                problem,
            } => (
                match problem {
                    DateProblem::Month => "error-date-month",
                    DateProblem::Day => "error-date-day",
                },
                vec![("date", Text(format!("{year:04}-{month:02}-{day:02}")))],
            ),
            EngineError::YearOutOfRange(y) => ("error-year-range", vec![("year", num(y))]),
            EngineError::InvalidHour(h) => ("error-hour", vec![("hour", num(h))]),
            EngineError::InvalidMinute(m) => ("error-minute", vec![("minute", num(m))]),
            EngineError::InvalidSecond(s) => ("error-second", vec![("second", num(s))]),
            EngineError::OffsetOutOfRange(o) => ("error-offset", vec![("offset", Text(o.clone()))]),
            EngineError::Parse { input, expected } => (
                match expected {
                    Expected::Date => "error-parse-date",
                    Expected::DateTime => "error-parse-datetime",
                    Expected::OffsetMissing => "error-parse-offset-missing",
                    Expected::Time => "error-parse-time",
                    Expected::Offset => "error-parse-offset",
                },
                vec![("input", Text(input.clone()))],
            ),
            EngineError::TokenLength { token, len } => (
                "error-token-length",
                vec![("token", Text(token.clone())), ("length", num(len))],
            ),
            EngineError::UnknownAnimal(t) => {
                ("error-unknown-animal", vec![("token", Text(t.clone()))])
            }
            EngineError::UnknownElement(t) => {
                ("error-unknown-element", vec![("token", Text(t.clone()))])
            }
            EngineError::UnknownWeekday(t) => {
                ("error-unknown-weekday", vec![("token", Text(t.clone()))])
            }
            EngineError::Token60Range(n) => ("error-token60-range", vec![("value", num(n))]),
            EngineError::DigitRange { index, value } => (
                "error-digit-range",
                vec![("index", num(index)), ("value", num(value))],
            ),
            EngineError::Overflow => ("error-overflow", vec![]),
            EngineError::InvalidStamp { stamp, problem } => match problem {
                StampProblem::Weekday {
                    date,
                    actual,
                    claimed,
                } => (
                    "error-stamp-weekday",
                    vec![
                        ("stamp", Text(stamp.clone())),
                        ("date", Text(date.clone())),
                        ("actual", Text((*actual).to_string())),
                        ("claimed", Text((*claimed).to_string())),
                    ],
                ),
                other => (
                    match other {
                        StampProblem::Parts => "error-stamp-parts",
                        StampProblem::DatePart => "error-stamp-date-part",
                        StampProblem::DayRange => "error-stamp-day-range",
                        StampProblem::Marker => "error-stamp-marker",
                        _ => "error-stamp-time-part",
                    },
                    vec![("stamp", Text(stamp.clone()))],
                ),
            },
            EngineError::ChecksumMismatch { expected, found } => (
                "error-checksum",
                vec![
                    ("expected", Text(expected.clone())),
                    ("found", Text(found.clone())),
                ],
            ),
            EngineError::EmptyName => ("error-empty-name", vec![]),
            EngineError::NameWithoutLetters(n) => {
                ("error-name-no-letters", vec![("name", Text(n.clone()))])
            }
            EngineError::LatitudeOutOfRange(v) => ("error-latitude", vec![("value", num(v))]),
            EngineError::LongitudeOutOfRange(v) => ("error-longitude", vec![("value", num(v))]),
            EngineError::BpmOutOfRange(b) => ("error-bpm", vec![("bpm", num(b))]),
            EngineError::UnknownSystem(s) => {
                ("error-unknown-system", vec![("system", Text(s.clone()))])
            }
            EngineError::UnknownGender(g) => {
                ("error-unknown-gender", vec![("gender", Text(g.clone()))])
            }
        }
    }

    /// One error of each kind, for tests that check every message exists.
    pub fn examples() -> Vec<EngineError> {
        vec![
            EngineError::InvalidDate {
                year: 2026,
                month: 13,
                day: 1,
                problem: DateProblem::Month,
            },
            EngineError::InvalidDate {
                year: 2026,
                month: 2,
                day: 30,
                problem: DateProblem::Day,
            },
            EngineError::YearOutOfRange(0),
            EngineError::InvalidHour(24),
            EngineError::InvalidMinute(60),
            EngineError::InvalidSecond(60),
            EngineError::OffsetOutOfRange("+15:00".into()),
            EngineError::Parse {
                input: "x".into(),
                expected: Expected::Date,
            },
            EngineError::Parse {
                input: "x".into(),
                expected: Expected::DateTime,
            },
            EngineError::Parse {
                input: "x".into(),
                expected: Expected::OffsetMissing,
            },
            EngineError::Parse {
                input: "x".into(),
                expected: Expected::Time,
            },
            EngineError::Parse {
                input: "x".into(),
                expected: Expected::Offset,
            },
            EngineError::TokenLength {
                token: "RAW".into(),
                len: 3,
            },
            EngineError::UnknownAnimal("XX".into()),
            EngineError::UnknownElement("XX".into()),
            EngineError::UnknownWeekday("XX".into()),
            EngineError::Token60Range(60),
            EngineError::DigitRange {
                index: 0,
                value: 60,
            },
            EngineError::Overflow,
            EngineError::InvalidStamp {
                stamp: "x".into(),
                problem: StampProblem::Parts,
            },
            EngineError::InvalidStamp {
                stamp: "x".into(),
                problem: StampProblem::DatePart,
            },
            EngineError::InvalidStamp {
                stamp: "x".into(),
                problem: StampProblem::DayRange,
            },
            EngineError::InvalidStamp {
                stamp: "x".into(),
                problem: StampProblem::Marker,
            },
            EngineError::InvalidStamp {
                stamp: "x".into(),
                problem: StampProblem::TimePart,
            },
            EngineError::InvalidStamp {
                stamp: "x".into(),
                problem: StampProblem::Weekday {
                    date: "2026-02-06".into(),
                    actual: "Friday",
                    claimed: "Saturday",
                },
            },
            EngineError::ChecksumMismatch {
                expected: "TIMT".into(),
                found: "TIWA".into(),
            },
            EngineError::EmptyName,
            EngineError::NameWithoutLetters("!!".into()),
            EngineError::LatitudeOutOfRange(91.0),
            EngineError::LongitudeOutOfRange(181.0),
            EngineError::BpmOutOfRange(5),
            EngineError::UnknownSystem("klingon".into()),
            EngineError::UnknownGender("x".into()),
        ]
    }
}

/// Shorthand for results of the engine.
pub type Result<T, E = EngineError> = std::result::Result<T, E>;
