//! What the result view shows, read from a reading's typed [`Figures`]: the FC60 stamp
//! split into tokens with their meanings, the numbers (master numbers flagged), the
//! letter table, the moon (and the SVG path of its lit part), ganzhi, patterns,
//! confidence, compatibility pairs and the daily figures.
//!
//! The animals, elements, weekdays, planets and moon phases are the engine's own
//! (`nps_engine::tokens`, `nps_engine::moon`); the words shown are the shared messages
//! (`animal-ti`, `element-wu`, …). Pure functions, unit-tested natively.

use nps_engine::Fc60Stamp;
use nps_engine::ganzhi::{GanzhiDay, GanzhiYear, Stem};
use nps_engine::moon::{MoonInfo, SYNODIC_MONTH};
use nps_engine::numerology::{LetterValue, System};
use nps_engine::patterns::{Pattern, Strength};
use nps_engine::stamp::MOON_MARKER;
use nps_engine::tokens::{Animal, Element, Token60, Weekday};
use nps_i18n::Locale;
use nps_i18n::learn::{Entry, Family};
use nps_protocol::figures::{CompatPerson, DailyFigures, MomentFigures};
use nps_protocol::{Figures, RenderedText};

use crate::i18n::{num, t, tf};

/// The localized name the catalog keeps under `{family}-{token}`, the token in lower case
/// (`animal-ra`, `element-wu`).
fn catalog_name(locale: Locale, family: &str, token: &str) -> String {
    t(locale, &format!("{family}-{}", token.to_ascii_lowercase()))
}

/// The localized name of an animal.
pub fn animal_name(locale: Locale, animal: Animal) -> String {
    catalog_name(locale, "animal", animal.token())
}

/// The localized name of an element.
pub fn element_name(locale: Locale, element: Element) -> String {
    catalog_name(locale, "element", element.token())
}

/// The localized name of a weekday.
pub fn weekday_name(locale: Locale, weekday: Weekday) -> String {
    catalog_name(locale, "weekday", weekday.token())
}

/// The localized name of a weekday's ruling planet.
pub fn planet_name(locale: Locale, weekday: Weekday) -> String {
    catalog_name(locale, "planet", weekday.planet())
}

/// The localized name of moon phase `index` (0 = new moon).
pub fn moon_phase_name(locale: Locale, index: usize) -> String {
    t(locale, &format!("moon-phase-{}", index.min(7)))
}

// ---- links to the Learn page ----------------------------------------------------------

/// The element id of a Learn section or entry with this anchor (`learn-animal-ra`):
/// prefixed, so it cannot clash with another id of the page.
pub fn learn_element_id(anchor: &str) -> String {
    format!("learn-{anchor}")
}

/// The hash route of a Learn entry (`#/learn/animal-ra`).
pub fn learn_href(entry: Entry) -> String {
    format!("#/learn/{}", entry.anchor())
}

/// The Learn entry that explains a number's label (`label-life-path` → how the life
/// path is computed), if there is one.
pub fn learn_entry_of_label(label: &str) -> Option<Entry> {
    let key = match label {
        "label-life-path" => "life-path",
        "label-expression" => "expression",
        "label-soul-urge" => "soul-urge",
        "label-personality" => "personality",
        "label-personal-year" => "personal-year",
        "label-personal-month" => "personal-month",
        "label-personal-day" => "personal-day",
        "label-mother-influence" => "mother",
        "ui-label-moment-number" => "moment",
        "ui-label-question-number" => "question",
        "ui-label-focus-number" => "focus",
        _ => return None,
    };
    Entry::find(Family::Core, key)
}

/// The Learn entry that explains a companion field of the stamp (`label-j60` → the
/// Julian day in base 60), if there is one.
pub fn learn_stamp_field(label: &str) -> Option<Entry> {
    let key = match label {
        "label-tz60" => "tz60",
        "label-y60" => "y60",
        "label-j60" => "j60",
        "label-chk" => "chk",
        _ => return None,
    };
    Entry::find(Family::Stamp, key)
}

/// The Learn entry of an animal, an element or a moon phase (0 new … 7).
pub fn learn_animal(animal: Animal) -> Option<Entry> {
    Entry::find(Family::Animal, animal.token())
}

/// See [`learn_animal`].
pub fn learn_element(element: Element) -> Option<Entry> {
    Entry::find(Family::Element, element.token())
}

/// See [`learn_animal`].
pub fn learn_moon_phase(index: usize) -> Option<Entry> {
    Entry::find(Family::MoonPhase, &index.to_string())
}

/// The element an engine figure names in English (`"Wood"`).
pub fn element_named(name: &str) -> Option<Element> {
    Element::all().find(|e| e.name() == name)
}

/// Whether `n` is a master number (11, 22, 33).
pub fn is_master(n: u32) -> bool {
    nps_engine::numerology::is_master(u64::from(n))
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
    pub animal: Option<Animal>,
    pub element: Option<Element>,
    pub weekday: Option<Weekday>,
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

    /// A TOKEN60 part: its animal, element and value.
    fn token60(token: Token60, role: StampRole) -> Self {
        Self {
            number: Some(u32::from(token.value())),
            animal: Some(token.animal()),
            element: Some(token.element()),
            ..Self::new(token.as_str(), role)
        }
    }

    /// The explanation shown on hover/focus, in `locale`.
    pub fn explain(&self, locale: Locale) -> String {
        let animal = || {
            self.animal
                .map(|a| animal_name(locale, a))
                .unwrap_or_default()
        };
        let element = || {
            self.element
                .map(|e| element_name(locale, e))
                .unwrap_or_default()
        };
        let n = self.number.map(|n| num(locale, n)).unwrap_or_default();
        match self.role {
            StampRole::Weekday => match self.weekday {
                Some(w) => tf(
                    locale,
                    "ui-stamp-weekday",
                    &[
                        ("weekday", weekday_name(locale, w)),
                        ("planet", planet_name(locale, w)),
                    ],
                ),
                None => self.token.clone(),
            },
            StampRole::Month => tf(
                locale,
                "ui-stamp-month",
                &[("number", n), ("animal", animal())],
            ),
            StampRole::Half if self.pm => t(locale, "ui-stamp-half-pm"),
            StampRole::Half => t(locale, "ui-stamp-half-am"),
            StampRole::Hour => tf(
                locale,
                "ui-stamp-hour",
                &[("number", n), ("animal", animal())],
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
                    &[("number", n), ("animal", animal()), ("element", element())],
                )
            }
        }
    }
}

/// The tokens of a stamp (`WD-MO-DOM` and, with a time, `HALF HR-MIN-SEC`), each with
/// what it stands for.
pub fn stamp_parts(stamp: &Fc60Stamp) -> Vec<StampPart> {
    let weekday = stamp.weekday();
    let month = stamp.month_animal();
    let mut out = vec![
        StampPart {
            weekday: Some(weekday),
            ..StampPart::new(weekday.token(), StampRole::Weekday)
        },
        StampPart {
            number: Some(month.index() as u32 + 1),
            animal: Some(month),
            ..StampPart::new(month.token(), StampRole::Month)
        },
        StampPart::token60(stamp.dom_token(), StampRole::Day),
    ];
    let (Some(time), Some(hour), Some(minute), Some(second)) = (
        stamp.time(),
        stamp.hour_animal(),
        stamp.minute_token(),
        stamp.second_token(),
    ) else {
        return out;
    };
    let marker = stamp.half_marker();
    out.push(StampPart {
        pm: marker == MOON_MARKER,
        ..StampPart::new(marker, StampRole::Half)
    });
    out.push(StampPart {
        number: Some(time.hour()),
        animal: Some(hour),
        ..StampPart::new(hour.token(), StampRole::Hour)
    });
    out.push(StampPart::token60(minute, StampRole::Minute));
    out.push(StampPart::token60(second, StampRole::Second));
    out
}

/// The companion fields of a stamp shown under it: (label message id, value).
pub fn stamp_fields(stamp: &Fc60Stamp) -> Vec<(&'static str, String)> {
    let text = stamp.render();
    [
        ("label-iso", 1),
        ("label-tz60", 2),
        ("label-y60", 3),
        ("label-j60", 5),
        ("label-chk", 9),
    ]
    .into_iter()
    .filter_map(|(label, field)| {
        let v = text.field(field);
        (!v.is_empty()).then(|| (label, v.to_string()))
    })
    .collect()
}

/// The days a result names: the moment's (of a stamp) and, for a full reading, the
/// birth date echoed back — (label message id, Gregorian `YYYY-MM-DD`), shown in the
/// reader's calendar by the view.
pub fn dates(figures: &Figures) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(stamp) = figures.stamp() {
        out.push(("label-date", stamp.moment().date.to_string()));
    }
    if let Figures::Full(f) = figures {
        out.push(("label-birthdate", f.person.birthdate.to_string()));
    }
    out
}

// ---- numbers --------------------------------------------------------------------------

/// A number of the reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberItem {
    /// Message id of its label.
    pub label: &'static str,
    pub value: u32,
    /// 11, 22 or 33.
    pub master: bool,
}

/// The numbers of a reading, in display order.
pub fn numbers(figures: &Figures) -> Vec<NumberItem> {
    let fields: Vec<(&'static str, Option<u32>)> = match figures {
        Figures::Time(f) => vec![("ui-label-moment-number", Some(f.moment_number))],
        Figures::Name(f) => vec![
            ("label-life-path", f.life_path),
            ("label-expression", Some(f.expression)),
            ("label-soul-urge", Some(f.soul_urge)),
            ("label-personality", Some(f.personality)),
            ("label-personal-year", f.personal_year),
        ],
        Figures::Question(f) => vec![("ui-label-question-number", Some(f.number))],
        Figures::Full(f) => {
            let n = &f.numerology;
            vec![
                ("label-life-path", Some(n.life_path.number)),
                ("label-expression", Some(n.expression)),
                ("label-soul-urge", Some(n.soul_urge)),
                ("label-personality", Some(n.personality)),
                ("label-personal-year", Some(n.personal_year)),
                ("label-personal-month", Some(n.personal_month)),
                ("label-personal-day", Some(n.personal_day)),
                ("label-mother-influence", n.mother_influence),
            ]
        }
        Figures::Daily(f) => vec![("ui-label-focus-number", Some(f.focus_number))],
        Figures::Compatibility(_) => Vec::new(),
    };
    fields
        .into_iter()
        .filter_map(|(label, value)| {
            let value = value?;
            Some(NumberItem {
                label,
                value,
                master: is_master(value),
            })
        })
        .collect()
}

// ---- letters --------------------------------------------------------------------------

/// The system and letter table of a name reading.
pub fn letters(figures: &Figures) -> Option<(System, &[LetterValue])> {
    match figures {
        Figures::Name(f) if !f.letters.is_empty() => Some((f.system, &f.letters)),
        _ => None,
    }
}

// ---- moon -----------------------------------------------------------------------------

/// The moment figures of the kinds that have them.
fn moment(figures: &Figures) -> Option<&MomentFigures> {
    match figures {
        Figures::Time(f) => Some(&f.moment),
        Figures::Question(f) => Some(&f.moment),
        Figures::Daily(f) => Some(&f.moment),
        Figures::Name(_) | Figures::Full(_) | Figures::Compatibility(_) => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MoonView {
    /// 0 = new moon … 7 = waning crescent.
    pub phase: usize,
    /// Percent lit, 0–100.
    pub illumination: f64,
    /// Days into the cycle.
    pub age: f64,
    pub waxing: bool,
}

impl From<&MoonInfo> for MoonView {
    fn from(m: &MoonInfo) -> Self {
        Self {
            phase: m.phase,
            illumination: m.illumination.clamp(0.0, 100.0),
            age: m.age,
            waxing: m.age < SYNODIC_MONTH / 2.0,
        }
    }
}

pub fn moon(figures: &Figures) -> Option<MoonView> {
    match figures {
        Figures::Full(f) => Some(MoonView::from(&f.moon)),
        other => moment(other).map(|m| MoonView::from(&m.moon)),
    }
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
    pub animal: Option<Animal>,
    pub element: Option<Element>,
    /// `Yang` / `Yin`.
    pub polarity: Option<&'static str>,
}

impl GanzhiItem {
    /// A year or day pillar, from its stem-branch token, branch and stem.
    fn pillar(
        label: &'static str,
        token: impl ToString,
        animal: Animal,
        stem: Stem,
        polarity: &'static str,
    ) -> Self {
        Self {
            label,
            token: token.to_string(),
            animal: Some(animal),
            element: Some(stem.element()),
            polarity: Some(polarity),
        }
    }

    fn year(y: &GanzhiYear) -> Self {
        Self::pillar(
            "label-ganzhi-year",
            y.gz_token,
            y.animal(),
            y.stem(),
            y.polarity,
        )
    }

    fn day(d: &GanzhiDay) -> Self {
        Self::pillar(
            "label-ganzhi-day",
            d.gz_token,
            d.animal(),
            d.stem(),
            d.polarity,
        )
    }

    /// The hour pillar, `STEM-BRANCH`.
    fn hour(stem: &str, branch: &str) -> Self {
        Self {
            label: "label-ganzhi-hour",
            token: format!("{stem}-{branch}"),
            animal: Animal::parse(branch).ok(),
            element: None,
            polarity: None,
        }
    }
}

pub fn ganzhi(figures: &Figures) -> Vec<GanzhiItem> {
    if let Figures::Full(f) = figures {
        let g = &f.ganzhi;
        let mut items = vec![GanzhiItem::year(&g.year), GanzhiItem::day(&g.day)];
        items.extend(
            g.hour
                .as_ref()
                .map(|h| GanzhiItem::hour(h.stem_token, h.branch_token)),
        );
        return items;
    }
    let Some(m) = moment(figures) else {
        return Vec::new();
    };
    let mut items = vec![
        GanzhiItem::year(&m.ganzhi_year),
        GanzhiItem::day(&m.ganzhi_day),
    ];
    items.extend(m.ganzhi_hour.as_deref().and_then(|h| {
        let (stem, branch) = h.split_once('-')?;
        Some(GanzhiItem::hour(stem, branch))
    }));
    items
}

// ---- patterns and confidence -----------------------------------------------------------

/// The patterns of a reading (time and full readings look for them).
pub fn patterns(figures: &Figures) -> &[Pattern] {
    match figures {
        Figures::Time(f) => &f.patterns,
        Figures::Full(f) => &f.patterns.detected,
        _ => &[],
    }
}

fn strength_name(locale: Locale, s: Strength) -> String {
    t(
        locale,
        match s {
            Strength::Medium => "strength-medium",
            Strength::High => "strength-high",
            Strength::VeryHigh => "strength-very-high",
        },
    )
}

/// A pattern as a sentence in `locale`.
pub fn describe_pattern(locale: Locale, pattern: &Pattern) -> String {
    match pattern {
        Pattern::NumberRepetition {
            number,
            occurrences,
            strength,
        } => tf(
            locale,
            "ui-pattern-number",
            &[
                ("number", num(locale, number)),
                ("count", num(locale, occurrences)),
                ("strength", strength_name(locale, *strength)),
            ],
        ),
        Pattern::MasterNumber { number, strength } => tf(
            locale,
            "ui-pattern-master",
            &[
                ("number", num(locale, number)),
                ("strength", strength_name(locale, *strength)),
            ],
        ),
        Pattern::AnimalRepetition {
            animal,
            occurrences,
            strength,
        } => tf(
            locale,
            "ui-pattern-animal",
            &[
                ("animal", animal_name(locale, *animal)),
                ("count", num(locale, occurrences)),
                ("strength", strength_name(locale, *strength)),
            ],
        ),
    }
}

/// (score 0–100, message id of the level) of a full reading.
pub fn confidence(figures: &Figures) -> Option<(u8, String)> {
    let Figures::Full(f) = figures else {
        return None;
    };
    let c = &f.confidence;
    Some((
        c.score.min(100) as u8,
        format!("confidence-{}", c.level.replace('_', "-")),
    ))
}

// ---- compatibility ----------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairItem {
    pub a: String,
    pub b: String,
    pub percent: u8,
}

/// A compatibility reading: the group percent, the harmony message id, the pairs by
/// name, and the people.
pub struct CompatibilityView<'a> {
    pub group_percent: u8,
    pub level: String,
    pub pairs: Vec<PairItem>,
    pub people: &'a [CompatPerson],
}

pub fn compatibility(figures: &Figures) -> Option<CompatibilityView<'_>> {
    let Figures::Compatibility(c) = figures else {
        return None;
    };
    let name = |i: usize| c.people.get(i).map(|p| p.name.clone()).unwrap_or_default();
    Some(CompatibilityView {
        group_percent: c.group_percent.min(100) as u8,
        level: format!("harmony-{}", c.level.replace('_', "-")),
        pairs: c
            .pairs
            .iter()
            .map(|p| PairItem {
                a: name(p.a),
                b: name(p.b),
                percent: p.percent.min(100) as u8,
            })
            .collect(),
        people: &c.people,
    })
}

// ---- daily ----------------------------------------------------------------------------

/// The figures of a daily reading.
pub fn daily(figures: &Figures) -> Option<&DailyFigures> {
    match figures {
        Figures::Daily(f) => Some(f),
        _ => None,
    }
}

// ---- text -----------------------------------------------------------------------------

/// The bidi control marks of Unicode (isolates, embeddings, overrides, LRM/RLM/ALM):
/// they order text on screen but are invisible litter in copied text.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The reading as plain text (copy/export): headline, summary, its strongest signals,
/// then each section,
/// without bidi control marks (a pasted paragraph takes its direction from its text).
pub fn plain_text(summary: &str, text: &RenderedText) -> String {
    let mut out = String::new();
    if !text.headline.is_empty() {
        out.push_str(&text.headline);
        out.push_str("\n\n");
    }
    if !summary.is_empty() && summary != nps_i18n::strip_isolation(&text.headline) {
        out.push_str(summary);
        out.push_str("\n\n");
    }
    // The strongest signals, as the summary shows them.
    for signal in &text.summary {
        out.push_str(&format!("- {}: {}\n", signal.theme, signal.text));
    }
    if !text.summary.is_empty() {
        out.push('\n');
    }
    for s in &text.sections {
        out.push_str(&s.title);
        out.push('\n');
        for p in &s.paragraphs {
            out.push_str(p);
            out.push('\n');
        }
        out.push('\n');
    }
    out.trim_end()
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .collect()
}
