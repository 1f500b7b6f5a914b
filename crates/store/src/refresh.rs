//! Refresh-token families: what rotating a presented token means, decided once for
//! both backends (each reads the token's row and applies the [`Step`] in one
//! transaction).
//!
//! A login starts a family; each refresh rotates the presented token into a successor
//! of the same family, with the family's absolute expiry (set at login). A rotated
//! token is kept (marked with when it was rotated) until that expiry, so presenting it
//! again is recognised:
//!
//! - less than `grace` seconds after its rotation (two tabs refreshing with the same token
//!   at once) it rotates again, into another valid successor of the family;
//! - later, it is a reuse — a stolen token replayed, or a client that lost the race
//!   long ago — and the whole family is revoked: the presented token and every
//!   successor are refused from then on.

/// A refresh token to remember, by hash. A login starts a family (a fresh
/// `family_id`); rotation adds successors to it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewRefreshToken {
    /// SHA-256 of the token; the token itself is never stored.
    pub token_hash: String,
    pub user_id: String,
    /// Shared by every token rotated from one login.
    pub family_id: String,
    /// The family's absolute end (unix seconds): the login's time plus its lifetime.
    pub expires_at: i64,
}

impl std::fmt::Debug for NewRefreshToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewRefreshToken")
            .field("token_hash", &"<redacted>")
            .field("user_id", &self.user_id)
            .field("family_id", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// A presented refresh token to rotate: what [`Store::rotate_refresh_token`](crate::Store::rotate_refresh_token)
/// hands each backend.
#[derive(Clone, Copy)]
pub struct RotationRequest<'a> {
    /// Hash of the token presented.
    pub presented_hash: &'a str,
    /// Hash of its successor, to store on rotation.
    pub successor_hash: &'a str,
    /// The time of the request (unix seconds).
    pub now: i64,
    /// How long after its rotation a token may rotate again (seconds).
    pub grace_secs: i64,
}

/// The outcome of presenting a refresh token for rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// The token was live: its successor is stored. The token's user.
    Rotated { user_id: String },
    /// Unknown, expired, or of a revoked family. Nothing changed.
    Refused,
    /// Rotated longer than the grace ago: its whole family is now revoked.
    Reused,
}

/// A stored token's row, as a backend reads it before deciding.
#[derive(Debug, Clone)]
pub(crate) struct TokenRow {
    pub user_id: String,
    pub family_id: String,
    pub expires_at: i64,
    /// When it was rotated (unix seconds); `None` while it is the family's newest.
    pub rotated_at: Option<i64>,
}

/// What a backend does with a presented token.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Refuse,
    /// Delete every token of the family.
    RevokeFamily,
    /// Store the successor; `mark_rotated` when this is the token's first rotation.
    Rotate {
        mark_rotated: bool,
    },
}

impl TokenRow {
    /// The token this row rotates into: `successor_hash`, of the same user, family and
    /// expiry.
    pub(crate) fn successor(&self, successor_hash: &str) -> NewRefreshToken {
        NewRefreshToken {
            token_hash: successor_hash.to_owned(),
            user_id: self.user_id.clone(),
            family_id: self.family_id.clone(),
            expires_at: self.expires_at,
        }
    }
}

/// Decides what presenting `row` at `now` does: a token rotated less than `grace_secs`
/// ago rotates again (a grace of 0 allows no second rotation).
pub(crate) fn decide(row: Option<&TokenRow>, now: i64, grace_secs: i64) -> Step {
    match row {
        None => Step::Refuse,
        Some(row) if now >= row.expires_at => Step::Refuse,
        Some(TokenRow {
            rotated_at: None, ..
        }) => Step::Rotate { mark_rotated: true },
        Some(TokenRow {
            rotated_at: Some(at),
            ..
        }) if now.saturating_sub(*at) < grace_secs => Step::Rotate {
            mark_rotated: false,
        },
        Some(_) => Step::RevokeFamily,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rotated_at: Option<i64>) -> TokenRow {
        TokenRow {
            user_id: "7".into(),
            family_id: "f".into(),
            expires_at: 1_000,
            rotated_at,
        }
    }

    #[test]
    fn decisions() {
        assert_eq!(decide(None, 10, 5), Step::Refuse);
        assert_eq!(
            decide(Some(&row(None)), 999, 5),
            Step::Rotate { mark_rotated: true }
        );
        assert_eq!(decide(Some(&row(None)), 1_000, 5), Step::Refuse);
        assert_eq!(
            decide(Some(&row(Some(100))), 104, 5),
            Step::Rotate {
                mark_rotated: false
            }
        );
        assert_eq!(decide(Some(&row(Some(100))), 105, 5), Step::RevokeFamily);
        assert_eq!(decide(Some(&row(Some(100))), 100, 0), Step::RevokeFamily);
        assert_eq!(decide(Some(&row(Some(100))), 1_000, 5), Step::Refuse);
    }

    #[test]
    fn debug_redacts_the_hash() {
        let t = NewRefreshToken {
            token_hash: "abcdef".into(),
            user_id: "u".into(),
            family_id: "fam".into(),
            expires_at: 1,
        };
        assert!(!format!("{t:?}").contains("abcdef"));
    }
}
