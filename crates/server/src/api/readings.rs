//! The five reading endpoints: one generic handler, `reading`, over the request
//! bodies of `nps-protocol`, each of which says its kind and how it becomes a
//! [`nps_readings::Request`] ([`ReadingBody`]).
//!
//! A reading sends `reading_started`, its progress, and exactly one
//! `reading_complete` (once stored) or `reading_error` to the requester's sockets
//! only; the HTTP answer is the stored reading in the body's `locale`.

use std::ops::ControlFlow;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use nps_engine::numerology::SystemChoice;
use nps_engine::{Date, Gender, Moment, Profile};
use nps_i18n::Locale;
use nps_protocol::{
    CompatibilityRequest, FullReadingRequest, NameReadingRequest, ProfileBody,
    QuestionReadingRequest, ReadingMarks, ReadingResponse, SignType, Step, TimeReadingRequest,
};
use nps_readings::{
    Localized, Msg, Reading, ReadingError, Request as ReadingRequest, StoredResult, UPDATES,
};
use nps_store::{NewReading, StoredReading};
use serde::de::DeserializeOwned;

use crate::accounts;
use crate::app::AppState;
use crate::blocking::run_inline;
use crate::error::{ApiError, field_problem};
use crate::extract::{ApiJson, AuthUser};
use crate::locale::parse_locale;

/// The longest accepted `request_id`, echoed in every event of its reading.
pub const MAX_REQUEST_ID: usize = 128;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/oracle/reading", post(reading::<TimeReadingRequest>))
        .route("/api/oracle/name", post(reading::<NameReadingRequest>))
        .route(
            "/api/oracle/question",
            post(reading::<QuestionReadingRequest>),
        )
        .route("/api/oracle/full", post(reading::<FullReadingRequest>))
        .route(
            "/api/oracle/compatibility",
            post(reading::<CompatibilityRequest>),
        )
}

/// The `locale` and `request_id` of a reading request, as sent.
pub trait Tagged {
    fn tags(&self) -> (Option<&str>, Option<&str>);
}

/// Every reading request has both fields, under these names.
macro_rules! tagged {
    ($($body:ty),*) => {$(
        impl Tagged for $body {
            fn tags(&self) -> (Option<&str>, Option<&str>) {
                (self.locale.as_deref(), self.request_id.as_deref())
            }
        }
    )*};
}

tagged!(
    TimeReadingRequest,
    NameReadingRequest,
    QuestionReadingRequest,
    FullReadingRequest,
    CompatibilityRequest
);

/// The body of a reading endpoint.
pub trait ReadingBody: Tagged + DeserializeOwned + Send + 'static {
    /// The kind of reading it asks for.
    const KIND: SignType;

    /// The reading to run. Called on the blocking pool, as part of the reading: an
    /// error here is the reading's `reading_error`.
    fn into_request(self) -> Result<ReadingRequest, ReadingError>;
}

impl ReadingBody for TimeReadingRequest {
    const KIND: SignType = SignType::Time;

    fn into_request(self) -> Result<ReadingRequest, ReadingError> {
        Ok(ReadingRequest::Time {
            at: moment_or_now(self.datetime.as_deref())?,
        })
    }
}

impl ReadingBody for NameReadingRequest {
    const KIND: SignType = SignType::Name;

    fn into_request(self) -> Result<ReadingRequest, ReadingError> {
        let birth = self.birth_date.as_deref().filter(|b| !b.trim().is_empty());
        Ok(ReadingRequest::Name {
            birth: birth.map(|b| date("birth_date", b)).transpose()?,
            system: system(self.numerology_system.as_deref())?,
            today: crate::clock::now()?.date,
            name: self.name,
        })
    }
}

impl ReadingBody for QuestionReadingRequest {
    const KIND: SignType = SignType::Question;

    fn into_request(self) -> Result<ReadingRequest, ReadingError> {
        Ok(ReadingRequest::Question {
            system: system(self.numerology_system.as_deref())?,
            at: crate::clock::now()?,
            question: self.question,
        })
    }
}

impl ReadingBody for FullReadingRequest {
    const KIND: SignType = SignType::Full;

    fn into_request(self) -> Result<ReadingRequest, ReadingError> {
        Ok(ReadingRequest::Full {
            profile: profile(&self.profile)?,
            at: moment_or_now(self.datetime.as_deref())?,
        })
    }
}

impl ReadingBody for CompatibilityRequest {
    const KIND: SignType = SignType::Compatibility;

    fn into_request(self) -> Result<ReadingRequest, ReadingError> {
        let people = self
            .profiles
            .into_iter()
            .map(|p| Ok((p.name, date("birth_date", &p.birth_date)?)))
            .collect::<Result<_, ReadingError>>()?;
        Ok(ReadingRequest::Compatibility { people })
    }
}

fn date(field: &str, s: &str) -> Result<Date, ReadingError> {
    Date::parse(s.trim()).map_err(|e| ReadingError::invalid(field_problem(field, &e)))
}

fn moment_or_now(s: Option<&str>) -> Result<Moment, ReadingError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            Moment::parse(s).map_err(|e| ReadingError::invalid(field_problem("datetime", &e)))
        }
        None => Ok(crate::clock::now()?),
    }
}

fn system(s: Option<&str>) -> Result<SystemChoice, ReadingError> {
    Ok(s.unwrap_or("auto").parse::<SystemChoice>()?)
}

/// The engine's person for `p`: its fields parsed and checked (also for saved people).
pub(super) fn profile(p: &ProfileBody) -> Result<Profile, ReadingError> {
    let mut profile = Profile::new(p.name.clone(), date("birth_date", &p.birth_date)?);
    profile.mother = p.mother_name.clone().filter(|m| !m.trim().is_empty());
    profile.gender = p
        .gender
        .as_deref()
        .filter(|g| !g.trim().is_empty())
        .map(str::parse::<Gender>)
        .transpose()?;
    profile.location = match (p.latitude, p.longitude) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        (None, None) => None,
        _ => return Err(ReadingError::invalid(Msg::new("error-location-pair"))),
    };
    profile.bpm = p.bpm;
    profile.system = system(p.numerology_system.as_deref())?;
    Ok(profile)
}

/// A client's request id, or a fresh one. Bounded so a client cannot make every event
/// of a reading huge.
fn request_id(given: Option<&str>) -> Result<String, ApiError> {
    match given {
        Some(id) if id.len() > MAX_REQUEST_ID => Err(ApiError::Invalid(
            Msg::new("error-request-id-long").num("max", MAX_REQUEST_ID),
        )),
        Some(id) if !id.trim().is_empty() => Ok(id.to_owned()),
        _ => accounts::random_hex(16).map_err(ApiError::internal),
    }
}

/// `POST` of any reading endpoint, counted against the user's reading rate (429).
/// Errors are in the body's `locale` once it is known.
async fn reading<B: ReadingBody>(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<B>,
) -> Response {
    let (locale, rid) = body.tags();
    let locale = match parse_locale(locale) {
        Ok(l) => l,
        Err(e) => return e.into_response(),
    };
    let outcome = match state
        .throttle()
        .reading(user.user_id())
        .and_then(|()| request_id(rid))
    {
        Ok(rid) => read(&state, &user, body, locale, rid).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(r) => Json(r).into_response(),
        Err(e) => e.into_response_in(locale),
    }
}

/// Runs one reading for `user`: `reading_started`, progress, the reading off the async
/// runtime, storage, then `reading_complete` — or `reading_error` and the error.
async fn read<B: ReadingBody>(
    state: &AppState,
    user: &AuthUser,
    body: B,
    locale: Locale,
    request_id: String,
) -> Result<ReadingResponse, ApiError> {
    let owner = user.user_id().to_owned();
    let mut reporter =
        state
            .hub()
            .start_reading(&owner, &request_id, B::KIND, UPDATES[0].message(locale));
    // The reading and its stored form are computed here: they take less time than a hop
    // to the blocking pool (see `run_inline`); then the store saves it.
    let (mut reporter, outcome) = run_inline(move || {
        let outcome = body
            .into_request()
            .and_then(|request| {
                nps_readings::run(&request, locale, &mut |u: nps_readings::Update| {
                    // `started` was sent above; `complete` is sent once the reading is stored.
                    if !matches!(u.step, Step::Started | Step::Complete) {
                        reporter.progress(u.step, u.progress, u.message(locale));
                    }
                    ControlFlow::Continue(())
                })
            })
            .and_then(|reading| stored_form(&owner, reading, request_id));
        (reporter, outcome)
    })?;
    let (row, result) = match outcome {
        Ok(r) => r,
        Err(e) => {
            unpublished(reporter.fail(failure_message(&e, locale)).await);
            return Err(e.into());
        }
    };
    let done = UPDATES[UPDATES.len() - 1];
    let stored = match reporter
        .store_and_complete(
            state.store().as_ref(),
            row,
            done.progress,
            done.message(locale),
        )
        .await
    {
        Ok(s) => s,
        Err(e) => {
            // What the store refused, or that saving failed, in the reader's language.
            let why = match &e {
                nps_store::StoreError::Invalid(m) => m.clone(),
                _ => Msg::new("server-storage-failed"),
            };
            unpublished(reporter.fail(progress_error(why, locale)).await);
            return Err(e.into());
        }
    };
    response(stored, result, locale)
}

/// Logs an event that could not be published (the reading's answer says the rest).
fn unpublished(sent: Result<u64, nps_store::StoreError>) {
    if let Err(e) = sent {
        tracing::warn!(error = %e, "reading event not published");
    }
}

/// The `reading_error` text of a failed reading: the problem with the input, or a
/// generic message for a fault of the server (whose details are logged).
fn failure_message(e: &ReadingError, locale: Locale) -> String {
    match e {
        ReadingError::Invalid(_) | ReadingError::Cancelled => e.message(locale),
        other => {
            tracing::error!(error = %other, "reading failed");
            progress_error(Msg::new("server-internal"), locale)
        }
    }
}

fn progress_error(problem: Msg, locale: Locale) -> String {
    Msg::new("progress-error")
        .msg("error", problem)
        .localized(locale)
}

/// The row storage keeps of a finished reading, and its typed result (moved, not
/// copied: a result is several KiB).
fn stored_form(
    owner: &str,
    reading: Reading,
    request_id: String,
) -> Result<(NewReading, StoredResult), ReadingError> {
    let Reading {
        kind,
        locale,
        input,
        mut result,
        summary,
    } = reading;
    result.request_id = Some(request_id);
    let row = NewReading {
        owner: owner.to_string(),
        kind,
        input,
        result: result.to_json()?.into(),
        summary,
        locale: locale.to_string(),
    };
    Ok((row, result))
}

/// A stored reading as the API returns it, in `locale`: its text and one-line summary
/// are rendered again from the stored messages when `locale` is not the one it was
/// stored in.
fn response(
    stored: StoredReading,
    mut result: StoredResult,
    locale: Locale,
) -> Result<ReadingResponse, ApiError> {
    let marks = marks(&stored);
    let summary = if result.render_in(locale).map_err(ApiError::internal)? {
        nps_i18n::strip_isolation(&result.text.headline)
    } else {
        stored.summary
    };
    Ok(ReadingResponse {
        marks,
        reading_id: stored.id,
        request_id: result.request_id.unwrap_or_default(),
        summary,
        result: result.figures,
        text: result.text,
        created_at: stored.created_at,
    })
}

/// The owner's favorite flag, rating and note of a stored reading.
pub(super) fn marks(r: &StoredReading) -> ReadingMarks {
    ReadingMarks {
        favorite: r.favorite,
        rating: r.rating,
        note: r.note.clone(),
    }
}

/// A reading read back from storage, as the API returns it.
pub(super) fn stored_response(
    stored: StoredReading,
    locale: Locale,
) -> Result<ReadingResponse, ApiError> {
    let result =
        StoredResult::from_json(stored.kind, stored.result.as_ref()).map_err(ApiError::internal)?;
    response(stored, result, locale)
}
