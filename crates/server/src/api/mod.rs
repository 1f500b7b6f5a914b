//! The HTTP API of DESIGN §4, one module per resource, each with its own
//! `router()`, merged here (realworld `http/mod.rs::api_router`). Every handler is
//! scoped to the token's `sub`.
//!
//! - `auth`: `POST /api/auth/login`, `/api/auth/refresh`, `/api/auth/logout`
//!   (refresh-token families, login throttling).
//! - `readings`: the five reading endpoints, one generic handler over
//!   [`readings::ReadingBody`]; events go to the requester's sockets.
//! - `daily`: `GET /api/oracle/daily` (no side effect: never broadcasts).
//! - `history`: the caller's stored readings (list, get, delete, favorite).
//! - `profiles`: the caller's saved people (`/api/profiles`), one marked "me".
//! - `places`: cities for the location picker (`/api/places`), from `nps-places`.
//! - `export`: one of them as a PDF, PNG card, Markdown or JSON file (`nps-export`).
//! - `admin`: `POST /api/admin/daily` (role `admin`): publish the day's insight.

use axum::Router;
use axum::extract::DefaultBodyLimit;

use crate::app::AppState;
use crate::extract::MAX_BODY_BYTES;

mod admin;
mod auth;
mod daily;
mod export;
mod history;
mod places;
mod profiles;
pub mod readings;

/// Every route of the HTTP API, merged into [`crate::router()`].
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(auth::router())
        .merge(readings::router())
        .merge(daily::router())
        .merge(history::router())
        .merge(profiles::router())
        .merge(places::router())
        .merge(export::router())
        .merge(admin::router())
        // One byte over the limit is enough to know it is too large.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}
