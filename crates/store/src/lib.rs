#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! # nps-store
//!
//! Persistence for NPS Oracle: saved readings, user accounts, the cached daily
//! insight and refresh tokens. Callers program against the async [`Store`] trait
//! (methods need a tokio runtime; the CLI runs them on a small current-thread one).
//! Reading kinds are [`SignType`] (`nps-protocol`). Two backends:
//!
//! - [`SqliteStore`]: one SQLite file, its blocking work on tokio's blocking pool.
//!   The desktop app and a single server.
//! - [`PgStore`]: PostgreSQL, shared by the nodes of a cluster. It also carries
//!   the cluster's event table, epoch, daily claim and `LISTEN`/`NOTIFY`
//!   subscription ([`postgres`]).
//!
//! The same behavioural test suite runs on both (`tests/store/`).
//!
//! ## Layout
//!
//! - [`error`] — [`StoreError`] (keeping the SQLite, PostgreSQL, pool and JSON
//!   errors as its sources) and [`Result`].
//! - [`model`] — the data types ([`NewReading`], [`StoredReading`],
//!   [`ReadingFilter`], [`ReadingPage`], [`User`], [`DailyInsight`]) and limits.
//! - [`store`] — the [`Store`] trait every backend implements.
//! - [`refresh`] — refresh-token families: [`NewRefreshToken`], [`Rotation`], and what
//!   presenting a rotated token means (a grace for concurrent refreshes, then the
//!   family revoked), decided once for both backends.
//! - [`migrations`] — SQLite's ordered schema steps, tracked in `PRAGMA user_version`.
//! - [`sqlite`] — [`SqliteStore`]: the blocking store behind an async front; its
//!   files private to their owner (`nps-platform`), and [`SqliteStore::backup_to`]
//!   (the online backup API, for `nps backup`; not in the trait).
//! - [`postgres`] — [`PgStore`], its schema and migrations, its bounds
//!   ([`PgOptions`]), and the cross-node fan-out primitives.
//! - `pool` (private) — SQLite's bounded connection pool (`r2d2` + `r2d2_sqlite`)
//!   and the settings of every connection.
//! - `time` (private) — the clock and RFC 3339 formatting (`chrono`).
//! - `validate` (private) — input checks, shared by both backends.
//!
//! ## SQLite schema (version 3)
//!
//! ```text
//! users           (id INTEGER PK, username TEXT UNIQUE COLLATE NOCASE, password_hash,
//!                  role, created_at)
//! readings        (id INTEGER PK, owner TEXT NOT NULL, kind, input JSON, result JSON,
//!                  summary, locale, favorite 0/1, created_at TEXT, created_unix_ms,
//!                  deleted_at TEXT NULL)
//!                  INDEX (owner, deleted_at, created_unix_ms DESC, id DESC)
//! daily_insights  (date, locale, insight JSON, created_at, PK (date, locale))
//! refresh_tokens  (token_hash PK, user_id, expires_at unix seconds, family_id,
//!                  rotated_at unix seconds NULL)  INDEX (family_id)
//! profiles        (id INTEGER PK, owner TEXT NOT NULL, person JSON, is_me 0/1,
//!                  created_at, updated_at)  INDEX (owner, id),
//!                  UNIQUE (owner) WHERE is_me: at most one "me" per owner
//! ```
//!
//! The PostgreSQL schema (the same four tables with native types, plus the event
//! tables) is in the crate README. Timestamps are RFC 3339 UTC with milliseconds
//! (`2026-11-25T20:05:33.123Z`); `kind` is the reading kind's wire name (`time`,
//! `name`, …).
//!
//! ## Guarantees
//!
//! - **Durability.** A write method that returns `Ok` has committed its
//!   transaction: SQLite with `journal_mode=WAL` and `synchronous=FULL`, so the
//!   change is on disk and survives the process dying (even `abort()`) right
//!   after; PostgreSQL by its own commit. There is nothing to close or flush;
//!   dropping a store is always safe.
//! - **Concurrency.** Both stores are `Send + Sync`; share them.
//!   [`SqliteStore`] keeps at most [`SqliteStore::MAX_CONNECTIONS`] (4)
//!   connections; extra callers wait for a free one (up to [`CHECKOUT_TIMEOUT`],
//!   30 s). Writers in one process take turns behind an in-process mutex; each
//!   write is a `BEGIN IMMEDIATE` transaction and every connection has a 5 s busy
//!   timeout ([`BUSY_TIMEOUT`]), so writers in other processes on the same file
//!   (the CLI next to the server) queue too. Readings inserted at the same time
//!   are committed together (one fsync). Reads run in one snapshot per call and
//!   are not blocked by writers (WAL). [`PgStore`] keeps at most
//!   [`PgStore::MAX_CONNECTIONS`] (16); see [`PgOptions`] for its timeouts.
//! - **Scoping.** Reading methods take the owner and never return, change or
//!   delete another owner's rows; to them a foreign row looks like a missing one.
//! - **Saved people.** An owner keeps at most [`MAX_PROFILES_PER_OWNER`] (100)
//!   profiles, at most one of them marked "me" (marking another unmarks it, in the
//!   same transaction). Deleting a profile removes it for good: it is personal data
//!   the owner asked to forget.
//! - **Soft delete.** [`Store::delete_reading`] sets `deleted_at`; the row
//!   stays stored but is invisible to every method (until room is needed, below).
//! - **Bounded history.** An owner keeps at most [`MAX_READINGS_PER_OWNER`] readings
//!   (10,000; `with_max_readings_per_owner` on either store), soft-deleted ones
//!   included. At the bound, the owner's soft-deleted readings are purged; if all are
//!   live, the insert is refused (`Invalid`, `error-store-readings-full`) and writes
//!   nothing. On PostgreSQL, inserts of one owner racing each other at the bound may
//!   pass it by the number racing.
//! - **Validation first.** Empty owner, a text filter over 200 characters, a bad
//!   date, … give [`StoreError::Invalid`] before the database is touched, so nothing
//!   is written. Its message is one of `locales/*/errors.ftl` (`error-store-…`), shown
//!   in the reader's language by the server and the CLI. Page limits are clamped to `1..=200` (default 50) rather than
//!   rejected. A row that cannot be read back (a kind this build does not know, JSON
//!   that does not parse) is [`StoreError::Corrupt`].
//! - **Schema versions.** Opening runs pending migrations, each in one
//!   transaction; at the current version opening writes nothing; a database
//!   from a newer version is refused with [`StoreError::Invalid`].
//! - **Private files.** [`SqliteStore::open`] creates missing directories 0700 and
//!   the database 0600 (Unix, whatever the umask); SQLite's `-wal` and `-shm`
//!   follow the database's mode; an older file readable by others is narrowed.
//!   Backups are 0600 too.
//! - **Outages.** [`PgStore`] fails fast with [`StoreError::Unavailable`] when
//!   its database cannot be reached, instead of hanging.
//! - **No panics** on database or I/O failures: everything maps to
//!   [`StoreError`].
//!
//! ## Example
//!
//! ```
//! use nps_store::{JsonText, NewReading, ReadingFilter, SignType, SqliteStore, Store};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let store = SqliteStore::open_in_dir(dir.path())?;
//! let saved = store
//!     .insert_reading(NewReading {
//!         owner: "user-1".into(),
//!         kind: SignType::Name,
//!         input: serde_json::json!({ "name": "Ada" }),
//!         result: JsonText::new(&serde_json::json!({ "number": 7 }))?,
//!         summary: "Seven: the seeker".into(),
//!         locale: "en".into(),
//!     })
//!     .await?;
//! let page = store.list_readings("user-1", &ReadingFilter::default()).await?;
//! assert_eq!(page.items, vec![saved]);
//! # Ok(())
//! # }
//! ```

pub mod error;
pub mod migrations;
pub mod model;
mod pool;
pub mod postgres;
pub mod refresh;
pub mod sqlite;
pub mod store;
mod time;
mod validate;

pub use error::{Result, StoreError};
pub use migrations::SCHEMA_VERSION;
pub use model::{
    DEFAULT_LIMIT, DailyInsight, JsonText, MAX_LIMIT, MAX_PROFILES_PER_OWNER,
    MAX_READINGS_PER_OWNER, MAX_TEXT_FILTER_CHARS, NewProfile, NewReading, ProfileChange,
    ReadingFilter, ReadingPage, StoredProfile, StoredReading, User,
};
pub use nps_protocol::{NotesChange, SignType};
pub use pool::{BUSY_TIMEOUT, CHECKOUT_TIMEOUT};
pub use postgres::{PgOptions, PgStore};
pub use refresh::{NewRefreshToken, Rotation, RotationRequest};
pub use sqlite::{DB_FILE_NAME, Overwrite, SqliteStore};
pub use store::Store;
pub use time::format_rfc3339_ms;
pub use validate::MAX_USERNAME_CHARS;
