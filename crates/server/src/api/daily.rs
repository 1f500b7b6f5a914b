//! `GET /api/oracle/daily?date=&locale=&personal=`: the day's insight, computed and
//! stored on first use. Reading it has no side effect: it never broadcasts (only the
//! scheduler and an admin do, see [`crate::daily`]), for any date. With
//! `personal=true` and a saved "me", the day is read for that person (their personal
//! year, month and day), computed each time and never stored or broadcast.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use nps_engine::Date;
use nps_protocol::{DailyQuery, DailyResponse, ProfileBody};

use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, AuthUser};
use crate::locale::parse_locale;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/api/oracle/daily", get(daily))
}

/// `date` (`YYYY-MM-DD`, the field named `field`) or, when absent, the server's local
/// date.
pub(super) fn date_or_today(field: &str, date: Option<&str>) -> Result<Date, ApiError> {
    match date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Date::parse(d).map_err(|e| ApiError::field(field, &e)),
        None => Ok(crate::clock::now().map_err(ApiError::internal)?.date),
    }
}

async fn daily(
    State(state): State<AppState>,
    user: AuthUser,
    ApiQuery(q): ApiQuery<DailyQuery>,
) -> Result<Json<DailyResponse>, ApiError> {
    let locale = parse_locale(q.locale.as_deref())?;
    let date = date_or_today("date", q.date.as_deref())?;
    if q.personal == Some(true) {
        if let Some((name, birth)) = saved_me(&state, &user).await? {
            return crate::daily::personal(date, birth, name, locale)
                .await
                .map(Json);
        }
    }
    crate::daily::insight(&state, date, locale).await.map(Json)
}

/// The name and birth date of the caller's saved "me", if they have one (saved people
/// were checked when saved; one that no longer reads is passed over).
async fn saved_me(state: &AppState, user: &AuthUser) -> Result<Option<(String, Date)>, ApiError> {
    let people = state.store().list_profiles(user.user_id()).await?;
    let me = people
        .into_iter()
        .find(|p| p.is_me)
        .and_then(|p| serde_json::from_value::<ProfileBody>(p.person).ok())
        .and_then(|p| Some((p.name, Date::parse(p.birth_date.trim()).ok()?)));
    Ok(me)
}
