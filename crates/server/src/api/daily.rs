//! `GET /api/oracle/daily?date=&locale=&personal=`: the day's insight, computed and
//! stored on first use. Reading it has no side effect: it never broadcasts (only the
//! scheduler and an admin do, see [`crate::daily`]), for any date. With
//! `personal=true` and a saved "me", the day is read for that person (their personal
//! year, month and day), computed each time and never stored or broadcast.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use nps_engine::Date;
use nps_protocol::{DailyQuery, DailyResponse};

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
    let personal = q.personal == Some(true);
    crate::daily::for_owner(&state, user.user_id(), date, locale, personal)
        .await
        .map(Json)
}
