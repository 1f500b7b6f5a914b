//! The caller's saved people: `GET`/`POST /api/profiles`, `PATCH`/`DELETE
//! /api/profiles/{id}`. Another user's profile is a 404 everywhere.
//!
//! A person is saved only if a full reading of them would run: the same conversion and
//! bounds as `POST /api/oracle/full`, so a saved profile never fails later in a form.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::{Json, Router};
use nps_engine::full::FullReading;
use nps_protocol::{NewProfileRequest, ProfileBody, ProfileList, ProfilePatch, SavedProfile};
use nps_readings::Request as ReadingRequest;
use nps_store::{NewProfile, ProfileChange, StoredProfile};

use super::readings::profile;
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, AuthUser};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/profiles", get(list_profiles).post(create_profile))
        .route(
            "/api/profiles/{id}",
            patch(change_profile).delete(delete_profile),
        )
}

/// `person` as the store keeps it, once it passes a full reading's checks: its fields
/// parse, its texts are within their bounds, and the engine accepts it (a name it can
/// read, coordinates and heart rate in range).
fn checked(person: &ProfileBody) -> Result<serde_json::Value, ApiError> {
    let (profile, at) = (profile(person)?, crate::clock::now()?);
    let request = ReadingRequest::Full { profile, at };
    request.check_bounds()?;
    let ReadingRequest::Full { profile, at } = &request else {
        unreachable!("built as a full reading just above")
    };
    FullReading::compute(profile, *at)?;
    serde_json::to_value(person).map_err(ApiError::internal)
}

fn saved(stored: StoredProfile) -> Result<SavedProfile, ApiError> {
    Ok(SavedProfile {
        id: stored.id,
        person: serde_json::from_value(stored.person).map_err(ApiError::internal)?,
        is_me: stored.is_me,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
    })
}

async fn list_profiles(
    State(state): State<AppState>,
    user: AuthUser,
) -> Result<Json<ProfileList>, ApiError> {
    let stored = state.store().list_profiles(user.user_id()).await?;
    let items = stored.into_iter().map(saved).collect::<Result<_, _>>()?;
    Ok(Json(ProfileList { items }))
}

async fn create_profile(
    State(state): State<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<NewProfileRequest>,
) -> Result<(StatusCode, Json<SavedProfile>), ApiError> {
    let person = checked(&body.person)?;
    let stored = state
        .store()
        .insert_profile(NewProfile {
            owner: user.user_id().to_owned(),
            person,
            is_me: body.is_me,
        })
        .await?;
    Ok((StatusCode::CREATED, Json(saved(stored)?)))
}

async fn change_profile(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ProfilePatch>,
) -> Result<Json<SavedProfile>, ApiError> {
    let change = ProfileChange {
        person: body.person.as_ref().map(checked).transpose()?,
        is_me: body.is_me,
    };
    let stored = state
        .store()
        .update_profile(user.user_id(), id, change)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(saved(stored)?))
}

async fn delete_profile(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    if state.store().delete_profile(user.user_id(), id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}
