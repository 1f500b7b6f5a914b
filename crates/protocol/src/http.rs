//! Bodies of the HTTP API (DESIGN §4). Optional request fields may be absent
//! or `null`. Types holding a password or token redact it in `Debug`.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::event::SignType;
use crate::figures::{DailyFigures, Figures};
use crate::locale::Locale;
use crate::text::RenderedText;

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

/// `POST /api/auth/logout`: ends the login this refresh token belongs to (every
/// token rotated from it). Answered 204 whether or not the token was known.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct LogoutRequest {
    pub refresh_token: String,
}

impl std::fmt::Debug for LogoutRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogoutRequest")
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

/// A stored reading, as every reading endpoint and `GET .../readings/{id}` return it:
/// `{reading_id, request_id, sign_type, summary, result, text, created_at}`, where
/// `sign_type` is the kind of `result` (so it is not a field of its own here).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadingResponse {
    pub reading_id: i64,
    pub request_id: String,
    pub summary: String,
    /// The figures of the reading.
    pub result: Figures,
    /// The rendered text (sections) for the request's locale.
    pub text: RenderedText,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The owner's marks on it (all unset on a new reading).
    pub marks: ReadingMarks,
}

/// What the owner added to a stored reading: the favorite flag, a rating (1–5 stars)
/// and a private note. Written flat into [`ReadingResponse`] and [`HistoryItem`].
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct ReadingMarks {
    pub favorite: bool,
    pub rating: Option<u8>,
    pub note: Option<String>,
}

impl ReadingResponse {
    /// The kind of the reading.
    pub fn sign_type(&self) -> SignType {
        self.result.kind()
    }
}

/// [`ReadingResponse`] as it is written: every field by reference, `sign_type` added.
#[derive(Serialize)]
struct ReadingResponseOut<'a> {
    reading_id: i64,
    request_id: &'a str,
    sign_type: SignType,
    summary: &'a str,
    result: &'a Figures,
    text: &'a RenderedText,
    created_at: &'a str,
    #[serde(flatten)]
    marks: &'a ReadingMarks,
}

impl Serialize for ReadingResponse {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReadingResponseOut {
            reading_id: self.reading_id,
            request_id: &self.request_id,
            sign_type: self.sign_type(),
            summary: &self.summary,
            result: &self.result,
            text: &self.text,
            created_at: &self.created_at,
            marks: &self.marks,
        }
        .serialize(s)
    }
}

/// [`ReadingResponse`] as it is read: `result` is read as the kind `sign_type` names.
#[derive(Deserialize)]
struct ReadingResponseIn {
    reading_id: i64,
    request_id: String,
    sign_type: SignType,
    summary: String,
    result: serde_json::Value,
    text: RenderedText,
    created_at: String,
    #[serde(flatten)]
    marks: ReadingMarks,
}

impl<'de> Deserialize<'de> for ReadingResponse {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = ReadingResponseIn::deserialize(d)?;
        Ok(ReadingResponse {
            reading_id: r.reading_id,
            request_id: r.request_id,
            summary: r.summary,
            result: Figures::from_value(r.sign_type, r.result).map_err(D::Error::custom)?,
            text: r.text,
            created_at: r.created_at,
            marks: r.marks,
        })
    }
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
    /// `true`: the day read for the caller's saved "me" (their personal year, month and
    /// day), when they have one; otherwise (and by default) the day for everyone.
    pub personal: Option<bool>,
}

/// The answer of `GET /api/oracle/daily`: the day's insight (as `daily_reading`
/// broadcasts it) with the figures and text of the day's reading.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DailyResponse {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub locale: String,
    pub insight: String,
    /// In the locale's digits.
    pub lucky_numbers: Vec<String>,
    pub figures: DailyFigures,
    pub text: RenderedText,
    /// The name of the saved "me" this day was read for (`?personal=true`); absent for
    /// the day for everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_for: Option<String>,
}

/// `POST /api/admin/daily` (a token whose `role` is `admin`): publish the daily
/// insight now. Publishing is idempotent per (date, locale).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct PublishDailyRequest {
    /// `YYYY-MM-DD`; default: the server's local date.
    pub date: Option<String>,
    /// One language; default: every language the server publishes in.
    pub locale: Option<String>,
}

/// The answer of `POST /api/admin/daily`: one entry per language.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct PublishDailyResponse {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub publications: Vec<DailyPublication>,
}

/// Whether `daily_reading` went out for one (date, locale).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyPublication {
    pub locale: Locale,
    /// `false` when that (date, locale) had been published before: nothing was sent.
    pub broadcast: bool,
    /// Connections that took the event (0 when nothing was sent). Always 0 on a
    /// cluster (PostgreSQL storage): every node's listener delivers it to its own
    /// sockets, and no node counts the others'.
    pub delivered: u64,
}

/// One row of `GET /api/oracle/readings` (the full result is fetched per reading).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HistoryItem {
    pub reading_id: i64,
    pub sign_type: SignType,
    pub summary: String,
    pub locale: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The request in plain fields.
    #[serde(default)]
    pub input: serde_json::Value,
    /// Favorite, rating and note.
    #[serde(flatten)]
    pub marks: ReadingMarks,
}

/// The answer of `GET /api/oracle/readings`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HistoryPage {
    pub items: Vec<HistoryItem>,
    /// Matching readings across all pages.
    pub total: u64,
    /// The page size used (the requested one, clamped).
    pub limit: u32,
    pub offset: u32,
}

/// `?locale=` of `GET /api/oracle/readings/{id}`: the language to show the reading in
/// (default: the one it was made in).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct LocaleQuery {
    pub locale: Option<String>,
}

/// Query of `GET /api/oracle/readings/{id}/export`: `format` is `pdf`, `png` (an image
/// card), `md` (Markdown) or `json`; `locale` the language of the text (default: the
/// one the reading was made in).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct ExportQuery {
    pub format: Option<String>,
    pub locale: Option<String>,
}

/// Path of a reading's export: `/api/oracle/readings/{id}/export`.
pub fn export_path(reading_id: i64) -> String {
    format!("/api/oracle/readings/{reading_id}/export")
}

/// Optional body of `PATCH /api/oracle/readings/{id}/favorite`: `{"favorite": bool}`
/// sets the flag; without it (or without a body) the flag toggles.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct FavoriteBody {
    pub favorite: Option<bool>,
}

/// The answer of `PATCH /api/oracle/readings/{id}/favorite`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct FavoriteResponse {
    pub reading_id: i64,
    /// The flag now.
    pub favorite: bool,
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
    /// 422: well-formed but invalid input (a body over the limit too).
    pub const INVALID_INPUT: &str = "invalid_input";
    /// 500: details are logged, never sent.
    pub const INTERNAL: &str = "internal";
    /// 429: too many logins or readings for now; `Retry-After` says when to retry.
    pub const TOO_MANY_REQUESTS: &str = "too_many_requests";
    /// 503: the server is too busy to check a password now; `Retry-After` says when.
    pub const BUSY: &str = "busy";
    /// 429: the client holds its share of the server's connections already (behind a
    /// proxy); see `Retry-After`.
    pub const TOO_MANY_CONNECTIONS: &str = "too_many_connections";
    /// 503: the database cannot be reached now (a cluster's PostgreSQL is down or
    /// restarting); nothing was stored. `Retry-After` says when to retry.
    pub const UNAVAILABLE: &str = "unavailable";
}

#[cfg(test)]
mod tests {
    use nps_engine::numerology::{LetterValue, System};
    use serde_json::json;

    use super::*;
    use crate::Locale;
    use crate::figures::NameFigures;
    use crate::text::RenderedSection;

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

    fn name_figures() -> NameFigures {
        NameFigures {
            name: "Ali".into(),
            system: System::Pythagorean,
            expression: 7,
            soul_urge: 1,
            personality: 6,
            letter_sum: 16,
            letters: vec![LetterValue {
                letter: "A".into(),
                value: 1,
                vowel: true,
                element: Some("Wood"),
            }],
            dominant_element: Some("Wood"),
            life_path: None,
            personal_year: Some(11),
        }
    }

    fn text() -> RenderedText {
        RenderedText {
            locale: Locale::Fa,
            direction: "rtl".into(),
            headline: "h".into(),
            summary: Vec::new(),
            sections: vec![RenderedSection {
                id: "section-core".into(),
                title: "t".into(),
                paragraphs: vec!["p".into()],
            }],
        }
    }

    #[test]
    fn reading_response_shape() {
        let r = ReadingResponse {
            reading_id: 3,
            request_id: "r".into(),
            summary: "s".into(),
            result: Figures::Name(name_figures()),
            text: text(),
            created_at: "2026-02-09T19:30:00.000Z".into(),
            marks: ReadingMarks {
                favorite: true,
                rating: Some(4),
                note: Some("یادداشت".into()),
            },
        };
        assert_eq!(r.sign_type(), SignType::Name);
        let json = serde_json::to_value(&r).expect("serializes");
        assert_eq!(
            json,
            json!({"reading_id": 3, "request_id": "r", "sign_type": "name", "summary": "s",
                   "result": {"name": "Ali", "system": "pythagorean", "expression": 7, "soul_urge": 1,
                              "personality": 6, "letter_sum": 16, "dominant_element": "Wood", "personal_year": 11,
                              "letters": [{"letter": "A", "value": 1, "vowel": true, "element": "Wood"}]},
                   "text": {"locale": "fa", "direction": "rtl", "headline": "h",
                            "sections": [{"id": "section-core", "title": "t", "paragraphs": ["p"]}]},
                   "created_at": "2026-02-09T19:30:00.000Z",
                   "favorite": true, "rating": 4, "note": "یادداشت"})
        );
        let back: ReadingResponse = serde_json::from_value(json.clone()).expect("reads back");
        assert_eq!(back, r);
        // The result is read as the kind `sign_type` names.
        let mut wrong = json;
        wrong["sign_type"] = json!("time");
        let e = serde_json::from_value::<ReadingResponse>(wrong)
            .expect_err("a name result is no time result");
        assert!(e.to_string().contains("missing field"), "{e}");
    }

    #[test]
    fn history_daily_and_favorite_shapes() {
        let page: HistoryPage = serde_json::from_value(json!({
            "items": [{"reading_id": 5, "sign_type": "compatibility", "summary": "s", "locale": "fa",
                       "favorite": false, "created_at": "2026-11-25T20:50:51.416Z", "input": {}}],
            "total": 5, "limit": 3, "offset": 0
        }))
        .expect("history page");
        assert_eq!(
            (page.items[0].reading_id, page.items[0].sign_type),
            (5, SignType::Compatibility)
        );
        // A server without ratings and notes: none of either.
        assert_eq!(page.items[0].marks, ReadingMarks::default());
        let rated: HistoryItem =
            serde_json::from_value(json!({"reading_id": 6, "sign_type": "name",
            "summary": "s", "locale": "en", "favorite": true, "created_at": "x", "rating": 5,
            "note": "n"}))
            .expect("rated item");
        assert_eq!(
            rated.marks,
            ReadingMarks {
                favorite: true,
                rating: Some(5),
                note: Some("n".into())
            }
        );
        assert!(
            serde_json::from_value::<HistoryItem>(json!({"reading_id": 6, "sign_type": "name",
                "summary": "s", "locale": "en", "favorite": true, "created_at": "x", "rating": 300}))
            .is_err()
        );
        assert!(
            serde_json::from_value::<HistoryItem>(json!({"reading_id": 5, "sign_type": "tarot",
                "summary": "s", "locale": "en", "favorite": false, "created_at": "x"}))
            .is_err()
        );
        assert_eq!(
            serde_json::from_value::<FavoriteBody>(json!({})).ok(),
            Some(FavoriteBody { favorite: None })
        );
        assert_eq!(
            serde_json::to_value(FavoriteResponse {
                reading_id: 2,
                favorite: true
            })
            .ok(),
            Some(json!({"reading_id": 2, "favorite": true}))
        );
        assert_eq!(
            serde_json::from_value::<LocaleQuery>(json!({"locale": "fa"}))
                .ok()
                .and_then(|q| q.locale),
            Some("fa".to_string())
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
