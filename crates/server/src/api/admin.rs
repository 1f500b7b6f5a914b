//! `POST /api/admin/daily {date?, locale?}` with a token whose `role` is `admin`:
//! publishes the day's insight now — in `locale`, or in every language of
//! [`crate::Config::daily_locales`]. Idempotent per (date, locale): a pair published
//! before (by an admin or the scheduler) is answered `"broadcast": false` and
//! nothing is sent. Any other role gets 403.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use nps_protocol::{DailyPublication, PublishDailyRequest, PublishDailyResponse};

use super::daily::date_or_today;
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{AdminUser, ApiJson};
use crate::locale::parse_locale;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/api/admin/daily", post(publish_daily))
}

async fn publish_daily(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<PublishDailyRequest>,
) -> Result<Json<PublishDailyResponse>, ApiError> {
    let date = date_or_today("date", body.date.as_deref())?;
    let locales = match body.locale.as_deref() {
        Some(tag) => vec![parse_locale(Some(tag))?],
        None => state.config().daily_locales.clone(),
    };
    let mut publications = Vec::with_capacity(locales.len());
    for locale in locales {
        let delivered = crate::daily::publish(&state, date, locale).await?;
        publications.push(DailyPublication {
            locale,
            broadcast: delivered.is_some(),
            delivered: delivered.map_or(0, |n| u64::try_from(n).unwrap_or(u64::MAX)),
        });
    }
    tracing::info!(admin = admin.user_id(), %date, "daily insight published by an admin");
    Ok(Json(PublishDailyResponse {
        date: date.to_string(),
        publications,
    }))
}
