//! The wall clock, kept out of the engine (which is pure): "now" as a [`Moment`] in
//! the local time zone. The one place the server reads the clock for dates (the
//! daily scheduler too).

use nps_engine::{EngineError, Moment};

/// Now, on the local wall clock, with the local UTC offset: the server's one read of
/// the clock for dates (`nps_platform::now`, shared with the CLI and the desktop).
pub fn now() -> Result<Moment, EngineError> {
    nps_platform::now()
}
