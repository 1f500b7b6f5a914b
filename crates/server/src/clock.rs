//! The wall clock, kept out of the engine (which is pure): "now" as a [`Moment`] in
//! the local time zone, and the wait until the next local midnight.

use std::time::Duration;

use chrono::{Local, Timelike};
use nps_engine::{EngineError, Moment};

/// Now, on the local wall clock, with the local UTC offset: the server's one read of
/// the clock for dates (`nps_platform::now`, shared with the CLI and the desktop).
pub fn now() -> Result<Moment, EngineError> {
    nps_platform::now()
}

/// How long until the next local midnight (at least one second, at most a day and an
/// hour, whatever daylight saving does).
pub fn until_next_midnight() -> Duration {
    let now = Local::now();
    let seconds_today = i64::from(now.num_seconds_from_midnight());
    let left = (86_400 - seconds_today).clamp(1, 90_000);
    Duration::from_secs(left as u64)
}
