//! JWT authentication (DESIGN §3): HS256 only, `exp` and `sub` required, at
//! most [`LEEWAY_SECS`] of clock leeway.
//!
//! [`Keys`] holds the secret in its prepared forms (one per [`crate::App`]).
//! HTTP handlers take [`AuthUser`] (401 without a valid `Authorization: Bearer`
//! token) or [`MaybeAuthUser`] (`None` only when no `Authorization` header
//! was sent; a bad token is still 401, never "anonymous").

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{FromRef, FromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use nps_protocol::Claims;

use crate::app::AppState;
use crate::error::ApiError;

/// Clock leeway when checking `exp`: 5 s.
pub const LEEWAY_SECS: u64 = 5;

/// Why a token was refused. `Display` is the message clients see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// No token at all.
    #[error("Authentication required")]
    Missing,
    /// Not a JWT, wrong algorithm, or claims missing/ill-typed/empty `sub`.
    #[error("Authentication required")]
    Malformed,
    /// The signature does not match the secret.
    #[error("Authentication required")]
    BadSignature,
    /// `exp` is in the past (beyond the leeway).
    #[error("Token expired")]
    Expired,
    /// Login or refresh with a wrong username, password or refresh token.
    #[error("Wrong username, password or refresh token")]
    BadCredentials,
    /// Minting failed (only from [`mint_token`]/[`encode_token`]).
    #[error("Could not sign token")]
    Signing,
}

/// The signing secret, prepared for encoding and decoding.
#[derive(Clone)]
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(<redacted>)")
    }
}

impl Keys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_SECS;
        validation.validate_exp = true;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// Checks signature, algorithm and expiry and returns the claims.
    pub fn verify(&self, token: &str) -> Result<Claims, AuthError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => AuthError::Expired,
                ErrorKind::InvalidSignature => AuthError::BadSignature,
                _ => AuthError::Malformed,
            })?;
        if data.claims.sub.is_empty() {
            return Err(AuthError::Malformed);
        }
        Ok(data.claims)
    }

    /// Signs these claims (HS256).
    pub fn encode(&self, claims: &Claims) -> Result<String, AuthError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|_| AuthError::Signing)
    }
}

/// Signs these claims with `secret` (HS256).
pub fn encode_token(secret: &[u8], claims: &Claims) -> Result<String, AuthError> {
    Keys::new(secret).encode(claims)
}

/// Mints an access token for `sub` valid for `ttl` (rounded up to whole
/// seconds), issued now, with no scopes.
pub fn mint_token(
    secret: &[u8],
    sub: &str,
    username: &str,
    role: &str,
    ttl: Duration,
) -> Result<String, AuthError> {
    let iat = unix_now_secs();
    let ttl_secs = ttl.as_secs() + u64::from(ttl.subsec_nanos() > 0);
    encode_token(
        secret,
        &Claims {
            sub: sub.to_owned(),
            username: username.to_owned(),
            role: role.to_owned(),
            scopes: Vec::new(),
            iat,
            exp: iat.saturating_add(ttl_secs),
        },
    )
}

/// The current unix time in whole seconds.
pub fn unix_now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// How long until unix time `exp` (seconds), zero if already past.
pub(crate) fn until_unix(exp: u64) -> Duration {
    let at = UNIX_EPOCH + Duration::from_secs(exp);
    at.duration_since(SystemTime::now())
        .unwrap_or(Duration::ZERO)
}

/// An authenticated caller (valid `Authorization: Bearer <JWT>`).
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

/// An optional caller: `None` only when no `Authorization` header was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaybeAuthUser(pub Option<AuthUser>);

fn bearer_token(parts: &Parts) -> Result<Option<&str>, AuthError> {
    let Some(value) = parts.headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AuthError::Malformed)?;
    let (scheme, token) = value.split_once(' ').ok_or(AuthError::Malformed)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(AuthError::Malformed);
    }
    let token = token.trim();
    if token.is_empty() {
        return Err(AuthError::Missing);
    }
    Ok(Some(token))
}

impl<S> FromRequestParts<S> for AuthUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match MaybeAuthUser::from_request_parts(parts, state).await? {
            MaybeAuthUser(Some(user)) => Ok(user),
            MaybeAuthUser(None) => Err(ApiError::Unauthorized(AuthError::Missing)),
        }
    }
}

impl<S> FromRequestParts<S> for MaybeAuthUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Some(token) = bearer_token(parts)? else {
            return Ok(Self(None));
        };
        let app = AppState::from_ref(state);
        let claims = app.keys().verify(token)?;
        Ok(Self(Some(AuthUser { claims })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn claims(exp: u64) -> Claims {
        Claims {
            sub: "u1".into(),
            username: "alice".into(),
            role: "user".into(),
            scopes: vec!["read".into()],
            iat: unix_now_secs(),
            exp,
        }
    }

    #[test]
    fn mint_then_verify() {
        let token =
            mint_token(SECRET, "u1", "alice", "user", Duration::from_secs(60)).expect("mint");
        let c = Keys::new(SECRET).verify(&token).expect("valid");
        assert_eq!(
            (c.sub.as_str(), c.username.as_str(), c.role.as_str()),
            ("u1", "alice", "user")
        );
        assert!(c.exp >= c.iat + 60);
    }

    #[test]
    fn refusals() {
        let keys = Keys::new(SECRET);
        let now = unix_now_secs();
        assert_eq!(keys.verify("not-a-jwt"), Err(AuthError::Malformed));
        let other =
            encode_token(b"another-secret-another-secret-xx", &claims(now + 60)).expect("mint");
        assert_eq!(keys.verify(&other), Err(AuthError::BadSignature));
        let expired = encode_token(SECRET, &claims(now - 60)).expect("mint");
        assert_eq!(keys.verify(&expired), Err(AuthError::Expired));
        // Within the 5 s leeway: still accepted.
        let just_expired = encode_token(SECRET, &claims(now - 2)).expect("mint");
        assert!(keys.verify(&just_expired).is_ok());
        let mut no_sub = claims(now + 60);
        no_sub.sub.clear();
        assert_eq!(
            keys.verify(&encode_token(SECRET, &no_sub).expect("mint")),
            Err(AuthError::Malformed)
        );
    }

    #[test]
    fn algorithm_is_pinned() {
        // Same secret, HS512: refused.
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS512),
            &claims(unix_now_secs() + 60),
            &EncodingKey::from_secret(SECRET),
        )
        .expect("mint");
        assert_eq!(Keys::new(SECRET).verify(&token), Err(AuthError::Malformed));
        // alg "none": refused.
        let header = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0"; // {"alg":"none","typ":"JWT"}
        let payload = token.split('.').nth(1).expect("payload");
        assert!(
            Keys::new(SECRET)
                .verify(&format!("{header}.{payload}."))
                .is_err()
        );
    }

    #[test]
    fn exp_is_required() {
        #[derive(serde::Serialize)]
        struct NoExp {
            sub: &'static str,
            username: &'static str,
            role: &'static str,
            iat: u64,
        }
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &NoExp {
                sub: "u",
                username: "a",
                role: "r",
                iat: 1,
            },
            &EncodingKey::from_secret(SECRET),
        )
        .expect("mint");
        assert_eq!(Keys::new(SECRET).verify(&token), Err(AuthError::Malformed));
    }

    #[test]
    fn keys_debug_is_redacted() {
        assert_eq!(format!("{:?}", Keys::new(SECRET)), "Keys(<redacted>)");
    }

    mod extractors {
        use super::*;
        use crate::config::Config;
        use axum::Router;
        use axum::body::{Body, to_bytes};
        use axum::http::{Request, StatusCode, header::WWW_AUTHENTICATE};
        use axum::routing::get;
        use tower::ServiceExt;

        fn app() -> Router {
            let state = AppState::new(Config::new(SECRET.to_vec())).expect("valid config");
            Router::new()
                .route(
                    "/me",
                    get(|u: AuthUser| async move { u.user_id().to_owned() }),
                )
                .route(
                    "/maybe",
                    get(|MaybeAuthUser(u): MaybeAuthUser| async move {
                        u.map_or_else(|| "anonymous".to_owned(), |u| u.claims.sub)
                    }),
                )
                .with_state(state)
        }

        async fn call(path: &str, authorization: Option<&str>) -> (StatusCode, bool, String) {
            let mut req = Request::get(path);
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

        #[tokio::test]
        async fn auth_user() {
            let good =
                mint_token(SECRET, "u1", "alice", "user", Duration::from_secs(60)).expect("mint");
            assert_eq!(
                call("/me", Some(&bearer(&good))).await,
                (StatusCode::OK, false, "u1".into())
            );
            let (status, challenge, body) = call("/me", None).await;
            assert_eq!((status, challenge), (StatusCode::UNAUTHORIZED, true));
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&body).ok(),
                Some(
                    serde_json::json!({"error": {"code": "unauthorized", "message": "Authentication required"}})
                )
            );
            assert_eq!(
                call("/me", Some("Bearer nope")).await.0,
                StatusCode::UNAUTHORIZED
            );
            assert_eq!(
                call("/me", Some(&format!("Basic {good}"))).await.0,
                StatusCode::UNAUTHORIZED
            );
            let expired = encode_token(SECRET, &claims(unix_now_secs() - 60)).expect("mint");
            let (status, _, body) = call("/me", Some(&bearer(&expired))).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            assert!(body.contains("token_expired"), "{body}");
        }

        #[tokio::test]
        async fn maybe_auth_user_never_hides_a_bad_token() {
            let good =
                mint_token(SECRET, "u1", "alice", "user", Duration::from_secs(60)).expect("mint");
            assert_eq!(call("/maybe", None).await.2, "anonymous");
            assert_eq!(call("/maybe", Some(&bearer(&good))).await.2, "u1");
            assert_eq!(
                call("/maybe", Some("Bearer not-a-jwt")).await.0,
                StatusCode::UNAUTHORIZED
            );
        }
    }
}
