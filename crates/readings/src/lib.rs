//! NPS Oracle readings: the six kinds of DESIGN §2 on top of the engine.
//!
//! A [`Request`] is run with [`run`], which reports its [`Step`]s through a [`Progress`]
//! the caller provides, and returns a [`Reading`]: typed figures (as JSON), the
//! interpretation as Fluent messages, and the text rendered for the requested locale.
//!
//! # Layout
//! - [`kinds`]: figures and interpretation of each kind (pure).
//! - [`signals`]: the combinations a reading is made of (planet × moon phase, life path ×
//!   personal year, animal pairs, element oppositions …) with their priority ranks.
//! - `portrait` (private): the full reading (figures from the engine) and its
//!   interpretation, as deep as its inputs.
//! - [`compose`]: the message, the three advice items, the cautions and the footer,
//!   composed from the strongest signals; the [`compose::Depth`] that follows the inputs.
//! - [`text`]: messages with arguments, and their rendering.
//! - [`words`]: the ids of the vocabulary and meaning messages.
//!
//! Progress contract: `started` (0) → `calculating` (25, 50) → `ai_generating` (75, the
//! local interpretation step, named so for wire compatibility) → `combining` (90) →
//! `complete` (100). Steps never go back; `complete` is reported only when the reading
//! is returned; an error returns without `complete`. If the callback answers
//! [`ControlFlow::Break`], the reading stops with [`ReadingError::Cancelled`].
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod compose;
pub mod kinds;
mod portrait;
pub mod signals;
pub mod text;
pub mod words;

use std::fmt;
use std::ops::ControlFlow;

use nps_engine::numerology::SystemChoice;
use nps_engine::{Date, EngineError, Moment, Profile};
use nps_i18n::{Args, FormatError, Locale, Localizer};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use text::{Interpretation, Msg, RenderedText};

/// The six reading kinds (`sign_type` on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Time,
    Name,
    Question,
    Daily,
    Full,
    Compatibility,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Time,
        Kind::Name,
        Kind::Question,
        Kind::Daily,
        Kind::Full,
        Kind::Compatibility,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Time => "time",
            Kind::Name => "name",
            Kind::Question => "question",
            Kind::Daily => "daily",
            Kind::Full => "full",
            Kind::Compatibility => "compatibility",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What to read, with typed inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Time {
        at: Moment,
    },
    Name {
        name: String,
        birth: Option<Date>,
        system: SystemChoice,
        today: Date,
    },
    Question {
        question: String,
        system: SystemChoice,
        at: Moment,
    },
    Daily {
        date: Date,
        birth: Option<Date>,
    },
    Full {
        profile: Profile,
        at: Moment,
    },
    Compatibility {
        people: Vec<(String, Date)>,
    },
}

impl Request {
    pub fn kind(&self) -> Kind {
        match self {
            Request::Time { .. } => Kind::Time,
            Request::Name { .. } => Kind::Name,
            Request::Question { .. } => Kind::Question,
            Request::Daily { .. } => Kind::Daily,
            Request::Full { .. } => Kind::Full,
            Request::Compatibility { .. } => Kind::Compatibility,
        }
    }

    /// The request as JSON, for the history (what was asked, in plain fields).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Request::Time { at } => json!({"datetime": at.to_string()}),
            Request::Name {
                name,
                birth,
                system,
                today,
            } => json!({
                "name": name, "birth_date": birth.map(|b| b.to_string()), "system": system, "today": today.to_string()
            }),
            Request::Question {
                question,
                system,
                at,
            } => json!({
                "question": question, "system": system, "datetime": at.to_string()
            }),
            Request::Daily { date, birth } => {
                json!({"date": date.to_string(), "birth_date": birth.map(|b| b.to_string())})
            }
            Request::Full { profile, at } => json!({
                "name": profile.name, "birth_date": profile.birth.to_string(), "mother_name": profile.mother,
                "gender": profile.gender, "latitude": profile.location.map(|l| l.0), "longitude": profile.location.map(|l| l.1),
                "bpm": profile.bpm, "system": profile.system, "datetime": at.to_string()
            }),
            Request::Compatibility { people } => json!({
                "profiles": people.iter().map(|(n, b)| json!({"name": n, "birth_date": b.to_string()})).collect::<Vec<_>>()
            }),
        }
    }
}

/// A step of a running reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Started,
    Calculating,
    AiGenerating,
    Combining,
    Complete,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Started => "started",
            Step::Calculating => "calculating",
            Step::AiGenerating => "ai_generating",
            Step::Combining => "combining",
            Step::Complete => "complete",
        }
    }
}

/// One progress report: the step, its percentage and its message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Update {
    pub step: Step,
    pub progress: u8,
    pub message_id: &'static str,
}

impl Update {
    /// The step's message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        Localizer::get().text(locale, self.message_id)
    }
}

/// The updates of every reading, in order.
pub const UPDATES: [Update; 6] = [
    Update {
        step: Step::Started,
        progress: 0,
        message_id: "progress-started",
    },
    Update {
        step: Step::Calculating,
        progress: 25,
        message_id: "progress-calculating-figures",
    },
    Update {
        step: Step::Calculating,
        progress: 50,
        message_id: "progress-calculating-cycles",
    },
    Update {
        step: Step::AiGenerating,
        progress: 75,
        message_id: "progress-interpreting",
    },
    Update {
        step: Step::Combining,
        progress: 90,
        message_id: "progress-combining",
    },
    Update {
        step: Step::Complete,
        progress: 100,
        message_id: "progress-complete",
    },
];

/// Receives a reading's progress. Answer `Break` to cancel it.
pub trait Progress {
    fn update(&mut self, update: Update) -> ControlFlow<()>;
}

/// Any `FnMut(Update) -> ControlFlow<()>` is a progress sink.
impl<F: FnMut(Update) -> ControlFlow<()>> Progress for F {
    fn update(&mut self, update: Update) -> ControlFlow<()> {
        self(update)
    }
}

/// A progress sink that ignores everything (for callers that do not show progress).
pub fn no_progress(_: Update) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ReadingError {
    /// The input cannot be read (an invalid date, an empty name…): the caller's fault.
    /// The message is localizable (`locales/*/errors.ftl`); `Display` is English.
    #[error("{}", .0.english())]
    Invalid(Msg),
    #[error("the reading was cancelled")]
    Cancelled,
    /// A text is missing for a locale: a defect of this program, not of the input.
    #[error("text error: {0}")]
    Text(#[from] FormatError),
    /// Anything else that is not the input's fault (a damaged stored reading…).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<EngineError> for ReadingError {
    fn from(e: EngineError) -> Self {
        ReadingError::Invalid(Msg::from(&e))
    }
}

impl From<&EngineError> for Msg {
    fn from(e: &EngineError) -> Self {
        let (id, args) = e.fluent();
        args.into_iter()
            .fold(Msg::new(id), |m, (name, arg)| match arg {
                nps_engine::error::ErrorArg::Text(t) => m.text(name, t),
                nps_engine::error::ErrorArg::Number(n) => m.arg(name, text::Arg::Number(n)),
            })
    }
}

impl ReadingError {
    /// An invalid-input error with message `id` (see `locales/*/errors.ftl`).
    pub fn invalid(msg: Msg) -> Self {
        ReadingError::Invalid(msg)
    }

    /// The problem alone, in `locale` ("the name is empty"), for an error response.
    pub fn problem(&self, locale: Locale) -> String {
        match self {
            ReadingError::Invalid(m) => m.localized(locale),
            ReadingError::Cancelled => Localizer::get().text(locale, "progress-cancelled"),
            ReadingError::Text(e) => e.to_string(),
            ReadingError::Internal(e) => e.clone(),
        }
    }

    /// The error as a person reads it while a reading runs, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        if matches!(self, ReadingError::Cancelled) {
            return self.problem(locale);
        }
        let detail = self.problem(locale);
        Localizer::get()
            .format(
                locale,
                "progress-error",
                &Args::new().with("error", detail.clone()),
            )
            .map(|s| nps_i18n::strip_isolation(&s))
            .unwrap_or(detail)
    }
}

/// A finished reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub kind: Kind,
    pub locale: Locale,
    /// The request in plain fields.
    pub input: serde_json::Value,
    /// Every figure, typed per kind, as JSON.
    pub figures: serde_json::Value,
    /// What the reading says, as messages (renderable in any locale later).
    pub interpretation: Interpretation,
    /// The text in `locale`.
    pub text: RenderedText,
    /// One line for lists: the headline in `locale`.
    pub summary: String,
}

impl Reading {
    /// What storage keeps of a reading: its figures, its messages (so it can be shown
    /// again in any language) and its text as rendered.
    pub fn to_stored(&self) -> serde_json::Value {
        serde_json::json!({
            "figures": self.figures,
            "interpretation": self.interpretation,
            "text": self.text,
        })
    }
}

/// A stored reading's text in `locale`, re-rendered from its messages (see
/// [`Reading::to_stored`]).
pub fn rerender(stored: &serde_json::Value, locale: Locale) -> Result<RenderedText, ReadingError> {
    let interpretation: Interpretation =
        serde_json::from_value(stored["interpretation"].clone())
            .map_err(|e| ReadingError::Internal(format!("the stored reading is damaged: {e}")))?;
    Ok(interpretation.render(locale)?)
}

/// The one-sentence insight of a daily reading (the first line of its day section),
/// rendered, without isolation marks.
pub fn daily_insight(reading: &Reading) -> Option<String> {
    if reading.kind != Kind::Daily {
        return None;
    }
    reading
        .text
        .sections
        .iter()
        .find(|s| s.id == "section-day")
        .and_then(|s| s.paragraphs.first())
        .map(|p| nps_i18n::strip_isolation(p))
}

/// Runs a reading, reporting progress; see the crate docs for the contract.
pub fn run(
    request: &Request,
    locale: Locale,
    progress: &mut dyn Progress,
) -> Result<Reading, ReadingError> {
    let mut report = |i: usize| match progress.update(UPDATES[i]) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(ReadingError::Cancelled),
    };
    report(0)?;
    report(1)?;
    let (figures, interpretation) = compute(request)?;
    report(2)?;
    report(3)?;
    let text = interpretation.render(locale)?;
    report(4)?;
    let summary = nps_i18n::strip_isolation(&text.headline);
    let reading = Reading {
        kind: request.kind(),
        locale,
        input: request.to_json(),
        figures,
        interpretation,
        text,
        summary,
    };
    report(5)?;
    Ok(reading)
}

fn compute(request: &Request) -> Result<(serde_json::Value, Interpretation), ReadingError> {
    fn json<T: Serialize>(t: &T) -> Result<serde_json::Value, ReadingError> {
        serde_json::to_value(t).map_err(|e| ReadingError::Internal(e.to_string()))
    }
    Ok(match request {
        Request::Time { at } => {
            let (f, i) = kinds::time(*at);
            (json(&f)?, i)
        }
        Request::Name {
            name,
            birth,
            system,
            today,
        } => {
            let (f, i) = kinds::name(name, *birth, *system, *today)?;
            (json(&f)?, i)
        }
        Request::Question {
            question,
            system,
            at,
        } => {
            let (f, i) = kinds::question(question, *system, *at)?;
            (json(&f)?, i)
        }
        Request::Daily { date, birth } => {
            let (f, i) = kinds::daily(*date, *birth);
            (json(&f)?, i)
        }
        Request::Full { profile, at } => {
            let (f, i) = portrait::full(profile, *at)?;
            (json(&f)?, i)
        }
        Request::Compatibility { people } => {
            let (f, i) = kinds::compatibility(people)?;
            (json(&f)?, i)
        }
    })
}
