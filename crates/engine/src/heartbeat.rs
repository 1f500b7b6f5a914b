//! The heartbeat figures: a resting rate by age, beats per day and over a lifetime.

use serde::{Deserialize, Serialize};

use crate::base60::Base60;
use crate::error::{EngineError, Result};
use crate::tokens::{self, Element, Token60};
use crate::vocab::{self, Word};

/// Minutes in a Julian year: 60 · 24 · 365.25, exactly.
const MINUTES_PER_YEAR: u64 = 525_960;

/// The usual resting heart rate at an age in whole years.
pub fn resting_bpm(age: i64) -> u32 {
    match age {
        a if a < 1 => 120,
        a if a < 3 => 110,
        a if a < 5 => 100,
        a if a < 10 => 90,
        a if a < 15 => 80,
        a if a < 25 => 72,
        a if a < 35 => 70,
        a if a < 50 => 72,
        a if a < 65 => 74,
        a if a < 80 => 76,
        _ => 78,
    }
}

/// Beats over a life of `age` years, counting each past year at the resting rate of
/// that year (a measured rate describes today, not the past); 0 for a negative age.
pub fn lifetime_beats(age: i64) -> u64 {
    (0..age.max(0))
        .map(|y| u64::from(resting_bpm(y)) * MINUTES_PER_YEAR)
        .sum()
}

/// A plausible measured heart rate: 20–250 bpm.
pub fn validate_bpm(bpm: u32) -> Result<u32> {
    if (20..=250).contains(&bpm) {
        Ok(bpm)
    } else {
        Err(EngineError::BpmOutOfRange(bpm))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeartbeatProfile {
    pub age: i64,
    pub bpm: u32,
    /// `actual` when measured, `estimated` from the age otherwise.
    #[serde(deserialize_with = "vocab::bpm_source")]
    pub bpm_source: Word,
    pub beats_per_day: u64,
    pub total_lifetime_beats: u64,
    #[serde(deserialize_with = "tokens::words::element_name")]
    pub element: Word,
    pub rhythm_token: Token60,
    pub life_pulse_signature: Base60,
}

impl HeartbeatProfile {
    pub fn new(age: i64, measured_bpm: Option<u32>) -> Self {
        let (bpm, bpm_source) = match measured_bpm {
            Some(b) => (b, "actual"),
            None => (resting_bpm(age), "estimated"),
        };
        let beats_per_day = u64::from(bpm) * 1440;
        let total = lifetime_beats(age);
        HeartbeatProfile {
            age,
            bpm,
            bpm_source,
            beats_per_day,
            total_lifetime_beats: total,
            element: Element::from_index(i64::from(bpm)).name(),
            rhythm_token: Token60::wrapping((beats_per_day % 60) as i64),
            life_pulse_signature: Base60(i128::from(total)),
        }
    }
}
