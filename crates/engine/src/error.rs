//! The one error type of the engine: a variant per kind of bad input.

use thiserror::Error;

/// Everything the engine can reject. Every message names the offending value, so a
/// caller can show it to a person as it is.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EngineError {
    #[error("invalid date {year:04}-{month:02}-{day:02}: {reason}")]
    InvalidDate {
        year: i32,
        month: u32,
        day: u32,
        reason: &'static str,
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
    Parse {
        input: String,
        expected: &'static str,
    },
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
    #[error("invalid FC60 stamp {stamp:?}: {reason}")]
    InvalidStamp { stamp: String, reason: String },
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

/// Shorthand for results of the engine.
pub type Result<T, E = EngineError> = std::result::Result<T, E>;
