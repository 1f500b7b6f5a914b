//! The web UI's files for paths that are not API routes: from a directory
//! ([`crate::Config::ui_dir`], `tower-http`'s `ServeDir`) or embedded in the binary
//! ([`crate::Config::ui_assets`], the desktop shell). A missing file, a dotfile (any
//! path segment starting with `.`) and a symlink that leads outside the directory
//! are a 404 in the error shape. Every response carries [`SECURITY_HEADERS`]
//! (the router's layer); the desktop shell sends them with its own pages too.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::app::AppState;
use crate::config::UiAssets;
use crate::error::ApiError;

/// The UI's Content-Security-Policy. Its own scripts, styles (inline `style`
/// attributes: Yew sets some), fonts and images; WebAssembly compiled from its own
/// file (`'wasm-unsafe-eval'`); never framed. `connect-src` must allow the server the
/// user picks in Settings, which no static policy can name: it allows any `https:`/
/// `wss:` server (a remote server on the internet serves TLS — `nps serve` refuses a
/// plain non-loopback bind) and plain `http:`/`ws:` on loopback only (this
/// computer's servers and the desktop's embedded one), so an injected script could
/// not send data over plain HTTP anywhere. The API's answers are JSON, which the
/// policy leaves alone.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; font-src 'self'; \
img-src 'self' data: blob:; connect-src 'self' https: wss: http://127.0.0.1:* \
ws://127.0.0.1:* http://localhost:* ws://localhost:*; object-src 'none'; base-uri 'none'; \
form-action 'none'; frame-ancestors 'none'";

/// The headers of every response (the UI's pages and the API's answers alike).
pub const SECURITY_HEADERS: [(&str, &str); 3] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
];

/// `router` with the UI of `state`'s config (if any) as its fallback.
pub(crate) fn with_ui(router: Router<AppState>, state: &AppState) -> Router<AppState> {
    match (&state.config().ui_dir, state.config().ui_assets) {
        (Some(dir), _) => {
            let root = dir.clone();
            let files = ServeDir::new(dir)
                .append_index_html_on_directories(true)
                .not_found_service(axum::routing::any(|| async { ApiError::NotFound }));
            router.fallback(move |req: Request| serve_from_dir(root.clone(), files.clone(), req))
        }
        (None, Some(assets)) => router.fallback(move |method: Method, uri: Uri| async move {
            embedded_asset(assets, &method, uri.path())
        }),
        (None, None) => router.fallback(|| async { ApiError::NotFound }),
    }
}

/// Middleware: [`SECURITY_HEADERS`] on every response.
pub(crate) async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// `ServeDir` on the UI directory, its 404 in the error shape.
type UiDir = ServeDir<tower_http::set_status::SetStatus<axum::routing::MethodRouter>>;

/// `req` through `ServeDir`, unless its path names a dotfile or leads (through a
/// symlink) outside `root`: those are a 404.
async fn serve_from_dir(root: PathBuf, files: UiDir, req: Request) -> Response {
    let Some(segments) = safe_segments(req.uri().path()) else {
        return ApiError::NotFound.into_response();
    };
    if !stays_inside(&root, &segments).await {
        return ApiError::NotFound.into_response();
    }
    match files.oneshot(req).await {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    }
}

/// The decoded segments of a URL path, or `None` when one is a dotfile (`.env`,
/// `.git`, and so `.` and `..`) or cannot be decoded.
fn safe_segments(path: &str) -> Option<Vec<String>> {
    let mut segments = Vec::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let segment = percent_encoding::percent_decode_str(raw)
            .decode_utf8()
            .ok()?
            .into_owned();
        if segment.starts_with('.') || segment.contains(['/', '\\', '\0']) {
            return None;
        }
        segments.push(segment);
    }
    Some(segments)
}

/// Whether the file of `segments` under `root`, symlinks resolved, is inside `root`.
/// A path that does not exist stays inside (`ServeDir` answers 404).
async fn stays_inside(root: &Path, segments: &[String]) -> bool {
    let Ok(root) = tokio::fs::canonicalize(root).await else {
        return false;
    };
    let target = segments.iter().fold(root.clone(), |p, s| p.join(s));
    match tokio::fs::canonicalize(&target).await {
        Ok(real) => real.starts_with(&root),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// One embedded file: its bytes and its `Content-Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFile {
    pub bytes: &'static [u8],
    pub content_type: String,
}

/// The file of `assets` for the URL path `path` (a path ending in `/` is its
/// `index.html`); `None` for a missing file or a dotfile. The content type follows
/// the extension (`mime_guess`), text and JavaScript as UTF-8. The desktop shell
/// serves its pages with this too.
pub fn embedded_file(assets: UiAssets, path: &str) -> Option<EmbeddedFile> {
    safe_segments(path)?;
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    };
    let &(name, bytes) = assets.iter().find(|(name, _)| *name == rel)?;
    Some(EmbeddedFile {
        bytes,
        content_type: content_type(name),
    })
}

/// The `Content-Type` of a file name. Text is UTF-8 (the UI's build writes nothing
/// else); say so, as `ServeDir` does.
fn content_type(name: &str) -> String {
    let mime = mime_guess::from_path(name).first_or_octet_stream();
    if mime.type_() == mime_guess::mime::TEXT || mime.essence_str() == "application/javascript" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    }
}

/// One file of [`crate::Config::ui_assets`] for a GET or HEAD of `path`, or a 404 in
/// the error shape.
fn embedded_asset(assets: UiAssets, method: &Method, path: &str) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::NotFound.into_response();
    }
    let Some(file) = embedded_file(assets, path) else {
        return ApiError::NotFound.into_response();
    };
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(file.bytes)
    };
    (
        [
            (header::CONTENT_TYPE, file.content_type),
            (header::CONTENT_LENGTH, file.bytes.len().to_string()),
        ],
        body,
    )
        .into_response()
}
