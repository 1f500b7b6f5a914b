//! Schema migrations, tracked in `PRAGMA user_version`.
//!
//! [`MIGRATIONS`] is an append-only list: step `i` (0-based) brings the schema
//! from version `i` to version `i + 1`, so [`SCHEMA_VERSION`] is its length.
//! Each step runs in its own `BEGIN IMMEDIATE` transaction together with the
//! `user_version` bump, so a step is applied entirely or not at all, and two
//! processes opening the same fresh file cannot both apply it. Never edit a
//! released step; add a new one.

use nps_protocol::text::Msg;
use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Result, StoreError};

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Short human-readable name, for error messages.
    pub name: &'static str,
    /// SQL run as one batch inside the step's transaction.
    pub sql: &'static str,
}

/// All schema steps, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "initial schema",
        sql: r#"
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

CREATE TABLE readings (
    id              INTEGER PRIMARY KEY,
    owner           TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    input           TEXT    NOT NULL,  -- JSON
    result          TEXT    NOT NULL,  -- JSON
    summary         TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    favorite        INTEGER NOT NULL DEFAULT 0 CHECK (favorite IN (0, 1)),
    created_at      TEXT    NOT NULL,  -- RFC 3339 UTC, milliseconds
    created_unix_ms INTEGER NOT NULL,
    deleted_at      TEXT               -- NULL while live; soft delete
);
CREATE INDEX readings_owner_live_newest
    ON readings (owner, deleted_at, created_unix_ms DESC, id DESC);

CREATE TABLE daily_insights (
    date       TEXT NOT NULL,  -- YYYY-MM-DD
    locale     TEXT NOT NULL,
    insight    TEXT NOT NULL,  -- JSON
    created_at TEXT NOT NULL,
    PRIMARY KEY (date, locale)
);

CREATE TABLE refresh_tokens (
    token_hash TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    expires_at INTEGER NOT NULL  -- unix seconds
);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);
"#,
    },
    Migration {
        name: "refresh-token families",
        // A token stored before families is a family of its own.
        sql: r#"
ALTER TABLE refresh_tokens ADD COLUMN family_id TEXT NOT NULL DEFAULT '';
UPDATE refresh_tokens SET family_id = token_hash;
ALTER TABLE refresh_tokens ADD COLUMN rotated_at INTEGER;  -- unix seconds; NULL: not rotated
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
"#,
    },
    Migration {
        name: "saved people",
        sql: r#"
CREATE TABLE profiles (
    id         INTEGER PRIMARY KEY,
    owner      TEXT    NOT NULL,
    person     TEXT    NOT NULL,  -- JSON, as the client sent it
    is_me      INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX profiles_owner ON profiles (owner, id);
CREATE UNIQUE INDEX profiles_one_me ON profiles (owner) WHERE is_me = 1;
"#,
    },
    Migration {
        name: "ratings and notes",
        sql: r#"
ALTER TABLE readings ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE readings ADD COLUMN note TEXT;
"#,
    },
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads `PRAGMA user_version`.
pub(crate) fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn refuse_newer(found: i64) -> StoreError {
    StoreError::Invalid(
        Msg::new("error-store-schema-newer")
            .num("found", found)
            .num("supported", SCHEMA_VERSION),
    )
}

/// Brings the database up to [`SCHEMA_VERSION`]. A database already at the
/// current version is left untouched (no write transaction is taken); one at a
/// newer version is refused with [`StoreError::Invalid`].
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(refuse_newer(found));
    }
    if found < 0 {
        return Err(StoreError::Invalid(
            Msg::new("error-store-schema-negative").num("found", found),
        ));
    }
    if found == SCHEMA_VERSION {
        return Ok(()); // the common case: nothing to do, nothing written
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read under the write lock: another process may have migrated meanwhile.
        let version = user_version(&tx)?;
        if version > SCHEMA_VERSION {
            return Err(refuse_newer(version));
        }
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            return Ok(()); // up to date; the transaction rolls back (nothing written)
        };
        tx.execute_batch(step.sql)
            .map_err(|source| StoreError::Migration {
                version: version + 1,
                name: step.name,
                source,
            })?;
        // PRAGMA does not take bound parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", version + 1))?;
        tx.commit()?;
    }
}
