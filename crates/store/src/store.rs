//! [`Store`]: the storage operations the server and the CLI use, one trait for every
//! backend.

use nps_protocol::NotesChange;

use crate::error::Result;
use crate::model::{
    DailyInsight, NewProfile, NewReading, ProfileChange, ReadingFilter, ReadingPage, StoredProfile,
    StoredReading, User,
};
use crate::refresh::{NewRefreshToken, Rotation, RotationRequest};

/// Storage operations used by the server and the CLI.
///
/// Every method is async and safe to call from many tasks at once; an implementation
/// does its blocking work off the async workers (SQLite on tokio's blocking pool).
/// Methods that take an `owner` reject an empty one with [`StoreError::Invalid`](crate::StoreError::Invalid) and
/// only ever see that owner's live rows.
#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// Saves a reading (not favorite, stamped now) and returns it as stored.
    /// Durable when it returns. `Invalid` for an empty owner.
    async fn insert_reading(&self, r: NewReading) -> Result<StoredReading>;

    /// The reading, or `None` if it is missing, deleted, or another owner's.
    async fn get_reading(&self, owner: &str, id: i64) -> Result<Option<StoredReading>>;

    /// One page of this owner's live readings, newest first (`created_at`
    /// desc, then `id` desc), with the total number of matches.
    async fn list_readings(&self, owner: &str, filter: &ReadingFilter) -> Result<ReadingPage>;

    /// Soft-deletes (sets `deleted_at`). `false` if not found, not this
    /// owner's, or already deleted.
    async fn delete_reading(&self, owner: &str, id: i64) -> Result<bool>;

    /// Flips the favorite flag and returns the new value; `None` if not found,
    /// not this owner's, or deleted.
    async fn toggle_favorite(&self, owner: &str, id: i64) -> Result<Option<bool>>;

    /// Sets the favorite flag and returns it; `None` as for [`Store::toggle_favorite`].
    async fn set_favorite(&self, owner: &str, id: i64, favorite: bool) -> Result<Option<bool>>;

    /// Sets or clears the rating and note of a reading (a field of `change` left `None`
    /// is kept) and returns the reading as it is now; `None` if not found, not this
    /// owner's, or deleted (nothing is written then). `Invalid` for a rating outside
    /// 1–5 or a note over 2,000 characters ([`NotesChange::check_bounds`]).
    async fn set_notes(
        &self,
        owner: &str,
        id: i64,
        change: NotesChange,
    ) -> Result<Option<StoredReading>>;

    /// Creates a user. `Conflict` if the username is taken (ASCII
    /// case-insensitively); `Invalid` for an empty or badly formed username
    /// (leading/trailing whitespace, control characters, over 64 characters),
    /// or an empty password hash or role.
    async fn create_user(&self, username: &str, password_hash: &str, role: &str) -> Result<User>;

    /// Looks a user up by name, ASCII case-insensitively.
    async fn find_user(&self, username: &str) -> Result<Option<User>>;

    /// Inserts or replaces the insight for `(date, locale)`; `date` must be a
    /// real `YYYY-MM-DD` date and `locale` non-empty.
    async fn put_daily_insight(
        &self,
        date: &str,
        locale: &str,
        insight: &serde_json::Value,
    ) -> Result<DailyInsight>;

    /// The insight for `(date, locale)`, if stored.
    async fn get_daily_insight(&self, date: &str, locale: &str) -> Result<Option<DailyInsight>>;

    /// Remembers a refresh token (by hash): a login's, starting its family.
    /// `Conflict` if that hash is already stored; `Invalid` for an empty hash, user or
    /// family.
    async fn store_refresh_token(&self, token: &NewRefreshToken) -> Result<()>;

    /// Rotates the token `presented_hash` at `now` (unix seconds) into
    /// `successor_hash`, of the same user, family and expiry, in one transaction (see
    /// [`crate::refresh`]): [`Rotation::Rotated`] if it is live, or was rotated less than
    /// `grace_secs` ago; [`Rotation::Reused`] (and the family revoked) if it was
    /// rotated longer ago; [`Rotation::Refused`] if unknown or expired. Also purges
    /// every token already expired at `now`.
    async fn rotate_refresh_token(
        &self,
        presented_hash: &str,
        successor_hash: &str,
        now: i64,
        grace_secs: i64,
    ) -> Result<Rotation> {
        self.rotate(RotationRequest {
            presented_hash,
            successor_hash,
            now,
            grace_secs,
        })
        .await
    }

    /// [`Store::rotate_refresh_token`] with its arguments in one value: what each
    /// backend implements.
    async fn rotate(&self, request: RotationRequest<'_>) -> Result<Rotation>;

    /// Revokes the family of the token `token_hash` (logout): every token of it is
    /// forgotten. `false` if the token is unknown.
    async fn revoke_refresh_family(&self, token_hash: &str) -> Result<bool>;

    /// This owner's saved people: "me" first, then in the order they were saved.
    async fn list_profiles(&self, owner: &str) -> Result<Vec<StoredProfile>>;

    /// Saves a person and returns it as stored. `Invalid` (`error-store-profiles-full`)
    /// when the owner already keeps [`MAX_PROFILES_PER_OWNER`](crate::MAX_PROFILES_PER_OWNER);
    /// nothing is written then. With `is_me`, any earlier "me" of the owner is unmarked.
    async fn insert_profile(&self, profile: NewProfile) -> Result<StoredProfile>;

    /// Changes a saved person; `None` if it is missing or another owner's (nothing is
    /// written then).
    async fn update_profile(
        &self,
        owner: &str,
        id: i64,
        change: ProfileChange,
    ) -> Result<Option<StoredProfile>>;

    /// Deletes a saved person for good. `false` if missing or another owner's.
    async fn delete_profile(&self, owner: &str, id: i64) -> Result<bool>;
}
