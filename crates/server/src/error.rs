//! The one HTTP error type. Every error answers `{"error": {"code", "message"}}`
//! ([`nps_protocol::ErrorBody`]); internal errors send a generic message and are
//! logged once, here.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nps_protocol::ErrorBody;
use nps_protocol::http::error_code;

use crate::auth::AuthError;

/// An error an HTTP handler returns.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 401 with `WWW-Authenticate: Bearer`.
    #[error(transparent)]
    Unauthorized(#[from] AuthError),
    /// 403.
    #[error("Forbidden")]
    Forbidden,
    /// 404.
    #[error("Not found")]
    NotFound,
    /// 400 with this message.
    #[error("{0}")]
    BadRequest(String),
    /// 422 with this message (bad input; nothing stored).
    #[error("{0}")]
    Invalid(String),
    /// 413.
    #[error("Request body too large")]
    PayloadTooLarge,
    /// 500; the source is logged, the client sees a generic message.
    #[error("Internal server error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    /// Wraps any error as a 500.
    pub fn internal(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Internal(err.into())
    }

    pub fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable `code` of the body.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthorized(AuthError::Expired) => error_code::TOKEN_EXPIRED,
            Self::Unauthorized(_) => error_code::UNAUTHORIZED,
            Self::Forbidden => error_code::FORBIDDEN,
            Self::NotFound => error_code::NOT_FOUND,
            Self::BadRequest(_) => error_code::BAD_REQUEST,
            Self::Invalid(_) => error_code::INVALID_INPUT,
            Self::PayloadTooLarge => error_code::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => error_code::INTERNAL,
        }
    }

    /// The body sent to the client.
    pub fn body(&self) -> ErrorBody {
        ErrorBody::new(self.code(), self.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(source) = &self {
            tracing::error!(error = %source, "internal error");
        }
        let mut response = (self.status_code(), Json(self.body())).into_response();
        if matches!(self, Self::Unauthorized(_)) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let e = ApiError::Unauthorized(AuthError::Missing);
        assert_eq!(e.status_code(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            e.body(),
            ErrorBody::new("unauthorized", "Authentication required")
        );
        let e = ApiError::Unauthorized(AuthError::Expired);
        assert_eq!(e.body(), ErrorBody::new("token_expired", "Token expired"));
        let e = ApiError::internal(std::io::Error::other("disk on fire"));
        assert_eq!(
            e.body(),
            ErrorBody::new("internal", "Internal server error")
        );
        assert_eq!(
            ApiError::Invalid("bad date".into()).status_code(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
}
