//! Logins: argon2 password hashes and rotating refresh tokens (random, stored hashed;
//! their families and lifetime are in `api::auth` and `nps_store::refresh`).

use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

/// How long an access token minted by login or refresh lives.
pub const ACCESS_TOKEN_TTL: Duration = Duration::from_secs(3600);
/// Longest accepted password, in bytes (argon2 work is bounded by it).
pub const MAX_PASSWORD_BYTES: usize = 1024;

// cors (issue 10, item 9): the owner name no login may take.
/// The owner of the history of this computer's `nps` CLI and desktop app (which
/// need no login). No login user may have this name: `nps user add` refuses it and
/// `POST /api/auth/login` and `/api/auth/refresh` never issue tokens for it, so a
/// login on a server sharing the data directory can never read the owner's history.
pub const LOCAL_USER: &str = "local";

/// Whether `name` is [`LOCAL_USER`] (user names compare case-insensitively, as the
/// store does; surrounding spaces are ignored, as login does).
pub fn is_reserved_username(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case(LOCAL_USER)
}

/// An argon2id PHC string for `password` with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, String> {
    if password.is_empty() {
        return Err("the password is empty".into());
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(format!(
            "the password is longer than {MAX_PASSWORD_BYTES} bytes"
        ));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `password` matches the stored PHC string (false for a malformed hash).
pub fn verify_password(password: &str, phc: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A new refresh token (256 random bits, hex) — given to the client once; only its
/// hash is stored.
pub fn new_refresh_token() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(hex::encode(bytes))
}

/// The stored form of a refresh token: SHA-256, hex.
pub fn hash_refresh_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// `bytes` random bytes, hex: for signing secrets and request ids.
pub fn random_hex(bytes: usize) -> Result<String, String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| e.to_string())?;
    Ok(hex::encode(&buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong horse", &h));
        assert!(!verify_password("correct horse", "not a hash"));
        assert!(hash_password("").is_err());
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let a = new_refresh_token().unwrap();
        let b = new_refresh_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(hash_refresh_token(&a).len(), 64);
        assert_ne!(hash_refresh_token(&a), a);
    }
}
