//! The one HTTP error type. Every error answers `{"error": {"code", "message"}}`
//! ([`nps_protocol::ErrorBody`]); the message is a message of `locales/*/server.ftl`
//! (or of `errors.ftl` for bad input), rendered in the request's language by the
//! `locale::localize_errors` layer. Internal errors send a generic message and are
//! logged once, here. `Display` is English, for logs.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nps_engine::EngineError;
use nps_i18n::Locale;
use nps_protocol::ErrorBody;
use nps_protocol::http::error_code;
use nps_readings::{Localized, Msg, ReadingError};
use nps_store::StoreError;

use crate::auth::{AuthError, TokenError};

/// An error an HTTP handler returns.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 401 with `WWW-Authenticate: Bearer`: no usable access token.
    #[error("token refused: {0}")]
    Unauthorized(#[from] TokenError),
    /// 401: login or refresh with a wrong username, password or refresh token.
    #[error("wrong credentials")]
    BadCredentials,
    /// 403: the peer, `Host` or `Origin` is not allowed (see `access`).
    #[error("forbidden")]
    Forbidden,
    /// 403: the route needs a token whose `role` is `admin`.
    #[error("admin role required")]
    AdminOnly,
    /// 404.
    #[error("not found")]
    NotFound,
    /// 400: the request cannot be read at all (not JSON, not declared as JSON).
    #[error("bad request: {}", .0.english())]
    BadRequest(Msg),
    /// 422: well-formed but invalid input; nothing was stored.
    #[error("invalid input: {}", .0.english())]
    Invalid(Msg),
    /// 429 with `Retry-After`: too many attempts of this kind for now (see `throttle`).
    #[error("too many {0:?} requests; retry after {1:?}")]
    TooManyRequests(Limited, std::time::Duration),
    /// 503 with `Retry-After: 1`: every password-check slot and queue place is taken.
    #[error("too busy to check a password")]
    Busy,
    /// 503 with `Retry-After`: the database cannot be reached now
    /// ([`StoreError::Unavailable`], PostgreSQL only); nothing was written.
    #[error("storage unavailable: {0}")]
    Unavailable(#[source] StoreError),
    /// 429 with `Retry-After`: a client behind a trusted proxy holds its share of
    /// connections already (edge, `Config::max_connections_per_ip`).
    #[error("too many connections from one client")]
    TooManyConnections,
    /// 500; the source is logged, the client sees a generic message.
    #[error("internal error: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// What a 429 limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    /// Login attempts, per client IP or per username.
    Logins,
    /// Readings, per user.
    Readings,
    /// Refresh and logout requests, per client IP.
    TokenRequests,
}
/// `Retry-After` of [`ApiError::Unavailable`], in seconds: about how long a
/// PostgreSQL restart takes.
pub const UNAVAILABLE_RETRY_SECS: u64 = 2;
/// `Retry-After` of [`ApiError::TooManyConnections`], in seconds.
pub const TOO_MANY_CONNECTIONS_RETRY_SECS: u64 = 5;

/// What the `localize_errors` layer needs to write an error's body in the request's
/// language. Set on every [`ApiError`] response whose language is not fixed yet.
#[derive(Debug, Clone)]
pub(crate) struct ErrorMessage {
    pub code: &'static str,
    pub message: Msg,
}

impl ApiError {
    /// Wraps any error as a 500.
    pub fn internal(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Internal(err.into())
    }

    /// A 422 for one field of the request: "birth_date: invalid date …".
    pub fn field(field: &str, e: &EngineError) -> Self {
        Self::Invalid(field_problem(field, e))
    }

    pub fn status_code(&self) -> StatusCode {
        self.status_and_code().0
    }

    /// The stable `code` of the body.
    pub fn code(&self) -> &'static str {
        self.status_and_code().1
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::Unauthorized(TokenError::Expired) => {
                (StatusCode::UNAUTHORIZED, error_code::TOKEN_EXPIRED)
            }
            Self::Unauthorized(_) | Self::BadCredentials => {
                (StatusCode::UNAUTHORIZED, error_code::UNAUTHORIZED)
            }
            Self::Forbidden | Self::AdminOnly => (StatusCode::FORBIDDEN, error_code::FORBIDDEN),
            Self::NotFound => (StatusCode::NOT_FOUND, error_code::NOT_FOUND),
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, error_code::BAD_REQUEST),
            Self::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, error_code::INVALID_INPUT),
            Self::TooManyRequests(..) => {
                (StatusCode::TOO_MANY_REQUESTS, error_code::TOO_MANY_REQUESTS)
            }
            Self::Busy => (StatusCode::SERVICE_UNAVAILABLE, error_code::BUSY),
            Self::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, error_code::UNAVAILABLE),
            Self::TooManyConnections => (
                StatusCode::TOO_MANY_REQUESTS,
                error_code::TOO_MANY_CONNECTIONS,
            ),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, error_code::INTERNAL),
        }
    }

    /// The message for people (a message of `locales/`).
    pub fn message(&self) -> Msg {
        match self {
            Self::Unauthorized(TokenError::Expired) => Msg::new("server-token-expired"),
            Self::Unauthorized(_) => Msg::new("server-auth-required"),
            Self::BadCredentials => Msg::new("server-bad-credentials"),
            Self::Forbidden => Msg::new("server-forbidden"),
            Self::AdminOnly => Msg::new("server-admin-only"),
            Self::NotFound => Msg::new("server-not-found"),
            Self::BadRequest(m) | Self::Invalid(m) => m.clone(),
            Self::TooManyRequests(what, wait) => Msg::new(match what {
                Limited::Logins => "server-limits-too-many-logins",
                Limited::Readings => "server-limits-too-many-readings",
                Limited::TokenRequests => "server-limits-too-many-token-requests",
            })
            .num("seconds", retry_after_secs(*wait)),
            Self::Busy => Msg::new("server-limits-busy"),
            Self::Unavailable(_) => Msg::new("server-storage-unavailable"),
            Self::TooManyConnections => Msg::new("server-edge-too-many-connections"),
            Self::Internal(_) => Msg::new("server-internal"),
        }
    }

    /// The body sent to the client, in `locale`.
    pub fn body(&self, locale: Locale) -> ErrorBody {
        ErrorBody::new(self.code(), self.message().localized(locale))
    }

    /// The response in `locale`, whatever language the request asked for otherwise
    /// (a reading's errors follow the `locale` of its body).
    pub fn into_response_in(self, locale: Locale) -> Response {
        let body = self.body(locale);
        let mut response = self.response_with(body);
        response.extensions_mut().remove::<ErrorMessage>();
        response
    }

    fn response_with(self, body: ErrorBody) -> Response {
        match &self {
            Self::Internal(source) => tracing::error!(error = %source, "internal error"),
            Self::Unavailable(source) => tracing::warn!(error = %source, "storage unavailable"),
            _ => {}
        }
        let mut response = (self.status_code(), Json(body)).into_response();
        if matches!(self, Self::Unauthorized(_)) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        let retry_after = match &self {
            Self::TooManyRequests(_, wait) => Some(retry_after_secs(*wait)),
            Self::Busy => Some(1),
            Self::Unavailable(_) => Some(UNAVAILABLE_RETRY_SECS),
            Self::TooManyConnections => Some(TOO_MANY_CONNECTIONS_RETRY_SECS),
            _ => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response.extensions_mut().insert(ErrorMessage {
            code: self.code(),
            message: self.message(),
        });
        response
    }
}

/// Whole seconds to wait, rounded up, at least 1 (`Retry-After` and the message).
pub(crate) fn retry_after_secs(wait: std::time::Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// The message of a 422 for one field: "birth_date: invalid date …".
pub(crate) fn field_problem(field: &str, e: &EngineError) -> Msg {
    Msg::new("error-field")
        .text("field", field)
        .msg("problem", Msg::from(e))
}

impl IntoResponse for ApiError {
    /// The body is English until the `localize_errors` layer writes it in the
    /// request's language.
    fn into_response(self) -> Response {
        let body = self.body(Locale::En);
        self.response_with(body)
    }
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::BadCredentials => Self::BadCredentials,
            AuthError::Signing => Self::internal(e),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound,
            // What the store refused is a message of errors.ftl; the localize_errors
            // layer writes it in the request's language.
            StoreError::Invalid(reason) => Self::Invalid(reason),
            other if other.is_unavailable() => Self::Unavailable(other),
            other => Self::internal(other),
        }
    }
}

impl From<ReadingError> for ApiError {
    fn from(e: ReadingError) -> Self {
        match e {
            ReadingError::Invalid(m) => Self::Invalid(m),
            other => Self::internal(other),
        }
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> Self {
        Self::from(ReadingError::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let e = ApiError::Unauthorized(TokenError::Missing);
        assert_eq!(e.status_code(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            e.body(Locale::En),
            ErrorBody::new("unauthorized", "Authentication required")
        );
        let e = ApiError::Unauthorized(TokenError::Expired);
        assert_eq!(
            e.body(Locale::En),
            ErrorBody::new("token_expired", "Token expired")
        );
        let e = ApiError::internal(std::io::Error::other("disk on fire"));
        assert_eq!(
            e.body(Locale::En),
            ErrorBody::new("internal", "Internal server error")
        );
        assert!(!e.body(Locale::Fa).error.message.contains("disk"));
        assert_eq!(
            ApiError::Invalid(Msg::new("error-empty-name")).status_code(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            ApiError::from(AuthError::BadCredentials).status_code(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(ApiError::from(AuthError::Signing).code(), "internal");
        assert_eq!(ApiError::AdminOnly.status_code(), StatusCode::FORBIDDEN);
        let e = ApiError::TooManyRequests(Limited::Logins, std::time::Duration::from_millis(2500));
        assert_eq!(e.status_code(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            e.body(Locale::En),
            ErrorBody::new(
                "too_many_requests",
                "Too many sign-in attempts; try again in 3 seconds"
            )
        );
        assert_eq!(
            e.body(Locale::Fa).error.message,
            "تلاش‌های ورود بیش از اندازه بوده است؛ ۳ ثانیهٔ دیگر دوباره امتحان کنید"
        );
        let r = e.into_response();
        assert_eq!(r.headers()[header::RETRY_AFTER], "3");
        let r = ApiError::Busy.into_response();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
    }

    /// What a PostgreSQL store says while its database is down.
    fn down() -> StoreError {
        StoreError::Unavailable {
            reason: "connection refused".into(),
            source: None,
        }
    }

    #[test]
    fn an_unreachable_database_is_503_with_retry_after_even_inside_a_batch() {
        for e in [down(), StoreError::Batch(std::sync::Arc::new(down()))] {
            let e = ApiError::from(e);
            assert_eq!(e.code(), "unavailable");
            assert_eq!(e.message(), Msg::new("server-storage-unavailable"));
            let r = e.into_response();
            assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(r.headers()[header::RETRY_AFTER], "2");
        }
    }

    #[test]
    fn a_response_in_a_fixed_locale_is_left_alone_by_the_layer() {
        let r = ApiError::NotFound.into_response_in(Locale::Fa);
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert!(r.extensions().get::<ErrorMessage>().is_none());
        let r = ApiError::NotFound.into_response();
        assert_eq!(
            r.extensions().get::<ErrorMessage>().map(|m| m.code),
            Some("not_found")
        );
    }

    /// One error of every kind, with every `server-*` message the server sends and
    /// the input errors it builds itself.
    fn every_error() -> Vec<ApiError> {
        let field = |id: &'static str| Msg::new(id).text("field", "profile.birth_date");
        let mut all = vec![
            ApiError::Unauthorized(TokenError::Missing),
            ApiError::Unauthorized(TokenError::Malformed),
            ApiError::Unauthorized(TokenError::BadSignature),
            ApiError::Unauthorized(TokenError::Expired),
            ApiError::BadCredentials,
            ApiError::Forbidden,
            ApiError::AdminOnly,
            ApiError::NotFound,
            ApiError::internal("disk on fire"),
            ApiError::TooManyRequests(Limited::Logins, std::time::Duration::from_millis(2500)),
            ApiError::TooManyRequests(Limited::Readings, std::time::Duration::from_secs(1)),
            ApiError::TooManyRequests(Limited::TokenRequests, std::time::Duration::from_secs(1)),
            ApiError::Busy,
            ApiError::TooManyConnections,
            ApiError::from(down()),
            ApiError::from(StoreError::Invalid(
                Msg::new("error-store-text-filter-long")
                    .num("count", 201)
                    .num("max", 200),
            )),
            ApiError::BadRequest(Msg::new("server-json-content-type")),
            ApiError::BadRequest(
                Msg::new("server-json-syntax")
                    .num("line", 1)
                    .num("column", 2),
            ),
            ApiError::BadRequest(Msg::new("server-body-unreadable")),
            ApiError::BadRequest(Msg::new("error-rating-range").num("min", 1).num("max", 5)),
            ApiError::BadRequest(Msg::new("error-note-long").int("max", 2000)),
            ApiError::Invalid(field("server-json-missing-field")),
            ApiError::Invalid(field("server-json-invalid-field")),
            ApiError::Invalid(Msg::new("server-json-invalid")),
            ApiError::Invalid(field("server-query-missing-field")),
            ApiError::Invalid(field("server-query-invalid-field")),
            ApiError::Invalid(Msg::new("server-query-invalid")),
            ApiError::Invalid(Msg::new("server-text-filter-long").num("max", 200)),
            ApiError::Invalid(Msg::new("error-body-too-large").num("kib", 64)),
            ApiError::Invalid(Msg::new("error-unknown-locale").text("locale", "de")),
            ApiError::Invalid(Msg::new("error-request-id-long").num("max", 128)),
            ApiError::field("date", &EngineError::InvalidHour(24)),
        ];
        all.push(ApiError::Invalid(
            Msg::new("progress-error").msg("error", Msg::new("server-storage-failed")),
        ));
        all
    }

    /// What a Persian message may show in Latin letters: codes, formats and the names
    /// of fields and parameters, which are part of the API.
    const TOKENS: [&str; 9] = [
        "Content-Type",
        "application/json",
        "JSON",
        "profile.birth_date",
        "request_id",
        "date",
        "de",
        "en",
        "fa",
    ];

    #[test]
    fn every_error_renders_in_both_languages_and_the_persian_has_no_latin_letters() {
        let all = every_error();
        let mut ids: Vec<String> = all.iter().map(|e| e.message().id.into_owned()).collect();
        ids.sort();
        for id in nps_i18n::Localizer::get().message_ids(Locale::En) {
            if id.starts_with("server-") {
                assert!(
                    ids.iter().any(|i| i == id) || id == "server-storage-failed",
                    "{id} untested"
                );
            }
        }
        for e in &all {
            let en = e.body(Locale::En);
            let fa = e.body(Locale::Fa);
            assert_eq!(en.error.code, fa.error.code);
            let id = e.message().id;
            for body in [&en, &fa] {
                let m = &body.error.message;
                assert!(!m.is_empty() && !m.contains('{') && *m != id, "{id}: {m}");
            }
            assert_ne!(en.error.message, fa.error.message, "{id} is not translated");
            let mut rest = fa.error.message.clone();
            for token in TOKENS {
                rest = rest.replace(token, "");
            }
            assert!(
                !rest.chars().any(|c| c.is_ascii_alphabetic()),
                "Latin letters in fa {id}: {}",
                fa.error.message
            );
            assert!(
                !fa.error.message.contains(['ي', 'ك']),
                "Arabic yeh or kaf in fa {id}"
            );
        }
    }
}
