//! What the result view shows, read out of a reading's `result` JSON (the engine's
//! figures): the FC60 stamp split into tokens with their meanings, the numbers (master
//! numbers flagged), the letter table, the moon (and the SVG path of its lit part),
//! ganzhi, patterns, confidence, compatibility pairs and the daily figures.
//!
//! Pure functions over `serde_json::Value`, tolerant of missing fields (an older or
//! newer server may send less or more), and unit-tested natively.

use nps_i18n::Locale;
use serde_json::Value;

use crate::i18n::{num, t, tf};

/// The twelve animals: token and English name (the engine's order).
pub const ANIMALS: [(&str, &str); 12] = [
    ("RA", "Rat"),
    ("OX", "Ox"),
    ("TI", "Tiger"),
    ("RU", "Rabbit"),
    ("DR", "Dragon"),
    ("SN", "Snake"),
    ("HO", "Horse"),
    ("GO", "Goat"),
    ("MO", "Monkey"),
    ("RO", "Rooster"),
    ("DO", "Dog"),
    ("PI", "Pig"),
];

/// The five elements: token and English name.
pub const ELEMENTS: [(&str, &str); 5] = [
    ("WU", "Wood"),
    ("FI", "Fire"),
    ("ER", "Earth"),
    ("MT", "Metal"),
    ("WA", "Water"),
];

/// Weekdays: token, English name, ruling planet (Sunday first).
pub const WEEKDAYS: [(&str, &str, &str); 7] = [
    ("SO", "Sunday", "Sun"),
    ("LU", "Monday", "Moon"),
    ("MA", "Tuesday", "Mars"),
    ("ME", "Wednesday", "Mercury"),
    ("JO", "Thursday", "Jupiter"),
    ("VE", "Friday", "Venus"),
    ("SA", "Saturday", "Saturn"),
];

/// Moon phases in order (index 0 = New Moon).
pub const MOON_PHASES: [&str; 8] = [
    "New Moon",
    "Waxing Crescent",
    "First Quarter",
    "Waxing Gibbous",
    "Full Moon",
    "Waning Gibbous",
    "Last Quarter",
    "Waning Crescent",
];

/// Length of the synodic month in days.
pub const SYNODIC_MONTH: f64 = 29.530_588_853;

fn find<'a, T>(table: &'a [T], key: &str, f: impl Fn(&T) -> (&'a str, &'a str)) -> Option<usize> {
    table.iter().position(|e| {
        let (a, b) = f(e);
        a.eq_ignore_ascii_case(key) || b.eq_ignore_ascii_case(key)
    })
}

/// Index of an animal by token (`OX`) or English name (`Ox`).
pub fn animal_index(key: &str) -> Option<usize> {
    find(&ANIMALS, key.trim(), |&(t, n)| (t, n))
}

/// Index of an element by token (`WU`) or English name (`Wood`).
pub fn element_index(key: &str) -> Option<usize> {
    find(&ELEMENTS, key.trim(), |&(t, n)| (t, n))
}

/// Index of a weekday by token (`LU`) or English name (`Monday`).
pub fn weekday_index(key: &str) -> Option<usize> {
    find(&WEEKDAYS, key.trim(), |&(t, n, _)| (t, n))
}

/// The localized name of an animal (token or English name); the input if unknown.
pub fn animal_name(locale: Locale, key: &str) -> String {
    match animal_index(key) {
        Some(i) => t(
            locale,
            &format!("animal-{}", ANIMALS[i].0.to_ascii_lowercase()),
        ),
        None => key.to_string(),
    }
}

/// The localized name of an element (token or English name).
pub fn element_name(locale: Locale, key: &str) -> String {
    match element_index(key) {
        Some(i) => t(
            locale,
            &format!("element-{}", ELEMENTS[i].0.to_ascii_lowercase()),
        ),
        None => key.to_string(),
    }
}

/// The localized name of a weekday (token or English name).
pub fn weekday_name(locale: Locale, key: &str) -> String {
    match weekday_index(key) {
        Some(i) => t(
            locale,
            &format!("weekday-{}", WEEKDAYS[i].0.to_ascii_lowercase()),
        ),
        None => key.to_string(),
    }
}

/// The localized name of a planet (English name).
pub fn planet_name(locale: Locale, english: &str) -> String {
    let id = format!("planet-{}", english.trim().to_ascii_lowercase());
    if crate::i18n::has(locale, &id) {
        t(locale, &id)
    } else {
        english.to_string()
    }
}

/// The localized name of a moon phase (English name or index).
pub fn moon_phase_name(locale: Locale, index: usize) -> String {
    t(locale, &format!("moon-phase-{}", index.min(7)))
}

/// `TOKEN60` → (animal index, element index, value 0–59).
pub fn token60(token: &str) -> Option<(usize, usize, u32)> {
    let token = token.trim();
    if token.len() != 4 || !token.is_ascii() {
        return None;
    }
    let a = animal_index(token.get(0..2)?)?;
    let e = element_index(token.get(2..4)?)?;
    Some((a, e, (a * 5 + e) as u32))
}

// ---- the FC60 stamp -------------------------------------------------------------------

/// What a token of the stamp stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StampRole {
    Weekday,
    Month,
    Day,
    Half,
    Hour,
    Minute,
    Second,
}

/// One token of an FC60 stamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StampPart {
    pub token: String,
    pub role: StampRole,
    /// Month 1–12, day 1–31, hour 0–23, minute/second 0–59.
    pub number: Option<u32>,
    pub animal: Option<usize>,
    pub element: Option<usize>,
    pub weekday: Option<usize>,
    /// For [`StampRole::Half`]: after noon.
    pub pm: bool,
}

impl StampPart {
    fn new(token: &str, role: StampRole) -> Self {
        Self {
            token: token.to_string(),
            role,
            number: None,
            animal: None,
            element: None,
            weekday: None,
            pm: false,
        }
    }

    /// The explanation shown on hover/focus, in `locale`.
    pub fn explain(&self, locale: Locale) -> String {
        let animal = |i: Option<usize>| i.map(|i| animal_name(locale, ANIMALS[i].0));
        let element = |i: Option<usize>| i.map(|i| element_name(locale, ELEMENTS[i].0));
        let n = self.number.map(|n| num(locale, n)).unwrap_or_default();
        let arg = |v: Option<String>| v.unwrap_or_default();
        match self.role {
            StampRole::Weekday => {
                let i = self.weekday.unwrap_or(0);
                tf(
                    locale,
                    "ui-stamp-weekday",
                    &[
                        ("weekday", weekday_name(locale, WEEKDAYS[i].0)),
                        ("planet", planet_name(locale, WEEKDAYS[i].2)),
                    ],
                )
            }
            StampRole::Month => tf(
                locale,
                "ui-stamp-month",
                &[("number", n), ("animal", arg(animal(self.animal)))],
            ),
            StampRole::Half if self.pm => t(locale, "ui-stamp-half-pm"),
            StampRole::Half => t(locale, "ui-stamp-half-am"),
            StampRole::Hour => tf(
                locale,
                "ui-stamp-hour",
                &[("number", n), ("animal", arg(animal(self.animal)))],
            ),
            StampRole::Day | StampRole::Minute | StampRole::Second => {
                let id = match self.role {
                    StampRole::Day => "ui-stamp-day",
                    StampRole::Minute => "ui-stamp-minute",
                    _ => "ui-stamp-second",
                };
                tf(
                    locale,
                    id,
                    &[
                        ("number", n),
                        ("animal", arg(animal(self.animal))),
                        ("element", arg(element(self.element))),
                    ],
                )
            }
        }
    }
}

/// Splits an FC60 stamp (`WD-MO-DOM HALFHR-MIN-SEC`, or the date part alone) into its
/// tokens. Unknown pieces are kept with what could be read of them.
pub fn stamp_parts(fc60: &str) -> Vec<StampPart> {
    let mut out = Vec::new();
    let mut halves = fc60.split_whitespace();
    let date = halves.next().unwrap_or("");
    for (i, tok) in date.split('-').filter(|t| !t.is_empty()).enumerate() {
        let part = match i {
            0 => {
                let mut p = StampPart::new(tok, StampRole::Weekday);
                p.weekday = weekday_index(tok);
                p
            }
            1 => {
                let mut p = StampPart::new(tok, StampRole::Month);
                p.animal = animal_index(tok);
                p.number = p.animal.map(|a| a as u32 + 1);
                p
            }
            _ => {
                let mut p = StampPart::new(tok, StampRole::Day);
                if let Some((a, e, v)) = token60(tok) {
                    (p.animal, p.element, p.number) = (Some(a), Some(e), Some(v));
                }
                p
            }
        };
        out.push(part);
    }
    if let Some(time) = halves.next() {
        let (half, rest) = match time.chars().next() {
            Some(c) if !c.is_ascii() => (Some(c), &time[c.len_utf8()..]),
            _ => (None, time),
        };
        let pm = half == Some('🌙');
        if let Some(c) = half {
            let mut p = StampPart::new(&c.to_string(), StampRole::Half);
            p.pm = pm;
            out.push(p);
        }
        for (i, tok) in rest.split('-').filter(|t| !t.is_empty()).enumerate() {
            let part = if i == 0 {
                let mut p = StampPart::new(tok, StampRole::Hour);
                p.animal = animal_index(tok);
                p.number = p.animal.map(|a| a as u32 + if pm { 12 } else { 0 });
                p
            } else {
                let role = if i == 1 {
                    StampRole::Minute
                } else {
                    StampRole::Second
                };
                let mut p = StampPart::new(tok, role);
                if let Some((a, e, v)) = token60(tok) {
                    (p.animal, p.element, p.number) = (Some(a), Some(e), Some(v));
                }
                p
            };
            out.push(part);
        }
    }
    out
}

/// The stamp object of a result, wherever the kind keeps it.
pub fn stamp(result: &Value) -> Option<&Value> {
    [
        &result["stamp"],
        &result["fc60_stamp"],
        &result["moment"]["stamp"],
    ]
    .into_iter()
    .find(|v| v.is_object())
}

/// The companion fields of a stamp shown under it: (label message id, value).
pub fn stamp_fields(stamp: &Value) -> Vec<(&'static str, String)> {
    [
        ("label-iso", "iso"),
        ("label-tz60", "tz60"),
        ("label-y60", "y60"),
        ("label-j60", "j60"),
        ("label-chk", "chk"),
    ]
    .into_iter()
    .filter_map(|(label, key)| {
        let v = stamp[key].as_str()?.trim();
        (!v.is_empty()).then(|| (label, v.to_string()))
    })
    .collect()
}

// ---- numbers --------------------------------------------------------------------------

/// A number of the reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberItem {
    /// Message id of its label.
    pub label: &'static str,
    pub value: i64,
    /// 11, 22 or 33.
    pub master: bool,
}

pub fn is_master(n: i64) -> bool {
    matches!(n, 11 | 22 | 33)
}

fn int(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v["number"].as_i64())
        .or_else(|| v.as_f64().map(|f| f as i64))
}

/// The numbers of a reading of `kind` (`sign_type`), in display order.
pub fn numbers(kind: &str, result: &Value) -> Vec<NumberItem> {
    let fields: &[(&'static str, &Value)] = match kind {
        "time" => &[("ui-label-moment-number", &result["moment_number"])],
        "name" => &[
            ("label-life-path", &result["life_path"]),
            ("label-expression", &result["expression"]),
            ("label-soul-urge", &result["soul_urge"]),
            ("label-personality", &result["personality"]),
            ("label-personal-year", &result["personal_year"]),
        ],
        "question" => &[("ui-label-question-number", &result["number"])],
        "full" => {
            let n = &result["numerology"];
            &[
                ("label-life-path", &n["life_path"]),
                ("label-expression", &n["expression"]),
                ("label-soul-urge", &n["soul_urge"]),
                ("label-personality", &n["personality"]),
                ("label-personal-year", &n["personal_year"]),
                ("label-personal-month", &n["personal_month"]),
                ("label-personal-day", &n["personal_day"]),
                ("label-mother-influence", &n["mother_influence"]),
            ]
        }
        "daily" => &[("ui-label-focus-number", &result["focus_number"])],
        _ => &[],
    };
    fields
        .iter()
        .filter_map(|(label, v)| {
            let value = int(v)?;
            Some(NumberItem {
                label,
                value,
                master: is_master(value),
            })
        })
        .collect()
}

// ---- letters --------------------------------------------------------------------------

/// One row of the letter table of a name reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterRow {
    pub letter: String,
    pub value: i64,
    pub element: Option<usize>,
    pub vowel: bool,
}

pub fn letters(result: &Value) -> Vec<LetterRow> {
    result["letters"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| {
                    Some(LetterRow {
                        letter: r["letter"].as_str()?.to_string(),
                        value: r["value"].as_i64()?,
                        element: r["element"].as_str().and_then(element_index),
                        vowel: r["vowel"].as_bool().unwrap_or(false),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---- moon -----------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct MoonView {
    pub phase: usize,
    /// Percent lit, 0–100.
    pub illumination: f64,
    /// Days into the cycle.
    pub age: f64,
    pub waxing: bool,
}

pub fn moon(result: &Value) -> Option<MoonView> {
    let m = [&result["moon"], &result["moment"]["moon"]]
        .into_iter()
        .find(|v| v.is_object())?;
    let illumination = m["illumination"].as_f64()?.clamp(0.0, 100.0);
    let age = m["age"].as_f64().unwrap_or(0.0);
    let phase = m["phase_name"]
        .as_str()
        .and_then(|n| MOON_PHASES.iter().position(|p| p.eq_ignore_ascii_case(n)))
        .unwrap_or(0);
    Some(MoonView {
        phase,
        illumination,
        age,
        waxing: age < SYNODIC_MONTH / 2.0,
    })
}

/// The SVG path of the lit part of a moon of radius `r` centred at (`r`, `r`):
/// the lit limb is a half circle (right when waxing, left when waning) closed by the
/// terminator, a half ellipse of horizontal radius `r·|1 − 2k|` for lit fraction `k`.
pub fn moon_lit_path(illumination_percent: f64, waxing: bool, r: f64) -> String {
    let k = (illumination_percent / 100.0).clamp(0.0, 1.0);
    if k <= 0.001 {
        return String::new();
    }
    let rx = r * (1.0 - 2.0 * k).abs();
    // Limb: from the top to the bottom along the lit side.
    let limb_sweep = if waxing { 1 } else { 0 };
    // Terminator back to the top: bulging toward the lit side for a crescent,
    // away from it for a gibbous moon.
    let crescent = k < 0.5;
    let term_sweep = if crescent == waxing { 0 } else { 1 };
    format!(
        "M {r:.2} 0 A {r:.2} {r:.2} 0 0 {limb_sweep} {r:.2} {d:.2} A {rx:.2} {r:.2} 0 0 {term_sweep} {r:.2} 0 Z",
        d = 2.0 * r
    )
}

// ---- ganzhi ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GanzhiItem {
    /// Message id of the label (year, day, hour).
    pub label: &'static str,
    /// `STEM-BRANCH`, e.g. `BI-HO`.
    pub token: String,
    pub animal: Option<usize>,
    pub element: Option<usize>,
    /// `Yang` / `Yin`.
    pub polarity: Option<String>,
}

fn ganzhi_item(label: &'static str, v: &Value) -> Option<GanzhiItem> {
    if let Some(token) = v.as_str() {
        let branch = token.rsplit('-').next().unwrap_or("");
        return Some(GanzhiItem {
            label,
            token: token.to_string(),
            animal: animal_index(branch),
            element: None,
            polarity: None,
        });
    }
    let token = v["gz_token"].as_str().map(str::to_string).or_else(|| {
        Some(format!(
            "{}-{}",
            v["stem_token"].as_str()?,
            v["branch_token"].as_str()?
        ))
    })?;
    Some(GanzhiItem {
        label,
        token,
        animal: v["branch_token"]
            .as_str()
            .or(v["animal_name"].as_str())
            .and_then(animal_index),
        element: v["element"].as_str().and_then(element_index),
        polarity: v["polarity"].as_str().map(str::to_string),
    })
}

pub fn ganzhi(result: &Value) -> Vec<GanzhiItem> {
    let m = &result["moment"];
    let g = &result["ganzhi"];
    let pick = |a: &'static str, b: &'static str| -> Option<&Value> {
        [&result[a], &g[b], &m[a]]
            .into_iter()
            .find(|v| v.is_object() || v.is_string())
    };
    [
        ("label-ganzhi-year", pick("ganzhi_year", "year")),
        ("label-ganzhi-day", pick("ganzhi_day", "day")),
        ("label-ganzhi-hour", pick("ganzhi_hour", "hour")),
    ]
    .into_iter()
    .filter_map(|(label, v)| ganzhi_item(label, v?))
    .collect()
}

// ---- patterns and confidence -----------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternItem {
    Number {
        number: i64,
        count: i64,
        strength: String,
    },
    Master {
        number: i64,
        strength: String,
    },
    Animal {
        animal: String,
        count: i64,
        strength: String,
    },
}

impl PatternItem {
    pub fn describe(&self, locale: Locale) -> String {
        let strength = |s: &str| t(locale, &format!("strength-{}", s.replace('_', "-")));
        match self {
            Self::Number {
                number,
                count,
                strength: s,
            } => tf(
                locale,
                "ui-pattern-number",
                &[
                    ("number", num(locale, number)),
                    ("count", num(locale, count)),
                    ("strength", strength(s)),
                ],
            ),
            Self::Master {
                number,
                strength: s,
            } => tf(
                locale,
                "ui-pattern-master",
                &[("number", num(locale, number)), ("strength", strength(s))],
            ),
            Self::Animal {
                animal,
                count,
                strength: s,
            } => tf(
                locale,
                "ui-pattern-animal",
                &[
                    ("animal", animal_name(locale, animal)),
                    ("count", num(locale, count)),
                    ("strength", strength(s)),
                ],
            ),
        }
    }
}

pub fn patterns(result: &Value) -> Vec<PatternItem> {
    let list = [&result["patterns"], &result["patterns"]["detected"]]
        .into_iter()
        .find_map(Value::as_array);
    let Some(list) = list else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|p| {
            let strength = p["strength"].as_str().unwrap_or("medium").to_string();
            match p["type"].as_str()? {
                "number_repetition" => Some(PatternItem::Number {
                    number: p["number"].as_i64()?,
                    count: p["occurrences"].as_i64().unwrap_or(2),
                    strength,
                }),
                "master_number" => Some(PatternItem::Master {
                    number: p["number"].as_i64()?,
                    strength,
                }),
                "animal_repetition" => Some(PatternItem::Animal {
                    animal: p["animal"].as_str()?.to_string(),
                    count: p["occurrences"].as_i64().unwrap_or(2),
                    strength,
                }),
                _ => None,
            }
        })
        .collect()
}

/// (score 0–100, message id of the level).
pub fn confidence(result: &Value) -> Option<(u8, String)> {
    let c = &result["confidence"];
    let score = c["score"].as_f64()?.clamp(0.0, 100.0) as u8;
    let level = c["level"].as_str().unwrap_or("medium").replace('_', "-");
    Some((score, format!("confidence-{level}")))
}

// ---- compatibility ----------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairItem {
    pub a: String,
    pub b: String,
    pub percent: u8,
}

/// (group percent, harmony message id, pairs).
pub fn compatibility(result: &Value) -> Option<(u8, String, Vec<PairItem>)> {
    let group = result["group_percent"].as_f64()?.clamp(0.0, 100.0) as u8;
    let level = format!(
        "harmony-{}",
        result["level"]
            .as_str()
            .unwrap_or("mixed")
            .replace('_', "-")
    );
    let people: Vec<String> = result["people"]
        .as_array()
        .map(|p| {
            p.iter()
                .map(|x| x["name"].as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default();
    let name = |i: &Value| {
        i.as_u64()
            .and_then(|i| people.get(i as usize).cloned())
            .unwrap_or_default()
    };
    let pairs = result["pairs"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| PairItem {
                    a: name(&p["a"]),
                    b: name(&p["b"]),
                    percent: p["percent"].as_f64().unwrap_or(0.0).clamp(0.0, 100.0) as u8,
                })
                .collect()
        })
        .unwrap_or_default();
    Some((group, level, pairs))
}

// ---- daily ----------------------------------------------------------------------------

/// Lucky hours and suggested activities (message ids) of a daily reading.
pub fn daily_extras(result: &Value) -> (Vec<String>, Vec<String>) {
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    (
        strings(&result["lucky_hours"]),
        strings(&result["activities"]),
    )
}

// ---- text -----------------------------------------------------------------------------

/// A section of the interpretation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// The rendered text of a reading: (headline, direction, sections).
pub fn text(text: &Value) -> (String, String, Vec<Section>) {
    let sections = text["sections"]
        .as_array()
        .map(|s| {
            s.iter()
                .map(|s| Section {
                    id: s["id"].as_str().unwrap_or_default().to_string(),
                    title: s["title"].as_str().unwrap_or_default().to_string(),
                    paragraphs: s["paragraphs"]
                        .as_array()
                        .map(|p| {
                            p.iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    (
        text["headline"].as_str().unwrap_or_default().to_string(),
        text["direction"].as_str().unwrap_or("ltr").to_string(),
        sections,
    )
}

/// The reading as plain text (copy/export): headline, summary, then each section.
pub fn plain_text(summary: &str, text_json: &Value) -> String {
    let (headline, _, sections) = text(text_json);
    let mut out = String::new();
    if !headline.is_empty() {
        out.push_str(&headline);
        out.push_str("\n\n");
    }
    if !summary.is_empty() && summary != nps_i18n::strip_isolation(&headline) {
        out.push_str(summary);
        out.push_str("\n\n");
    }
    for s in sections {
        out.push_str(&s.title);
        out.push('\n');
        for p in s.paragraphs {
            out.push_str(&p);
            out.push('\n');
        }
        out.push('\n');
    }
    out.trim_end().to_string()
}
