//! Reading texts as data: message ids with arguments, rendered for a locale on demand.

use nps_i18n::{Args, DateStyle, FormatError, Locale, Localizer};
use serde::{Deserialize, Serialize};

/// A message of `locales/*/*.ftl` with its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Arg {
    /// Shown as it is (names, FC60 tokens, ISO dates).
    Text(String),
    /// A number, shown in the locale's digits.
    Number(String),
    /// Another message, rendered in the same locale first.
    Msg(Box<Msg>),
    /// Several arguments, joined with the locale's list separator ("3, 7, 21"). In a
    /// right-to-left locale the list is isolated right to left, so a list of numbers
    /// reads from the right as Persian does.
    List(Vec<Arg>),
    /// Several arguments read as a phrase: "a, b and c" (`list-and`).
    Series(Vec<Arg>),
    /// Several arguments read as alternatives: "a, b or c" (`list-or`).
    Or(Vec<Arg>),
    /// A whole number, grouped and in the locale's digits (`1,477,947,600`).
    Int(i64),
    /// A percentage written in ASCII ("73.2"): `73.2%`, `۷۳٫۲٪`.
    Percent(String),
    /// A Gregorian day written `YYYY-MM-DD`, shown in the locale's calendar (Solar Hijri
    /// with the Gregorian date alongside for Persian).
    Date(String),
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Self {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }
    /// The same arguments under another message id.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = id.into();
        self
    }
    pub fn arg(mut self, name: &str, value: Arg) -> Self {
        self.args.push((name.to_string(), value));
        self
    }
    pub fn text(self, name: &str, value: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(value.into()))
    }
    pub fn num(self, name: &str, value: impl std::fmt::Display) -> Self {
        self.arg(name, Arg::Number(value.to_string()))
    }
    pub fn word(self, name: &str, id: impl Into<String>) -> Self {
        self.arg(name, Arg::Msg(Box::new(Msg::new(id))))
    }
    pub fn msg(self, name: &str, msg: Msg) -> Self {
        self.arg(name, Arg::Msg(Box::new(msg)))
    }
    pub fn int(self, name: &str, value: impl Into<i64>) -> Self {
        self.arg(name, Arg::Int(value.into()))
    }
    pub fn percent(self, name: &str, value: impl std::fmt::Display) -> Self {
        self.arg(name, Arg::Percent(value.to_string()))
    }
    pub fn date(self, name: &str, date: nps_engine::Date) -> Self {
        self.arg(name, Arg::Date(date.to_string()))
    }

    /// Renders the message in `locale`; a missing message or argument is an error, never
    /// a fallback text.
    pub fn render(&self, locale: Locale) -> Result<String, FormatError> {
        let mut args = Args::new();
        for (name, value) in &self.args {
            args = args.with(name.clone(), value.render(locale)?);
        }
        Localizer::get().format(locale, &self.id, &args)
    }

    /// The message in `locale` without isolation marks, or its id if it cannot be
    /// rendered (for error messages, which must never fail themselves).
    pub fn localized(&self, locale: Locale) -> String {
        self.render(locale)
            .map(|s| nps_i18n::strip_isolation(&s))
            .unwrap_or_else(|_| self.id.clone())
    }

    /// The message in English (the `Display` of errors).
    pub fn english(&self) -> String {
        self.localized(Locale::En)
    }

    /// Every message this one uses (itself and nested ones), with the argument names it
    /// passes: for the catalog test.
    pub fn walk(&self, out: &mut Vec<(String, Vec<String>)>) {
        out.push((
            self.id.clone(),
            self.args.iter().map(|(n, _)| n.clone()).collect(),
        ));
        for (_, a) in &self.args {
            a.walk(out);
        }
    }
}

impl Msg {
    /// This message and every message nested in its arguments, in order.
    pub fn walk_msgs<'a>(&'a self, out: &mut Vec<&'a Msg>) {
        out.push(self);
        for (_, a) in &self.args {
            match a {
                Arg::Msg(m) => m.walk_msgs(out),
                Arg::List(items) | Arg::Series(items) | Arg::Or(items) => {
                    for i in items {
                        if let Arg::Msg(m) = i {
                            m.walk_msgs(out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

impl Arg {
    fn render(&self, locale: Locale) -> Result<String, FormatError> {
        Ok(match self {
            Arg::Text(t) => t.clone(),
            Arg::Number(n) => locale.number(n),
            Arg::Msg(m) => m.render(locale)?,
            Arg::List(items) => {
                let joined = render_all(items, locale)?.join(separator(locale));
                if locale.is_rtl() {
                    format!("\u{2067}{joined}\u{2069}")
                } else {
                    joined
                }
            }
            Arg::Series(items) => phrase(items, "list-and", locale)?,
            Arg::Or(items) => phrase(items, "list-or", locale)?,
            Arg::Int(n) => locale.integer(*n),
            Arg::Percent(p) => locale.percent(p),
            Arg::Date(iso) => match nps_engine::Date::parse(iso) {
                Ok(d) => locale.date(d.year(), d.month(), d.day(), DateStyle::LongWithGregorian),
                Err(_) => locale.number(iso),
            },
        })
    }

    fn walk(&self, out: &mut Vec<(String, Vec<String>)>) {
        match self {
            Arg::Msg(m) => m.walk(out),
            Arg::List(items) | Arg::Series(items) | Arg::Or(items) => {
                items.iter().for_each(|a| a.walk(out))
            }
            Arg::Text(_) | Arg::Number(_) | Arg::Int(_) | Arg::Percent(_) | Arg::Date(_) => {}
        }
    }
}

fn render_all(items: &[Arg], locale: Locale) -> Result<Vec<String>, FormatError> {
    items.iter().map(|a| a.render(locale)).collect()
}

/// "a, b and c" or "a, b or c": the items joined, the last one by message `frame`.
fn phrase(items: &[Arg], frame: &str, locale: Locale) -> Result<String, FormatError> {
    let mut all = render_all(items, locale)?;
    Ok(match all.pop() {
        None => String::new(),
        Some(last) if all.is_empty() => last,
        Some(last) => Localizer::get().format(
            locale,
            frame,
            &Args::new()
                .with("head", all.join(separator(locale)))
                .with("last", last),
        )?,
    })
}

fn separator(locale: Locale) -> &'static str {
    if locale.is_rtl() { "، " } else { ", " }
}

/// A titled part of a reading (`section-core`, `section-advice` …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub lines: Vec<Msg>,
}

/// What a reading says, as messages: its headline and sections.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Interpretation {
    pub headline: Option<Msg>,
    pub sections: Vec<Section>,
}

impl Interpretation {
    pub fn section(&mut self, id: &str, lines: Vec<Msg>) {
        if !lines.is_empty() {
            self.sections.push(Section {
                id: id.to_string(),
                lines,
            });
        }
    }

    pub fn render(&self, locale: Locale) -> Result<RenderedText, FormatError> {
        let headline = match &self.headline {
            Some(h) => h.render(locale)?,
            None => String::new(),
        };
        let mut sections = Vec::new();
        for s in &self.sections {
            sections.push(RenderedSection {
                id: s.id.clone(),
                title: Localizer::get().format(locale, &s.id, &Args::new())?,
                paragraphs: s
                    .lines
                    .iter()
                    .map(|m| m.render(locale))
                    .collect::<Result<_, _>>()?,
            });
        }
        Ok(RenderedText {
            locale,
            direction: if locale.is_rtl() { "rtl" } else { "ltr" }.to_string(),
            headline,
            sections,
        })
    }

    /// Every message used, for the catalog test.
    pub fn messages(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        if let Some(h) = &self.headline {
            h.walk(&mut out);
        }
        for s in &self.sections {
            out.push((s.id.clone(), Vec::new()));
            for m in &s.lines {
                m.walk(&mut out);
            }
        }
        out
    }
}

/// A reading's text in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderedText {
    pub locale: Locale,
    /// `ltr` or `rtl`.
    pub direction: String,
    pub headline: String,
    pub sections: Vec<RenderedSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderedSection {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl RenderedText {
    /// Plain text for a terminal: headline, then each section's title and paragraphs.
    /// Bidi isolation marks are removed (terminals show them as noise).
    pub fn to_plain(&self) -> String {
        let mut out = nps_i18n::strip_isolation(&self.headline);
        out.push('\n');
        for s in &self.sections {
            out.push('\n');
            out.push_str(&nps_i18n::strip_isolation(&s.title));
            out.push('\n');
            for p in &s.paragraphs {
                out.push_str("  ");
                out.push_str(&nps_i18n::strip_isolation(p));
                out.push('\n');
            }
        }
        out
    }
}
