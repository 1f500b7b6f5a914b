//! Mapping PostgreSQL client and pool failures to [`StoreError`].
//!
//! The one distinction callers act on: [`StoreError::Unavailable`] means the
//! database could not be reached or is shutting down (a server answers 503 and
//! the request may be retried), everything else unexpected is
//! [`StoreError::Database`] (500).

use deadpool_postgres::{PoolError, tokio_postgres};
use tokio_postgres::error::SqlState;

use crate::StoreError;

/// SQLSTATEs that mean "the server is not there right now", not "your query is wrong".
fn is_unavailable_state(code: &SqlState) -> bool {
    // Class 08: connection exceptions.
    code.code().starts_with("08")
        || [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
            SqlState::TOO_MANY_CONNECTIONS,
            SqlState::QUERY_CANCELED, // statement_timeout: the server is overloaded
        ]
        .contains(code)
}

/// True when `e` says the connection is gone or could not be made.
pub(crate) fn is_connection_failure(e: &tokio_postgres::Error) -> bool {
    if let Some(code) = e.code() {
        return is_unavailable_state(code);
    }
    e.is_closed() || std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>())
}

/// Maps a client error: unreachable → `Unavailable`, a NUL character in a text
/// value or a date PostgreSQL has no year for → `Invalid`, the rest → `Postgres`.
pub(crate) fn from_pg(e: tokio_postgres::Error) -> StoreError {
    if is_connection_failure(&e) {
        return StoreError::Unavailable {
            reason: describe(&e),
            source: Some(Box::new(e)),
        };
    }
    match e.code() {
        Some(code) if *code == SqlState::CHARACTER_NOT_IN_REPERTOIRE => {
            return StoreError::invalid("error-store-nul");
        }
        Some(code)
            if *code == SqlState::DATETIME_FIELD_OVERFLOW
                || *code == SqlState::INVALID_DATETIME_FORMAT =>
        {
            // The reader learns which rule was broken; PostgreSQL's own words
            // (English) would add nothing they can act on.
            return StoreError::invalid("error-store-date-range");
        }
        _ => {}
    }
    StoreError::Postgres {
        message: describe(&e),
        source: e,
    }
}

/// Maps a pool checkout failure: a wait or connect timeout, or a refused
/// connection, is `Unavailable`.
pub(crate) fn from_pool(e: PoolError) -> StoreError {
    match e {
        PoolError::Backend(e) => from_pg(e),
        PoolError::PostCreateHook(_)
        | PoolError::Timeout(_)
        | PoolError::Closed
        | PoolError::NoRuntimeSpecified => StoreError::Unavailable {
            reason: format!("no database connection: {e}"),
            source: Some(Box::new(e)),
        },
    }
}

/// The server's own message when there is one ("db error" alone says nothing),
/// else the client's description with its cause.
pub(crate) fn describe(e: &tokio_postgres::Error) -> String {
    match (e.as_db_error(), std::error::Error::source(e)) {
        (Some(db), _) => format!("{}: {}", db.code().code(), db.message()),
        (None, Some(cause)) => format!("{e}: {cause}"),
        (None, None) => e.to_string(),
    }
}

/// True for a unique-constraint violation (a taken username, a stored token hash).
pub(crate) fn is_unique_violation(e: &tokio_postgres::Error) -> bool {
    e.code() == Some(&SqlState::UNIQUE_VIOLATION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_states_are_unavailable_and_query_errors_are_not() {
        for code in [
            SqlState::CONNECTION_FAILURE,
            SqlState::CONNECTION_EXCEPTION,
            SqlState::SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
            SqlState::TOO_MANY_CONNECTIONS,
            SqlState::QUERY_CANCELED,
        ] {
            assert!(is_unavailable_state(&code), "{code:?}");
        }
        for code in [
            SqlState::UNIQUE_VIOLATION,
            SqlState::SYNTAX_ERROR,
            SqlState::UNDEFINED_TABLE,
            SqlState::INVALID_PASSWORD,
            SqlState::T_R_SERIALIZATION_FAILURE,
        ] {
            assert!(!is_unavailable_state(&code), "{code:?}");
        }
    }
}
