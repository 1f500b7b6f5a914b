//! [`SqliteStore::backup_to`]: a copy of the database as of one moment, made while it
//! is in use (`nps backup` next to a running `nps serve`), with SQLite's online backup
//! API. SQLite only: a PostgreSQL operator uses `pg_dump`, so this is not part of the
//! [`crate::Store`] trait.
//!
//! The copy is written to a private temporary file beside the destination, synced, and
//! then moved into place in one rename: the destination is either the complete backup
//! or untouched, never half-written.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{Db, SqliteStore};
use crate::error::{Result, StoreError};
use crate::pool::BUSY_TIMEOUT;

/// What [`SqliteStore::backup_to`] does when the destination exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Fail with an `AlreadyExists` [`StoreError::Io`]; the file is not touched.
    Refuse,
    /// Replace it (atomically, once the backup is complete).
    Replace,
}

/// The pause before a backup step that found the database locked is tried again; the
/// attempts stop after [`BUSY_TIMEOUT`] (5 s), like any other wait for a lock.
pub const BACKUP_RETRY_PAUSE: Duration = Duration::from_millis(50);

impl SqliteStore {
    /// Copies the whole database to `dest` as it was at one moment: every page is
    /// copied in one step, inside one read transaction, so the copy is consistent
    /// while other connections (this process's or another's) keep writing — in WAL
    /// mode they are not blocked meanwhile. The file is private (0600 on Unix).
    ///
    /// Fails with [`StoreError::Io`] when `dest` exists and `overwrite` is
    /// [`Overwrite::Refuse`] (kind `AlreadyExists`), or when its directory is missing
    /// or not writable; with [`StoreError::Database`] if SQLite fails.
    pub async fn backup_to(&self, dest: impl AsRef<Path>, overwrite: Overwrite) -> Result<()> {
        let dest = dest.as_ref().to_path_buf();
        self.run(move |db| db.backup_to(&dest, overwrite)).await
    }
}

impl Db {
    fn backup_to(&self, dest: &Path, overwrite: Overwrite) -> Result<()> {
        let io = |source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        };
        if overwrite == Overwrite::Refuse && dest.exists() {
            return Err(io(std::io::ErrorKind::AlreadyExists.into()));
        }
        let dir = match dest.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        // tempfile creates it 0600 on Unix; the platform adds what Windows needs.
        let partial = tempfile::Builder::new()
            .prefix(".nps-backup-")
            .suffix(".partial")
            .tempfile_in(dir)
            .map_err(io)?;
        nps_platform::restrict_to_owner(partial.path()).map_err(io)?;
        self.copy_into(partial.path())?;
        partial.as_file().sync_all().map_err(io)?;
        match overwrite {
            Overwrite::Refuse => partial.persist_noclobber(dest),
            Overwrite::Replace => partial.persist(dest),
        }
        .map_err(|e| io(e.error))?;
        Ok(())
    }

    /// Copies every page into the (empty) database file at `path`.
    fn copy_into(&self, path: &Path) -> Result<()> {
        let source = self.pool.get()?;
        let mut target = Connection::open(path)?;
        let backup = Backup::new(&source, &mut target)?;
        let give_up = Instant::now() + BUSY_TIMEOUT;
        loop {
            match backup.step(-1)? {
                StepResult::Done => return Ok(()),
                // Not after a step of every page; harmless to go on.
                StepResult::More => {}
                // Busy or locked: another connection holds a lock for a moment.
                _ if Instant::now() < give_up => std::thread::sleep(BACKUP_RETRY_PAUSE),
                _ => {
                    return Err(StoreError::Database(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        Some(format!(
                            "the database stayed locked for {BUSY_TIMEOUT:?} during the backup"
                        )),
                    )));
                }
            }
        }
    }
}
