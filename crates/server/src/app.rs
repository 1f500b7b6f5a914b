//! The shared application state and the router.
//!
//! [`AppState`] is the one state type of every handler: a cheap clone of
//! `Arc<App>`. HTTP routes are added in [`router`]; handlers reach the hub with
//! `state.hub()` and the caller with the [`crate::AuthUser`] extractor.

use std::ops::Deref;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{Method, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router, middleware};
use nps_protocol::{HealthResponse, WS_PATH};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::auth::Keys;
use crate::config::{Config, ConfigError, UiAssets};
use crate::error::ApiError;
use crate::hub::{Hub, SERVER_VERSION};
use crate::{access, api, logging, socket};
use nps_store::{SqliteStore, Store};

/// Path of the health endpoint.
pub const HEALTH_PATH: &str = "/api/health";

/// Everything the handlers share. Built once per server by [`AppState::new`].
pub struct App {
    config: Config,
    store: Arc<dyn Store>,
    /// The temporary data directory of a server without `data_dir`, removed on drop.
    ephemeral_dir: Option<std::path::PathBuf>,
    hub: Hub,
    keys: Keys,
    shutdown: CancellationToken,
    tracker: TaskTracker,
}

impl App {
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Users, readings and daily insights.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// Per-user routing, broadcast and resume buffer.
    pub fn hub(&self) -> &Hub {
        &self.hub
    }

    /// The signing secret, prepared (verify and mint tokens).
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Cancelled when the server starts shutting down; long-running handler
    /// work may `select!` on it.
    pub fn shutdown_token(&self) -> &CancellationToken {
        &self.shutdown
    }

    /// Tracks work that shutdown must wait for (every WebSocket task). Spawn
    /// background work with `tracker().spawn(..)` to be waited for too.
    pub fn tracker(&self) -> &TaskTracker {
        &self.tracker
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.config)
            .field("hub", &self.hub)
            .finish_non_exhaustive()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(dir) = &self.ephemeral_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The state of every handler: `Arc<App>`. One `AppState` serves once; after
/// its shutdown it stays shut down.
#[derive(Clone, Debug)]
pub struct AppState(pub Arc<App>);

impl AppState {
    /// Validates `config` and builds the hub and keys.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        let (dir, ephemeral_dir) = match &config.data_dir {
            Some(dir) => (dir.clone(), None),
            None => {
                let suffix = crate::accounts::random_hex(8).map_err(ConfigError::Storage)?;
                let dir = std::env::temp_dir().join(format!("nps-server-{suffix}"));
                (dir.clone(), Some(dir))
            }
        };
        let store =
            SqliteStore::open_in_dir(&dir).map_err(|e| ConfigError::Storage(e.to_string()))?;
        Ok(Self(Arc::new(App {
            store: Arc::new(store),
            ephemeral_dir,
            hub: Hub::new(&config),
            keys: Keys::new(&config.jwt_secret),
            config,
            shutdown: CancellationToken::new(),
            tracker: TaskTracker::new(),
        })))
    }
}

impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.0
    }
}

/// The whole HTTP surface: `/ws/oracle`, `/api/health` (and, later, the HTTP
/// API), behind the access guard (peer/Host/Origin, 403) and request logging
/// with redacted URIs. Unknown paths get a 404 in the error shape.
pub fn router(state: AppState) -> Router {
    let router = Router::new()
        .route(WS_PATH, get(socket::ws_handler))
        .route(HEALTH_PATH, get(health))
        .merge(api::routes());
    let router = match &state.config().ui_dir {
        // Paths that are not API routes are the web UI's files; a missing file is
        // still a 404 in the error shape.
        Some(dir) => router.fallback_service(
            tower_http::services::ServeDir::new(dir)
                .append_index_html_on_directories(true)
                .not_found_service(axum::routing::any(|| async { ApiError::NotFound })),
        ),
        None => match state.config().ui_assets {
            Some(assets) => router.fallback(move |method: Method, uri: Uri| async move {
                embedded_asset(assets, &method, uri.path())
            }),
            None => router.fallback(|| async { ApiError::NotFound }),
        },
    };
    router
        .layer(middleware::from_fn_with_state(
            state.clone(),
            access::access_guard,
        ))
        .layer(middleware::from_fn(logging::log_requests))
        .with_state(state)
}

/// One file of [`Config::ui_assets`] for a GET or HEAD of `path`; a path ending in
/// `/` is its `index.html`. Anything else is a 404 in the error shape.
fn embedded_asset(assets: UiAssets, method: &Method, path: &str) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::NotFound.into_response();
    }
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    };
    let Some(&(name, bytes)) = assets.iter().find(|(name, _)| *name == rel) else {
        return ApiError::NotFound.into_response();
    };
    let content_type = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_LENGTH, bytes.len().to_string()),
        ],
        body,
    )
        .into_response()
}

async fn health(State(state): State<AppState>) -> Json<HealthResponse> {
    Json(HealthResponse {
        status: "ok".into(),
        version: SERVER_VERSION.into(),
        connections: u64::try_from(state.hub().connection_count()).unwrap_or(u64::MAX),
    })
}
