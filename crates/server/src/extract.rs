//! Extractors (realworld `http/extractor.rs`): the caller ([`AuthUser`],
//! [`AdminUser`]), its IP ([`ClientIp`]) and request bodies and queries whose rejections answer in our
//! error shape ([`ApiJson`], [`ApiQuery`]).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use nps_protocol::Claims;
use nps_readings::Msg;
use serde::de::DeserializeOwned;

use crate::app::AppState;
use crate::auth::TokenError;
use crate::error::ApiError;

/// The largest accepted request body (DESIGN §4: larger is a 422).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// An authenticated caller (valid `Authorization: Bearer <JWT>`); anything else is
/// a 401. There is no optional variant: no route is open to both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthUser {
    pub claims: Claims,
}

impl AuthUser {
    /// The token's `sub`: the owner of everything this request creates.
    pub fn user_id(&self) -> &str {
        &self.claims.sub
    }
}

fn bearer_token(parts: &Parts) -> Result<&str, TokenError> {
    let value = parts
        .headers
        .get(AUTHORIZATION)
        .ok_or(TokenError::Missing)?;
    let value = value.to_str().map_err(|_| TokenError::Malformed)?;
    let (scheme, token) = value.split_once(' ').ok_or(TokenError::Malformed)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(TokenError::Malformed);
    }
    match token.trim() {
        "" => Err(TokenError::Missing),
        token => Ok(token),
    }
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let claims = state.keys().verify(bearer_token(parts)?)?;
        Ok(Self { claims })
    }
}

/// The client's IP address: [`crate::ClientAddr`], which `connection` sets on every
/// request — the peer of the connection, or behind a trusted proxy the rightmost
/// untrusted `X-Forwarded-For` hop (see [`crate::client`]); else the peer. The one
/// place the limits ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub std::net::IpAddr);

/// The client IP of a request (see [`ClientIp`]); `None` without connection info.
pub fn client_ip(parts: &Parts) -> Option<std::net::IpAddr> {
    if let Some(crate::ClientAddr(ip)) = parts.extensions.get::<crate::ClientAddr>() {
        return Some(*ip);
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<crate::listener::ConnInfo>>()
        .map(|c| c.0.peer.ip())
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        // The access guard already refuses requests without connection info.
        client_ip(parts).map(Self).ok_or(ApiError::Forbidden)
    }
}

/// A caller whose token has `role: admin` (`nps token --role admin`): 401 without a
/// valid token, 403 with another role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminUser(pub AuthUser);

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match AuthUser::from_request_parts(parts, state).await? {
            user if user.claims.is_admin() => Ok(Self(user)),
            _ => Err(ApiError::AdminOnly),
        }
    }
}

/// A JSON body whose rejections answer in our error shape: a body over
/// [`MAX_BODY_BYTES`] or one that does not fit the request type is a 422 naming the
/// problem (and the field); a body that is not JSON, or not declared as JSON, is a
/// 400.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(req.headers()) {
            return Err(ApiError::BadRequest(Msg::new("server-json-content-type")));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(body_rejection)?;
        decode_json(&bytes).map(ApiJson)
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
}

fn body_rejection(e: BytesRejection) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::Invalid(Msg::new("error-body-too-large").num("kib", MAX_BODY_BYTES / 1024))
    } else {
        ApiError::BadRequest(Msg::new("server-body-unreadable"))
    }
}

/// Reads a JSON body: a syntax error is a 400 with its line and column, a body of the
/// wrong shape a 422 naming the field.
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        json_error(&path, e.inner())
    })?;
    de.end().map_err(|e| json_error(".", &e))?;
    Ok(value)
}

fn json_error(path: &str, e: &serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => ApiError::Invalid(shape_problem(path, &e.to_string(), &JSON_SHAPE)),
        Category::Syntax | Category::Eof | Category::Io => ApiError::BadRequest(
            Msg::new("server-json-syntax")
                .num("line", e.line())
                .num("column", e.column()),
        ),
    }
}

/// The messages for a body or query that does not fit its type.
struct ShapeMessages {
    missing_field: &'static str,
    invalid_field: &'static str,
    invalid: &'static str,
}

const JSON_SHAPE: ShapeMessages = ShapeMessages {
    missing_field: "server-json-missing-field",
    invalid_field: "server-json-invalid-field",
    invalid: "server-json-invalid",
};

const QUERY_SHAPE: ShapeMessages = ShapeMessages {
    missing_field: "server-query-missing-field",
    invalid_field: "server-query-invalid-field",
    invalid: "server-query-invalid",
};

/// What does not fit: the field serde names as missing, the field (at `path`) of the
/// wrong type or value, or the whole. serde's own words are English, so only the
/// field names are taken from them.
fn shape_problem(path: &str, serde_message: &str, messages: &ShapeMessages) -> Msg {
    let missing = serde_message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field);
    let parent = path.trim_start_matches('.');
    match missing {
        Some(field) if parent.is_empty() => Msg::new(messages.missing_field).text("field", field),
        Some(field) => Msg::new(messages.missing_field).text("field", format!("{parent}.{field}")),
        None if parent.is_empty() => Msg::new(messages.invalid),
        None => Msg::new(messages.invalid_field).text("field", parent),
    }
}

/// A path parameter; one that does not parse (`/readings/abc`) names no resource: 404.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| ApiPath(v))
            .map_err(|_| ApiError::NotFound)
    }
}

/// A query string whose rejections answer in our error shape: a 422 naming the
/// parameter that does not fit.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(de)
            .map(ApiQuery)
            .map_err(|e| {
                let path = e.path().to_string();
                ApiError::Invalid(shape_problem(&path, &e.inner().to_string(), &QUERY_SHAPE))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::http::header::WWW_AUTHENTICATE;
    use axum::routing::{get, post};
    use nps_i18n::Locale;
    use nps_protocol::{HistoryQuery, NameReadingRequest};
    use std::time::Duration;
    use tower::ServiceExt;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn app() -> Router {
        let state = AppState::new(Config::new(SECRET.to_vec())).expect("valid config");
        Router::new()
            .route(
                "/me",
                get(|u: AuthUser| async move { u.user_id().to_owned() }),
            )
            .route(
                "/admin",
                get(|AdminUser(u): AdminUser| async move { u.claims.sub }),
            )
            .with_state(state)
    }

    async fn call(path: &str, authorization: Option<&str>) -> (StatusCode, bool, String) {
        let mut req = axum::http::Request::get(path);
        if let Some(a) = authorization {
            req = req.header(AUTHORIZATION, a);
        }
        let resp = app()
            .oneshot(req.body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        let status = resp.status();
        let challenge = resp.headers().contains_key(WWW_AUTHENTICATE);
        let body = to_bytes(resp.into_body(), 1 << 16).await.expect("body");
        (
            status,
            challenge,
            String::from_utf8_lossy(&body).into_owned(),
        )
    }

    fn bearer(token: &str) -> String {
        format!("Bearer {token}")
    }

    fn token(role: &str, ttl: Duration) -> String {
        crate::auth::mint_token(SECRET, "u1", "alice", role, ttl).expect("mint")
    }

    #[tokio::test]
    async fn auth_user() {
        let good = token("user", Duration::from_secs(60));
        let ok = call("/me", Some(&bearer(&good))).await;
        assert_eq!(ok, (StatusCode::OK, false, "u1".into()));
        let (status, challenge, body) = call("/me", None).await;
        assert_eq!((status, challenge), (StatusCode::UNAUTHORIZED, true));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&body).ok(),
            Some(
                serde_json::json!({"error": {"code": "unauthorized", "message": "Authentication required"}})
            )
        );
        for refused in ["Bearer nope", &format!("Basic {good}"), "Bearer  "] {
            assert_eq!(call("/me", Some(refused)).await.0, StatusCode::UNAUTHORIZED);
        }
        let mut claims = crate::auth::Keys::new(SECRET).verify(&good).expect("valid");
        claims.exp = crate::auth::unix_now_secs() - 60;
        let expired = crate::auth::encode_token(SECRET, &claims).expect("mint");
        let (status, _, body) = call("/me", Some(&bearer(&expired))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body.contains("token_expired"), "{body}");
    }

    #[tokio::test]
    async fn admin_user_needs_the_admin_role() {
        for (role, expected) in [
            (Some("admin"), (StatusCode::OK, false, "u1")),
            (Some("user"), (StatusCode::FORBIDDEN, false, "forbidden")),
            (None, (StatusCode::UNAUTHORIZED, true, "unauthorized")),
        ] {
            let auth = role.map(|r| bearer(&token(r, Duration::from_secs(60))));
            let (status, challenge, body) = call("/admin", auth.as_deref()).await;
            assert_eq!((status, challenge), (expected.0, expected.1), "{role:?}");
            assert!(body.contains(expected.2), "{role:?}: {body}");
        }
    }

    fn message(e: &ApiError) -> String {
        e.body(Locale::En).error.message
    }

    #[test]
    fn json_errors_name_the_line_or_the_field() {
        let e = decode_json::<NameReadingRequest>(b"{nope").expect_err("syntax");
        assert_eq!(e.status_code(), StatusCode::BAD_REQUEST);
        assert!(message(&e).contains("line 1, column 2"), "{}", message(&e));
        let e = decode_json::<NameReadingRequest>(br#"{"nom": "Ali"}"#).expect_err("shape");
        assert_eq!(e.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(message(&e), "The field name is missing");
        let e = decode_json::<NameReadingRequest>(br#"{"name": 5}"#).expect_err("type");
        assert_eq!(message(&e), "The field name has the wrong type or value");
        let e = decode_json::<nps_protocol::FullReadingRequest>(br#"{"profile": {"name": "A"}}"#)
            .expect_err("nested");
        assert_eq!(message(&e), "The field profile.birth_date is missing");
        let e = decode_json::<NameReadingRequest>(br#""text""#).expect_err("whole");
        assert_eq!(
            message(&e),
            "The request body does not have the expected shape"
        );
        let e = decode_json::<NameReadingRequest>(br#"{"name": "A"} x"#).expect_err("trailing");
        assert_eq!(e.status_code(), StatusCode::BAD_REQUEST);
        assert!(decode_json::<NameReadingRequest>(br#"{"name": "A"}"#).is_ok());
    }

    #[tokio::test]
    async fn json_bodies_must_say_they_are_json() {
        let router: Router = Router::new().route(
            "/",
            post(|ApiJson(b): ApiJson<NameReadingRequest>| async move { b.name }),
        );
        for (content_type, status) in [
            (Some("application/json"), StatusCode::OK),
            (Some("application/json; charset=utf-8"), StatusCode::OK),
            (Some("text/plain"), StatusCode::BAD_REQUEST),
            (None, StatusCode::BAD_REQUEST),
        ] {
            let mut req = axum::http::Request::post("/");
            if let Some(c) = content_type {
                req = req.header(CONTENT_TYPE, c);
            }
            let resp = router
                .clone()
                .oneshot(req.body(Body::from(r#"{"name": "A"}"#)).expect("request"))
                .await
                .expect("infallible");
            assert_eq!(resp.status(), status, "{content_type:?}");
        }
    }

    #[tokio::test]
    async fn query_errors_name_the_parameter() {
        let parse = |q: &str| {
            let (mut parts, ()) = axum::http::Request::get(format!("/r?{q}"))
                .body(())
                .expect("request")
                .into_parts();
            async move { ApiQuery::<HistoryQuery>::from_request_parts(&mut parts, &()).await }
        };
        let Ok(ApiQuery(q)) = parse("limit=5&type=name").await else {
            panic!("a valid query")
        };
        assert_eq!(q.limit, Some(5));
        let e = parse("limit=abc").await.err().expect("refused");
        assert_eq!(e.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            message(&e),
            "The query parameter limit has the wrong type or value"
        );
    }
}
