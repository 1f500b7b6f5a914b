//! Reading texts as data: message ids with arguments, rendered for a locale on demand.

use nps_i18n::{Args, FormatError, Locale, Localizer};
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
    /// Several arguments, joined with the locale's list separator.
    List(Vec<Arg>),
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Self {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
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

impl Arg {
    fn render(&self, locale: Locale) -> Result<String, FormatError> {
        Ok(match self {
            Arg::Text(t) => t.clone(),
            Arg::Number(n) => locale.number(n),
            Arg::Msg(m) => m.render(locale)?,
            Arg::List(items) => {
                let sep = if locale.is_rtl() { "، " } else { ", " };
                items
                    .iter()
                    .map(|a| a.render(locale))
                    .collect::<Result<Vec<_>, _>>()?
                    .join(sep)
            }
        })
    }

    fn walk(&self, out: &mut Vec<(String, Vec<String>)>) {
        match self {
            Arg::Msg(m) => m.walk(out),
            Arg::List(items) => items.iter().for_each(|a| a.walk(out)),
            Arg::Text(_) | Arg::Number(_) => {}
        }
    }
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
