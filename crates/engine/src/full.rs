//! The full reading: every figure of one person at one moment
//! (`vectors/full_readings.json`).

use serde::{Deserialize, Serialize};

use crate::base60::Base60;
use crate::calendar::Date;
use crate::error::Result;
use crate::ganzhi;
use crate::ganzhi::{GanzhiDay, GanzhiYear, Stem, hour_pillar};
use crate::heartbeat::{HeartbeatProfile, validate_bpm};
use crate::location::LocationSignature;
use crate::moment::Moment;
use crate::moon::MoonInfo;
use crate::numerology::{
    Gender, NumerologyProfile, SystemChoice, expression, polarity, validate_name,
};
use crate::patterns::{Confidence, Evidence, Pattern, detect};
use crate::stamp::Fc60Stamp;
use crate::tokens::{self, Animal};
use crate::vocab::{self, Word};

/// Who the reading is for, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub name: String,
    pub birth: Date,
    pub mother: Option<String>,
    pub gender: Option<Gender>,
    /// (latitude, longitude)
    pub location: Option<(f64, f64)>,
    pub bpm: Option<u32>,
    pub system: SystemChoice,
}

impl Profile {
    pub fn new(name: impl Into<String>, birth: Date) -> Self {
        Profile {
            name: name.into(),
            birth,
            mother: None,
            gender: None,
            location: None,
            bpm: None,
            system: SystemChoice::Auto,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub birthdate: Date,
    pub age_years: i64,
    pub age_days: i64,
}

/// Days and whole (Julian) years from `birth` to `today`; negative for a future birth.
pub fn age(birth: Date, today: Date) -> (i64, i64) {
    let days = birth.days_until(today);
    // floor(days / 365.25) in integers: floor(4·days / 1461).
    ((4 * days).div_euclid(1461), days)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayFigures {
    pub jdn: i64,
    pub jdn_fc60: Base60,
    #[serde(deserialize_with = "tokens::words::weekday_name")]
    pub weekday: Word,
    #[serde(deserialize_with = "tokens::words::planet_name")]
    pub planet: Word,
    pub year_fc60: Base60,
}

impl DayFigures {
    fn of(date: Date) -> Self {
        let jdn = date.jdn();
        let wd = date.weekday();
        DayFigures {
            jdn,
            jdn_fc60: Base60(i128::from(jdn)),
            weekday: wd.name(),
            planet: wd.planet(),
            year_fc60: Base60(i128::from(date.year())),
        }
    }
}

/// The current day block adds the date itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentFigures {
    pub date: Date,
    #[serde(flatten)]
    pub day: DayFigures,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifePath {
    pub number: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenderPolarity {
    pub gender: Option<Gender>,
    pub polarity: i32,
    #[serde(deserialize_with = "vocab::gender_polarity_label")]
    pub label: Word,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullNumerology {
    pub life_path: LifePath,
    pub expression: u32,
    pub soul_urge: u32,
    pub personality: u32,
    pub personal_year: u32,
    pub personal_month: u32,
    pub personal_day: u32,
    pub gender_polarity: GenderPolarity,
    /// The expression number of the mother's name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mother_influence: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patterns {
    pub detected: Vec<Pattern>,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HourPillar {
    #[serde(deserialize_with = "ganzhi::words::stem_token")]
    pub stem_token: Word,
    #[serde(deserialize_with = "tokens::words::animal_token")]
    pub branch_token: Word,
    #[serde(deserialize_with = "tokens::words::animal_name")]
    pub animal_name: Word,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ganzhi {
    pub year: GanzhiYear,
    pub day: GanzhiDay,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hour: Option<HourPillar>,
}

/// Every figure of a full reading, serialized exactly as `vectors/full_readings.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FullReading {
    pub person: Person,
    pub birth: DayFigures,
    pub current: CurrentFigures,
    pub numerology: FullNumerology,
    pub patterns: Patterns,
    pub confidence: Confidence,
    pub fc60_stamp: Fc60Stamp,
    pub moon: MoonInfo,
    pub ganzhi: Ganzhi,
    pub heartbeat: HeartbeatProfile,
    pub location: Option<LocationSignature>,
}

impl FullReading {
    /// Computes the reading of `profile` at `at`. Fails on an empty name, an
    /// implausible heart rate or coordinates out of range.
    pub fn compute(profile: &Profile, at: Moment) -> Result<Self> {
        let name = validate_name(&profile.name)?;
        let today = at.date;
        let system = profile.system.resolve(name);
        let numbers =
            NumerologyProfile::compute(system, name, profile.birth, today, profile.gender);
        let numerology = FullNumerology::of(&numbers, profile);
        let bpm = profile.bpm.map(validate_bpm).transpose()?;
        let location = profile
            .location
            .map(|(lat, lon)| LocationSignature::new(lat, lon))
            .transpose()?;

        let (age_years, age_days) = age(profile.birth, today);
        let stamp = Fc60Stamp::new(at);
        let moon = MoonInfo::of_jdn(stamp.jdn());
        let year = GanzhiYear::of(i64::from(today.year()));
        let day = GanzhiDay::of(stamp.jdn());
        let hour = at.time.map(|t| HourPillar::of(day.stem(), t.hour()));

        let (animals, count) = pattern_animals(&stamp, year.animal());
        let detected = detect(
            &pattern_numbers(&numbers),
            numbers.life_path,
            &animals[..count],
        );
        let confidence = Confidence::of(Evidence {
            mother: numerology.mother_influence.is_some(),
            moon: true,
            ganzhi: true,
            heartbeat: true,
            location: location.is_some(),
            master_life_path: matches!(numbers.life_path, 11 | 22 | 33),
            animal_repetition: detected
                .iter()
                .any(|p| matches!(p, Pattern::AnimalRepetition { .. })),
        });

        Ok(FullReading {
            person: Person {
                name: name.to_string(),
                birthdate: profile.birth,
                age_years,
                age_days,
            },
            birth: DayFigures::of(profile.birth),
            current: CurrentFigures {
                date: today,
                day: DayFigures::of(today),
            },
            numerology,
            patterns: Patterns {
                count: detected.len(),
                detected,
            },
            confidence,
            fc60_stamp: stamp,
            moon,
            ganzhi: Ganzhi { year, day, hour },
            heartbeat: HeartbeatProfile::new(age_years, bpm),
            location,
        })
    }
}

impl FullNumerology {
    /// The person's numbers, their gender polarity and, when a mother's name is given,
    /// its expression number (in the system that name resolves to).
    fn of(numbers: &NumerologyProfile, profile: &Profile) -> Self {
        let mother_influence = match profile.mother.as_deref().map(str::trim) {
            Some(m) if !m.is_empty() => Some(expression(profile.system.resolve(m), m)),
            _ => None,
        };
        let (polarity, label) = polarity(profile.gender);
        FullNumerology {
            life_path: LifePath {
                number: numbers.life_path,
            },
            expression: numbers.expression,
            soul_urge: numbers.soul_urge,
            personality: numbers.personality,
            personal_year: numbers.personal_year,
            personal_month: numbers.personal_month,
            personal_day: numbers.personal_day,
            gender_polarity: GenderPolarity {
                gender: profile.gender,
                polarity,
                label,
            },
            mother_influence,
        }
    }
}

impl HourPillar {
    /// The pillar of `hour` on a day whose stem is `day_stem`.
    fn of(day_stem: Stem, hour: u32) -> Self {
        let (stem, branch) = hour_pillar(day_stem, hour);
        HourPillar {
            stem_token: stem.token(),
            branch_token: branch.token(),
            animal_name: branch.name(),
        }
    }
}

/// The numbers whose repetitions count as patterns: life path, expression, soul urge,
/// personality and personal year.
fn pattern_numbers(n: &NumerologyProfile) -> [u32; 5] {
    [
        n.life_path,
        n.expression,
        n.soul_urge,
        n.personality,
        n.personal_year,
    ]
}

/// The animals whose repetitions count as patterns, and how many there are: the
/// stamp's month and day-of-month animals, its hour and minute animals when it has a
/// time, then the year's branch. A fixed array, so a reading allocates no list for them.
fn pattern_animals(stamp: &Fc60Stamp, year: Animal) -> ([Animal; 5], usize) {
    let mut animals = [year; 5];
    animals[0] = stamp.month_animal();
    animals[1] = stamp.dom_token().animal();
    match (stamp.hour_animal(), stamp.minute_token()) {
        (Some(hour), Some(minute)) => {
            animals[2] = hour;
            animals[3] = minute.animal();
            (animals, 5)
        }
        _ => (animals, 3),
    }
}
