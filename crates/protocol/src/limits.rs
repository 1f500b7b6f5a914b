//! The bounds of a reading's inputs, shared by everything that takes them: the
//! readings crate enforces them for the server, the CLI and the desktop app alike
//! (`nps_readings::Request::check_bounds`, run first by `nps_readings::run`), and the
//! UI's forms show them. Over a bound, a reading is refused with a message of
//! `locales/*/errors.ftl` before anything is computed or stored (HTTP 422).
//!
//! Counts are in characters (Unicode scalar values), after trimming, so a Persian
//! name has the same room as a Latin one.

use std::ops::RangeInclusive;

/// Longest name (of a name, full or compatibility reading) and mother's name: 200.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest question: 1,000.
pub const MAX_QUESTION_CHARS: usize = 1000;
/// How many people a compatibility reading compares: 2 to 5.
pub const COMPATIBILITY_PEOPLE: RangeInclusive<usize> = 2..=5;

/// The stars a reading can be given: 1 to 5 (`PATCH /api/oracle/readings/{id}`).
pub const RATING_STARS: RangeInclusive<u8> = 1..=5;
/// Longest private note on a reading: 2,000 characters.
pub const MAX_NOTE_CHARS: usize = 2000;
