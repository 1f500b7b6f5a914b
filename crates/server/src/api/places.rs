//! `GET /api/places?q=&locale=&limit=`: cities from the offline list (`nps-places`) for
//! the location picker, named in the request's language. The list ships inside the
//! server (and so the desktop app), not in the browser's wasm, which stays small.
//!
//! Bounds are the list's own: only the first `MAX_QUERY_CHARS` characters of `q`
//! count, and `limit` is clamped to 1–`MAX_RESULTS` (as history's `limit` is).

use axum::routing::get;
use axum::{Json, Router};
use nps_protocol::{DEFAULT_PLACE_RESULTS, PlaceHit, PlaceList, PlaceQuery};

use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, AuthUser};
use crate::locale::parse_locale;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/api/places", get(places))
}

async fn places(
    _user: AuthUser,
    ApiQuery(q): ApiQuery<PlaceQuery>,
) -> Result<Json<PlaceList>, ApiError> {
    let locale = parse_locale(q.locale.as_deref())?;
    let limit = q.limit.unwrap_or(DEFAULT_PLACE_RESULTS).max(1) as usize;
    let places = nps_places::search(q.q.as_deref().unwrap_or_default(), locale, limit)
        .into_iter()
        .map(|p| PlaceHit {
            id: p.id.to_string(),
            name: p.name(locale).to_string(),
            country: p.country.to_string(),
            latitude: p.latitude,
            longitude: p.longitude,
            time_zone: p.time_zone.to_string(),
        })
        .collect();
    Ok(Json(PlaceList { places }))
}
