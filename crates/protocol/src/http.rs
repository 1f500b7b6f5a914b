//! Bodies of the HTTP API (DESIGN §4). Optional request fields may be absent
//! or `null`. Types holding a password or token redact it in `Debug`.

use serde::{Deserialize, Serialize};

use crate::event::SignType;

/// `POST /api/auth/login`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// `POST /api/auth/refresh`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

impl std::fmt::Debug for RefreshRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RefreshRequest")
            .field("refresh_token", &"<redacted>")
            .finish()
    }
}

/// The answer to login and refresh. `token_type` is always `"bearer"`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: String,
    /// Lifetime of `access_token` in seconds.
    pub expires_in: u64,
}

impl TokenResponse {
    /// A response with `token_type: "bearer"`.
    pub fn bearer(
        access_token: impl Into<String>,
        refresh_token: impl Into<String>,
        expires_in: u64,
    ) -> Self {
        Self {
            access_token: access_token.into(),
            refresh_token: refresh_token.into(),
            token_type: "bearer".into(),
            expires_in,
        }
    }
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &"<redacted>")
            .field("refresh_token", &"<redacted>")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// `POST /api/oracle/reading` (a time reading).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct TimeReadingRequest {
    /// ISO-8601 with offset; default: now, local offset.
    #[serde(default)]
    pub datetime: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    /// Echoed in this reading's WebSocket events.
    #[serde(default)]
    pub request_id: Option<String>,
}

/// `POST /api/oracle/name`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct NameReadingRequest {
    pub name: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub birth_date: Option<String>,
    /// `auto` (default), `pythagorean`, `abjad`, ...
    #[serde(default)]
    pub numerology_system: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub request_id: Option<String>,
}

/// `POST /api/oracle/question`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct QuestionReadingRequest {
    /// At most 1,000 characters.
    pub question: String,
    #[serde(default)]
    pub numerology_system: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub request_id: Option<String>,
}

/// A person, as in the full and compatibility readings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ProfileBody {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    #[serde(default)]
    pub mother_name: Option<String>,
    #[serde(default)]
    pub gender: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    /// Heart rate, beats per minute.
    #[serde(default)]
    pub bpm: Option<u32>,
    #[serde(default)]
    pub numerology_system: Option<String>,
}

/// `POST /api/oracle/full`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FullReadingRequest {
    pub profile: ProfileBody,
    #[serde(default)]
    pub datetime: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub request_id: Option<String>,
}

/// `POST /api/oracle/compatibility` (2–5 profiles; the server checks the count).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CompatibilityRequest {
    pub profiles: Vec<ProfileBody>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub request_id: Option<String>,
}

/// A stored reading, as every reading endpoint and `GET .../readings/{id}` return it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReadingResponse {
    pub reading_id: i64,
    pub request_id: String,
    pub sign_type: SignType,
    pub summary: String,
    /// The engine's structured result.
    pub result: serde_json::Value,
    /// The rendered text (sections) for the request's locale.
    pub text: serde_json::Value,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// `GET /api/oracle/readings?type=&favorite=&q=&limit=&offset=`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct HistoryQuery {
    #[serde(rename = "type")]
    pub sign_type: Option<SignType>,
    pub favorite: Option<bool>,
    /// Substring search.
    pub q: Option<String>,
    /// First day, `YYYY-MM-DD` (UTC, inclusive).
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD` (UTC, inclusive).
    pub to: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// `GET /api/oracle/daily?date=&locale=`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct DailyQuery {
    /// `YYYY-MM-DD`; default today.
    pub date: Option<String>,
    pub locale: Option<String>,
}

/// `GET /api/health`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct HealthResponse {
    /// `"ok"`.
    pub status: String,
    /// The server's version.
    pub version: String,
    /// Open WebSocket connections.
    pub connections: u64,
}

/// Every HTTP error: `{"error": {"code", "message"}}` with a 4xx/5xx status.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// The inside of [`ErrorBody`]. `code` is a stable machine string (see
/// [`error_code`]); `message` is for people.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code: code.into(),
                message: message.into(),
            },
        }
    }
}

/// The `code` values of [`ErrorDetail`].
pub mod error_code {
    /// 401: no, malformed or badly signed token.
    pub const UNAUTHORIZED: &str = "unauthorized";
    /// 401: the token's `exp` passed; refresh and retry.
    pub const TOKEN_EXPIRED: &str = "token_expired";
    /// 403: Origin/Host not allowed, or not permitted.
    pub const FORBIDDEN: &str = "forbidden";
    /// 404.
    pub const NOT_FOUND: &str = "not_found";
    /// 400: unparsable request.
    pub const BAD_REQUEST: &str = "bad_request";
    /// 422: well-formed but invalid input.
    pub const INVALID_INPUT: &str = "invalid_input";
    /// 413/422: body over the limit.
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    /// 500: details are logged, never sent.
    pub const INTERNAL: &str = "internal";
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn token_response_shape_and_debug_redaction() {
        let t = TokenResponse::bearer("aaa.bbb.ccc", "refresh-secret", 900);
        assert_eq!(
            serde_json::to_value(&t).ok(),
            Some(
                json!({"access_token": "aaa.bbb.ccc", "refresh_token": "refresh-secret", "token_type": "bearer", "expires_in": 900})
            )
        );
        let dbg = format!("{t:?}");
        assert!(
            !dbg.contains("aaa.bbb.ccc") && !dbg.contains("refresh-secret"),
            "{dbg}"
        );
        let login = LoginRequest {
            username: "alice".into(),
            password: "hunter2".into(),
        };
        assert!(!format!("{login:?}").contains("hunter2"));
        let refresh = RefreshRequest {
            refresh_token: "rt".into(),
        };
        assert!(!format!("{refresh:?}").contains("\"rt\""));
    }

    #[test]
    fn optional_request_fields_may_be_absent_or_null() {
        let t: TimeReadingRequest = serde_json::from_value(json!({})).expect("empty body");
        assert_eq!(t, TimeReadingRequest::default());
        let n: NameReadingRequest = serde_json::from_value(
            json!({"name": "Alice", "birth_date": null, "request_id": "r1"}),
        )
        .expect("name");
        assert_eq!(
            (n.name.as_str(), n.request_id.as_deref()),
            ("Alice", Some("r1"))
        );
        assert!(serde_json::from_value::<NameReadingRequest>(json!({})).is_err());
        let q: QuestionReadingRequest =
            serde_json::from_value(json!({"question": "Why?"})).expect("question");
        assert_eq!(q.numerology_system, None);
    }

    #[test]
    fn full_and_compatibility_bodies() {
        let full: FullReadingRequest = serde_json::from_value(json!({
            "profile": {"name": "Alice Johnson", "birth_date": "1990-07-15", "latitude": 40.7, "bpm": 72},
            "datetime": "2026-02-09T14:30:00-05:00",
            "locale": "en"
        }))
        .expect("full");
        assert_eq!(full.profile.bpm, Some(72));
        assert_eq!(full.profile.mother_name, None);
        let compat: CompatibilityRequest = serde_json::from_value(json!({
            "profiles": [
                {"name": "A", "birth_date": "1990-01-01"},
                {"name": "B", "birth_date": "1991-02-02", "gender": "female"}
            ]
        }))
        .expect("compat");
        assert_eq!(compat.profiles.len(), 2);
    }

    #[test]
    fn reading_response_shape() {
        let r = ReadingResponse {
            reading_id: 3,
            request_id: "r".into(),
            sign_type: SignType::Question,
            summary: "s".into(),
            result: json!({"number": 7}),
            text: json!(["t"]),
            created_at: "2026-02-09T19:30:00.000Z".into(),
        };
        assert_eq!(
            serde_json::to_value(&r).ok(),
            Some(
                json!({"reading_id": 3, "request_id": "r", "sign_type": "question", "summary": "s",
                        "result": {"number": 7}, "text": ["t"], "created_at": "2026-02-09T19:30:00.000Z"})
            )
        );
    }

    #[test]
    fn history_query_uses_type_key() {
        let q: HistoryQuery =
            serde_json::from_value(json!({"type": "name", "favorite": true, "limit": 10}))
                .expect("query");
        assert_eq!(q.sign_type, Some(SignType::Name));
        assert_eq!(q.offset, None);
        assert!(serde_json::from_value::<HistoryQuery>(json!({"type": "tarot"})).is_err());
    }

    #[test]
    fn health_and_error_shapes() {
        let h = HealthResponse {
            status: "ok".into(),
            version: "0.1.0".into(),
            connections: 2,
        };
        assert_eq!(
            serde_json::to_value(&h).ok(),
            Some(json!({"status": "ok", "version": "0.1.0", "connections": 2}))
        );
        assert_eq!(
            serde_json::to_value(ErrorBody::new(
                error_code::UNAUTHORIZED,
                "Authentication required"
            ))
            .ok(),
            Some(json!({"error": {"code": "unauthorized", "message": "Authentication required"}}))
        );
    }
}
