//! The crate's error type.

use std::path::PathBuf;
use std::sync::Arc;

use nps_protocol::text::{Arg, Msg};

/// Everything that can go wrong in the store.
///
/// `NotFound`, `Conflict` and `Invalid` describe the caller's request; `Conflict` and
/// `Invalid` carry a message of `locales/*/errors.ftl` (`error-store-…`, with its
/// arguments), which the server and the CLI render in the reader's language (their
/// `Display` names the id and arguments, for logs);
/// `Unavailable` (PostgreSQL only) is a database that cannot be reached now (a server
/// answers 503; [`StoreError::is_unavailable`] also looks inside `Batch`); every other
/// variant is an internal failure (a server logs it and answers 500) and keeps the error
/// that caused it as its [`source`](std::error::Error::source).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The requested object does not exist (or is not visible to the caller).
    #[error("not found")]
    NotFound,
    /// The request clashes with existing data, e.g. a username that is taken.
    #[error("conflict: {}", describe(.0))]
    Conflict(Msg),
    /// The request itself is malformed: empty owner, a bad date, a text filter that is
    /// too long, or a database file from a newer version.
    #[error("invalid input: {}", describe(.0))]
    Invalid(Msg),
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
    /// PostgreSQL failed (a query, or a value it returned); `message` is the
    /// server's own (SQLSTATE and text) where there is one.
    #[error("database error: {message}")]
    Postgres {
        message: String,
        #[source]
        source: tokio_postgres::Error,
    },
    /// A PostgreSQL schema migration failed (nothing of it was written).
    #[error("migration {version} ({name}) failed: {message}")]
    PgMigration {
        version: i32,
        name: &'static str,
        message: String,
        #[source]
        source: tokio_postgres::Error,
    },
    /// The database cannot be reached right now: it is down or restarting, the
    /// network failed, every pooled connection stayed busy past the wait timeout,
    /// or a statement ran past the statement timeout. Nothing was done; the call
    /// may be retried later (a server answers 503). [`PgStore`](crate::PgStore)
    /// returns it, and a SQLite store whose writer thread has stopped.
    #[error("database unavailable: {reason}")]
    Unavailable {
        reason: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// The blocking task that ran the query panicked or was cancelled.
    #[error("storage task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// Inserts committed together (group commit) failed as one: every insert of the
    /// batch gets the batch's error.
    #[error(transparent)]
    Batch(Arc<StoreError>),
}

impl StoreError {
    /// An invalid-input error with message `id` and no arguments.
    pub(crate) fn invalid(id: &'static str) -> Self {
        StoreError::Invalid(Msg::new(id))
    }

    /// The `Conflict` of a username already taken.
    pub(crate) fn username_taken(username: &str) -> Self {
        StoreError::Conflict(Msg::new("error-store-username-taken").text("username", username))
    }

    /// The `Conflict` of a refresh-token hash already stored.
    pub(crate) fn token_taken() -> Self {
        StoreError::Conflict(Msg::new("error-store-token-taken"))
    }

    /// True for [`StoreError::Unavailable`], also when it is the shared error of a
    /// [`StoreError::Batch`]: the database could not be reached (503, retry later).
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Unavailable { .. } => true,
            StoreError::Batch(inner) => inner.is_unavailable(),
            _ => false,
        }
    }
}

/// A message as one line for logs: its id, then its plain arguments (`error-store-
/// username-long (max 64)`).
fn describe(m: &Msg) -> String {
    let args: Vec<String> = m
        .args
        .iter()
        .map(|(name, arg)| match arg {
            Arg::Text(v) | Arg::Number(v) | Arg::Percent(v) | Arg::Date(v) => {
                format!("{name} {v}")
            }
            Arg::Int(n) => format!("{name} {n}"),
            Arg::Msg(inner) => format!("{name} {}", describe(inner)),
            Arg::List(_) | Arg::Series(_) | Arg::Or(_) => name.to_string(),
        })
        .collect();
    if args.is_empty() {
        m.id.to_string()
    } else {
        format!("{} ({})", m.id, args.join(", "))
    }
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, StoreError>;
