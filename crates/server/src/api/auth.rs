//! `POST /api/auth/login`, `/api/auth/refresh` and `/api/auth/logout`: an access token
//! and a rotating refresh token.
//!
//! A login starts a refresh-token family that ends [`Config::refresh_lifetime`] after
//! it, however often it is rotated. Each refresh rotates the presented token; one
//! presented again less than [`Config::refresh_grace`] (≤ 5 s) after its rotation —
//! two tabs refreshing at once — gets another valid successor; later, it revokes the
//! whole family (a stolen token replayed: the thief's and the owner's tokens stop
//! working, and the owner signs in again). Logout revokes the family.
//!
//! Logins are throttled before any password is checked, and refresh and logout
//! requests per client IP before any database work (see `throttle`).
//!
//! [`Config::refresh_lifetime`]: crate::Config::refresh_lifetime
//! [`Config::refresh_grace`]: crate::Config::refresh_grace

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use nps_protocol::{LoginRequest, LogoutRequest, RefreshRequest, TokenResponse};
use nps_store::{NewRefreshToken, Rotation};

use crate::accounts;
use crate::app::AppState;
use crate::auth::{AuthError, mint_token, unix_now_secs};
use crate::error::ApiError;
use crate::extract::{ApiJson, ClientIp};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/auth/login", post(login))
        .route("/api/auth/refresh", post(refresh))
        .route("/api/auth/logout", post(logout))
}

/// An argon2 hash of a random password nobody knows (used to keep login timing even).
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$wHCLZ8S8xfPDuUUBqOt5fqdrS0NPd9k1YEhIuvq3jNY";

async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    state.throttle().login_attempt(ip, &body.username)?;
    // A name the store refuses (empty, too long…) is a user that does not exist; so is
    // `local`, this computer's own history (a row of that name, made by hand or before
    // the name was reserved, is no login).
    let user = state
        .store()
        .find_user(body.username.trim())
        .await
        .or_else(|e| match e {
            nps_store::StoreError::Invalid(_) => Ok(None),
            other => Err(other),
        })?
        .filter(|u| !accounts::is_reserved_username(&u.username));
    // Verify against a dummy hash when the user does not exist, so the answer takes as
    // long either way. argon2 is slow on purpose: it runs on the blocking pool, behind
    // the throttle's bounded gate.
    let phc = user.as_ref().map(|u| u.password_hash.clone());
    let ok = state
        .throttle()
        .check_password(move || {
            accounts::verify_password(&body.password, phc.as_deref().unwrap_or(DUMMY_HASH))
        })
        .await?;
    let user = user.filter(|_| ok).ok_or(AuthError::BadCredentials)?;
    let family = accounts::random_hex(16).map_err(ApiError::internal)?;
    let refresh = accounts::new_refresh_token().map_err(ApiError::internal)?;
    let lifetime = i64::try_from(state.config().refresh_lifetime.as_secs()).unwrap_or(i64::MAX);
    state
        .store()
        .store_refresh_token(&NewRefreshToken {
            token_hash: accounts::hash_refresh_token(&refresh),
            user_id: user.username.clone(),
            family_id: family,
            expires_at: now().saturating_add(lifetime),
        })
        .await?;
    tokens(&state, &user.username, &user.role, refresh).map(Json)
}

async fn refresh(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    state.throttle().token_request(ip)?;
    let store = state.store();
    let successor = accounts::new_refresh_token().map_err(ApiError::internal)?;
    let grace = i64::try_from(state.config().refresh_grace.as_secs()).unwrap_or(0);
    let rotation = store
        .rotate_refresh_token(
            &accounts::hash_refresh_token(&body.refresh_token),
            &accounts::hash_refresh_token(&successor),
            now(),
            grace,
        )
        .await?;
    let username = match rotation {
        Rotation::Rotated { user_id } => user_id,
        Rotation::Reused => {
            tracing::warn!("a rotated refresh token was presented again: its login is revoked");
            return Err(AuthError::BadCredentials.into());
        }
        Rotation::Refused => return Err(AuthError::BadCredentials.into()),
    };
    let user = store
        .find_user(&username)
        .await?
        .ok_or(AuthError::BadCredentials)?;
    tokens(&state, &user.username, &user.role, successor).map(Json)
}

/// Ends the login of this refresh token: 204, known or not (nothing to tell a caller
/// who holds no valid token).
async fn logout(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<LogoutRequest>,
) -> Result<StatusCode, ApiError> {
    state.throttle().token_request(ip)?;
    let hash = accounts::hash_refresh_token(&body.refresh_token);
    state.store().revoke_refresh_family(&hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An access token for the user, with this refresh token (already stored).
fn tokens(
    state: &AppState,
    username: &str,
    role: &str,
    refresh: String,
) -> Result<TokenResponse, ApiError> {
    // `local` is no login (see `login`); a refresh token of it is refused too.
    if accounts::is_reserved_username(username) {
        return Err(AuthError::BadCredentials.into());
    }
    let access = mint_token(
        &state.config().jwt_secret,
        username,
        username,
        role,
        accounts::ACCESS_TOKEN_TTL,
    )?;
    Ok(TokenResponse::bearer(
        access,
        refresh,
        accounts::ACCESS_TOKEN_TTL.as_secs(),
    ))
}

fn now() -> i64 {
    i64::try_from(unix_now_secs()).unwrap_or(i64::MAX)
}
