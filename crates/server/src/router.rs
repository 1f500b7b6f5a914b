//! The whole HTTP surface in one place: `/ws/oracle`, `/api/health`, the HTTP API
//! ([`crate::api::router`]) and, for other paths, the web UI (`assets`);
//! behind request logging with redacted URIs, error bodies in the request's language,
//! the security headers (CSP, `nosniff`, `no-referrer`) and the access guard
//! (peer/`Host`/`Origin`, 403); CORS on `/api/*`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router, middleware};
use nps_protocol::{HealthResponse, WS_PATH};

use crate::app::AppState;
use crate::hub::SERVER_VERSION;
use crate::{access, api, assets, cors, locale, logging, socket};

/// Path of the health endpoint.
pub const HEALTH_PATH: &str = "/api/health";

/// The router of `state`, ready to serve. Unknown paths get a 404 in the error shape.
pub fn router(state: AppState) -> Router {
    // CORS on the API only (the UI's files and the socket need none).
    let api = Router::new()
        .route(HEALTH_PATH, get(health))
        .merge(api::router())
        .layer(cors::layer(&state))
        .layer(middleware::from_fn(cors::preflight_no_content));
    let routes = Router::new()
        .route(WS_PATH, get(socket::ws_handler))
        .merge(api);
    assets::with_ui(routes, &state)
        // Layers run outside in: logging, then localized errors, then the security
        // headers, then the guard, so the guard's 403 is localized, logged and
        // carries the headers too.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            access::access_guard,
        ))
        .layer(middleware::from_fn(assets::security_headers))
        .layer(middleware::from_fn(locale::localize_errors))
        .layer(middleware::from_fn(logging::log_requests))
        .with_state(state)
}

async fn health(State(state): State<AppState>) -> Json<HealthResponse> {
    Json(HealthResponse {
        status: "ok".into(),
        version: SERVER_VERSION.into(),
        connections: u64::try_from(state.hub().connection_count()).unwrap_or(u64::MAX),
    })
}
