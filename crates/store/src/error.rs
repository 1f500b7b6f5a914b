//! The crate's error type.

use std::path::PathBuf;
use std::sync::Arc;

/// Everything that can go wrong in the store.
///
/// `NotFound`, `Conflict` and `Invalid` describe the caller's request; every other
/// variant is an internal failure (a server logs it and answers 500) and keeps the error
/// that caused it as its [`source`](std::error::Error::source).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The requested object does not exist (or is not visible to the caller).
    #[error("not found")]
    NotFound,
    /// The request clashes with existing data, e.g. a username that is taken.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The request itself is malformed: empty owner, a bad date, a text filter that is
    /// too long, or a database file from a newer version.
    #[error("invalid input: {0}")]
    Invalid(String),
    /// SQLite failed.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// No connection came free in time ([`crate::CHECKOUT_TIMEOUT`]), or none
    /// could be opened.
    #[error("database connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    /// A schema migration failed (nothing of it was written).
    #[error("migration {version} ({name}) failed: {source}")]
    Migration {
        version: i64,
        name: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// The database file cannot use the write-ahead log, which the guarantees need.
    #[error("could not enable WAL journal mode on {} (got {mode:?})", path.display())]
    NoWal { path: PathBuf, mode: String },
    /// A JSON value could not be written.
    #[error("{what} cannot be serialized as JSON: {source}")]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// A stored row cannot be read back: a JSON column that does not parse, or a value
    /// this build does not know.
    #[error("corrupt {column} in row {row}: {problem}")]
    Corrupt {
        column: &'static str,
        row: String,
        problem: String,
        #[source]
        source: Option<serde_json::Error>,
    },
    /// A filesystem operation failed (creating the database directory).
    #[error("i/o error on {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The blocking task that ran the query panicked or was cancelled.
    #[error("storage task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// Inserts committed together (group commit) failed as one: every insert of the
    /// batch gets the batch's error.
    #[error(transparent)]
    Batch(Arc<StoreError>),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, StoreError>;
