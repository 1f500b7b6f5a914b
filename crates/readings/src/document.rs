//! A stored reading as the export's [`Document`] (`nps-export`'s wiring recipe), in the
//! reader's language: the headline as the title, who and when as the byline, the
//! reading's message (the sentences composed from its strongest signals) as the
//! summary, its key numbers as figures, the other sections as they are, and a footer
//! with the day it was made. The server (`GET /api/readings/{id}/export`) and the CLI
//! (`nps history export`) both make their PDF, PNG card and Markdown from it.

use nps_engine::{Date, Moment};
use nps_export::limits::{MAX_LINE_CHARS, MAX_SUMMARY_ITEMS};
use nps_export::{Direction, Document, Figure, Section};
use nps_i18n::{Args, DateStyle, Locale, LocaleFormat, Localizer};
use nps_protocol::{Figures, RenderedSection};

use crate::stored::StoredResult;

/// A message of `locale` with its arguments, without isolation marks.
fn say(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    Localizer::get().plain(locale, id, &Args::from_pairs(args))
}

/// The section whose lines are a reading's summary: the message composed from its
/// strongest signals. A kind without one (question, daily) is summed up by its first
/// section.
const SUMMARY_SECTION: &str = "section-message";

/// A reading (`result`, its text already rendered in `locale`; saved at `created_at`,
/// RFC 3339) as a document, made on `today`.
pub fn document(result: &StoredResult, created_at: &str, locale: Locale, today: Date) -> Document {
    let text = &result.text;
    let (summary, sections) = split_summary(&text.sections);
    Document {
        lang: locale.tag().to_string(),
        direction: if locale.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        },
        title: text.headline.clone(),
        byline: byline(&result.figures, created_at, locale),
        summary_heading: Some(say(locale, "export-summary-heading", &[])),
        summary,
        figures_heading: Some(say(locale, "export-figures-heading", &[])),
        figures: key_figures(&result.figures, locale),
        sections: sections
            .iter()
            .map(|s| Section::new(&s.title, s.paragraphs.clone()))
            .collect(),
        footer: say(
            locale,
            "export-footer",
            &[("date", long_date(locale, today))],
        ),
    }
}

/// The summary's lines and the sections left: the message section (else the first)
/// moves to the summary, unless it has more lines than a summary may.
fn split_summary(sections: &[RenderedSection]) -> (Vec<String>, Vec<&RenderedSection>) {
    let chosen = sections
        .iter()
        .position(|s| s.id == SUMMARY_SECTION)
        .or(if sections.is_empty() { None } else { Some(0) })
        .filter(|&i| sections[i].paragraphs.len() <= MAX_SUMMARY_ITEMS);
    let rest = sections
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != chosen)
        .map(|(_, s)| s)
        .collect();
    let summary = chosen.map_or_else(Vec::new, |i| sections[i].paragraphs.clone());
    (summary, rest)
}

/// Who the reading is about (when it names someone) and when it is about: the moment
/// of its stamp, else the day it was saved.
fn byline(figures: &Figures, created_at: &str, locale: Locale) -> Vec<String> {
    let who = match figures {
        Figures::Full(f) => Some(say(
            locale,
            "export-byline-person",
            &[
                ("name", f.person.name.clone()),
                ("born", long_date(locale, f.person.birthdate)),
            ],
        )),
        Figures::Name(f) => Some(f.name.clone()),
        Figures::Question(f) => Some(f.question.clone()),
        Figures::Compatibility(f) => Some(
            f.people
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        Figures::Time(_) | Figures::Daily(_) => None,
    };
    let when = match figures.stamp() {
        Some(stamp) => moment(locale, &stamp.moment()),
        None => {
            let saved = created_at.get(..10).map(Date::parse);
            let day = match saved {
                Some(Ok(day)) => long_date(locale, day),
                _ => locale.number(created_at),
            };
            say(locale, "export-byline-saved", &[("date", day)])
        }
    };
    who.into_iter()
        .chain([when])
        .map(|line| fit(&line))
        .collect()
}

/// A moment as a person reads it: `9 February 2026 · 14:30`, `۲۰ بهمن ۱۴۰۴ · ۱۴:۳۰`.
fn moment(locale: Locale, m: &Moment) -> String {
    let date = long_date(locale, m.date);
    match m.time {
        Some(t) => say(
            locale,
            "export-byline-moment",
            &[
                ("date", date),
                (
                    "time",
                    locale.number(format!("{:02}:{:02}", t.hour(), t.minute())),
                ),
            ],
        ),
        None => date,
    }
}

fn long_date(locale: Locale, d: Date) -> String {
    locale.date(d.year(), d.month(), d.day(), DateStyle::Long)
}

/// The numbers a reader looks for first, by kind.
fn key_figures(figures: &Figures, locale: Locale) -> Vec<Figure> {
    let n = |value: u32| locale.number(value);
    let row = |id: &'static str, value: String| Figure::new(say(locale, id, &[]), value);
    match figures {
        Figures::Full(f) => {
            let m = &f.numerology;
            vec![
                row("label-life-path", n(m.life_path.number)),
                row("label-expression", n(m.expression)),
                row("label-soul-urge", n(m.soul_urge)),
                row("label-personality", n(m.personality)),
                row("label-personal-year", n(m.personal_year)),
                row("label-score", n(f.confidence.score)),
            ]
        }
        Figures::Name(f) => [
            f.life_path.map(|v| row("label-life-path", n(v))),
            Some(row("label-expression", n(f.expression))),
            Some(row("label-soul-urge", n(f.soul_urge))),
            Some(row("label-personality", n(f.personality))),
            f.personal_year.map(|v| row("label-personal-year", n(v))),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Figures::Question(f) => vec![row("label-question-number", n(f.number))],
        Figures::Time(f) => vec![
            row("label-moment-number", n(f.moment_number)),
            row("label-fc60", f.moment.stamp.fc60().to_string()),
        ],
        Figures::Daily(f) => vec![
            row("label-focus-number", n(f.focus_number)),
            row(
                "label-lucky-numbers",
                f.lucky_numbers
                    .iter()
                    .map(|&v| n(v))
                    .collect::<Vec<_>>()
                    .join(" · "),
            ),
        ],
        Figures::Compatibility(f) => {
            let mut rows = vec![row(
                "label-harmony",
                locale.percent(&f.group_percent.to_string()),
            )];
            rows.extend(f.pairs.iter().filter_map(|p| {
                let (a, b) = (f.people.get(p.a)?, f.people.get(p.b)?);
                let label = fit(&format!("{} · {}", a.name, b.name));
                Some(Figure::new(label, locale.percent(&p.percent.to_string())))
            }));
            rows
        }
    }
}

/// `line` cut to the longest line a document allows, with "…".
fn fit(line: &str) -> String {
    if line.chars().count() <= MAX_LINE_CHARS {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(MAX_LINE_CHARS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: &str, lines: usize) -> RenderedSection {
        RenderedSection {
            id: id.into(),
            title: id.into(),
            paragraphs: (0..lines).map(|i| format!("{id} {i}")).collect(),
        }
    }

    #[test]
    fn the_message_becomes_the_summary() {
        let sections = [section("section-core", 2), section(SUMMARY_SECTION, 3)];
        let (summary, rest) = split_summary(&sections);
        assert_eq!(
            summary,
            [
                "section-message 0",
                "section-message 1",
                "section-message 2"
            ]
        );
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].id, "section-core");
    }

    #[test]
    fn without_a_message_the_first_section_sums_up_unless_too_long() {
        let sections = [section("section-question", 3), section("section-now", 2)];
        let (summary, rest) = split_summary(&sections);
        assert_eq!(summary.len(), 3);
        assert_eq!(
            rest.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["section-now"]
        );
        let long = [section("section-day", MAX_SUMMARY_ITEMS + 1)];
        let (summary, rest) = split_summary(&long);
        assert!(summary.is_empty());
        assert_eq!(rest.len(), 1);
        assert_eq!(split_summary(&[]), (vec![], vec![]));
    }

    #[test]
    fn long_lines_are_cut_to_the_bound() {
        let long = "ن".repeat(MAX_LINE_CHARS + 5);
        let cut = fit(&long);
        assert_eq!(cut.chars().count(), MAX_LINE_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("Alice"), "Alice");
    }
}
