//! A small, bounded pool of SQLite connections to one database file.
//!
//! At most `cap` connections are ever open. A caller takes one with
//! [`Pool::get`], waiting (up to [`CHECKOUT_TIMEOUT`]) while all are busy, and
//! the guard gives it back on drop. Connections are opened lazily, each with the
//! same pragmas (see [`open_connection`]).

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::{Result, StoreError};

/// How long SQLite waits for another connection's lock before `SQLITE_BUSY`.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long [`Pool::get`] waits for a free connection.
pub(crate) const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens one connection with the store's settings: read-write (created if
/// missing), no URI interpretation, `journal_mode=WAL`, `synchronous=FULL`
/// (every commit is fsynced before it returns), `foreign_keys=ON` and a 5 s
/// busy timeout.
pub(crate) fn open_connection(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| StoreError::Database(format!("opening {}: {e}", path.display())))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Database(format!(
            "could not enable WAL journal mode on {} (got {mode:?})",
            path.display()
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

struct State {
    idle: Vec<Connection>,
    /// Connections in existence: idle plus checked out plus being opened.
    open: usize,
}

pub(crate) struct Pool {
    path: PathBuf,
    cap: usize,
    state: Mutex<State>,
    freed: Condvar,
}

impl Pool {
    /// A pool for `path` holding at most `cap` connections, seeded with `first`.
    pub(crate) fn new(path: PathBuf, cap: usize, first: Connection) -> Self {
        Pool {
            path,
            cap: cap.max(1),
            state: Mutex::new(State {
                idle: vec![first],
                open: 1,
            }),
            freed: Condvar::new(),
        }
    }

    pub(crate) fn cap(&self) -> usize {
        self.cap
    }

    /// Takes a connection, opening a new one if fewer than `cap` exist, or
    /// waiting for one to be returned.
    pub(crate) fn get(&self) -> Result<PooledConn<'_>> {
        let deadline = Instant::now() + CHECKOUT_TIMEOUT;
        let mut state = self.state.lock()?;
        loop {
            if let Some(conn) = state.idle.pop() {
                return Ok(PooledConn {
                    pool: self,
                    conn: Some(conn),
                });
            }
            if state.open < self.cap {
                state.open += 1;
                drop(state); // don't hold the lock while SQLite opens the file
                return match open_connection(&self.path) {
                    Ok(conn) => Ok(PooledConn {
                        pool: self,
                        conn: Some(conn),
                    }),
                    Err(e) => {
                        self.forget_one();
                        Err(e)
                    }
                };
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(StoreError::Database(format!(
                    "timed out after {CHECKOUT_TIMEOUT:?} waiting for a free database connection"
                )));
            }
            state = self.freed.wait_timeout(state, deadline - now)?.0;
        }
    }

    /// Records that a connection slot was given up, and wakes a waiter so it
    /// can open a replacement.
    fn forget_one(&self) {
        let mut state = match self.state.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        state.open = state.open.saturating_sub(1);
        drop(state);
        self.freed.notify_one();
    }

    fn give_back(&self, conn: Connection) {
        // A connection must come back outside any transaction; if a rollback
        // cannot get it there, close it rather than hand it to the next caller.
        if !conn.is_autocommit()
            && (conn.execute_batch("ROLLBACK").is_err() || !conn.is_autocommit())
        {
            drop(conn);
            self.forget_one();
            return;
        }
        let mut state = match self.state.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        state.idle.push(conn);
        drop(state);
        self.freed.notify_one();
    }
}

/// A connection on loan from the [`Pool`]; returned when dropped.
pub(crate) struct PooledConn<'a> {
    pool: &'a Pool,
    conn: Option<Connection>,
}

impl Deref for PooledConn<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        // Invariant: `conn` is Some until drop.
        match &self.conn {
            Some(c) => c,
            None => unreachable!("pooled connection used after release"),
        }
    }
}

impl DerefMut for PooledConn<'_> {
    fn deref_mut(&mut self) -> &mut Connection {
        match &mut self.conn {
            Some(c) => c,
            None => unreachable!("pooled connection used after release"),
        }
    }
}

impl Drop for PooledConn<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.pool.give_back(conn);
        }
    }
}
