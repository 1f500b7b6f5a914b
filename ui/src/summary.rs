//! What a result's summary says, before any detail: who the reading is for, when, the
//! question asked (a question reading), and its strongest signals in plain words.
//!
//! The signals are the readings crate's ranking, carried in the reading's text
//! ([`nps_protocol::RenderedText::summary`], stored with it, so history shows the same).
//! A kind with fewer than [`SUMMARY_MIN`] signals (a name without a birth date, a time,
//! a compatibility …), or a reading stored before summaries existed, is completed from
//! its figures: its numbers with their one-line meanings, the moon's phase, the pairs.
//! Pure functions, unit-tested natively.

use nps_engine::Fc60Stamp;
use nps_i18n::Locale;
use nps_i18n::learn::{Entry, Family, Part};
use nps_protocol::{Figures, RenderedText, SUMMARY_SIGNALS_MAX};

use crate::charts::score_cell;
use crate::figures;
use crate::i18n::{num, t, tf};

/// The fewest lines a summary gives when the figures have them.
pub const SUMMARY_MIN: usize = 3;

/// Who a reading is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A moment, a question or a day: the person reading.
    You,
    /// A name, a full reading, or the people of a compatibility reading.
    Named(Vec<String>),
}

/// Who the reading of `figures` is for.
pub fn who(figures: &Figures) -> Who {
    match figures {
        Figures::Name(f) => Who::Named(vec![f.name.clone()]),
        Figures::Full(f) => Who::Named(vec![f.person.name.clone()]),
        Figures::Compatibility(c) => Who::Named(c.people.iter().map(|p| p.name.clone()).collect()),
        Figures::Time(_) | Figures::Question(_) | Figures::Daily(_) => Who::You,
    }
}

/// When: the moment's Gregorian day (`YYYY-MM-DD`) and, with a time, `HH:MM`.
pub fn when(figures: &Figures) -> Option<(String, Option<String>)> {
    figures.stamp().map(when_of_stamp)
}

fn when_of_stamp(stamp: &Fc60Stamp) -> (String, Option<String>) {
    let moment = stamp.moment();
    let time = stamp
        .time()
        .map(|t| format!("{:02}:{:02}", t.hour(), t.minute()));
    (moment.date.to_string(), time)
}

/// The question of a question reading.
pub fn question(figures: &Figures) -> Option<&str> {
    match figures {
        Figures::Question(q) => Some(q.question.as_str()),
        _ => None,
    }
}

/// One line of the summary: what it is about and its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryLine {
    /// The signal's kind (`sky`, `life-cycle` …), or where a line made from the figures
    /// comes from (`number`, `moon`, `pair`).
    pub kind: String,
    pub theme: String,
    pub text: String,
    /// The Learn entry that explains it.
    pub learn: Option<Entry>,
}

/// The summary of a reading: its signals, completed from its figures up to
/// [`SUMMARY_MIN`] lines, at most [`SUMMARY_SIGNALS_MAX`].
pub fn lines(locale: Locale, figures: &Figures, text: &RenderedText) -> Vec<SummaryLine> {
    let mut out: Vec<SummaryLine> = text
        .summary
        .iter()
        .map(|s| SummaryLine {
            kind: s.kind.clone(),
            theme: s.theme.clone(),
            text: s.text.clone(),
            learn: learn_of_signal(&s.kind, figures),
        })
        .collect();
    if out.len() < SUMMARY_MIN {
        let missing = SUMMARY_MIN - out.len();
        out.extend(from_figures(locale, figures).into_iter().take(missing));
    }
    out.truncate(SUMMARY_SIGNALS_MAX);
    out
}

/// The Learn entry behind a signal of `kind`.
fn learn_of_signal(kind: &str, figures: &Figures) -> Option<Entry> {
    let core = |key| Entry::find(Family::Core, key);
    match kind {
        "life-cycle" => core("personal-year"),
        "master-path" => core("life-path"),
        "personal-day" => core("personal-day"),
        "mother" => core("mother"),
        "question" => core("question"),
        "sky" => figures
            .stamp()
            .and_then(|s| Entry::find(Family::Weekday, s.weekday().token())),
        "day-animal" | "hour-animal" => Entry::find(Family::Figure, "hour-animal"),
        "number-pattern" | "animal-pattern" => Entry::find(Family::Figure, "patterns"),
        "polarity" => Entry::find(Family::Figure, "polarity"),
        "rhythm" => Entry::find(Family::Figure, "heartbeat"),
        "place" | "place-opposition" => Entry::find(Family::Figure, "location"),
        _ => None,
    }
}

/// Lines made from the figures alone: each number with what its value means, the
/// moon's phase, and the pairs of a compatibility reading (best first).
fn from_figures(locale: Locale, figures: &Figures) -> Vec<SummaryLine> {
    let mut out: Vec<SummaryLine> = figures::numbers(figures)
        .into_iter()
        .filter_map(|n| {
            let meaning = Entry::number(n.value)?;
            Some(SummaryLine {
                kind: "number".into(),
                theme: tf(
                    locale,
                    "ui-summary-number",
                    &[
                        ("label", t(locale, n.label)),
                        ("number", num(locale, n.value)),
                    ],
                ),
                text: t(locale, &meaning.id(Part::Line)),
                learn: figures::learn_entry_of_label(n.label),
            })
        })
        .collect();
    if let Some(m) = figures::moon(figures) {
        if let Some(entry) = figures::learn_moon_phase(m.phase) {
            out.push(SummaryLine {
                kind: "moon".into(),
                theme: figures::moon_phase_name(locale, m.phase),
                text: t(locale, &entry.id(Part::Line)),
                learn: Some(entry),
            });
        }
    }
    if let Some(c) = figures::compatibility(figures) {
        let mut pairs = c.pairs;
        pairs.sort_by_key(|p| std::cmp::Reverse(p.percent));
        out.extend(pairs.into_iter().map(|p| {
            let band = score_cell(u32::from(p.percent)).level;
            SummaryLine {
                kind: "pair".into(),
                theme: tf(locale, "ui-pair", &[("a", p.a), ("b", p.b)]),
                text: tf(
                    locale,
                    "ui-summary-pair",
                    &[
                        (
                            "percent",
                            tf(
                                locale,
                                "value-percent",
                                &[("value", num(locale, p.percent))],
                            ),
                        ),
                        ("level", t(locale, &format!("harmony-{band}"))),
                    ],
                ),
                learn: None,
            }
        }));
    }
    out
}
