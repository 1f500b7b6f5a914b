//! The crate's error type.

/// Everything that can go wrong in the store.
///
/// `Database` and `Io` are internal failures (a server should log them and answer
/// 500); `NotFound`, `Conflict` and `Invalid` describe the caller's request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The requested object does not exist (or is not visible to the caller).
    #[error("not found")]
    NotFound,
    /// The request clashes with existing data, e.g. a username that is taken.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The request itself is malformed: empty owner, unknown kind, a bad date,
    /// a text filter that is too long, or a database file from a newer version.
    #[error("invalid input: {0}")]
    Invalid(String),
    /// SQLite (or the connection pool) failed; the message is SQLite's own.
    #[error("database error: {0}")]
    Database(String),
    /// A filesystem operation failed (e.g. creating the database directory).
    #[error("i/o error: {0}")]
    Io(String),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, StoreError>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e.to_string())
    }
}

impl<T> From<std::sync::PoisonError<T>> for StoreError {
    fn from(_: std::sync::PoisonError<T>) -> Self {
        StoreError::Database("connection pool lock poisoned by a panicking thread".into())
    }
}
