//! `POST /api/auth/login` and `POST /api/auth/refresh`: an access token and a
//! rotating refresh token (used once).

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use nps_protocol::{LoginRequest, RefreshRequest, TokenResponse};

use crate::accounts;
use crate::app::AppState;
use crate::auth::{AuthError, mint_token, unix_now_secs};
use crate::blocking::run_blocking;
use crate::error::ApiError;
use crate::extract::ApiJson;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/auth/login", post(login))
        .route("/api/auth/refresh", post(refresh))
}

/// An argon2 hash of a random password nobody knows (used to keep login timing even).
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$wHCLZ8S8xfPDuUUBqOt5fqdrS0NPd9k1YEhIuvq3jNY";

async fn login(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    // A name the store refuses (empty, too long…) is a user that does not exist.
    let user = state
        .store()
        .find_user(body.username.trim())
        .await
        .or_else(|e| match e {
            nps_store::StoreError::Invalid(_) => Ok(None),
            other => Err(other),
        })?;
    // Verify against a dummy hash when the user does not exist, so the answer takes as
    // long either way. argon2 is slow on purpose: it runs on the blocking pool.
    let phc = user.as_ref().map(|u| u.password_hash.clone());
    let ok = run_blocking(move || {
        accounts::verify_password(&body.password, phc.as_deref().unwrap_or(DUMMY_HASH))
    })
    .await?;
    let user = user.filter(|_| ok).ok_or(AuthError::BadCredentials)?;
    issue_tokens(&state, &user.username, &user.role)
        .await
        .map(Json)
}

async fn refresh(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let store = state.store();
    let hash = accounts::hash_refresh_token(&body.refresh_token);
    let now = unix_now_secs() as i64;
    let user = match store.take_refresh_token(&hash, now).await? {
        Some(username) => store.find_user(&username).await?,
        None => None,
    };
    let user = user.ok_or(AuthError::BadCredentials)?;
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
    )?;
    let refresh = accounts::new_refresh_token().map_err(ApiError::internal)?;
    let hash = accounts::hash_refresh_token(&refresh);
    let expires = unix_now_secs() as i64 + accounts::REFRESH_TOKEN_TTL.as_secs() as i64;
    state
        .store()
        .store_refresh_token(&hash, username, expires)
        .await?;
    Ok(TokenResponse::bearer(
        access,
        refresh,
        accounts::ACCESS_TOKEN_TTL.as_secs(),
    ))
}
