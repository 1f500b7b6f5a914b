//! The HTTP API of DESIGN §4 over gloo-net (`fetch`), one method per endpoint:
//!
//! - [`Api`]: the authorized calls (readings, history, daily, favorite, delete, saved
//!   people) with the
//!   access token of a [`Credentials`] — the session, as `session.api()`. When the
//!   server answers `token_expired`, the token is refreshed and the call sent once more.
//! - [`PublicApi`]: the calls that need no token (sign-in, refresh, health), on any
//!   server.
//!
//! A request is first described as a [`Call`] (method, path with query, JSON body):
//! plain data, built and unit-tested without a browser. Errors carry the server's
//! `{"error": {code, message}}` ([`HttpError`]).

use std::future::Future;

use gloo::net::http::{Request, RequestBuilder, Response};
use nps_i18n::Locale;
use nps_protocol::{
    DailyQuery, DailyResponse, ErrorBody, ExportQuery, FavoriteBody, FavoriteResponse,
    HealthResponse, HistoryPage, HistoryQuery, LocaleQuery, LoginRequest, LogoutRequest,
    NewProfileRequest, PlaceList, PlaceQuery, ProfileList, ProfilePatch, ReadingNotes,
    ReadingNotesPatch, ReadingResponse, RefreshRequest, SavedProfile, TokenResponse,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use crate::error::HttpError;
use crate::state::forms::ReadingBody;

/// Where authorized calls get their access token (the session implements it).
pub trait Credentials {
    /// The server's base URL (`http://127.0.0.1:8000`).
    fn base_url(&self) -> &str;
    /// A current access token, refreshed first when it is about to expire; `None`
    /// when nobody is signed in.
    fn access_token(&self) -> impl Future<Output = Option<String>>;
    /// A new access token, after the server said the last one expired; `None` when
    /// none can be had.
    fn refreshed_token(&self) -> impl Future<Output = Option<String>>;
}

/// The authorized API of one signed-in session.
#[derive(Clone)]
pub struct Api<C> {
    credentials: C,
}

impl<C: Credentials> Api<C> {
    pub fn new(credentials: C) -> Self {
        Self { credentials }
    }

    /// Signs in on this API's server (no token needed).
    pub async fn login(&self, username: &str, password: &str) -> Result<TokenResponse, HttpError> {
        PublicApi::new(self.credentials.base_url())
            .login(username, password)
            .await
    }

    /// Runs a reading of any stored kind (not daily: see [`Api::daily`]).
    pub async fn reading(&self, body: &ReadingBody) -> Result<Fetched<ReadingResponse>, HttpError> {
        self.fetched(&reading_call(body)?).await
    }

    /// A stored reading, its text rendered in `locale`.
    pub async fn stored_reading(
        &self,
        id: i64,
        locale: Locale,
    ) -> Result<Fetched<ReadingResponse>, HttpError> {
        let query = LocaleQuery {
            locale: Some(locale.tag().to_string()),
        };
        self.fetched(&Call::get(format!("/api/oracle/readings/{id}")).query(&query)?)
            .await
    }

    /// The day's insight (`date` `YYYY-MM-DD`, default today) in `locale`: read for the
    /// user's saved "me" when there is one.
    pub async fn daily(
        &self,
        date: Option<&str>,
        locale: Locale,
    ) -> Result<Fetched<DailyResponse>, HttpError> {
        let query = DailyQuery {
            date: date.map(str::to_string),
            locale: Some(locale.tag().to_string()),
            personal: Some(true),
        };
        self.fetched(&Call::get("/api/oracle/daily").query(&query)?)
            .await
    }

    /// One page of the user's readings; the server applies every filter of `query`.
    pub async fn history(&self, query: &HistoryQuery) -> Result<HistoryPage, HttpError> {
        self.json(&Call::get("/api/oracle/readings").query(query)?)
            .await
    }

    /// Sets (or clears) a reading's favorite flag.
    pub async fn favorite(&self, id: i64, favorite: bool) -> Result<FavoriteResponse, HttpError> {
        let body = FavoriteBody {
            favorite: Some(favorite),
        };
        self.json(&Call::patch(
            format!("/api/oracle/readings/{id}/favorite"),
            &body,
        )?)
        .await
    }

    /// Sets or clears a reading's rating and private note (a field left `None` in the
    /// patch is kept).
    pub async fn set_notes(
        &self,
        id: i64,
        patch: &ReadingNotesPatch,
    ) -> Result<ReadingNotes, HttpError> {
        self.json(&Call::patch(format!("/api/oracle/readings/{id}"), patch)?)
            .await
    }

    /// A stored reading as a file made by the server (`format`: `pdf`, `png`, `md`,
    /// `json`), its text in `locale`.
    pub async fn export(
        &self,
        id: i64,
        format: &str,
        locale: Locale,
    ) -> Result<ExportedFile, HttpError> {
        let response = self.send(&export_call(id, format, locale)?).await?;
        let headers = response.headers();
        let name = headers
            .get("content-disposition")
            .and_then(|d| attachment_name(&d))
            .unwrap_or_else(|| format!("nps-reading-{id}.{format}"));
        let content_type = headers.get("content-type").unwrap_or_default();
        let bytes = response.binary().await.map_err(HttpError::network)?;
        Ok(ExportedFile {
            name,
            content_type,
            bytes,
        })
    }

    /// Deletes a stored reading.
    pub async fn delete(&self, id: i64) -> Result<(), HttpError> {
        self.send(&Call::delete(format!("/api/oracle/readings/{id}")))
            .await
            .map(drop)
    }

    /// Cities whose name matches `query.q`, for the location picker.
    pub async fn places(&self, query: &PlaceQuery) -> Result<PlaceList, HttpError> {
        self.json(&Call::get("/api/places").query(query)?).await
    }

    /// The user's saved people, "me" first.
    pub async fn profiles(&self) -> Result<ProfileList, HttpError> {
        self.json(&Call::get("/api/profiles")).await
    }

    /// Saves a new person.
    pub async fn create_profile(
        &self,
        body: &NewProfileRequest,
    ) -> Result<SavedProfile, HttpError> {
        self.json(&Call::post("/api/profiles", body)?).await
    }

    /// Changes a saved person.
    pub async fn update_profile(
        &self,
        id: i64,
        patch: &ProfilePatch,
    ) -> Result<SavedProfile, HttpError> {
        self.json(&Call::patch(format!("/api/profiles/{id}"), patch)?)
            .await
    }

    /// Deletes a saved person.
    pub async fn delete_profile(&self, id: i64) -> Result<(), HttpError> {
        self.send(&Call::delete(format!("/api/profiles/{id}")))
            .await
            .map(drop)
    }

    async fn json<T: DeserializeOwned>(&self, call: &Call) -> Result<T, HttpError> {
        read_json(self.send(call).await?).await
    }

    async fn fetched<T: DeserializeOwned>(&self, call: &Call) -> Result<Fetched<T>, HttpError> {
        let json = self.send(call).await?.text().await;
        let json = json.map_err(HttpError::network)?;
        let value = serde_json::from_str(&json).map_err(HttpError::network)?;
        Ok(Fetched { value, json })
    }

    /// Sends `call` with the access token; on `token_expired`, refreshes it and sends
    /// once more.
    async fn send(&self, call: &Call) -> Result<Response, HttpError> {
        let base = self.credentials.base_url();
        let token = self.credentials.access_token().await;
        let token = token.ok_or_else(HttpError::not_signed_in)?;
        match send(base, call, Some(&token)).await {
            Err(e) if e.token_expired() => {
                let token = self.credentials.refreshed_token().await;
                let token = token.ok_or_else(HttpError::not_signed_in)?;
                send(base, call, Some(&token)).await
            }
            other => other,
        }
    }
}

/// An answer, and its JSON as the server sent it: results keep it for copy and
/// download, so the client never serializes a reading again.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched<T> {
    pub value: T,
    pub json: String,
}

/// The calls that need no token, on the server at `base_url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicApi {
    base_url: String,
}

impl PublicApi {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
        }
    }

    pub async fn login(&self, username: &str, password: &str) -> Result<TokenResponse, HttpError> {
        let body = LoginRequest {
            username: username.to_string(),
            password: password.to_string(),
        };
        self.json(&Call::post("/api/auth/login", &body)?).await
    }

    pub async fn refresh(&self, refresh_token: &str) -> Result<TokenResponse, HttpError> {
        let body = RefreshRequest {
            refresh_token: refresh_token.to_string(),
        };
        self.json(&Call::post("/api/auth/refresh", &body)?).await
    }

    /// Ends this login on the server: every refresh token of its family stops working
    /// (204, whether or not the server still knew the token).
    pub async fn logout(&self, refresh_token: &str) -> Result<(), HttpError> {
        let body = LogoutRequest {
            refresh_token: refresh_token.to_string(),
        };
        send(
            &self.base_url,
            &Call::post("/api/auth/logout", &body)?,
            None,
        )
        .await
        .map(drop)
    }

    pub async fn health(&self) -> Result<HealthResponse, HttpError> {
        self.json(&Call::get("/api/health")).await
    }

    async fn json<T: DeserializeOwned>(&self, call: &Call) -> Result<T, HttpError> {
        read_json(send(&self.base_url, call, None).await?).await
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

/// One request, described: its method, path (with the query) and JSON body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    pub method: Method,
    /// The path and query: `/api/oracle/readings?limit=50&offset=0`.
    pub target: String,
    /// The JSON body, if any.
    pub body: Option<String>,
}

impl Call {
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::Get, path.into(), None)
    }

    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::Delete, path.into(), None)
    }

    pub fn post(path: impl Into<String>, body: &impl Serialize) -> Result<Self, HttpError> {
        Ok(Self::new(Method::Post, path.into(), Some(to_json(body)?)))
    }

    pub fn patch(path: impl Into<String>, body: &impl Serialize) -> Result<Self, HttpError> {
        Ok(Self::new(Method::Patch, path.into(), Some(to_json(body)?)))
    }

    fn new(method: Method, target: String, body: Option<String>) -> Self {
        Self {
            method,
            target,
            body,
        }
    }

    /// Appends `query`, serialized as the server reads it (fields that are `None` are
    /// left out; nothing is appended when every field is).
    pub fn query(mut self, query: &impl Serialize) -> Result<Self, HttpError> {
        let query = serde_urlencoded::to_string(query).map_err(HttpError::client)?;
        if !query.is_empty() {
            self.target = format!("{}?{query}", self.target);
        }
        Ok(self)
    }

    /// The full URL on the server at `base`.
    pub fn url(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.target)
    }
}

fn to_json(body: &impl Serialize) -> Result<String, HttpError> {
    serde_json::to_string(body).map_err(HttpError::client)
}

/// `base` + `path` + `?` + the query, serialized as the server reads it.
pub fn url_with_query(base: &str, path: &str, query: &impl Serialize) -> Result<String, HttpError> {
    Call::get(path).query(query).map(|c| c.url(base))
}

/// A file the server made: its name (from `Content-Disposition`), type and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportedFile {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The request for reading `id` as a `format` file in `locale`.
pub fn export_call(id: i64, format: &str, locale: Locale) -> Result<Call, HttpError> {
    let query = ExportQuery {
        format: Some(format.to_string()),
        locale: Some(locale.tag().to_string()),
    };
    Call::get(nps_protocol::export_path(id)).query(&query)
}

/// The file name of `Content-Disposition: attachment; filename="x.pdf"` — only a plain
/// name (no path, no quote), else `None`.
pub fn attachment_name(disposition: &str) -> Option<String> {
    let value = disposition
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("filename="))?;
    let name = value.trim_matches('"');
    let plain =
        !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '"', '\0']);
    plain.then(|| name.to_string())
}

/// The request that runs a reading: each kind has its own endpoint. The daily insight
/// is not a stored reading ([`Api::daily`] fetches it), so it has none.
pub fn reading_call(body: &ReadingBody) -> Result<Call, HttpError> {
    match body {
        ReadingBody::Time(b) => Call::post("/api/oracle/reading", b),
        ReadingBody::Name(b) => Call::post("/api/oracle/name", b),
        ReadingBody::Question(b) => Call::post("/api/oracle/question", b),
        ReadingBody::Full(b) => Call::post("/api/oracle/full", b),
        ReadingBody::Compatibility(b) => Call::post("/api/oracle/compatibility", b),
        ReadingBody::Daily { .. } => Err(HttpError::client("daily is not a stored reading")),
    }
}

fn request(base: &str, call: &Call, token: Option<&str>) -> Result<Request, gloo::net::Error> {
    let url = call.url(base);
    let mut builder: RequestBuilder = match call.method {
        Method::Get => Request::get(&url),
        Method::Post => Request::post(&url),
        Method::Patch => Request::patch(&url),
        Method::Delete => Request::delete(&url),
    };
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    match &call.body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body.as_str()),
        None => builder.build(),
    }
}

/// Sends `call` to the server at `base`; an answer that is not 2xx becomes an
/// [`HttpError`] with the server's code and message.
async fn send(base: &str, call: &Call, token: Option<&str>) -> Result<Response, HttpError> {
    let response = request(base, call, token)
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

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, HttpError> {
    response.json::<T>().await.map_err(HttpError::network)
}
