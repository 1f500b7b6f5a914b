//! NPS Oracle readings: the six kinds of DESIGN §2 on top of the engine.
//!
//! A [`Request`] is run with [`run`], which reports its [`Step`]s through a [`Progress`]
//! the caller provides, and returns a [`Reading`]: typed [`Figures`], the interpretation
//! as Fluent messages, and the text rendered for the requested locale.
//!
//! The data types — [`SignType`] (the kind), [`Step`], the figures of each kind, the
//! messages and rendered texts — are defined in `nps-protocol`, where every type the
//! server and the UI share lives; this crate computes and renders them.
//!
//! # Layout
//! - [`error`]: [`ReadingError`], in the reader's language.
//! - `bounds` (private): [`Request::check_bounds`], the input bounds of
//!   [`nps_protocol::limits`] (names ≤ 200 characters, questions ≤ 1,000, 2–5 people),
//!   checked by [`run`] before anything is computed.
//! - [`kinds`]: figures and interpretation of each kind (pure).
//! - [`signals`]: the combinations a reading is made of (planet × moon phase, life path ×
//!   personal year, animal pairs, element oppositions …) with their priority ranks.
//! - `portrait` (private): the full reading (figures from the engine) and its
//!   interpretation, as deep as its inputs.
//! - [`compose`]: the message, the three advice items, the cautions and the footer,
//!   composed from the strongest signals; the [`compose::Depth`] that follows the inputs.
//! - [`text`]: rendering messages in a locale ([`Render`], [`Localized`], [`PlainText`]).
//! - [`stored`]: [`StoredResult`], what storage keeps of a reading, written and read there.
//! - [`document`]: a stored reading as `nps-export`'s `Document` (PDF, card, Markdown).
//! - [`words`]: the ids of the vocabulary and meaning messages.
//!
//! Progress contract: `started` (0) → `calculating` (25, 50) → `ai_generating` (75, the
//! local interpretation step, named so for wire compatibility) → `combining` (90) →
//! `complete` (100). Steps never go back; `complete` is reported only when the reading
//! is returned; an error returns without `complete`. If the callback answers
//! [`ControlFlow::Break`], the reading stops with [`ReadingError::Cancelled`].
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod bounds;
pub mod compose;
pub mod document;
pub mod error;
pub mod kinds;
mod portrait;
pub mod signals;
pub mod stored;
pub mod text;
pub mod words;

use std::ops::ControlFlow;

use nps_engine::numerology::SystemChoice;
use nps_engine::{Date, Moment, Profile};
use nps_i18n::{Locale, Localizer};
pub use nps_protocol::{Figures, SignType, Step};
use serde::Serialize;

pub use error::ReadingError;
pub use stored::StoredResult;
pub use text::{Interpretation, Localized, Msg, PlainText, Render, RenderedText};

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
    pub fn kind(&self) -> SignType {
        match self {
            Request::Time { .. } => SignType::Time,
            Request::Name { .. } => SignType::Name,
            Request::Question { .. } => SignType::Question,
            Request::Daily { .. } => SignType::Daily,
            Request::Full { .. } => SignType::Full,
            Request::Compatibility { .. } => SignType::Compatibility,
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

/// A finished reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub kind: SignType,
    pub locale: Locale,
    /// The request in plain fields.
    pub input: serde_json::Value,
    /// Its figures, messages and text: what storage keeps of it (serialized flat, as
    /// `figures`, `interpretation` and `text`).
    #[serde(flatten)]
    pub result: StoredResult,
    /// One line for lists: the headline in `locale`.
    pub summary: String,
}

/// The one-sentence insight of a daily reading (the first line of its day section),
/// rendered, without isolation marks.
pub fn daily_insight(reading: &Reading) -> Option<String> {
    if reading.kind != SignType::Daily {
        return None;
    }
    reading
        .result
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
    request.check_bounds()?;
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
        result: StoredResult {
            figures,
            interpretation,
            text,
            request_id: None,
        },
        summary,
    };
    report(5)?;
    Ok(reading)
}

fn compute(request: &Request) -> Result<(Figures, Interpretation), ReadingError> {
    Ok(match request {
        Request::Time { at } => {
            let (f, i) = kinds::time(*at);
            (Figures::Time(f), i)
        }
        Request::Name {
            name,
            birth,
            system,
            today,
        } => {
            let (f, i) = kinds::name(name, *birth, *system, *today)?;
            (Figures::Name(f), i)
        }
        Request::Question {
            question,
            system,
            at,
        } => {
            let (f, i) = kinds::question(question, *system, *at)?;
            (Figures::Question(f), i)
        }
        Request::Daily { date, birth } => {
            let (f, i) = kinds::daily(*date, *birth);
            (Figures::Daily(f), i)
        }
        Request::Full { profile, at } => {
            let (f, i) = portrait::full(profile, *at)?;
            (Figures::Full(Box::new(f)), i)
        }
        Request::Compatibility { people } => {
            let (f, i) = kinds::compatibility(people)?;
            (Figures::Compatibility(f), i)
        }
    })
}
