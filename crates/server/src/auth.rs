//! JWT authentication (DESIGN §3): HS256 only, `exp` and `sub` required, at
//! most [`LEEWAY_SECS`] of clock leeway. No HTTP here: the extractors that read a
//! token from a request are in `extract`, the socket reads its own.
//!
//! [`Keys`] holds the secret in its prepared forms (one per [`crate::App`]). Two
//! error types, because they happen in different places: [`TokenError`] is why a
//! presented token was refused (all the socket can meet), [`AuthError`] why tokens
//! could not be issued (login, refresh, signing).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use nps_protocol::Claims;

/// Clock leeway when checking `exp`: 5 s.
pub const LEEWAY_SECS: u64 = 5;

/// Why a presented access token was refused (HTTP 401, WebSocket 4001). The
/// client-facing text is in `locales/*/server.ftl` ([`crate::ApiError`]); `Display`
/// is for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// No token at all.
    #[error("missing token")]
    Missing,
    /// Not a JWT, wrong algorithm, or claims missing/ill-typed/empty `sub`.
    #[error("malformed token")]
    Malformed,
    /// The signature does not match the secret.
    #[error("bad signature")]
    BadSignature,
    /// `exp` is in the past (beyond the leeway).
    #[error("expired token")]
    Expired,
}

/// Why tokens could not be issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// Login or refresh with a wrong username, password or refresh token.
    #[error("wrong username, password or refresh token")]
    BadCredentials,
    /// Signing failed (only from [`mint_token`]/[`encode_token`]).
    #[error("could not sign the token")]
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
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => TokenError::Expired,
                ErrorKind::InvalidSignature => TokenError::BadSignature,
                _ => TokenError::Malformed,
            })?;
        if data.claims.sub.is_empty() {
            return Err(TokenError::Malformed);
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
        assert_eq!(keys.verify("not-a-jwt"), Err(TokenError::Malformed));
        let other =
            encode_token(b"another-secret-another-secret-xx", &claims(now + 60)).expect("mint");
        assert_eq!(keys.verify(&other), Err(TokenError::BadSignature));
        let expired = encode_token(SECRET, &claims(now - 60)).expect("mint");
        assert_eq!(keys.verify(&expired), Err(TokenError::Expired));
        // Within the 5 s leeway: still accepted.
        let just_expired = encode_token(SECRET, &claims(now - 2)).expect("mint");
        assert!(keys.verify(&just_expired).is_ok());
        let mut no_sub = claims(now + 60);
        no_sub.sub.clear();
        assert_eq!(
            keys.verify(&encode_token(SECRET, &no_sub).expect("mint")),
            Err(TokenError::Malformed)
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
        assert_eq!(Keys::new(SECRET).verify(&token), Err(TokenError::Malformed));
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
        assert_eq!(Keys::new(SECRET).verify(&token), Err(TokenError::Malformed));
    }

    #[test]
    fn keys_debug_is_redacted() {
        assert_eq!(format!("{:?}", Keys::new(SECRET)), "Keys(<redacted>)");
    }
}
