//! Message ids of the vocabulary and the meanings (see `locales/CATALOG.md`).

use nps_engine::tokens::{Animal, Element, Weekday};

use crate::text::Msg;

/// Whether `n` has its own meaning messages (1–9, 11, 22, 33).
pub fn has_meaning(n: u32) -> bool {
    matches!(n, 1..=9 | 11 | 22 | 33)
}

pub fn animal(a: Animal) -> String {
    format!("animal-{}", a.token().to_ascii_lowercase())
}
pub fn animal_trait(a: Animal) -> Msg {
    Msg::new(format!("animal-{}-trait", a.token().to_ascii_lowercase()))
}
pub fn element(e: Element) -> String {
    format!("element-{}", e.token().to_ascii_lowercase())
}
pub fn element_trait(e: Element) -> Msg {
    Msg::new(format!("element-{}-trait", e.token().to_ascii_lowercase()))
}
pub fn weekday(w: Weekday) -> String {
    format!("weekday-{}", w.token().to_ascii_lowercase())
}
pub fn planet(w: Weekday) -> String {
    format!("planet-{}", w.planet().to_ascii_lowercase())
}
pub fn planet_trait(w: Weekday) -> Msg {
    Msg::new(format!("planet-{}-trait", w.planet().to_ascii_lowercase()))
}
pub fn moon_phase(i: usize) -> String {
    format!("moon-phase-{i}")
}
pub fn moon_phase_trait(i: usize) -> Msg {
    Msg::new(format!("moon-phase-{i}-trait"))
}
/// `number-N`, the essence phrase of a number (also `number-0`).
pub fn essence(n: u32) -> Msg {
    Msg::new(if has_meaning(n) {
        format!("number-{n}")
    } else {
        "number-0".to_string()
    })
}
/// `FAMILY-N` (life-path, expression, soul-urge, personality, personal-year, advice,
/// caution, activity) when N has meanings.
pub fn meaning(family: &str, n: u32) -> Option<Msg> {
    has_meaning(n).then(|| Msg::new(format!("{family}-{n}")))
}
/// `facet-N-FACET`, how number N shows from one side (`FACET` is the id of a
/// [`crate::signals::Facet`]), when N has meanings.
pub fn facet(n: u32, facet: &str) -> Option<Msg> {
    has_meaning(n).then(|| Msg::new(format!("facet-{n}-{facet}")))
}

/// The band of the day an hour falls in.
pub fn time_band(hour: u32) -> &'static str {
    match hour {
        5..=7 => "dawn",
        8..=11 => "morning",
        12..=13 => "noon",
        14..=17 => "afternoon",
        18..=21 => "evening",
        _ => "night",
    }
}
