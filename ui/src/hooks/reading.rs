//! Readings over HTTP, with their results for the result view:
//!
//! - `use_reading()`: the Oracle page's runs — a stored kind with live progress (its
//!   request id is followed in the WebSocket events), or the day's insight — and the
//!   last result, re-rendered by the server when the language changes.
//! - `use_stored_reading(id)`: one stored reading, in the current language.

use std::rc::Rc;

use nps_i18n::Locale;
use nps_protocol::ReadingMarks;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::progress::use_reading_progress;
use super::session::{SessionHandle, use_session};
use super::settings::use_locale;
use crate::error::HttpError;
use crate::services::browser;
use crate::state::forms::ReadingBody;
use crate::state::progress::{ProgressAction, ProgressState};
use crate::state::result::ResultData;

/// The Oracle page's reading: its progress, result and error, and how to start one.
#[derive(Clone, PartialEq)]
pub struct ReadingRun {
    /// This client's progress (see `use_reading_progress()`).
    pub progress: UseReducerHandle<ProgressState>,
    /// The last result (kept while the next one runs, until it starts).
    pub result: Option<Rc<ResultData>>,
    /// Why the last run failed.
    pub error: Option<HttpError>,
    /// A reading or the daily fetch is under way.
    pub running: bool,
    /// Runs a validated reading.
    pub start: Callback<ReadingBody>,
}

/// Where a run puts its outcome.
#[derive(Clone)]
struct Outcome {
    result: UseStateHandle<Option<Rc<ResultData>>>,
    error: UseStateHandle<Option<HttpError>>,
}

#[hook]
pub fn use_reading() -> ReadingRun {
    let session = use_session();
    let locale = use_locale();
    let progress = use_reading_progress();
    let outcome = Outcome {
        result: use_state(|| None),
        error: use_state(|| None),
    };
    let fetching_daily = use_state(|| false);
    // The result follows the language: a stored reading is re-rendered by the server.
    {
        let (result, session) = (outcome.result.clone(), session.clone());
        use_effect_with(locale, move |&locale| {
            if let Some(id) = result.as_ref().and_then(|r| r.reading_id) {
                spawn_local(async move {
                    if let Ok(r) = session.api().stored_reading(id, locale).await {
                        result.set(Some(Rc::new(ResultData::reading(&r.value, r.json))));
                    }
                });
            }
        });
    }
    let start = {
        let (outcome, progress) = (outcome.clone(), progress.clone());
        let fetching = fetching_daily.clone();
        Callback::from(move |body: ReadingBody| {
            outcome.error.set(None);
            let (session, outcome) = (session.clone(), outcome.clone());
            match body {
                ReadingBody::Daily { date } => {
                    progress.dispatch(ProgressAction::Clear);
                    run_daily(session, outcome, fetching.clone(), date, locale);
                }
                body => run_stored(session, outcome, progress.clone(), body, locale),
            }
        })
    };
    ReadingRun {
        running: progress.is_active || *fetching_daily,
        progress,
        result: (*outcome.result).clone(),
        error: (*outcome.error).clone(),
        start,
    }
}

/// Sends a stored kind of reading under a fresh request id, which the progress
/// follows; the HTTP answer and the events race (the reducer settles it).
fn run_stored(
    session: SessionHandle,
    outcome: Outcome,
    progress: UseReducerHandle<ProgressState>,
    mut body: ReadingBody,
    locale: Locale,
) {
    let request_id = browser::request_id();
    body.tag(locale.tag(), &request_id);
    progress.dispatch(ProgressAction::Requested {
        request_id: request_id.clone(),
        sign_type: body.kind(),
    });
    outcome.result.set(None);
    spawn_local(async move {
        match session.api().reading(&body).await {
            Ok(r) => {
                progress.dispatch(ProgressAction::http_done(&request_id, &r.value));
                outcome
                    .result
                    .set(Some(Rc::new(ResultData::reading(&r.value, r.json))));
            }
            Err(e) => {
                progress.dispatch(ProgressAction::HttpFailed {
                    request_id,
                    error: e.message.clone(),
                });
                outcome.error.set(Some(e));
            }
        }
    });
}

/// Fetches the day's insight (not a stored reading: no progress events).
fn run_daily(
    session: SessionHandle,
    outcome: Outcome,
    fetching: UseStateHandle<bool>,
    date: Option<String>,
    locale: Locale,
) {
    fetching.set(true);
    spawn_local(async move {
        match session.api().daily(date.as_deref(), locale).await {
            Ok(d) => outcome
                .result
                .set(Some(Rc::new(ResultData::daily(&d.value, d.json)))),
            Err(e) => outcome.error.set(Some(e)),
        }
        fetching.set(false);
    });
}

/// One stored reading: `data` once it arrived (with when it was made and the owner's
/// marks), `error` if it could not be had.
#[derive(Clone, PartialEq)]
pub struct StoredReading {
    pub data: Option<Rc<ResultData>>,
    /// RFC 3339 UTC.
    pub created_at: Option<String>,
    pub marks: ReadingMarks,
    pub error: Option<HttpError>,
}

/// The stored reading `id`, fetched again in each language the page is shown in.
#[hook]
pub fn use_stored_reading(id: i64) -> StoredReading {
    let session = use_session();
    let locale = use_locale();
    let data = use_state(|| None::<Rc<ResultData>>);
    let about = use_state(|| (None::<String>, ReadingMarks::default()));
    let error = use_state(|| None::<HttpError>);
    {
        let (data, about, error) = (data.clone(), about.clone(), error.clone());
        use_effect_with((id, locale), move |&(id, locale)| {
            spawn_local(async move {
                match session.api().stored_reading(id, locale).await {
                    Ok(r) => {
                        about.set((Some(r.value.created_at.clone()), r.value.marks.clone()));
                        data.set(Some(Rc::new(ResultData::reading(&r.value, r.json))));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    StoredReading {
        data: (*data).clone(),
        created_at: about.0.clone(),
        marks: about.1.clone(),
        error: (*error).clone(),
    }
}
