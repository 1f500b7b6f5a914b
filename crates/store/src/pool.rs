//! The bounded pool of SQLite connections to one database file: `r2d2` with
//! `r2d2_sqlite`'s connection manager, every connection set up by [`configure`].
//!
//! At most [`MAX_CONNECTIONS`] connections are open; they are opened when first needed,
//! and a caller waits up to [`CHECKOUT_TIMEOUT`] for a free one. A connection that comes
//! back inside a transaction (its rollback failed) is closed instead of being handed to
//! the next caller.

use std::path::Path;
use std::time::Duration;

use r2d2::ManageConnection;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};

/// Upper bound on open SQLite connections per store.
pub const MAX_CONNECTIONS: u32 = 4;
/// How long SQLite waits for another connection's lock before `SQLITE_BUSY`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a caller waits for a free connection.
pub const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(30);

/// The pool type.
pub(crate) type Pool = r2d2::Pool<Manager>;

/// `r2d2_sqlite`'s manager (read-write, created if missing, no URI interpretation),
/// which also closes connections left inside a transaction.
#[derive(Debug)]
pub(crate) struct Manager(SqliteConnectionManager);

impl ManageConnection for Manager {
    type Connection = Connection;
    type Error = rusqlite::Error;

    fn connect(&self) -> rusqlite::Result<Connection> {
        self.0.connect()
    }

    fn is_valid(&self, conn: &mut Connection) -> rusqlite::Result<()> {
        self.0.is_valid(conn)
    }

    fn has_broken(&self, conn: &mut Connection) -> bool {
        !conn.is_autocommit()
    }
}

/// The store's settings on one connection: `journal_mode=WAL` (checked: a file that
/// cannot use it is refused), `synchronous=FULL` (every commit is fsynced before it
/// returns), `foreign_keys=ON` and a 5 s busy timeout.
fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(not_wal(&mode));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")
}

/// The error [`configure`] gives for a file without WAL (r2d2 needs a
/// `rusqlite::Error`); [`open`] turns it into [`StoreError::NoWal`].
fn not_wal(mode: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
        Some(format!("{NO_WAL}{mode}")),
    )
}

const NO_WAL: &str = "journal mode is not WAL: ";

/// Opens the pool on `path` and one connection for the caller (to migrate the schema):
/// an unusable file fails here, with SQLite's own error, rather than on first use.
pub(crate) fn open(path: &Path) -> Result<(Pool, Connection)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let manager = Manager(
        SqliteConnectionManager::file(path)
            .with_flags(flags)
            .with_init(configure),
    );
    let first = manager.connect().map_err(|e| match &e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.starts_with(NO_WAL) => {
            StoreError::NoWal {
                path: path.to_path_buf(),
                mode: msg[NO_WAL.len()..].to_string(),
            }
        }
        _ => StoreError::Database(e),
    })?;
    let pool = r2d2::Pool::builder()
        .max_size(MAX_CONNECTIONS)
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_TIMEOUT)
        // r2d2 logs connection errors to the `log` facade by default; they reach the
        // caller as `StoreError::Pool` instead.
        .error_handler(Box::new(r2d2::NopErrorHandler))
        .build_unchecked(manager);
    Ok((pool, first))
}
