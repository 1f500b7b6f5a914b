//! The web UI embedded in the binary with `rust-embed`, served from memory by the
//! loopback server (`nps_server::Config::ui_assets`), so an installed app needs no
//! files beside it. `build.rs` points the embed at `ui/dist` (or `NPS_UI_DIST`); when
//! the UI has not been built it points at an empty directory, and the app serves a
//! page that says so, in the system's language. Content types follow the file names
//! (the server's job).

use std::borrow::Cow;
use std::sync::OnceLock;

use nps_server::assets::{SECURITY_HEADERS, embedded_file};
use nps_server::config::UiAssets;
use tauri::http::{HeaderValue, Method, Request, Response, StatusCode, header};

use crate::texts::Texts;

/// The built UI's files (debug builds embed them too: `debug-embed`).
#[derive(rust_embed::Embed)]
#[folder = "$NPS_UI_EMBED_DIR"]
struct UiFiles;

/// Whether the real UI is embedded (false: a build without `ui/dist`).
pub const UI_BUILT: bool = matches!(env!("NPS_UI_BUILT").as_bytes(), b"true");

/// The embedded files' count and newest change (from build.rs): naming it here makes
/// a change of `ui/dist` rebuild this crate, so the embed lists every file.
pub const UI_STAMP: &str = env!("NPS_UI_STAMP");

/// The table the server serves: every embedded file, or the placeholder page. Built
/// once; the embedded bytes are `'static` already, nothing is copied.
pub fn ui_assets(texts: Texts) -> UiAssets {
    static TABLE: OnceLock<Vec<(&'static str, &'static [u8])>> = OnceLock::new();
    TABLE.get_or_init(|| {
        if UI_BUILT {
            tracing::debug!(stamp = UI_STAMP, "embedded web UI");
            UiFiles::iter()
                .filter_map(|name| {
                    let file = UiFiles::get(&name)?;
                    Some((leak_str(name), leak_bytes(file.data)))
                })
                .collect()
        } else {
            tracing::warn!("this binary carries a placeholder instead of the web UI");
            vec![(
                "index.html",
                leak_bytes(Cow::Owned(placeholder(texts).into_bytes())),
            )]
        }
    })
}

/// The answer of the app's scheme ([`crate::APP_SCHEME`]) to `request`: the embedded
/// file of its path — with the server's security headers (CSP, `nosniff`,
/// `no-referrer`) and content type — or a 404. Only GET (and HEAD) read.
pub fn page(texts: Texts, request: &Request<Vec<u8>>) -> Response<Cow<'static, [u8]>> {
    let file = match *request.method() {
        Method::GET | Method::HEAD => embedded_file(ui_assets(texts), request.uri().path()),
        _ => None,
    };
    let mut response = match file {
        Some(file) => {
            let body = if request.method() == Method::HEAD {
                Cow::Borrowed(&[][..])
            } else {
                Cow::Borrowed(file.bytes)
            };
            let mut r = Response::new(body);
            if let Ok(v) = HeaderValue::from_str(&file.content_type) {
                r.headers_mut().insert(header::CONTENT_TYPE, v);
            }
            r
        }
        None => {
            let mut r = Response::new(Cow::Borrowed(&b"not found"[..]));
            *r.status_mut() = StatusCode::NOT_FOUND;
            r
        }
    };
    for (name, value) in SECURITY_HEADERS {
        response
            .headers_mut()
            .insert(name, HeaderValue::from_static(value));
    }
    response
}

/// The page of a build without the UI.
fn placeholder(texts: Texts) -> String {
    let locale = texts.locale();
    let escape = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head><body style=\"font-family:sans-serif;padding:2rem\">\
         <h1>{title}</h1><p>{body}</p></body></html>\n",
        lang = locale.tag(),
        dir = if locale.is_rtl() { "rtl" } else { "ltr" },
        title = escape(texts.get("desktop-placeholder-title")),
        body = escape(texts.get("desktop-placeholder-body")),
    )
}

/// Embedded names are `'static` already; anything else is kept for the process's life
/// (once: the table is built once).
fn leak_str(s: Cow<'static, str>) -> &'static str {
    match s {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => Box::leak(s.into_boxed_str()),
    }
}

fn leak_bytes(b: Cow<'static, [u8]>) -> &'static [u8] {
    match b {
        Cow::Borrowed(b) => b,
        Cow::Owned(b) => Box::leak(b.into_boxed_slice()),
    }
}

#[cfg(test)]
mod tests {
    use nps_i18n::Locale;

    use super::*;

    #[test]
    fn the_table_holds_the_ui_or_the_placeholder() {
        let table = ui_assets(Texts::new(Locale::En));
        let index = table.iter().find(|(name, _)| *name == "index.html");
        let (_, html) = index.expect("an index.html");
        let html = std::str::from_utf8(html).unwrap();
        if UI_BUILT {
            assert!(
                html.contains("boot.js") || html.contains("<script"),
                "{html}"
            );
            assert!(table.len() > 1);
        } else {
            assert!(html.contains("The web UI is missing"), "{html}");
            assert_eq!(table.len(), 1);
        }
        assert!(table.iter().all(|(name, _)| !name.starts_with('/')));
    }

    #[test]
    fn the_app_scheme_serves_the_embedded_files_with_the_security_headers() {
        let texts = Texts::new(Locale::En);
        let get = |method: &str, uri: &str| {
            let request = Request::builder()
                .method(method)
                .uri(uri)
                .body(Vec::new())
                .unwrap();
            page(texts, &request)
        };
        let index = get("GET", "nps://localhost/");
        assert_eq!(index.status(), StatusCode::OK);
        assert_eq!(
            index.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
        let (_, html) = ui_assets(texts)
            .iter()
            .find(|(name, _)| *name == "index.html")
            .unwrap();
        assert_eq!(index.body().as_ref(), *html);
        for response in [index, get("GET", "nps://localhost/missing.js")] {
            let csp = response.headers()["content-security-policy"]
                .to_str()
                .unwrap();
            assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
            assert_eq!(response.headers()["x-content-type-options"], "nosniff");
            assert_eq!(response.headers()["referrer-policy"], "no-referrer");
        }
        assert_eq!(
            get("GET", "nps://localhost/missing.js").status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get("POST", "nps://localhost/").status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get("GET", "nps://localhost/.env").status(),
            StatusCode::NOT_FOUND
        );
        let head = get("HEAD", "nps://localhost/index.html");
        assert_eq!(head.status(), StatusCode::OK);
        assert!(head.body().is_empty());
    }

    #[test]
    fn the_placeholder_speaks_the_system_language() {
        let fa = placeholder(Texts::new(Locale::Fa));
        assert!(fa.contains("lang=\"fa\" dir=\"rtl\""), "{fa}");
        assert!(fa.contains("رابط وب در این نسخه نیست"), "{fa}");
        let en = placeholder(Texts::new(Locale::En));
        assert!(en.contains("scripts/build-ui.sh"), "{en}");
    }
}
