//! CORS on `/api/*` (`tower-http`'s `CorsLayer`), so that a UI served from another
//! origin — the desktop app, another `nps serve` — can use this server.
//!
//! The origins are those of the `Origin` rule in `access` (one list: the server's
//! own, [`crate::config::DESKTOP_ORIGINS`], [`crate::Config::allowed_origins`]);
//! the answer names the request's origin, never `*`, with `Vary: Origin`. The API
//! is bearer-only, so credentials (cookies) are never allowed: a page can only send
//! a token it already holds.

use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header, request};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::access;
use crate::app::AppState;
use crate::config::CORS_MAX_AGE;
use crate::listener::ConnInfo;

/// The methods of the API.
const METHODS: [Method; 4] = [Method::GET, Method::POST, Method::PATCH, Method::DELETE];
/// The request headers a page may send: the bearer token and JSON bodies.
const HEADERS: [HeaderName; 2] = [header::AUTHORIZATION, header::CONTENT_TYPE];

/// The CORS layer of `state`'s config.
pub(crate) fn layer(state: &AppState) -> CorsLayer {
    let state = state.clone();
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(
            move |origin: &HeaderValue, parts: &request::Parts| allowed(&state, origin, parts),
        ))
        .allow_methods(METHODS)
        .allow_headers(HEADERS)
        // An export's file name (`GET …/export`), for a UI on another origin.
        .expose_headers([header::CONTENT_DISPOSITION])
        .max_age(CORS_MAX_AGE)
        .allow_credentials(false)
}

/// Whether `origin` passes the access rules for this request (the access guard
/// has refused every other one already; this keeps CORS right on its own).
fn allowed(state: &AppState, origin: &HeaderValue, parts: &request::Parts) -> bool {
    let conn = parts
        .extensions
        .get::<ConnectInfo<ConnInfo>>()
        .map(|c| &c.0);
    parts.headers.get(header::ORIGIN) == Some(origin)
        && access::check(state.config(), &parts.headers, conn).is_ok()
}

/// `CorsLayer` answers a preflight with 200 and no body; 204 says so exactly.
pub(crate) async fn preflight_no_content(req: Request, next: Next) -> Response {
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = next.run(req).await;
    if preflight && response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NO_CONTENT;
    }
    response
}
