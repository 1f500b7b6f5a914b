//! Patterns across a reading's numbers and animals, and the confidence they lend it.

use serde::{Deserialize, Serialize};

use crate::tokens::{self, Animal};
use crate::vocab::{self, Word};

/// One detected pattern, serialized with a `type` tag as in the vectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Pattern {
    /// A number that occurs at least twice among life path, expression, soul urge,
    /// personality and personal year.
    NumberRepetition {
        number: u32,
        occurrences: usize,
        strength: Strength,
    },
    /// A master life path (11, 22, 33).
    MasterNumber { number: u32, strength: Strength },
    /// An animal that occurs at least twice among the stamp's animals and the year's.
    AnimalRepetition {
        #[serde(with = "tokens::by_name")]
        animal: Animal,
        occurrences: usize,
        strength: Strength,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Medium,
    High,
    VeryHigh,
}

/// Values occurring at least twice, with their counts, in order of first appearance.
fn repeated<T: PartialEq + Copy>(items: &[T]) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::with_capacity(items.len());
    for &item in items {
        match counts.iter_mut().find(|(v, _)| *v == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    counts.retain(|&(_, n)| n >= 2);
    counts
}

/// Detects the patterns of a reading.
///
/// `numbers` are [life path, expression, soul urge, personality, personal year];
/// `animals` are the stamp's month, day-of-month, hour and minute animals (the last two
/// only with a time) followed by the year's branch.
pub fn detect(numbers: &[u32; 5], life_path: u32, animals: &[Animal]) -> Vec<Pattern> {
    let mut out = Vec::new();
    for (number, occurrences) in repeated(numbers) {
        let strength = repetition_strength(occurrences, Strength::Medium, Strength::High);
        out.push(Pattern::NumberRepetition {
            number,
            occurrences,
            strength,
        });
    }
    if matches!(life_path, 11 | 22 | 33) {
        out.push(Pattern::MasterNumber {
            number: life_path,
            strength: Strength::VeryHigh,
        });
    }
    let mut animal_counts = repeated(animals);
    // Most frequent first; a stable sort keeps ties in order of first appearance.
    animal_counts.sort_by_key(|a| std::cmp::Reverse(a.1));
    for (animal, occurrences) in animal_counts {
        let strength = repetition_strength(occurrences, Strength::High, Strength::VeryHigh);
        out.push(Pattern::AnimalRepetition {
            animal,
            occurrences,
            strength,
        });
    }
    out
}

/// A repetition is `twice` strong when seen twice and `more` from three times on.
fn repetition_strength(occurrences: usize, twice: Strength, more: Strength) -> Strength {
    if occurrences >= 3 { more } else { twice }
}

/// The confidence of a reading, 50–95, and its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confidence {
    pub score: u32,
    #[serde(deserialize_with = "vocab::confidence_level")]
    pub level: Word,
}

/// What a reading had to work with.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence {
    pub mother: bool,
    pub moon: bool,
    pub ganzhi: bool,
    pub heartbeat: bool,
    pub location: bool,
    pub master_life_path: bool,
    pub animal_repetition: bool,
}

impl Confidence {
    /// 50 + 10 (numerology) + 10 (mother's name) + 5 for each of moon, ganzhi,
    /// heartbeat, location, a master life path and an animal repetition; clamped to 50–95.
    pub fn of(e: Evidence) -> Self {
        let fives = [
            e.moon,
            e.ganzhi,
            e.heartbeat,
            e.location,
            e.master_life_path,
            e.animal_repetition,
        ]
        .iter()
        .filter(|&&b| b)
        .count() as u32;
        let score = (60 + if e.mother { 10 } else { 0 } + 5 * fives).clamp(50, 95);
        let level = match score {
            s if s >= 85 => "very_high",
            s if s >= 75 => "high",
            s if s < 65 => "low",
            _ => "medium",
        };
        Confidence { score, level }
    }
}
