//! The web UI's files for paths that are not API routes: from a directory
//! ([`crate::Config::ui_dir`], `tower-http`'s `ServeDir`) or embedded in the binary
//! ([`crate::Config::ui_assets`], the desktop shell). A missing file is a 404 in the
//! error shape.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Uri, header};
use axum::response::{IntoResponse, Response};
use tower_http::services::ServeDir;

use crate::app::AppState;
use crate::config::UiAssets;
use crate::error::ApiError;

/// `router` with the UI of `state`'s config (if any) as its fallback.
pub(crate) fn with_ui(router: Router<AppState>, state: &AppState) -> Router<AppState> {
    match (&state.config().ui_dir, state.config().ui_assets) {
        (Some(dir), _) => router.fallback_service(
            ServeDir::new(dir)
                .append_index_html_on_directories(true)
                .not_found_service(axum::routing::any(|| async { ApiError::NotFound })),
        ),
        (None, Some(assets)) => router.fallback(move |method: Method, uri: Uri| async move {
            embedded_asset(assets, &method, uri.path())
        }),
        (None, None) => router.fallback(|| async { ApiError::NotFound }),
    }
}

/// One file of [`crate::Config::ui_assets`] for a GET or HEAD of `path`; a path ending
/// in `/` is its `index.html`. The content type follows the extension (`mime_guess`).
/// Anything else is a 404 in the error shape.
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
    let mime = mime_guess::from_path(name).first_or_octet_stream();
    // Text is UTF-8 (the UI's build writes nothing else); say so, as ServeDir does.
    let content_type = if mime.type_() == mime_guess::mime::TEXT
        || mime.essence_str() == "application/javascript"
    {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    };
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_LENGTH, bytes.len().to_string()),
        ],
        body,
    )
        .into_response()
}
