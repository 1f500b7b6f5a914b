//! The NPS Oracle reading engine.
//!
//! Pure computation: no I/O, no clock, no async, no global state; it builds for wasm32
//! too. Every formula is in `shared/reference/engine.md` and every figure is checked
//! against the golden vectors (`tests/vectors.rs`).
//!
//! # Layout
//! - [`tokens`]: animals, elements, TOKEN60, weekdays and planets.
//! - [`base60`]: the base-60 codec (`i128`, so beyond 64 bits).
//! - [`calendar`]: Gregorian dates, Julian Day Numbers, MJD / RD / unix-day cross-references.
//! - [`moment`]: a date with an optional time and UTC offset; ISO-8601 parsing.
//! - [`stamp`]: the FC60 stamp, its companion fields, checksum, decoding and verification.
//! - [`moon`], [`ganzhi`], [`heartbeat`], [`location`]: the other figures of a moment or person.
//! - [`numerology`]: Pythagorean, Chaldean and Abjad numbers.
//! - [`patterns`]: repetitions, master numbers and the confidence score.
//! - [`full`]: the full reading, every figure of one person at one moment.
//! - [`round`]: Python-compatible rounding of shown figures.
//! - [`vocab`]: reading the fixed words of the figures back from JSON (every figure is
//!   `Serialize` and `Deserialize`; a figure read back equals the one computed); the
//!   tables' own `deserialize_with` functions are next to them (`tokens::words`,
//!   `ganzhi::words`).
//!
//! Errors are one enum, [`EngineError`], with a variant per kind of bad input; no input
//! makes the engine panic.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod base60;
pub mod calendar;
pub mod error;
pub mod full;
pub mod ganzhi;
pub mod heartbeat;
pub mod location;
pub mod moment;
pub mod moon;
pub mod numerology;
pub mod patterns;
pub mod round;
pub mod stamp;
pub mod tokens;
pub mod vocab;

pub use base60::{Base60, decode_base60, encode_base60, from_base60, to_base60};
pub use calendar::Date;
pub use error::{EngineError, Result};
pub use full::{FullReading, Profile};
pub use moment::{Moment, TimeOfDay, UtcOffset};
pub use numerology::{Gender, NumerologyProfile, System, SystemChoice};
pub use stamp::{Fc60Stamp, decode_fc60, verify_stamp};
pub use tokens::{Animal, Element, Token60, Weekday};
