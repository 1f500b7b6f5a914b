//! Human-readable reports: sections of aligned `label  value` rows, labels from Fluent.

use std::fmt::Write as _;

use nps_i18n::{Args, Locale, LocaleFormat, Localizer, strip_isolation};
use unicode_width::UnicodeWidthStr;

/// A label and its value.
type Row = (String, String);

/// A report being built in one locale.
pub struct Report {
    locale: Locale,
    sections: Vec<(Option<String>, Vec<Row>)>,
}

impl Report {
    pub fn new(locale: Locale) -> Self {
        Report {
            locale,
            sections: vec![(None, Vec::new())],
        }
    }

    /// Starts a section under the heading message `id`.
    pub fn section(&mut self, id: &str) -> &mut Self {
        self.sections
            .push((Some(self.words().text(id)), Vec::new()));
        self
    }

    /// Adds a row: the label message `id` and a value.
    pub fn row(&mut self, id: &str, value: impl Into<String>) -> &mut Self {
        let label = self.words().text(id);
        if let Some((_, rows)) = self.sections.last_mut() {
            rows.push((label, value.into()));
        }
        self
    }

    /// The formatter of this report's locale.
    pub fn words(&self) -> Words {
        Words(self.locale)
    }

    pub fn render(&self) -> String {
        let width = self
            .sections
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|(l, _)| l.width()))
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (heading, rows) in &self.sections {
            if rows.is_empty() {
                continue;
            }
            if let Some(h) = heading {
                if !out.is_empty() {
                    out.push('\n');
                }
                let _ = writeln!(out, "{h}");
            }
            let indent = if heading.is_some() { "  " } else { "" };
            for (label, value) in rows {
                let pad = width.saturating_sub(label.width());
                let _ = writeln!(out, "{indent}{label}{:pad$}  {value}", "");
            }
        }
        out
    }
}

/// Text in one locale: messages, vocabulary words and numbers.
#[derive(Debug, Clone, Copy)]
pub struct Words(Locale);

impl Words {
    /// A message without arguments (its id if it is missing).
    pub fn text(&self, id: &str) -> String {
        strip_isolation(&Localizer::get().text(self.0, id))
    }

    /// A message with arguments (its id if it is missing).
    pub fn fmt(&self, id: &str, args: Args) -> String {
        Localizer::get()
            .format(self.0, id, &args)
            .map(|s| strip_isolation(&s))
            .unwrap_or_else(|_| id.to_string())
    }

    /// A vocabulary word (`animal-ho`, `weekday-lu` …) or, where the locale has no
    /// such message yet, the English word the engine gives.
    pub fn word(&self, id: &str, english: &str) -> String {
        if Localizer::get().has(self.0, id) {
            self.text(id)
        } else {
            english.to_string()
        }
    }

    pub fn number(&self, n: impl std::fmt::Display) -> String {
        self.0.number(n)
    }

    /// A whole number, grouped (`1,477,947,600`, `۱٬۴۷۷٬۹۴۷٬۶۰۰`).
    pub fn integer(&self, n: impl TryInto<i64>) -> String {
        n.try_into().map(|n| self.0.integer(n)).unwrap_or_default()
    }

    /// A percentage (`51.3%`, `۵۱٫۳٪`).
    pub fn percent(&self, n: impl std::fmt::Display) -> String {
        self.0.percent(&n.to_string())
    }

    /// A day in the locale's calendar, with the Gregorian date alongside for Persian.
    pub fn date(&self, d: nps_engine::Date) -> String {
        self.0.date(
            d.year(),
            d.month(),
            d.day(),
            nps_i18n::DateStyle::LongWithGregorian,
        )
    }
}
