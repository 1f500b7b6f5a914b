//! How a call to the server failed, as plain data (no DOM): [`HttpError`] carries the
//! server's `{"error": {code, message}}`; [`SignInError`] tells a refused sign-in from
//! any other failure. Views turn them into text at render time, so an error shown
//! follows a language switch.

use nps_protocol::http::error_code;

/// A failed call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpError {
    /// The HTTP status; 0 when the server could not be reached.
    pub status: u16,
    /// The server's error code (`token_expired`, `invalid_input`, ...), `network`, or
    /// `client` for a request this client could not build.
    pub code: String,
    /// The server's message (for people; shown as it is).
    pub message: String,
}

impl HttpError {
    /// The server could not be reached (or its answer could not be read).
    pub fn network(e: impl std::fmt::Display) -> Self {
        Self {
            status: 0,
            code: "network".into(),
            message: e.to_string(),
        }
    }

    /// A request this client could not build; nothing was sent.
    pub fn client(e: impl std::fmt::Display) -> Self {
        Self {
            status: 0,
            code: "client".into(),
            message: e.to_string(),
        }
    }

    /// An authorized call without a signed-in user: nothing was sent.
    pub fn not_signed_in() -> Self {
        Self {
            status: 401,
            code: error_code::UNAUTHORIZED.into(),
            message: String::new(),
        }
    }

    /// The access token expired (refresh and retry).
    pub fn token_expired(&self) -> bool {
        self.status == 401 && self.code == error_code::TOKEN_EXPIRED
    }

    /// The token (or the login) was refused.
    pub fn unauthorized(&self) -> bool {
        self.status == 401
    }

    /// The message id that describes this error for people, when the server's own
    /// message is not the thing to show.
    pub fn message_id(&self) -> &'static str {
        match self.status {
            0 => "ui-error-network",
            401 => "ui-error-unauthorized",
            403 => "ui-error-forbidden",
            404 => "ui-error-not-found",
            400 | 413 | 422 => "ui-error-invalid",
            _ => "ui-error-server",
        }
    }
}

/// Why a sign-in (the login screen, or a server switch with a username) failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInError {
    /// Wrong username or password, or one of them empty: "sign-in failed", without
    /// saying which.
    Refused,
    /// Anything else (the server unreachable, a server error, ...).
    Failed(HttpError),
}

impl From<HttpError> for SignInError {
    fn from(e: HttpError) -> Self {
        if e.unauthorized() {
            Self::Refused
        } else {
            Self::Failed(e)
        }
    }
}
