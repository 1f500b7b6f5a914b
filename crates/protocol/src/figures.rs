//! The figures of each reading kind, as the server stores and sends them and the UI
//! reads them: plain data, computed by `nps-readings` (the full reading's figures are
//! the engine's [`FullReading`]).
//!
//! [`Figures`] holds the figures of any kind. It serializes as the kind's own object
//! (no tag: the kind travels beside it, as `sign_type` or the store's `kind`), and
//! deserializes given the kind ([`FiguresOf`], [`Figures::from_value`]).

use nps_engine::Fc60Stamp;
use nps_engine::calendar::{Date, WeekdayInfo};
use nps_engine::ganzhi::{GanzhiDay, GanzhiYear};
use nps_engine::moon::MoonInfo;
use nps_engine::numerology::{LetterValue, System};
use nps_engine::patterns::Pattern;
use nps_engine::tokens::{self, Animal, Element};
use nps_engine::vocab::{self, Word};
use serde::de::{DeserializeSeed, Deserializer};
use serde::{Deserialize, Serialize};

pub use nps_engine::full::FullReading;

use crate::event::SignType;

/// The bands of the day an hour falls in (`time_band`).
pub const TIME_BANDS: [Word; 6] = ["dawn", "morning", "noon", "afternoon", "evening", "night"];
/// The levels of a compatibility group's harmony, best first.
pub const HARMONY_LEVELS: [Word; 4] = ["strong", "good", "mixed", "challenging"];
/// The lowest percent of each of [`HARMONY_LEVELS`] but the last: 80 strong, 65 good,
/// 50 mixed, below that challenging. A group and a pair are named (and coloured in the
/// UI) by the same bands, so the same score always reads the same.
pub const HARMONY_FLOORS: [u32; 3] = [80, 65, 50];

/// The level of [`HARMONY_LEVELS`] a score out of 100 falls in.
pub fn harmony_level(percent: u32) -> Word {
    HARMONY_FLOORS
        .iter()
        .position(|&floor| percent >= floor)
        .map_or(HARMONY_LEVELS[HARMONY_LEVELS.len() - 1], |i| {
            HARMONY_LEVELS[i]
        })
}

fn option_time_band<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Word>, D::Error> {
    vocab::option_one_of(d, &TIME_BANDS)
}

fn harmony_level_word<'de, D: Deserializer<'de>>(d: D) -> Result<Word, D::Error> {
    vocab::one_of(d, &HARMONY_LEVELS)
}

/// Universal numbers of a date: year, month and day of the world's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniversalNumbers {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

/// The figures shared by readings of a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MomentFigures {
    pub stamp: Fc60Stamp,
    pub weekday: WeekdayInfo,
    pub moon: MoonInfo,
    pub ganzhi_year: GanzhiYear,
    pub ganzhi_day: GanzhiDay,
    /// `STEM-BRANCH` of the hour, with a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ganzhi_hour: Option<String>,
    /// One of [`TIME_BANDS`], with a time.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "option_time_band"
    )]
    pub time_band: Option<Word>,
    pub universal: UniversalNumbers,
}

/// A time reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeFigures {
    #[serde(flatten)]
    pub moment: MomentFigures,
    /// dr(universal day + hour + minute); the universal day for a date alone.
    pub moment_number: u32,
    pub patterns: Vec<Pattern>,
}

/// A name reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameFigures {
    pub name: String,
    pub system: System,
    pub expression: u32,
    pub soul_urge: u32,
    pub personality: u32,
    pub letter_sum: u64,
    pub letters: Vec<LetterValue>,
    /// The element most present among the counted letters (ties: the first seen).
    #[serde(deserialize_with = "tokens::words::option_element_name")]
    pub dominant_element: Option<Word>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_path: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_year: Option<u32>,
}

/// The script a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Latin,
    Persian,
    Mixed,
    None,
}

/// A question reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionFigures {
    pub question: String,
    pub number: u32,
    pub letter_sum: u64,
    pub script: Script,
    pub system: System,
    pub is_master: bool,
    pub moment: MomentFigures,
}

/// A daily reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyFigures {
    pub date: Date,
    pub moment: MomentFigures,
    /// The day's number the focus follows: the personal day with a birth date, else the
    /// universal day.
    pub focus_number: u32,
    pub lucky_numbers: Vec<u32>,
    /// The two hours whose branch is the birth-year animal (with a birth date) or the
    /// day's animal, as `HH:00–HH:59`.
    pub lucky_hours: Vec<String>,
    /// Message ids (`activity-N`).
    pub activities: Vec<String>,
}

/// One person of a compatibility reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompatPerson {
    pub name: String,
    pub birth: Date,
    pub life_path: u32,
    pub expression: u32,
    pub soul_urge: u32,
    pub personality: u32,
    /// The animal of the birth year (its English name on the wire).
    #[serde(with = "tokens::by_name")]
    pub year_animal: Animal,
    /// The element of the birth year's stem (its English name on the wire).
    #[serde(with = "tokens::by_name")]
    pub year_element: Element,
    /// Index of the moon phase on the birth day (0 = new moon).
    pub birth_moon_phase: usize,
}

/// How two year elements relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ElementRelation {
    Same,
    Generating,
    Controlling,
}

/// How two year animals relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnimalRelation {
    Same,
    Friends,
    Clash,
    Trine,
    Neutral,
}

/// The parts of a pair score, each 0–1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairParts {
    pub life_path: f64,
    pub element: f64,
    pub animal: f64,
    pub moon: f64,
    pub pattern: f64,
}

/// Two people of a compatibility reading, by index into its `people`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// 0.30 life path + 0.25 element + 0.20 animal + 0.15 moon + 0.10 pattern, 0–1.
    pub score: f64,
    /// The score out of 100, rounded.
    pub percent: u32,
    pub parts: PairParts,
    pub element_relation: ElementRelation,
    pub animal_relation: AnimalRelation,
}

/// A compatibility reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompatibilityFigures {
    pub people: Vec<CompatPerson>,
    pub pairs: Vec<Pair>,
    /// The mean of the pair scores, 0–1.
    pub group_harmony: f64,
    pub group_percent: u32,
    /// One of [`HARMONY_LEVELS`].
    #[serde(deserialize_with = "harmony_level_word")]
    pub level: Word,
}

/// The figures of a reading of any kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figures {
    Time(TimeFigures),
    Name(NameFigures),
    Question(QuestionFigures),
    Daily(DailyFigures),
    /// Boxed: the full reading is several times larger than the others.
    Full(Box<FullReading>),
    Compatibility(CompatibilityFigures),
}

impl Figures {
    /// The kind of reading these figures belong to.
    pub fn kind(&self) -> SignType {
        match self {
            Figures::Time(_) => SignType::Time,
            Figures::Name(_) => SignType::Name,
            Figures::Question(_) => SignType::Question,
            Figures::Daily(_) => SignType::Daily,
            Figures::Full(_) => SignType::Full,
            Figures::Compatibility(_) => SignType::Compatibility,
        }
    }

    /// Reads the figures of a reading of `kind` from JSON.
    pub fn from_value(kind: SignType, value: serde_json::Value) -> serde_json::Result<Self> {
        FiguresOf(kind).deserialize(value)
    }

    /// The moment the reading is about (its FC60 stamp), if it has one.
    pub fn stamp(&self) -> Option<&Fc60Stamp> {
        match self {
            Figures::Time(f) => Some(&f.moment.stamp),
            Figures::Question(f) => Some(&f.moment.stamp),
            Figures::Daily(f) => Some(&f.moment.stamp),
            Figures::Full(f) => Some(&f.fc60_stamp),
            Figures::Name(_) | Figures::Compatibility(_) => None,
        }
    }
}

/// Deserializes [`Figures`] of a known kind: `FiguresOf(kind).deserialize(d)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiguresOf(pub SignType);

impl<'de> DeserializeSeed<'de> for FiguresOf {
    type Value = Figures;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Figures, D::Error> {
        Ok(match self.0 {
            SignType::Time => Figures::Time(TimeFigures::deserialize(d)?),
            SignType::Name => Figures::Name(NameFigures::deserialize(d)?),
            SignType::Question => Figures::Question(QuestionFigures::deserialize(d)?),
            SignType::Daily => Figures::Daily(DailyFigures::deserialize(d)?),
            SignType::Full => Figures::Full(Box::new(FullReading::deserialize(d)?)),
            SignType::Compatibility => {
                Figures::Compatibility(CompatibilityFigures::deserialize(d)?)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn compatibility() -> CompatibilityFigures {
        let person = |name: &str, birth: &str, animal: i64| CompatPerson {
            name: name.into(),
            birth: Date::parse(birth).expect("date"),
            life_path: 7,
            expression: 3,
            soul_urge: 5,
            personality: 7,
            year_animal: Animal::from_index(animal),
            year_element: Element::METAL,
            birth_moon_phase: 4,
        };
        CompatibilityFigures {
            people: vec![
                person("Alice", "1990-07-15", 6),
                person("Bob", "1984-02-02", 0),
            ],
            pairs: vec![Pair {
                a: 0,
                b: 1,
                score: 0.625,
                percent: 62,
                parts: PairParts {
                    life_path: 0.8,
                    element: 0.7,
                    animal: 0.2,
                    moon: 1.0,
                    pattern: 1.0,
                },
                element_relation: ElementRelation::Same,
                animal_relation: AnimalRelation::Clash,
            }],
            group_harmony: 0.625,
            group_percent: 62,
            level: "mixed",
        }
    }

    #[test]
    fn figures_serialize_untagged_and_read_back_by_kind() {
        let figures = Figures::Compatibility(compatibility());
        assert_eq!(figures.kind(), SignType::Compatibility);
        let json = serde_json::to_value(&figures).expect("json");
        assert_eq!(json["people"][0]["year_animal"], json!("Horse"));
        assert_eq!(json["people"][1]["year_element"], json!("Metal"));
        assert_eq!(json["pairs"][0]["animal_relation"], json!("clash"));
        assert_eq!(json["level"], json!("mixed"));
        assert_eq!(
            Figures::from_value(SignType::Compatibility, json.clone()).ok(),
            Some(figures)
        );
        assert!(Figures::from_value(SignType::Daily, json).is_err());
        assert_eq!(Figures::Compatibility(compatibility()).stamp(), None);
    }

    #[test]
    fn harmony_levels_follow_their_floors() {
        let levels: Vec<Word> = [100, 80, 79, 65, 64, 50, 49, 0]
            .into_iter()
            .map(harmony_level)
            .collect();
        assert_eq!(
            levels,
            [
                "strong",
                "strong",
                "good",
                "good",
                "mixed",
                "mixed",
                "challenging",
                "challenging"
            ]
        );
    }

    #[test]
    fn words_outside_their_tables_are_refused() {
        let mut json = serde_json::to_value(compatibility()).expect("json");
        json["level"] = json!("perfect");
        let e =
            serde_json::from_value::<CompatibilityFigures>(json.clone()).expect_err("not a level");
        assert!(e.to_string().contains("perfect"), "{e}");
        json["level"] = json!("good");
        json["people"][0]["year_animal"] = json!("HO");
        assert!(serde_json::from_value::<CompatibilityFigures>(json).is_err());
    }
}
