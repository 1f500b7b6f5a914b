//! Reading texts as data: message ids of `locales/*/*.ftl` with their arguments
//! ([`Msg`], [`Interpretation`]) and a text rendered in one language ([`RenderedText`]).
//!
//! Plain serde types; rendering them with the Fluent files happens in `nps-readings`
//! (which holds the messages) — so a stored reading keeps its messages and can be shown
//! again in any language.

use nps_engine::EngineError;
use nps_engine::error::ErrorArg;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use crate::locale::Locale;

/// A message of `locales/*/*.ftl` with its arguments.
///
/// Ids and argument names are nearly always literals: borrowed, a reading's hundred or
/// so messages cost no allocation for them (read back from JSON, they are owned).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub id: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(Cow<'static, str>, Arg)>,
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
    pub fn new(id: impl Into<Cow<'static, str>>) -> Self {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }
    /// The same arguments under another message id.
    pub fn with_id(mut self, id: impl Into<Cow<'static, str>>) -> Self {
        self.id = id.into();
        self
    }
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((Cow::Borrowed(name), value));
        self
    }
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(value.into()))
    }
    pub fn num(self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.arg(name, Arg::Number(value.to_string()))
    }
    pub fn word(self, name: &'static str, id: impl Into<Cow<'static, str>>) -> Self {
        self.arg(name, Arg::Msg(Box::new(Msg::new(id))))
    }
    pub fn msg(self, name: &'static str, msg: Msg) -> Self {
        self.arg(name, Arg::Msg(Box::new(msg)))
    }
    pub fn int(self, name: &'static str, value: impl Into<i64>) -> Self {
        self.arg(name, Arg::Int(value.into()))
    }
    pub fn percent(self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.arg(name, Arg::Percent(value.to_string()))
    }
    pub fn date(self, name: &'static str, date: nps_engine::Date) -> Self {
        self.arg(name, Arg::Date(date.to_string()))
    }

    /// Every message this one uses (itself and nested ones), with the argument names it
    /// passes: for the catalog test.
    pub fn walk(&self, out: &mut Vec<(String, Vec<String>)>) {
        out.push((
            self.id.to_string(),
            self.args.iter().map(|(n, _)| n.to_string()).collect(),
        ));
        for (_, a) in &self.args {
            a.walk(out);
        }
    }

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

/// An engine error as a message of `locales/*/errors.ftl` (its Fluent id and arguments).
impl From<&EngineError> for Msg {
    fn from(e: &EngineError) -> Self {
        let (id, args) = e.fluent();
        args.into_iter()
            .fold(Msg::new(id), |m, (name, arg)| match arg {
                ErrorArg::Text(t) => m.text(name, t),
                ErrorArg::Number(n) => m.arg(name, Arg::Number(n)),
            })
    }
}

/// A titled part of a reading (`section-core`, `section-advice` …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub lines: Vec<Msg>,
}

/// The most signals a reading's summary carries (its strongest, in rank order).
pub const SUMMARY_SIGNALS_MAX: usize = 5;

/// One of a reading's strongest signals, as its summary says it in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySignal {
    /// What kind of signal it is, as a stable word (`sky`, `life-cycle`,
    /// `personal-day` …): the UI links it to what explains it.
    pub kind: String,
    /// What it is about, a short phrase ("Hidden Potential").
    pub theme: Msg,
    /// Its one sentence.
    pub text: Msg,
}

/// What a reading says, as messages: its headline, its summary (the strongest
/// signals, at most [`SUMMARY_SIGNALS_MAX`]) and its sections.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Interpretation {
    pub headline: Option<Msg>,
    /// Empty in readings stored before summaries existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<SummarySignal>,
    pub sections: Vec<Section>,
}

impl Interpretation {
    /// Adds a section, unless it has no lines.
    pub fn section(&mut self, id: &str, lines: Vec<Msg>) {
        if !lines.is_empty() {
            self.sections.push(Section {
                id: id.to_string(),
                lines,
            });
        }
    }

    /// Every message used, for the catalog test.
    pub fn messages(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        if let Some(h) = &self.headline {
            h.walk(&mut out);
        }
        for s in &self.summary {
            s.theme.walk(&mut out);
            s.text.walk(&mut out);
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
    /// The summary's signals in this language (see [`Interpretation::summary`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<RenderedSignal>,
    pub sections: Vec<RenderedSection>,
}

/// A [`SummarySignal`] in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderedSignal {
    pub kind: String,
    pub theme: String,
    pub text: String,
}

/// One section of a [`RenderedText`]: its title and paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderedSection {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}
