//! Refresh-token families: what rotating a presented token means, decided once for
//! both backends (each reads the token's row and makes the [`Write`]s of [`decide`] in
//! one transaction).
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

/// One change to the token table, for the backend to make in the rotation's
/// transaction.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Write {
    /// Mark the presented token rotated at the request's time (its first rotation).
    MarkRotated,
    /// Store the successor.
    Insert(NewRefreshToken),
    /// Delete every token of this family.
    RevokeFamily(String),
}

/// Decides what presenting the token of `row` (`None`: no such token) does at
/// `request.now`: the changes to make, in order, and the answer. A token rotated less
/// than `request.grace_secs` ago rotates again (a grace of 0 allows no second
/// rotation) into `request.successor_hash`, of the same user, family and expiry.
pub(crate) fn decide(
    row: Option<TokenRow>,
    request: &RotationRequest<'_>,
) -> (Vec<Write>, Rotation) {
    let Some(row) = row.filter(|row| request.now < row.expires_at) else {
        return (Vec::new(), Rotation::Refused);
    };
    let mut writes = match row.rotated_at {
        None => vec![Write::MarkRotated],
        Some(at) if request.now.saturating_sub(at) < request.grace_secs => Vec::new(),
        Some(_) => return (vec![Write::RevokeFamily(row.family_id)], Rotation::Reused),
    };
    writes.push(Write::Insert(NewRefreshToken {
        token_hash: request.successor_hash.to_owned(),
        user_id: row.user_id.clone(),
        family_id: row.family_id,
        expires_at: row.expires_at,
    }));
    (
        writes,
        Rotation::Rotated {
            user_id: row.user_id,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rotated_at: Option<i64>) -> Option<TokenRow> {
        Some(TokenRow {
            user_id: "7".into(),
            family_id: "f".into(),
            expires_at: 1_000,
            rotated_at,
        })
    }

    /// Presenting a token at `now` with a grace of `grace_secs`.
    fn at(now: i64, grace_secs: i64) -> RotationRequest<'static> {
        RotationRequest {
            presented_hash: "t1",
            successor_hash: "t2",
            now,
            grace_secs,
        }
    }

    /// The answer of a rotation into `t2`, with the changes before it.
    fn rotated(first: bool) -> (Vec<Write>, Rotation) {
        let successor = Write::Insert(NewRefreshToken {
            token_hash: "t2".into(),
            user_id: "7".into(),
            family_id: "f".into(),
            expires_at: 1_000,
        });
        let writes = if first {
            vec![Write::MarkRotated, successor]
        } else {
            vec![successor]
        };
        let user_id = "7".into();
        (writes, Rotation::Rotated { user_id })
    }

    #[test]
    fn decisions() {
        let refused = (vec![], Rotation::Refused);
        let reused = (vec![Write::RevokeFamily("f".into())], Rotation::Reused);
        assert_eq!(decide(None, &at(10, 5)), refused);
        assert_eq!(decide(row(None), &at(999, 5)), rotated(true));
        assert_eq!(decide(row(None), &at(1_000, 5)), refused);
        assert_eq!(decide(row(Some(100)), &at(104, 5)), rotated(false));
        assert_eq!(decide(row(Some(100)), &at(105, 5)), reused);
        assert_eq!(decide(row(Some(100)), &at(100, 0)), reused);
        assert_eq!(decide(row(Some(100)), &at(1_000, 5)), refused);
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
