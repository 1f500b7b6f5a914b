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
    /// `unreadable_id` is the system's message (`System::unreadable_id`), so that
    /// this module needs nothing of `numerology`.
    #[error("none of the letters of {name:?} count in the {system} system")]
    NameUnreadable {
        name: String,
        /// The system's name, `pythagorean`.
        system: &'static str,
        unreadable_id: &'static str,
    },
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

impl DateProblem {
    /// The message id in `locales/<lang>/errors.ftl`.
    fn fluent_id(self) -> &'static str {
        match self {
            DateProblem::Month => "error-date-month",
            DateProblem::Day => "error-date-day",
        }
    }
}

impl Expected {
    /// Every kind of text the parsers expect.
    const ALL: [Expected; 5] = [
        Expected::Date,
        Expected::DateTime,
        Expected::OffsetMissing,
        Expected::Time,
        Expected::Offset,
    ];

    /// The message id in `locales/<lang>/errors.ftl`.
    fn fluent_id(self) -> &'static str {
        match self {
            Expected::Date => "error-parse-date",
            Expected::DateTime => "error-parse-datetime",
            Expected::OffsetMissing => "error-parse-offset-missing",
            Expected::Time => "error-parse-time",
            Expected::Offset => "error-parse-offset",
        }
    }
}

impl StampProblem {
    /// The message id in `locales/<lang>/errors.ftl`.
    fn fluent_id(&self) -> &'static str {
        match self {
            StampProblem::Parts => "error-stamp-parts",
            StampProblem::DatePart => "error-stamp-date-part",
            StampProblem::DayRange => "error-stamp-day-range",
            StampProblem::Marker => "error-stamp-marker",
            StampProblem::TimePart => "error-stamp-time-part",
            StampProblem::Weekday { .. } => "error-stamp-weekday",
        }
    }
}

/// One named argument of a localized message.
type FluentArg = (&'static str, ErrorArg);

/// An argument shown as it is.
fn text(name: &'static str, value: impl Into<String>) -> FluentArg {
    (name, ErrorArg::Text(value.into()))
}

/// An argument shown in the reader's digits.
fn number(name: &'static str, value: impl fmt::Display) -> FluentArg {
    (name, ErrorArg::Number(value.to_string()))
}

impl EngineError {
    /// The message id in `locales/<lang>/errors.ftl` and its arguments: one row per
    /// variant (the sub-enums name their own ids).
    pub fn fluent(&self) -> (&'static str, Vec<(&'static str, ErrorArg)>) {
        use EngineError as E;
        match self {
            E::InvalidDate {
                year,
                month,
                day,
                problem,
            } => (
                problem.fluent_id(),
                vec![text("date", format!("{year:04}-{month:02}-{day:02}"))],
            ),
            E::YearOutOfRange(y) => ("error-year-range", vec![number("year", y)]),
            E::InvalidHour(h) => ("error-hour", vec![number("hour", h)]),
            E::InvalidMinute(m) => ("error-minute", vec![number("minute", m)]),
            E::InvalidSecond(s) => ("error-second", vec![number("second", s)]),
            E::OffsetOutOfRange(o) => ("error-offset", vec![text("offset", o)]),
            E::Parse { input, expected } => (expected.fluent_id(), vec![text("input", input)]),
            E::TokenLength { token, len } => (
                "error-token-length",
                vec![text("token", token), number("length", len)],
            ),
            E::UnknownAnimal(t) => ("error-unknown-animal", vec![text("token", t)]),
            E::UnknownElement(t) => ("error-unknown-element", vec![text("token", t)]),
            E::UnknownWeekday(t) => ("error-unknown-weekday", vec![text("token", t)]),
            E::Token60Range(n) => ("error-token60-range", vec![number("value", n)]),
            E::DigitRange { index, value } => (
                "error-digit-range",
                vec![number("index", index), number("value", value)],
            ),
            E::Overflow => ("error-overflow", vec![]),
            E::InvalidStamp { stamp, problem } => (problem.fluent_id(), stamp_args(stamp, problem)),
            E::ChecksumMismatch { expected, found } => (
                "error-checksum",
                vec![text("expected", expected), text("found", found)],
            ),
            E::EmptyName => ("error-empty-name", vec![]),
            E::NameWithoutLetters(n) => ("error-name-no-letters", vec![text("name", n)]),
            E::NameUnreadable {
                name,
                unreadable_id,
                ..
            } => (*unreadable_id, vec![text("name", name)]),
            E::LatitudeOutOfRange(v) => ("error-latitude", vec![number("value", v)]),
            E::LongitudeOutOfRange(v) => ("error-longitude", vec![number("value", v)]),
            E::BpmOutOfRange(b) => ("error-bpm", vec![number("bpm", b)]),
            E::UnknownSystem(s) => ("error-unknown-system", vec![text("system", s)]),
            E::UnknownGender(g) => ("error-unknown-gender", vec![text("gender", g)]),
        }
    }

    /// One error of each kind, for tests that check every message exists.
    pub fn examples() -> Vec<EngineError> {
        use EngineError as E;
        let date = |month, day, problem| E::InvalidDate {
            year: 2026,
            month,
            day,
            problem,
        };
        let stamp = |problem| E::InvalidStamp {
            stamp: "x".into(),
            problem,
        };
        let parse = |expected| E::Parse {
            input: "x".into(),
            expected,
        };
        let weekday = StampProblem::Weekday {
            date: "2026-02-06".into(),
            actual: "Friday",
            claimed: "Saturday",
        };
        let stamp_problems = [
            StampProblem::Parts,
            StampProblem::DatePart,
            StampProblem::DayRange,
            StampProblem::Marker,
            StampProblem::TimePart,
            weekday,
        ];
        let token_length = E::TokenLength {
            token: "RAW".into(),
            len: 3,
        };
        let checksum = E::ChecksumMismatch {
            expected: "TIMT".into(),
            found: "TIWA".into(),
        };
        [
            date(13, 1, DateProblem::Month),
            date(2, 30, DateProblem::Day),
        ]
        .into_iter()
        .chain([
            E::YearOutOfRange(0),
            E::InvalidHour(24),
            E::InvalidMinute(60),
            E::InvalidSecond(60),
            E::OffsetOutOfRange("+15:00".into()),
        ])
        .chain(Expected::ALL.map(parse))
        .chain([
            token_length,
            E::UnknownAnimal("XX".into()),
            E::UnknownElement("XX".into()),
            E::UnknownWeekday("XX".into()),
            E::Token60Range(60),
            E::DigitRange {
                index: 0,
                value: 60,
            },
            E::Overflow,
        ])
        .chain(stamp_problems.map(stamp))
        .chain([
            checksum,
            E::EmptyName,
            E::NameWithoutLetters("!!".into()),
            E::LatitudeOutOfRange(91.0),
            E::LongitudeOutOfRange(181.0),
            E::BpmOutOfRange(5),
            E::UnknownSystem("klingon".into()),
            E::UnknownGender("x".into()),
        ])
        .collect()
    }
}

/// The arguments of an invalid-stamp message: the stamp, and for a wrong weekday the
/// date with the weekday it really is and the one the stamp claims.
fn stamp_args(stamp: &str, problem: &StampProblem) -> Vec<FluentArg> {
    match problem {
        StampProblem::Weekday {
            date,
            actual,
            claimed,
        } => vec![
            text("stamp", stamp),
            text("date", date),
            text("actual", *actual),
            text("claimed", *claimed),
        ],
        _ => vec![text("stamp", stamp)],
    }
}

/// Shorthand for results of the engine.
pub type Result<T, E = EngineError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_kind_of_error_has_its_own_message() {
        let examples = EngineError::examples();
        let ids: BTreeSet<&str> = examples.iter().map(|e| e.fluent().0).collect();
        assert_eq!((examples.len(), ids.len()), (33, 33), "{ids:?}");
        assert!(ids.iter().all(|id| id.starts_with("error-")));
    }

    #[test]
    fn messages_carry_the_offending_values() {
        use ErrorArg::{Number, Text};
        let weekday = StampProblem::Weekday {
            date: "2026-02-06".into(),
            actual: "Friday",
            claimed: "Saturday",
        };
        let cases = [
            (
                EngineError::InvalidStamp {
                    stamp: "SA-OX-OXFI".into(),
                    problem: weekday,
                },
                "error-stamp-weekday",
                vec![
                    ("stamp", Text("SA-OX-OXFI".into())),
                    ("date", Text("2026-02-06".into())),
                    ("actual", Text("Friday".into())),
                    ("claimed", Text("Saturday".into())),
                ],
            ),
            (
                EngineError::DigitRange {
                    index: 2,
                    value: 75,
                },
                "error-digit-range",
                vec![
                    ("index", Number("2".into())),
                    ("value", Number("75".into())),
                ],
            ),
            (
                EngineError::Parse {
                    input: "25:00".into(),
                    expected: Expected::Time,
                },
                "error-parse-time",
                vec![("input", Text("25:00".into()))],
            ),
            (EngineError::Overflow, "error-overflow", vec![]),
        ];
        for (error, id, args) in cases {
            assert_eq!(error.fluent(), (id, args), "{error}");
        }
    }
}
