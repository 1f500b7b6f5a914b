//! The HTTP API of DESIGN §4: login and refresh, the reading endpoints (which emit
//! their events to the requester's sockets), the daily insight (broadcast) and the
//! caller's history. Every handler is scoped to the token's `sub`.

use std::ops::ControlFlow;

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use nps_engine::numerology::SystemChoice;
use nps_engine::{Date, EngineError, Gender, Moment, Profile};
use nps_i18n::Locale;
use nps_protocol::{
    CompatibilityRequest, DailyQuery, DailyReading, DailyResponse, Event, FavoriteBody,
    FavoriteResponse, Figures, FullReadingRequest, HistoryItem, HistoryPage, HistoryQuery,
    LocaleQuery, LoginRequest, NameReadingRequest, ProfileBody, QuestionReadingRequest,
    ReadingResponse, RefreshRequest, SignType, Step, TimeReadingRequest, TokenResponse,
};
use nps_readings::{
    Localized, Msg, Reading, ReadingError, Request as ReadingRequest, StoredResult,
};
use nps_store::{NewReading, ReadingFilter, StoreError, StoredReading};

use crate::accounts;
use crate::app::AppState;
use crate::auth::{AuthUser, mint_token};
use crate::error::ApiError;

/// The largest accepted request body (DESIGN §4: larger is a 422).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The longest accepted `request_id`, echoed in every event of its reading.
pub const MAX_REQUEST_ID: usize = 128;

/// The routes of the HTTP API, merged into [`crate::router`].
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/auth/login", post(login))
        .route("/api/auth/refresh", post(refresh))
        .route("/api/oracle/reading", post(time_reading))
        .route("/api/oracle/name", post(name_reading))
        .route("/api/oracle/question", post(question_reading))
        .route("/api/oracle/full", post(full_reading))
        .route("/api/oracle/compatibility", post(compatibility_reading))
        .route("/api/oracle/daily", get(daily))
        .route("/api/oracle/readings", get(list_readings))
        .route(
            "/api/oracle/readings/{id}",
            get(get_reading).delete(delete_reading),
        )
        .route("/api/oracle/readings/{id}/favorite", patch(toggle_favorite))
        // One byte over the limit is enough to know it is too large.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// `Json<T>` whose rejections answer in our error shape: a body over the limit or that
/// does not fit the request type is a 422 naming the problem; a body that is not JSON
/// (or not declared as JSON) is a 400.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::JsonDataError(e)) => Err(ApiError::Invalid(e.body_text())),
            Err(JsonRejection::BytesRejection(e)) => {
                if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    Err(ApiError::Invalid(
                        Msg::new("error-body-too-large")
                            .num("kib", MAX_BODY_BYTES / 1024)
                            .english(),
                    ))
                } else {
                    Err(ApiError::BadRequest(e.body_text()))
                }
            }
            Err(e) => Err(ApiError::BadRequest(e.body_text())),
        }
    }
}

// ---- auth --------------------------------------------------------------------------

async fn login(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let user = state
        .store()
        .find_user(body.username.trim())
        .await
        .map_err(store_error)?;
    // Verify against a dummy hash when the user does not exist, so the answer takes as
    // long either way. argon2 is slow on purpose: it runs on the blocking pool.
    let phc = user.as_ref().map(|u| u.password_hash.clone());
    let ok = blocking(move || {
        Ok(accounts::verify_password(
            &body.password,
            phc.as_deref().unwrap_or(DUMMY_HASH),
        ))
    })
    .await?;
    let Some(user) = user.filter(|_| ok) else {
        return Err(ApiError::Unauthorized(
            crate::auth::AuthError::BadCredentials,
        ));
    };
    issue_tokens(&state, &user.username, &user.role)
        .await
        .map(Json)
}

/// An argon2 hash of a random password nobody knows (used to keep login timing even).
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$wHCLZ8S8xfPDuUUBqOt5fqdrS0NPd9k1YEhIuvq3jNY";

async fn refresh(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let store = state.store();
    let hash = accounts::hash_refresh_token(&body.refresh_token);
    let now = crate::auth::unix_now_secs() as i64;
    let user = match store
        .take_refresh_token(&hash, now)
        .await
        .map_err(store_error)?
    {
        Some(username) => store.find_user(&username).await.map_err(store_error)?,
        None => None,
    };
    let Some(user) = user else {
        return Err(ApiError::Unauthorized(
            crate::auth::AuthError::BadCredentials,
        ));
    };
    issue_tokens(&state, &user.username, &user.role)
        .await
        .map(Json)
}

async fn issue_tokens(
    state: &AppState,
    username: &str,
    role: &str,
) -> Result<TokenResponse, ApiError> {
    let access = mint_token(
        &state.config().jwt_secret,
        username,
        username,
        role,
        accounts::ACCESS_TOKEN_TTL,
    )
    .map_err(ApiError::internal)?;
    let refresh = accounts::new_refresh_token().map_err(ApiError::internal)?;
    let hash = accounts::hash_refresh_token(&refresh);
    let expires =
        crate::auth::unix_now_secs() as i64 + accounts::REFRESH_TOKEN_TTL.as_secs() as i64;
    state
        .store()
        .store_refresh_token(&hash, username, expires)
        .await
        .map_err(store_error)?;
    Ok(TokenResponse::bearer(
        access,
        refresh,
        accounts::ACCESS_TOKEN_TTL.as_secs(),
    ))
}

// ---- readings ----------------------------------------------------------------------

fn locale(requested: Option<&str>) -> Result<Locale, ApiError> {
    match requested.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(Locale::En),
        // The language is unknown, so the message is in English.
        Some(tag) => tag.parse().map_err(|_| {
            ApiError::Invalid(
                Msg::new("error-unknown-locale")
                    .text("locale", tag)
                    .english(),
            )
        }),
    }
}

/// A client's request id, or a fresh one. Bounded so a client cannot make every event
/// of a reading huge.
fn make_request_id(given: Option<String>) -> Result<String, ApiError> {
    match given {
        Some(id) if id.len() > MAX_REQUEST_ID => Err(ApiError::Invalid(
            Msg::new("error-request-id-long")
                .num("max", MAX_REQUEST_ID)
                .english(),
        )),
        Some(id) if !id.trim().is_empty() => Ok(id),
        _ => accounts::random_hex(16).map_err(ApiError::internal),
    }
}

type Build = Box<dyn FnOnce() -> Result<ReadingRequest, ReadingError> + Send>;

/// An engine error about one field of the request: "birth_date: invalid date …".
fn field_error(field: &str, e: &EngineError) -> ReadingError {
    ReadingError::invalid(
        Msg::new("error-field")
            .text("field", field)
            .msg("problem", Msg::from(e)),
    )
}

fn date(field: &str, s: &str) -> Result<Date, ReadingError> {
    Date::parse(s.trim()).map_err(|e| field_error(field, &e))
}

fn moment_or_now(s: Option<&str>) -> Result<Moment, ReadingError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Moment::parse(s).map_err(|e| field_error("datetime", &e)),
        None => Ok(crate::clock::now()?),
    }
}

fn system(s: Option<&str>) -> Result<SystemChoice, ReadingError> {
    Ok(s.unwrap_or("auto").parse::<SystemChoice>()?)
}

fn profile(p: &ProfileBody) -> Result<Profile, ReadingError> {
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
        _ => {
            return Err(ReadingError::invalid(Msg::new("error-location-pair")));
        }
    };
    profile.bpm = p.bpm;
    profile.system = system(p.numerology_system.as_deref())?;
    Ok(profile)
}

async fn time_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<TimeReadingRequest>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let build: Build = Box::new(move || {
        Ok(ReadingRequest::Time {
            at: moment_or_now(body.datetime.as_deref())?,
        })
    });
    let (locale, rid) = (body.locale, body.request_id);
    read(state, user, SignType::Time, locale.as_deref(), rid, build).await
}

async fn name_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<NameReadingRequest>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let (locale, rid) = (body.locale.clone(), body.request_id.clone());
    let build: Build = Box::new(move || {
        Ok(ReadingRequest::Name {
            birth: body
                .birth_date
                .as_deref()
                .filter(|b| !b.trim().is_empty())
                .map(|b| date("birth_date", b))
                .transpose()?,
            system: system(body.numerology_system.as_deref())?,
            today: crate::clock::now()?.date,
            name: body.name,
        })
    });
    read(state, user, SignType::Name, locale.as_deref(), rid, build).await
}

async fn question_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<QuestionReadingRequest>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let (locale, rid) = (body.locale.clone(), body.request_id.clone());
    let build: Build = Box::new(move || {
        Ok(ReadingRequest::Question {
            system: system(body.numerology_system.as_deref())?,
            at: crate::clock::now()?,
            question: body.question,
        })
    });
    read(
        state,
        user,
        SignType::Question,
        locale.as_deref(),
        rid,
        build,
    )
    .await
}

async fn full_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<FullReadingRequest>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let (locale, rid) = (body.locale.clone(), body.request_id.clone());
    let build: Build = Box::new(move || {
        Ok(ReadingRequest::Full {
            profile: profile(&body.profile)?,
            at: moment_or_now(body.datetime.as_deref())?,
        })
    });
    read(state, user, SignType::Full, locale.as_deref(), rid, build).await
}

async fn compatibility_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<CompatibilityRequest>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let (locale, rid) = (body.locale.clone(), body.request_id.clone());
    let build: Build = Box::new(move || {
        let people = body
            .profiles
            .iter()
            .map(|p| Ok((p.name.clone(), date("birth_date", &p.birth_date)?)))
            .collect::<Result<_, ReadingError>>()?;
        Ok(ReadingRequest::Compatibility { people })
    });
    read(
        state,
        user,
        SignType::Compatibility,
        locale.as_deref(),
        rid,
        build,
    )
    .await
}

/// Runs one reading for `user`: `reading_started`, progress, the reading off the async
/// runtime, storage, then `reading_complete` — or `reading_error` and a 422.
async fn read(
    state: AppState,
    user: AuthUser,
    sign_type: SignType,
    requested_locale: Option<&str>,
    request_id: Option<String>,
    build: Build,
) -> Result<Json<ReadingResponse>, ApiError> {
    let locale = locale(requested_locale)?;
    let request_id = make_request_id(request_id)?;
    let owner = user.user_id().to_string();
    let started = nps_readings::UPDATES[0];
    let mut reporter =
        state
            .hub()
            .start_reading(&owner, &request_id, sign_type, started.message(locale));

    // The engine is blocking work: one task on the blocking pool computes the reading and
    // its stored form, so heartbeats never wait; then the store saves it (SQLite takes
    // its own hop to the blocking pool).
    let rid = request_id.clone();
    let (reporter_back, outcome) = blocking_raw(move || {
        let result = build().and_then(|request| {
            nps_readings::run(&request, locale, &mut |u: nps_readings::Update| {
                // `started` was sent above; `complete` is sent once the reading is stored.
                if !matches!(u.step, Step::Started | Step::Complete) {
                    reporter.progress(u.step, u.progress, u.message(locale));
                }
                ControlFlow::Continue(())
            })
        });
        let stored = result.and_then(|reading| stored_form(&owner, reading, rid));
        (reporter, stored)
    })
    .await?;
    let mut reporter = reporter_back;
    let (row, result) = match outcome {
        Ok(r) => r,
        Err(e) => {
            reporter.fail(e.message(locale));
            return Err(match e {
                ReadingError::Invalid(_) => ApiError::Invalid(e.problem(locale)),
                other => ApiError::internal(other.to_string()),
            });
        }
    };
    let stored = match state.store().insert_reading(row).await {
        Ok(s) => s,
        Err(e) => {
            // What the store refused, or that saving failed, in the reader's language.
            let why = match &e {
                StoreError::Invalid(m) => m.clone(),
                _ => Msg::new("error-storage-failed"),
            };
            reporter.fail(
                Msg::new("progress-error")
                    .msg("error", why)
                    .localized(locale),
            );
            return Err(store_error_in(e, locale));
        }
    };
    reporter.set_reading_id(stored.id);
    let done = nps_readings::UPDATES[nps_readings::UPDATES.len() - 1];
    reporter.progress(Step::Complete, done.progress, done.message(locale));
    reporter.complete(stored.id, stored.summary.clone());
    Ok(Json(response(stored, result, locale)?))
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
        result: result.to_json()?,
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
    let summary = if result.render_in(locale).map_err(ApiError::internal)? {
        nps_i18n::strip_isolation(&result.text.headline)
    } else {
        stored.summary
    };
    Ok(ReadingResponse {
        reading_id: stored.id,
        request_id: result.request_id.unwrap_or_default(),
        summary,
        result: result.figures,
        text: result.text,
        created_at: stored.created_at,
    })
}

/// A reading read back from storage, as the API returns it.
fn stored_response(mut stored: StoredReading, locale: Locale) -> Result<ReadingResponse, ApiError> {
    let result =
        StoredResult::from_json(stored.kind, stored.result.take()).map_err(ApiError::internal)?;
    response(stored, result, locale)
}

// ---- daily -------------------------------------------------------------------------

async fn daily(
    State(state): State<AppState>,
    _user: AuthUser,
    Query(q): Query<DailyQuery>,
) -> Result<Json<DailyResponse>, ApiError> {
    let locale = locale(q.locale.as_deref())?;
    let date = match q.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Date::parse(d)
            .map_err(|e| ApiError::Invalid(field_error("date", &e).problem(locale)))?,
        None => crate::clock::now().map_err(ApiError::internal)?.date,
    };
    publish_daily(&state, date, locale).await.map(Json)
}

/// Computes the daily insight of `date`, stores it and broadcasts `daily_reading` to
/// every connection. Used by the endpoint and by the midnight scheduler.
pub async fn publish_daily(
    state: &AppState,
    date: Date,
    locale: Locale,
) -> Result<DailyResponse, ApiError> {
    let reading = blocking(move || {
        nps_readings::run(
            &ReadingRequest::Daily { date, birth: None },
            locale,
            &mut nps_readings::no_progress,
        )
        .map_err(ApiError::internal)
    })
    .await?;
    let insight = nps_readings::daily_insight(&reading).unwrap_or_default();
    let Figures::Daily(figures) = reading.result.figures else {
        return Err(ApiError::internal("a daily reading without daily figures"));
    };
    let lucky_numbers: Vec<String> = figures
        .lucky_numbers
        .iter()
        .map(|n| locale.number(n))
        .collect();
    let response = DailyResponse {
        date: date.to_string(),
        locale: locale.to_string(),
        insight: insight.clone(),
        lucky_numbers: lucky_numbers.clone(),
        figures,
        text: reading.result.text,
    };
    let stored = serde_json::to_value(&response).map_err(ApiError::internal)?;
    state
        .store()
        .put_daily_insight(&response.date, &response.locale, &stored)
        .await
        .map_err(|e| store_error_in(e, locale))?;
    state.hub().broadcast(Event::DailyReading(DailyReading {
        date: date.to_string(),
        insight,
        lucky_numbers,
        locale: locale.to_string(),
    }));
    Ok(response)
}

// ---- history -----------------------------------------------------------------------

async fn list_readings(
    State(state): State<AppState>,
    user: AuthUser,
    query: Result<Query<HistoryQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<HistoryPage>, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::Invalid(e.body_text()))?;
    let locale = Locale::En;
    // Days are UTC days: `from` counts from its midnight, `to` up to the next midnight.
    let day_start = |field: &str, d: &Option<String>, next: i64| -> Result<Option<i64>, ApiError> {
        match d.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => Ok(None),
            Some(d) => {
                let date = Date::parse(d)
                    .map_err(|e| ApiError::Invalid(field_error(field, &e).problem(locale)))?;
                Ok(Some(
                    (date.jdn() + next - nps_engine::calendar::UNIX_EPOCH_JDN) * 86_400,
                ))
            }
        }
    };
    let from = day_start("from", &q.from, 0)?;
    let to = day_start("to", &q.to, 1)?;
    let filter = ReadingFilter {
        from,
        to,
        kind: q.sign_type,
        favorite: q.favorite,
        text: q.q.filter(|t| !t.trim().is_empty()),
        limit: q.limit,
        offset: q.offset,
    };
    let page = state
        .store()
        .list_readings(user.user_id(), &filter)
        .await
        .map_err(store_error)?;
    Ok(Json(HistoryPage {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        items: page
            .items
            .into_iter()
            .map(|r| HistoryItem {
                reading_id: r.id,
                sign_type: r.kind,
                summary: r.summary,
                locale: r.locale,
                favorite: r.favorite,
                created_at: r.created_at,
                input: r.input,
            })
            .collect(),
    }))
}

async fn get_reading(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    Query(q): Query<LocaleQuery>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let stored = state
        .store()
        .get_reading(user.user_id(), id)
        .await
        .map_err(store_error)?
        .ok_or(ApiError::NotFound)?;
    let locale = match q.locale {
        Some(l) => locale(Some(&l))?,
        None => stored.locale.parse().unwrap_or_default(),
    };
    Ok(Json(stored_response(stored, locale)?))
}

async fn delete_reading(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
) -> Result<axum::http::StatusCode, ApiError> {
    let deleted = state
        .store()
        .delete_reading(user.user_id(), id)
        .await
        .map_err(store_error)?;
    if deleted {
        Ok(axum::http::StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

async fn toggle_favorite(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Json<FavoriteResponse>, ApiError> {
    let wanted = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        serde_json::from_slice::<FavoriteBody>(&body)
            .map_err(|e| ApiError::Invalid(format!("favorite: {e}")))?
            .favorite
    };
    let store = state.store();
    let now = match wanted {
        Some(f) => store.set_favorite(user.user_id(), id, f).await,
        None => store.toggle_favorite(user.user_id(), id).await,
    }
    .map_err(store_error)?;
    let favorite = now.ok_or(ApiError::NotFound)?;
    Ok(Json(FavoriteResponse {
        reading_id: id,
        favorite,
    }))
}

// ---- helpers -----------------------------------------------------------------------

/// A store error as an API error: what the store refused reads in `locale`.
fn store_error_in(e: StoreError, locale: Locale) -> ApiError {
    match e {
        StoreError::Invalid(m) => ApiError::Invalid(m.localized(locale)),
        StoreError::NotFound => ApiError::NotFound,
        other => ApiError::internal(other),
    }
}

/// [`store_error_in`] for the endpoints that have no language of their own (English).
fn store_error(e: StoreError) -> ApiError {
    store_error_in(e, Locale::En)
}

/// Runs blocking work (argon2, the engine) on the blocking pool.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    blocking_raw(f).await?
}

async fn blocking_raw<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(ApiError::internal)
}

/// Publishes the daily insight at every local midnight, in each of `locales`, until
/// the server shuts down.
pub async fn daily_scheduler(state: AppState, locales: Vec<Locale>) {
    loop {
        let wait = crate::clock::until_next_midnight();
        tokio::select! {
            () = state.shutdown_token().cancelled() => return,
            () = tokio::time::sleep(wait) => {}
        }
        let today = match crate::clock::now() {
            Ok(m) => m.date,
            Err(e) => {
                tracing::error!(error = %e, "the local clock is out of range; daily insight skipped");
                continue;
            }
        };
        for locale in &locales {
            if let Err(e) = publish_daily(&state, today, *locale).await {
                tracing::error!(error = %e, %locale, "daily insight failed");
            }
        }
    }
}
