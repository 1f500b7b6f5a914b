//! The HTTP API (DESIGN §4). Every call takes the server's base URL and, except
//! login/refresh/health, an access token; errors carry the server's
//! `{"error": {code, message}}`.

use gloo::net::http::{Request, RequestBuilder, Response};
use nps_protocol::{
    DailyQuery, DailyResponse, ErrorBody, FavoriteBody, FavoriteResponse, HealthResponse,
    HistoryPage, HistoryQuery, LocaleQuery, LoginRequest, ReadingResponse, RefreshRequest,
    TokenResponse,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::state::forms::ReadingBody;

/// A failed call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpError {
    /// The HTTP status; 0 when the server could not be reached.
    pub status: u16,
    /// The server's error code (`token_expired`, `invalid_input`, ...) or `network`.
    pub code: String,
    /// The server's message (for people; shown as it is).
    pub message: String,
}

impl HttpError {
    fn network(e: impl std::fmt::Display) -> Self {
        Self {
            status: 0,
            code: "network".into(),
            message: e.to_string(),
        }
    }

    /// The access token expired (refresh and retry).
    pub fn token_expired(&self) -> bool {
        self.status == 401 && self.code == nps_protocol::http::error_code::TOKEN_EXPIRED
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

fn url(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

/// `base` + `path` + `?` + the query, serialized as the server reads it (fields that are
/// `None` are left out).
pub fn url_with_query(base: &str, path: &str, query: &impl Serialize) -> Result<String, HttpError> {
    let query = serde_urlencoded::to_string(query).map_err(|e| HttpError {
        status: 0,
        code: "client".into(),
        message: e.to_string(),
    })?;
    Ok(if query.is_empty() {
        url(base, path)
    } else {
        format!("{}?{query}", url(base, path))
    })
}

fn authed(builder: RequestBuilder, token: &str) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {token}"))
}

async fn send(request: Result<Request, gloo::net::Error>) -> Result<Response, HttpError> {
    let response = request
        .map_err(HttpError::network)?
        .send()
        .await
        .map_err(HttpError::network)?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    Err(match serde_json::from_str::<ErrorBody>(&text) {
        Ok(body) => HttpError {
            status,
            code: body.error.code,
            message: body.error.message,
        },
        Err(_) => HttpError {
            status,
            code: "http".into(),
            message: response.status_text(),
        },
    })
}

async fn json<T: DeserializeOwned>(
    request: Result<Request, gloo::net::Error>,
) -> Result<T, HttpError> {
    send(request)
        .await?
        .json::<T>()
        .await
        .map_err(HttpError::network)
}

pub async fn login(base: &str, username: &str, password: &str) -> Result<TokenResponse, HttpError> {
    let body = LoginRequest {
        username: username.to_string(),
        password: password.to_string(),
    };
    json(Request::post(&url(base, "/api/auth/login")).json(&body)).await
}

pub async fn refresh(base: &str, refresh_token: &str) -> Result<TokenResponse, HttpError> {
    let body = RefreshRequest {
        refresh_token: refresh_token.to_string(),
    };
    json(Request::post(&url(base, "/api/auth/refresh")).json(&body)).await
}

pub async fn health(base: &str) -> Result<HealthResponse, HttpError> {
    json(Request::get(&url(base, "/api/health")).build()).await
}

/// Runs a reading (every kind but daily).
pub async fn reading(
    base: &str,
    token: &str,
    body: &ReadingBody,
) -> Result<ReadingResponse, HttpError> {
    let post = |path: &str| authed(Request::post(&url(base, path)), token);
    let request = match body {
        ReadingBody::Time(b) => post("/api/oracle/reading").json(b),
        ReadingBody::Name(b) => post("/api/oracle/name").json(b),
        ReadingBody::Question(b) => post("/api/oracle/question").json(b),
        ReadingBody::Full(b) => post("/api/oracle/full").json(b),
        ReadingBody::Compatibility(b) => post("/api/oracle/compatibility").json(b),
        ReadingBody::Daily { .. } => {
            return Err(HttpError {
                status: 0,
                code: "client".into(),
                message: "daily is not a stored reading".into(),
            });
        }
    };
    json(request).await
}

pub async fn daily(
    base: &str,
    token: &str,
    date: Option<&str>,
    locale: &str,
) -> Result<DailyResponse, HttpError> {
    let query = DailyQuery {
        date: date.map(str::to_string),
        locale: Some(locale.to_string()),
    };
    let url = url_with_query(base, "/api/oracle/daily", &query)?;
    json(authed(Request::get(&url), token).build()).await
}

pub async fn history(
    base: &str,
    token: &str,
    query: &HistoryQuery,
) -> Result<HistoryPage, HttpError> {
    let url = url_with_query(base, "/api/oracle/readings", query)?;
    json(authed(Request::get(&url), token).build()).await
}

pub async fn get_reading(
    base: &str,
    token: &str,
    id: i64,
    locale: &str,
) -> Result<ReadingResponse, HttpError> {
    let query = LocaleQuery {
        locale: Some(locale.to_string()),
    };
    let url = url_with_query(base, &format!("/api/oracle/readings/{id}"), &query)?;
    json(authed(Request::get(&url), token).build()).await
}

pub async fn delete_reading(base: &str, token: &str, id: i64) -> Result<(), HttpError> {
    let path = format!("/api/oracle/readings/{id}");
    send(authed(Request::delete(&url(base, &path)), token).build())
        .await
        .map(|_| ())
}

pub async fn set_favorite(
    base: &str,
    token: &str,
    id: i64,
    favorite: bool,
) -> Result<FavoriteResponse, HttpError> {
    let path = format!("/api/oracle/readings/{id}/favorite");
    json(
        authed(Request::patch(&url(base, &path)), token).json(&FavoriteBody {
            favorite: Some(favorite),
        }),
    )
    .await
}
