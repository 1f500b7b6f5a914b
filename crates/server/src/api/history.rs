//! The caller's stored readings: `GET /api/oracle/readings` (filtered pages),
//! `GET`/`DELETE /api/oracle/readings/{id}`, `PATCH /api/oracle/readings/{id}` (the
//! rating and the private note) and `PATCH …/{id}/favorite`. Another user's reading
//! is a 404 everywhere.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::{Json, Router};
use nps_engine::Date;
use nps_protocol::{
    FavoriteBody, FavoriteResponse, HistoryItem, HistoryPage, HistoryQuery, LocaleQuery,
    ReadingNotes, ReadingNotesPatch, ReadingResponse,
};
use nps_readings::Msg;
use nps_store::{MAX_TEXT_FILTER_CHARS, ReadingFilter};

use super::readings::{marks, stored_response};
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, AuthUser, decode_json};
use crate::locale::parse_locale;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/oracle/readings", get(list_readings))
        .route(
            "/api/oracle/readings/{id}",
            get(get_reading).delete(delete_reading).patch(set_notes),
        )
        .route("/api/oracle/readings/{id}/favorite", patch(toggle_favorite))
}

/// The unix time at which day `d` (`YYYY-MM-DD`, a UTC day) starts, plus `next` days.
fn day_start(field: &str, d: Option<&str>, next: i64) -> Result<Option<i64>, ApiError> {
    match d.map(str::trim).filter(|d| !d.is_empty()) {
        None => Ok(None),
        Some(d) => {
            let date = Date::parse(d).map_err(|e| ApiError::field(field, &e))?;
            let days = date.jdn() + next - nps_engine::calendar::UNIX_EPOCH_JDN;
            Ok(Some(days * 86_400))
        }
    }
}

async fn list_readings(
    State(state): State<AppState>,
    user: AuthUser,
    ApiQuery(q): ApiQuery<HistoryQuery>,
) -> Result<Json<HistoryPage>, ApiError> {
    let text = q.q.filter(|t| !t.trim().is_empty());
    if text
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_TEXT_FILTER_CHARS)
    {
        return Err(ApiError::Invalid(
            Msg::new("server-text-filter-long").num("max", MAX_TEXT_FILTER_CHARS),
        ));
    }
    // Days are UTC days: `from` counts from its midnight, `to` up to the next midnight.
    let filter = ReadingFilter {
        from: day_start("from", q.from.as_deref(), 0)?,
        to: day_start("to", q.to.as_deref(), 1)?,
        kind: q.sign_type,
        favorite: q.favorite,
        text,
        limit: q.limit,
        offset: q.offset,
    };
    let page = state.store().list_readings(user.user_id(), &filter).await?;
    Ok(Json(HistoryPage {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        items: page
            .items
            .into_iter()
            .map(|r| HistoryItem {
                marks: marks(&r),
                reading_id: r.id,
                sign_type: r.kind,
                summary: r.summary,
                locale: r.locale,
                created_at: r.created_at,
                input: r.input,
            })
            .collect(),
    }))
}

/// `{"rating": 1..5 | null, "note": "…" | null}`: a field left out is kept. A rating
/// outside 1–5 or a note over 2,000 characters is a 400 naming the bound.
async fn set_notes(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(patch): ApiJson<ReadingNotesPatch>,
) -> Result<Json<ReadingNotes>, ApiError> {
    let change = patch.check().map_err(ApiError::BadRequest)?;
    let stored = state
        .store()
        .set_notes(user.user_id(), id, change)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(ReadingNotes {
        reading_id: stored.id,
        rating: stored.rating,
        note: stored.note,
    }))
}

async fn get_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<LocaleQuery>,
) -> Result<Json<ReadingResponse>, ApiError> {
    let stored = state
        .store()
        .get_reading(user.user_id(), id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let locale = match q.locale {
        Some(l) => parse_locale(Some(&l))?,
        None => stored.locale.parse().unwrap_or_default(),
    };
    Ok(Json(stored_response(stored, locale)?))
}

async fn delete_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    if state.store().delete_reading(user.user_id(), id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// `{"favorite": bool}` sets the flag; an empty body toggles it.
async fn toggle_favorite(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
    body: Bytes,
) -> Result<Json<FavoriteResponse>, ApiError> {
    let wanted = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        decode_json::<FavoriteBody>(&body)?.favorite
    };
    let store = state.store();
    let now = match wanted {
        Some(f) => store.set_favorite(user.user_id(), id, f).await,
        None => store.toggle_favorite(user.user_id(), id).await,
    }?;
    let favorite = now.ok_or(ApiError::NotFound)?;
    Ok(Json(FavoriteResponse {
        reading_id: id,
        favorite,
    }))
}
