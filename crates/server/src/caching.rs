//! How browsers may keep the UI's files: a strong `ETag` (the file's SHA-256, with the
//! content coding appended for a compressed representation), `If-None-Match` → 304,
//! and `Cache-Control` by name — a file whose name carries its content hash
//! (`boot.<16 hex>.js`, written by `scripts/build-ui.sh`) never changes, so it is
//! `immutable` for a year; anything else (`index.html`, `favicon.svg`) is `no-cache`
//! (kept, but revalidated every time, which the ETag makes a 304).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// `Cache-Control` of a file whose name carries its content hash.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of every other file: keep it, but ask first.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// Length in hex digits of the content hash in a fingerprinted file name.
pub const FINGERPRINT_HEX_DIGITS: usize = 16;

/// The `Cache-Control` of the file at URL path `path`.
pub fn cache_control(path: &str) -> &'static str {
    if is_fingerprinted(path.rsplit('/').next().unwrap_or_default()) {
        CACHE_IMMUTABLE
    } else {
        CACHE_REVALIDATE
    }
}

/// Whether a file name has a content hash between its stem and its extension:
/// `nps-ui_bg.0123456789abcdef.wasm`.
pub fn is_fingerprinted(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|p| {
            p.len() == FINGERPRINT_HEX_DIGITS
                && p.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// The hex SHA-256 of `bytes`, the base of a file's ETags.
pub fn content_digest(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The ETag of one representation of a file: `"<digest>"` for the file itself,
/// `"<digest>-br"` / `"<digest>-gzip"` for a compressed one (a strong validator must
/// differ between them).
pub fn etag(digest: &str, content_encoding: Option<&str>) -> String {
    match content_encoding {
        Some(coding) if !coding.is_empty() && coding != "identity" => {
            format!("\"{digest}-{coding}\"")
        }
        _ => format!("\"{digest}\""),
    }
}

/// The tag of `If-None-Match` in `headers` that names a representation of the file
/// with `digest` (weak comparison, as RFC 9110 §13.1.2 asks), or `"*"`'s stand-in.
pub fn matching_etag(headers: &HeaderMap, digest: &str) -> Option<String> {
    let wanted = headers.get(header::IF_NONE_MATCH)?.to_str().ok()?;
    wanted.split(',').map(str::trim).find_map(|tag| {
        if tag == "*" {
            return Some(etag(digest, None));
        }
        let opaque = tag.strip_prefix("W/").unwrap_or(tag);
        let inner = opaque.strip_prefix('"')?.strip_suffix('"')?;
        let rest = inner.strip_prefix(digest)?;
        let known = rest.is_empty() || rest == "-br" || rest == "-gzip";
        known.then(|| opaque.to_owned())
    })
}

/// A 304 for `etag`, with the caching headers the 200 would carry.
pub fn not_modified(etag: &str, cache_control: &'static str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    if let Ok(value) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    set_policy(response.headers_mut(), cache_control);
    response
}

/// `Cache-Control` and `Vary: Accept-Encoding` (the same URL may answer compressed).
pub fn set_policy(headers: &mut HeaderMap, cache_control: &'static str) {
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
}

/// The ETag of `response` (a file whose identity bytes have `digest`), following its
/// `Content-Encoding`, with the caching headers of `path`.
pub fn finish(response: &mut Response, digest: &str, path: &str) {
    let coding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Ok(value) = HeaderValue::from_str(&etag(digest, coding.as_deref())) {
        response.headers_mut().insert(header::ETAG, value);
    }
    set_policy(response.headers_mut(), cache_control(path));
}

/// A file's identity as far as its digest goes: a rewrite changes its length or
/// modification time (a build replaces `ui/dist` while the server runs).
type FileStamp = (u64, Option<SystemTime>);

/// The digests of the UI directory's files, computed once per version of a file.
#[derive(Clone, Default)]
pub struct DigestCache {
    known: Arc<Mutex<HashMap<PathBuf, (FileStamp, String)>>>,
}

impl DigestCache {
    /// The digest of the file at `path`, or `None` when it is not a readable file.
    pub async fn digest(&self, path: &Path) -> Option<String> {
        let meta = tokio::fs::metadata(path).await.ok()?;
        if !meta.is_file() {
            return None;
        }
        let stamp = (meta.len(), meta.modified().ok());
        if let Ok(known) = self.known.lock()
            && let Some((seen, digest)) = known.get(path)
            && *seen == stamp
        {
            return Some(digest.clone());
        }
        let bytes = tokio::fs::read(path).await.ok()?;
        let digest = tokio::task::spawn_blocking(move || content_digest(&bytes))
            .await
            .ok()?;
        if let Ok(mut known) = self.known.lock() {
            known.insert(path.to_path_buf(), (stamp, digest.clone()));
        }
        Some(digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprinted_names_are_immutable_and_others_revalidate() {
        assert_eq!(
            cache_control("/nps-ui_bg.0123456789abcdef.wasm"),
            CACHE_IMMUTABLE
        );
        assert_eq!(
            cache_control("/fonts/Vazirmatn-wght.a1b2c3d4e5f60789.woff2"),
            CACHE_IMMUTABLE
        );
        for path in [
            "/",
            "/index.html",
            "/favicon.svg",
            "/boot.js",
            // Wrong length, upper case, the hash as the extension: not a fingerprint.
            "/boot.0123456789abcde.js",
            "/boot.0123456789ABCDEF.js",
            "/boot.0123456789abcdef",
        ] {
            assert_eq!(cache_control(path), CACHE_REVALIDATE, "{path}");
        }
    }

    #[test]
    fn if_none_match_finds_any_representation_of_the_file() {
        let digest = content_digest(b"abc");
        assert_eq!(
            digest,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let ask = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
            matching_etag(&headers, &digest)
        };
        assert_eq!(ask(&format!("\"{digest}\"")), Some(format!("\"{digest}\"")));
        assert_eq!(
            ask(&format!("\"x\", W/\"{digest}-br\"")),
            Some(format!("\"{digest}-br\""))
        );
        assert_eq!(ask("*"), Some(format!("\"{digest}\"")));
        assert_eq!(ask(&format!("\"{digest}-zstd\"")), None);
        assert_eq!(ask("\"0000\""), None);
        assert_eq!(ask(&digest), None, "an unquoted tag is not a tag");
        assert_eq!(matching_etag(&HeaderMap::new(), &digest), None);
    }

    #[test]
    fn each_content_coding_has_its_own_tag() {
        assert_eq!(etag("d", None), "\"d\"");
        assert_eq!(etag("d", Some("identity")), "\"d\"");
        assert_eq!(etag("d", Some("br")), "\"d-br\"");
        assert_eq!(etag("d", Some("gzip")), "\"d-gzip\"");
    }
}
