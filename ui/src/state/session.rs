//! Who is signed in: the tokens from `/api/auth/login` (or the desktop shell's), and
//! when to refresh them. Stored in the browser's storage by `services::storage`; this
//! module only decides.

use std::rc::Rc;

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use nps_protocol::{Claims, TokenResponse};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// Refresh this long before the access token expires: 60 s.
pub const REFRESH_MARGIN_SECS: u64 = 60;

/// The tokens of a signed-in user.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    /// `None` for a token handed over by the desktop shell.
    pub refresh_token: Option<String>,
    /// Unix seconds (from the JWT's `exp`, else login time + `expires_in`).
    pub expires_at: Option<u64>,
    pub username: Option<String>,
    /// The server these tokens are for.
    pub base_url: String,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"<redacted>")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expires_at", &self.expires_at)
            .field("username", &self.username)
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl Tokens {
    /// Tokens from a login or refresh answer received at `now` (unix seconds).
    pub fn from_response(r: &TokenResponse, base_url: &str, now: u64) -> Self {
        let claims = jwt_claims(&r.access_token);
        Self {
            access_token: r.access_token.clone(),
            refresh_token: Some(r.refresh_token.clone()),
            expires_at: claims
                .as_ref()
                .map(|c| c.exp)
                .or(Some(now.saturating_add(r.expires_in))),
            username: claims.map(|c| c.username),
            base_url: base_url.to_string(),
        }
    }

    /// A token handed over by the desktop shell (`window.__NPS__`).
    pub fn from_shell(token: &str, base_url: &str) -> Self {
        let claims = jwt_claims(token);
        Self {
            access_token: token.to_string(),
            refresh_token: None,
            expires_at: claims.as_ref().map(|c| c.exp),
            username: claims.map(|c| c.username),
            base_url: base_url.to_string(),
        }
    }

    /// Seconds from `now` until a refresh is due (0: now); `None` if it never is.
    pub fn refresh_in(&self, now: u64) -> Option<u64> {
        let exp = self.expires_at?;
        Some(exp.saturating_sub(REFRESH_MARGIN_SECS).saturating_sub(now))
    }

    /// Whether the access token is expired or about to be.
    pub fn needs_refresh(&self, now: u64) -> bool {
        self.refresh_in(now) == Some(0)
    }
}

/// What a sign-in sends: the username without surrounding spaces and the password as
/// typed; `None` when either is empty (nothing is sent: the sign-in is refused).
pub fn sign_in_fields(username: &str, password: &str) -> Option<(String, String)> {
    let username = username.trim();
    (!username.is_empty() && !password.is_empty())
        .then(|| (username.to_string(), password.to_string()))
}

/// The claims of a JWT, read without checking the signature (the server checks it;
/// the client only wants `exp` and `username`).
pub fn jwt_claims(token: &str) -> Option<Claims> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64url_decode(payload)?;
    serde_json::from_slice(&bytes).ok()
}

/// base64url, padded or not (a JWT's parts are not).
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decodes base64url, padded or not; `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    BASE64URL.decode(text).ok()
}

/// The session as components see it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SessionState {
    pub tokens: Option<Tokens>,
    /// The tokens came from the desktop shell (no login screen, no refresh endpoint).
    pub from_shell: bool,
    /// Signed out because the server would not renew the login (it expired or was
    /// ended elsewhere), not by the user: the sign-in screen says so.
    pub ended: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionAction {
    SignedIn(Tokens),
    /// A refreshed access token (same user).
    Refreshed(Tokens),
    Shell(Tokens),
    /// The user signed out.
    SignedOut,
    /// The server refused to renew the login: signed out, and the sign-in screen says
    /// the session ended.
    Ended,
}

impl SessionState {
    pub fn signed_in(&self) -> bool {
        self.tokens.is_some()
    }

    pub fn apply(&self, action: SessionAction) -> Self {
        match action {
            SessionAction::SignedIn(t) | SessionAction::Refreshed(t) => Self {
                tokens: Some(t),
                from_shell: false,
                ended: false,
            },
            SessionAction::Shell(t) => Self {
                tokens: Some(t),
                from_shell: true,
                ended: false,
            },
            SessionAction::SignedOut => Self::default(),
            SessionAction::Ended => Self {
                ended: true,
                ..Self::default()
            },
        }
    }
}

impl Reducible for SessionState {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}
