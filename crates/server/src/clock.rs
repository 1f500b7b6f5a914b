//! The wall clock, kept out of the engine (which is pure): "now" as a [`Moment`] in
//! the local time zone. The one place the server reads the clock for dates (the
//! daily scheduler too).

use chrono::{Datelike, Local, Timelike};
use nps_engine::{Date, EngineError, Moment, TimeOfDay, UtcOffset};

/// Now, on the local wall clock, with the local UTC offset.
pub fn now() -> Result<Moment, EngineError> {
    let now = Local::now();
    let offset = UtcOffset::from_minutes(now.offset().local_minus_utc() / 60)?;
    let date = Date::new(now.year(), now.month(), now.day())?;
    let time = TimeOfDay::new(now.hour(), now.minute(), now.second(), offset)?;
    Ok(Moment::at(date, time))
}
