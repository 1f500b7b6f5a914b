//! The language of a request, and error bodies written in it.
//!
//! A request's language is its `?locale=` query parameter when that names a
//! language the server speaks, else the first such language of its
//! `Accept-Language` header (by `q`), else English ([`request_locale`]). The
//! `localize_errors` layer writes every [`crate::ApiError`] body in it; a handler
//! that knows better (a reading's body names its `locale`) answers with
//! [`crate::ApiError::into_response_in`].

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::{HeaderMap, HeaderValue, Uri};
use axum::middleware::Next;
use axum::response::Response;
use nps_i18n::Locale;
use nps_protocol::ErrorBody;
use nps_readings::{Localized, Msg};

use crate::error::{ApiError, ErrorMessage};

/// A requested language tag (`"fa"`, `"en-US"`), or English when none is given.
/// An unknown tag is a 422 naming it.
pub fn parse_locale(requested: Option<&str>) -> Result<Locale, ApiError> {
    match requested.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(Locale::En),
        Some(tag) => tag
            .parse()
            .map_err(|_| ApiError::Invalid(Msg::new("error-unknown-locale").text("locale", tag))),
    }
}

/// The language of a request (see the module docs). Never fails: anything it
/// cannot read counts as not given.
pub fn request_locale(uri: &Uri, headers: &HeaderMap) -> Locale {
    locale_of(uri, headers.get(ACCEPT_LANGUAGE))
}

fn locale_of(uri: &Uri, accept_language: Option<&HeaderValue>) -> Locale {
    query_locale(uri)
        .or_else(|| {
            accept_language
                .and_then(|v| v.to_str().ok())
                .and_then(accept_language_pick)
        })
        .unwrap_or_default()
}

fn query_locale(uri: &Uri) -> Option<Locale> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query()?).ok()?;
    pairs
        .into_iter()
        .find(|(k, _)| k == "locale")
        .and_then(|(_, v)| v.parse().ok())
}

/// The best language of an `Accept-Language` value that the server speaks: the
/// highest `q` wins, the earlier one among equals; `q=0` means "not this one".
/// Two languages do not need a negotiation library.
fn accept_language_pick(header: &str) -> Option<Locale> {
    let mut best: Option<(u16, Locale)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';').map(str::trim);
        let Some(Ok(locale)) = parts.next().map(str::parse::<Locale>) else {
            continue;
        };
        let q = parts
            .find_map(|p| p.strip_prefix("q="))
            .map_or(Some(1000), |q| {
                q.parse::<f32>()
                    .ok()
                    .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
            });
        match q {
            Some(q) if q > 0 && best.is_none_or(|(b, _)| q > b) => best = Some((q, locale)),
            _ => {}
        }
    }
    best.map(|(_, locale)| locale)
}

/// Middleware: writes the body of every [`crate::ApiError`] response (those that
/// carry an `ErrorMessage`) in the request's language.
pub(crate) async fn localize_errors(req: Request, next: Next) -> Response {
    // Kept (cheap clones) and read only when there is an error to write.
    let uri = req.uri().clone();
    let accept_language = req.headers().get(ACCEPT_LANGUAGE).cloned();
    let mut response = next.run(req).await;
    if let Some(error) = response.extensions_mut().remove::<ErrorMessage>() {
        let locale = locale_of(&uri, accept_language.as_ref());
        let body = ErrorBody::new(error.code, error.message.localized(locale));
        match serde_json::to_vec(&body) {
            Ok(bytes) => *response.body_mut() = Body::from(bytes),
            Err(e) => tracing::error!(error = %e, "error body not serializable"),
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale_of(uri: &str, accept: Option<&str>) -> Locale {
        let mut headers = HeaderMap::new();
        if let Some(a) = accept {
            headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(a).expect("value"));
        }
        request_locale(&uri.parse().expect("uri"), &headers)
    }

    #[test]
    fn query_then_header_then_english() {
        assert_eq!(locale_of("/x", None), Locale::En);
        assert_eq!(locale_of("/x?locale=fa", None), Locale::Fa);
        assert_eq!(locale_of("/x?date=1&locale=fa-IR", Some("en")), Locale::Fa);
        assert_eq!(locale_of("/x?locale=de", Some("fa")), Locale::Fa);
        assert_eq!(locale_of("/x", Some("fa-IR,fa;q=0.9,en;q=0.8")), Locale::Fa);
        assert_eq!(
            locale_of("/x", Some("de-DE, en;q=0.5, fa;q=0.7")),
            Locale::Fa
        );
        assert_eq!(locale_of("/x", Some("en-US,en;q=0.9,fa;q=0.8")), Locale::En);
        assert_eq!(locale_of("/x", Some("fa;q=0, en;q=0.1")), Locale::En);
        assert_eq!(locale_of("/x", Some("de, *;q=0.5")), Locale::En);
        assert_eq!(locale_of("/x", Some("fa;q=abc")), Locale::En);
    }

    #[test]
    fn parse_locale_names_an_unknown_tag() {
        assert_eq!(parse_locale(None).ok(), Some(Locale::En));
        assert_eq!(parse_locale(Some(" fa ")).ok(), Some(Locale::Fa));
        let e = parse_locale(Some("de")).expect_err("unknown");
        assert!(e.body(Locale::En).error.message.contains("de"));
    }
}
