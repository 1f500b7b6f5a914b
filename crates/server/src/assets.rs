//! The web UI's files for paths that are not API routes: from a directory
//! ([`crate::Config::ui_dir`], `tower-http`'s `ServeDir`) or embedded in the binary
//! ([`crate::Config::ui_assets`], the desktop shell). A missing file, a dotfile (any
//! path segment starting with `.`) and a symlink that leads outside the directory
//! are a 404 in the error shape. Every response carries [`SECURITY_HEADERS`]
//! (the router's layer); the desktop shell sends them with its own pages too.
//!
//! First load: from a directory, a file's brotli or gzip twin written by
//! `scripts/build-ui.sh` (`x.wasm.br`, `x.wasm.gz`) is sent when `Accept-Encoding`
//! allows it (`ServeDir`'s precompressed variants); every file, from a directory or
//! embedded, gets an `ETag`, a 304 for a matching `If-None-Match`, and the
//! `Cache-Control` of its name ([`crate::caching`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::app::AppState;
use crate::caching::{self, DigestCache};
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
                .precompressed_br()
                .precompressed_gzip()
                .not_found_service(axum::routing::any(|| async { ApiError::NotFound }));
            let digests = DigestCache::default();
            router.fallback(move |req: Request| {
                serve_from_dir(root.clone(), files.clone(), digests.clone(), req)
            })
        }
        (None, Some(assets)) => router.fallback(
            move |method: Method, uri: Uri, headers: HeaderMap| async move {
                embedded_asset(assets, &method, uri.path(), &headers)
            },
        ),
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
/// symlink) outside `root`: those are a 404. A file the client holds already
/// (`If-None-Match`) is a 304; every file gets its ETag and cache policy.
async fn serve_from_dir(
    root: PathBuf,
    files: UiDir,
    digests: DigestCache,
    req: Request,
) -> Response {
    let path = req.uri().path().to_owned();
    let Some(segments) = safe_segments(&path) else {
        return ApiError::NotFound.into_response();
    };
    if !stays_inside(&root, &segments).await {
        return ApiError::NotFound.into_response();
    }
    let digest = digests.digest(&file_of(&root, &segments).await).await;
    if let Some(digest) = &digest
        && let Some(tag) = caching::matching_etag(req.headers(), digest)
    {
        return caching::not_modified(&tag, caching::cache_control(&path));
    }
    let mut response = match files.oneshot(req).await {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    };
    if let Some(digest) = digest
        && (response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED)
    {
        caching::finish(&mut response, &digest, &path);
    }
    response
}

/// The file `ServeDir` answers for `segments`: a directory means its `index.html`.
async fn file_of(root: &Path, segments: &[String]) -> PathBuf {
    let target = segments.iter().fold(root.to_path_buf(), |p, s| p.join(s));
    match tokio::fs::metadata(&target).await {
        Ok(meta) if meta.is_dir() => target.join("index.html"),
        _ => target,
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

/// One file of [`crate::Config::ui_assets`] for a GET or HEAD of `path` (a 304 when
/// `If-None-Match` names it), or a 404 in the error shape.
fn embedded_asset(assets: UiAssets, method: &Method, path: &str, headers: &HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::NotFound.into_response();
    }
    let Some(file) = embedded_file(assets, path) else {
        return ApiError::NotFound.into_response();
    };
    let digest = embedded_digest(file.bytes);
    if let Some(tag) = caching::matching_etag(headers, &digest) {
        return caching::not_modified(&tag, caching::cache_control(path));
    }
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(file.bytes)
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, file.content_type),
            (header::CONTENT_LENGTH, file.bytes.len().to_string()),
        ],
        body,
    )
        .into_response();
    caching::finish(&mut response, &digest, path);
    response
}

/// The digest of embedded bytes, computed once per file (they never change).
fn embedded_digest(bytes: &'static [u8]) -> String {
    static KNOWN: OnceLock<Mutex<HashMap<(usize, usize), String>>> = OnceLock::new();
    let key = (bytes.as_ptr() as usize, bytes.len());
    let known = KNOWN.get_or_init(Mutex::default);
    if let Ok(map) = known.lock()
        && let Some(digest) = map.get(&key)
    {
        return digest.clone();
    }
    let digest = caching::content_digest(bytes);
    if let Ok(mut map) = known.lock() {
        map.insert(key, digest.clone());
    }
    digest
}
