//! The moon's age, phase and illumination for a day.

use std::f64::consts::PI;

use serde::{Deserialize, Deserializer, Serialize};

use crate::round::round_half_even;
use crate::vocab::{self, Word};

/// The synodic month in days.
pub const SYNODIC_MONTH: f64 = 29.530588853;
/// The JDN of the reference new moon (2000-01-06 18:14 UTC).
pub const REFERENCE_NEW_MOON: f64 = 2_451_550.1;
/// Upper bounds (exclusive) of the ages of phases 0–6; older is phase 7.
const PHASE_BOUNDS: [f64; 7] = [1.85, 7.38, 11.07, 14.77, 16.61, 22.14, 25.83];

pub const PHASE_NAMES: [&str; 8] = [
    "New Moon",
    "Waxing Crescent",
    "First Quarter",
    "Waxing Gibbous",
    "Full Moon",
    "Waning Gibbous",
    "Last Quarter",
    "Waning Crescent",
];
pub const PHASE_EMOJI: [&str; 8] = ["🌑", "🌒", "🌓", "🌔", "🌕", "🌖", "🌗", "🌘"];

/// Days since the last new moon at the integer JDN (floor modulo).
pub fn moon_age(jdn: i64) -> f64 {
    (jdn as f64 - REFERENCE_NEW_MOON).rem_euclid(SYNODIC_MONTH)
}

/// Phase index 0–7 of an age.
pub fn phase_index(age: f64) -> usize {
    PHASE_BOUNDS
        .iter()
        .position(|&bound| age < bound)
        .unwrap_or(7)
}

/// Illuminated percentage of the disc: 50 · (1 − cos(2π · age / synodic month)).
pub fn illumination(age: f64) -> f64 {
    50.0 * (1.0 - (2.0 * PI * age / SYNODIC_MONTH).cos())
}

/// The moon of a day as the readings show it: age to 2 decimals, illumination to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MoonInfo {
    /// Index into [`PHASE_NAMES`] (not serialized: `phase_name` says it).
    #[serde(skip)]
    pub phase: usize,
    pub phase_name: Word,
    pub emoji: Word,
    pub age: f64,
    pub illumination: f64,
}

vocab::words! {
    /// A moon phase name (`New Moon` … `Waning Crescent`).
    phase_name: PHASE_NAMES;
    /// A moon phase emoji.
    phase_emoji: PHASE_EMOJI;
}

impl<'de> Deserialize<'de> for MoonInfo {
    /// The serialized fields; `phase` is the index of `phase_name`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            #[serde(deserialize_with = "phase_name")]
            phase_name: Word,
            #[serde(deserialize_with = "phase_emoji")]
            emoji: Word,
            age: f64,
            illumination: f64,
        }
        let f = Fields::deserialize(d)?;
        Ok(MoonInfo {
            phase: PHASE_NAMES
                .iter()
                .position(|n| *n == f.phase_name)
                .unwrap_or(0),
            phase_name: f.phase_name,
            emoji: f.emoji,
            age: f.age,
            illumination: f.illumination,
        })
    }
}

impl MoonInfo {
    pub fn of_jdn(jdn: i64) -> Self {
        let age = moon_age(jdn);
        let phase = phase_index(age);
        MoonInfo {
            phase,
            phase_name: PHASE_NAMES[phase],
            emoji: PHASE_EMOJI[phase],
            age: round_half_even(age, 2),
            illumination: round_half_even(illumination(age), 1),
        }
    }
}
