//! [`SqliteStore`]: the [`Store`] implementation on a SQLite file.
//!
//! SQLite blocks, so every call runs on tokio's blocking pool ([`SqliteStore::run`]):
//! the async methods of [`Store`] hop there, do their work on `Db` (the blocking
//! store: the connection pool, the writers' lock) and return. New readings go to the
//! store's writer thread instead (`group_commit`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use nps_protocol::{NotesChange, SignType};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params, params_from_iter};

use crate::error::{Result, StoreError};
use crate::model::{
    self, DailyInsight, MAX_READINGS_PER_OWNER, NewProfile, NewReading, ProfileChange,
    ReadingFilter, ReadingPage, StoredProfile, StoredReading, User,
};
use crate::pool::{self, Pool};
use crate::refresh::{self, NewRefreshToken, Rotation, RotationRequest, TokenRow, Write};
use crate::store::Store;
use crate::{migrations, time, validate};

mod backup;
mod group_commit;
mod profiles;

pub use backup::{BACKUP_RETRY_PAUSE, Overwrite};

/// File name used by [`SqliteStore::open_in_dir`].
pub const DB_FILE_NAME: &str = "nps.db";

/// The SQLite-backed [`Store`].
///
/// Cheap to share: wrap it in an `Arc` and call it from any task. It holds at most
/// [`SqliteStore::MAX_CONNECTIONS`] connections; callers beyond that wait for a free
/// one. Every write is a `BEGIN IMMEDIATE` transaction that is committed (and, with
/// `synchronous=FULL`, fsynced) before the method returns. The methods need a tokio
/// runtime (they run on its blocking pool).
#[derive(Clone)]
pub struct SqliteStore {
    db: Arc<Db>,
    /// See [`MAX_READINGS_PER_OWNER`].
    max_readings_per_owner: u32,
}

/// The blocking store behind [`SqliteStore`].
struct Db {
    path: PathBuf,
    pool: Pool,
    /// Serializes this process's writers before they take a connection, so
    /// they queue on a parked mutex instead of polling SQLite's busy handler
    /// (and can't tie up every pooled connection while readers wait). The
    /// busy timeout still covers writers in other processes.
    write_lock: Mutex<()>,
    /// New readings, committed together by the writer thread (group commit).
    inserts: group_commit::GroupCommit,
}

/// A reading row ready to insert.
struct InsertRow {
    owner: String,
    kind: SignType,
    input: String,
    result: String,
    summary: String,
    locale: String,
    created_at: String,
    created_unix_ms: i64,
    /// The owner's bound (see [`MAX_READINGS_PER_OWNER`]).
    max_per_owner: u32,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.db.path)
            .field("max_connections", &self.db.pool.max_size())
            .finish()
    }
}

impl SqliteStore {
    /// Upper bound on open SQLite connections per store.
    pub const MAX_CONNECTIONS: u32 = pool::MAX_CONNECTIONS;

    /// Opens (creating if needed) the database at `path`, creating missing
    /// parent directories, and migrates it to the current schema.
    ///
    /// The files are private to their owner (`nps_platform::private`): missing
    /// directories are created 0700 and the database file 0600 on Unix, whatever the
    /// umask, and SQLite gives its `-wal` and `-shm` files the database file's mode. A
    /// database (or `-wal`/`-shm`) file an older version left readable by others is
    /// narrowed to 0600 here.
    ///
    /// Fails with [`StoreError::Invalid`] if the file was written by a newer
    /// schema version, [`StoreError::Io`] if the directory cannot be created,
    /// and [`StoreError::Database`] if the file is not a usable SQLite database.
    /// Blocks (it opens and migrates the file); it needs no runtime.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let as_str = path.to_string_lossy();
        if as_str.is_empty() || as_str == ":memory:" {
            return Err(StoreError::invalid("error-store-path-required"));
        }
        if let Some(parent) = path.parent() {
            if !parent.as_os_str().is_empty() {
                nps_platform::create_private_dir(parent).map_err(|source| StoreError::Io {
                    path: parent.to_path_buf(),
                    source,
                })?;
            }
        }
        make_files_private(&path)?;
        let (pool, mut first) = pool::open(&path)?;
        // Windows gives no file the mode of another: SQLite's new `-wal` and `-shm` take
        // the directory's access list (owner-only in a directory made here), so they
        // are made owner-only explicitly too, in a directory the user chose as well.
        #[cfg(windows)]
        make_files_private(&path)?;
        migrations::migrate(&mut first)?;
        let (inserts, queue) = group_commit::GroupCommit::new();
        let db = Arc::new(Db {
            path,
            pool,
            write_lock: Mutex::new(()),
            inserts,
        });
        queue
            .start(Arc::downgrade(&db))
            .map_err(|source| StoreError::Io {
                path: db.path.clone(),
                source,
            })?;
        Ok(SqliteStore {
            db,
            max_readings_per_owner: MAX_READINGS_PER_OWNER,
        })
    }

    /// This store with another bound on the readings per owner (default
    /// [`MAX_READINGS_PER_OWNER`]; at least 1).
    pub fn with_max_readings_per_owner(mut self, max: u32) -> Self {
        self.max_readings_per_owner = max.max(1);
        self
    }

    /// Opens `<dir>/nps.db`, creating `dir` if needed.
    pub fn open_in_dir(dir: impl AsRef<Path>) -> Result<Self> {
        Self::open(dir.as_ref().join(DB_FILE_NAME))
    }

    /// The database file this store was opened on.
    pub fn path(&self) -> &Path {
        &self.db.path
    }

    /// Runs `f` on the blocking pool: SQLite never blocks an async worker.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Db) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || f(&db)).await?
    }
}

/// Creates the database file private before SQLite opens it (so its `-wal` and `-shm`
/// files are created private too), or narrows the files an older version left open.
fn make_files_private(path: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    nps_platform::ensure_private_file(path).map_err(io(path))?;
    for suffix in ["-wal", "-shm"] {
        let mut companion = path.as_os_str().to_owned();
        companion.push(suffix);
        let companion = PathBuf::from(companion);
        if companion.is_file() {
            nps_platform::restrict_to_owner(&companion).map_err(io(&companion))?;
        }
    }
    Ok(())
}

impl Db {
    /// Runs `f` inside a `BEGIN IMMEDIATE` transaction and commits it.
    fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        // The lock guards no data, so a poisoned one is still safe to use.
        let _writer = self
            .write_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut conn = self.pool.get()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?; // on error `tx` drops and rolls back
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` inside a read (deferred) transaction, so multi-statement reads
    /// see one consistent snapshot.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.pool.get()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Inserts one row of a group commit: its id, or the refusal of a full history
/// (which fails this row only, not the batch).
fn insert_row(c: &Connection, r: &InsertRow) -> Result<Result<i64>> {
    if !has_room(c, r)? {
        return Ok(Err(validate::readings_full(r.max_per_owner)));
    }
    c.prepare_cached(
        "INSERT INTO readings \
         (owner, kind, input, result, summary, locale, favorite, created_at, created_unix_ms) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)",
    )?
    .execute(params![
        r.owner,
        r.kind.as_str(),
        r.input,
        r.result,
        r.summary,
        r.locale,
        r.created_at,
        r.created_unix_ms
    ])?;
    Ok(Ok(c.last_insert_rowid()))
}

/// Whether `r.owner` has fewer rows than their bound, after purging their
/// soft-deleted rows if they had not.
fn has_room(c: &Connection, r: &InsertRow) -> Result<bool> {
    let full = |c: &Connection| -> Result<bool> {
        // The bound-th row exists: an index walk of at most the bound, not a count.
        Ok(
            c.prepare_cached("SELECT 1 FROM readings WHERE owner = ?1 LIMIT 1 OFFSET ?2")?
                .query_row(params![r.owner, r.max_per_owner - 1], |_| Ok(()))
                .optional()?
                .is_some(),
        )
    };
    if !full(c)? {
        return Ok(true);
    }
    c.prepare_cached("DELETE FROM readings WHERE owner = ?1 AND deleted_at IS NOT NULL")?
        .execute(params![r.owner])?;
    Ok(!full(c)?)
}

const READING_COLUMNS: &str =
    "id, owner, kind, input, result, summary, locale, favorite, created_at, rating, note";

/// A `readings` row before its JSON columns are parsed.
struct RawReading {
    id: i64,
    owner: String,
    kind: String,
    input: String,
    result: String,
    summary: String,
    locale: String,
    favorite: bool,
    created_at: String,
    rating: Option<u8>,
    note: Option<String>,
}

impl RawReading {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawReading {
            id: row.get(0)?,
            owner: row.get(1)?,
            kind: row.get(2)?,
            input: row.get(3)?,
            result: row.get(4)?,
            summary: row.get(5)?,
            locale: row.get(6)?,
            favorite: row.get(7)?,
            created_at: row.get(8)?,
            rating: row.get(9)?,
            note: row.get(10)?,
        })
    }

    fn into_stored(self) -> Result<StoredReading> {
        let id = self.id;
        Ok(StoredReading {
            id,
            owner: self.owner,
            kind: model::stored_kind(&self.kind, id)?,
            input: parse_json(&self.input, "readings.input", id)?,
            result: parse_json(&self.result, "readings.result", id)?,
            summary: self.summary,
            locale: self.locale,
            favorite: self.favorite,
            rating: self.rating,
            note: self.note,
            created_at: self.created_at,
        })
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    column: &'static str,
    row: impl std::fmt::Display,
) -> Result<T> {
    serde_json::from_str(text).map_err(|source| StoreError::Corrupt {
        column,
        row: row.to_string(),
        problem: "the JSON does not parse".into(),
        source: Some(source),
    })
}

fn to_json(value: &serde_json::Value, what: &'static str) -> Result<String> {
    serde_json::to_string(value).map_err(|source| StoreError::Json { what, source })
}

fn user_from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        username: row.get(1)?,
        password_hash: row.get(2)?,
        role: row.get(3)?,
        created_at: row.get(4)?,
    })
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(err, _)
            if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}

impl Db {
    fn get_reading(&self, owner: &str, id: i64) -> Result<Option<StoredReading>> {
        validate::owner(owner)?;
        let raw = self.read(|c| {
            Ok(c.prepare_cached(&format!(
                "SELECT {READING_COLUMNS} FROM readings \
                 WHERE id = ?1 AND owner = ?2 AND deleted_at IS NULL"
            ))?
            .query_row(params![id, owner], RawReading::from_row)
            .optional()?)
        })?;
        raw.map(RawReading::into_stored).transpose()
    }

    fn list_readings(&self, owner: &str, filter: &ReadingFilter) -> Result<ReadingPage> {
        validate::owner(owner)?;
        if let Some(text) = &filter.text {
            validate::text_filter(text)?;
        }
        let limit = validate::effective_limit(filter.limit);
        let offset = filter.offset.unwrap_or(0);

        let mut sql_where = String::from("owner = ? AND deleted_at IS NULL");
        let mut args: Vec<SqlValue> = vec![SqlValue::Text(owner.to_owned())];
        if let Some(kind) = filter.kind {
            sql_where.push_str(" AND kind = ?");
            args.push(SqlValue::Text(kind.as_str().to_owned()));
        }
        if let Some(fav) = filter.favorite {
            sql_where.push_str(" AND favorite = ?");
            args.push(SqlValue::Integer(i64::from(fav)));
        }
        if let Some(text) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            sql_where.push_str(r" AND (input LIKE ? ESCAPE '\' OR summary LIKE ? ESCAPE '\')");
            let pattern = validate::like_contains(text);
            args.push(SqlValue::Text(pattern.clone()));
            args.push(SqlValue::Text(pattern));
        }
        if let Some(from) = filter.from {
            sql_where.push_str(" AND created_unix_ms >= ?");
            args.push(SqlValue::Integer(from.saturating_mul(1000)));
        }
        if let Some(to) = filter.to {
            sql_where.push_str(" AND created_unix_ms < ?");
            args.push(SqlValue::Integer(to.saturating_mul(1000)));
        }

        let (total, raws) = self.read(|c| {
            let total: i64 = c
                .prepare_cached(&format!("SELECT COUNT(*) FROM readings WHERE {sql_where}"))?
                .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
            let mut page_args = args.clone();
            page_args.push(SqlValue::Integer(i64::from(limit)));
            page_args.push(SqlValue::Integer(i64::from(offset)));
            let raws = c
                .prepare_cached(&format!(
                    "SELECT {READING_COLUMNS} FROM readings WHERE {sql_where} \
                     ORDER BY created_unix_ms DESC, id DESC LIMIT ? OFFSET ?"
                ))?
                .query_map(params_from_iter(page_args.iter()), RawReading::from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((total, raws))
        })?;
        let items = raws
            .into_iter()
            .map(RawReading::into_stored)
            .collect::<Result<Vec<_>>>()?;
        Ok(ReadingPage {
            items,
            total: u64::try_from(total).unwrap_or(0),
            limit,
            offset,
        })
    }

    fn delete_reading(&self, owner: &str, id: i64) -> Result<bool> {
        validate::owner(owner)?;
        let (_, deleted_at) = time::now();
        let changed = self.write(|c| {
            Ok(c.prepare_cached(
                "UPDATE readings SET deleted_at = ?1 \
                 WHERE id = ?2 AND owner = ?3 AND deleted_at IS NULL",
            )?
            .execute(params![deleted_at, id, owner])?)
        })?;
        Ok(changed == 1)
    }

    fn toggle_favorite(&self, owner: &str, id: i64) -> Result<Option<bool>> {
        validate::owner(owner)?;
        self.write(|c| {
            Ok(c.prepare_cached(
                "UPDATE readings SET favorite = 1 - favorite \
                 WHERE id = ?1 AND owner = ?2 AND deleted_at IS NULL RETURNING favorite",
            )?
            .query_row(params![id, owner], |r| r.get::<_, bool>(0))
            .optional()?)
        })
    }

    fn set_notes(
        &self,
        owner: &str,
        id: i64,
        change: NotesChange,
    ) -> Result<Option<StoredReading>> {
        let update = validate::notes(owner, change)?;
        let raw = self.write(|c| {
            Ok(c.prepare_cached(&format!(
                "UPDATE readings \
                 SET rating = CASE WHEN ?1 THEN ?2 ELSE rating END, \
                     note = CASE WHEN ?3 THEN ?4 ELSE note END \
                 WHERE id = ?5 AND owner = ?6 AND deleted_at IS NULL \
                 RETURNING {READING_COLUMNS}"
            ))?
            .query_row(
                params![
                    update.set_rating,
                    update.rating,
                    update.set_note,
                    update.note,
                    id,
                    owner
                ],
                RawReading::from_row,
            )
            .optional()?)
        })?;
        raw.map(RawReading::into_stored).transpose()
    }

    fn set_favorite(&self, owner: &str, id: i64, favorite: bool) -> Result<Option<bool>> {
        validate::owner(owner)?;
        self.write(|c| {
            Ok(c.prepare_cached(
                "UPDATE readings SET favorite = ?1 \
                 WHERE id = ?2 AND owner = ?3 AND deleted_at IS NULL RETURNING favorite",
            )?
            .query_row(params![favorite, id, owner], |r| r.get::<_, bool>(0))
            .optional()?)
        })
    }

    fn create_user(&self, username: &str, password_hash: &str, role: &str) -> Result<User> {
        validate::username(username)?;
        validate::non_empty("password-hash", password_hash)?;
        validate::non_empty("role", role)?;
        let (_, created_at) = time::now();
        self.write(|c| {
            let inserted = c
                .prepare_cached(
                    "INSERT INTO users (username, password_hash, role, created_at) \
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![username, password_hash, role, created_at]);
            match inserted {
                Ok(_) => Ok(User {
                    id: c.last_insert_rowid(),
                    username: username.to_owned(),
                    password_hash: password_hash.to_owned(),
                    role: role.to_owned(),
                    created_at,
                }),
                Err(e) if is_unique_violation(&e) => Err(StoreError::username_taken(username)),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn find_user(&self, username: &str) -> Result<Option<User>> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT id, username, password_hash, role, created_at FROM users \
                 WHERE username = ?1",
            )?
            .query_row(params![username], user_from_row)
            .optional()?)
        })
    }

    /// Stores the insight `text` (its JSON).
    fn put_daily_insight(&self, date: &str, locale: &str, text: &str) -> Result<DailyInsight> {
        validate::date(date)?;
        validate::non_empty("locale", locale)?;
        let (_, created_at) = time::now();
        self.write(|c| {
            c.prepare_cached(
                "INSERT INTO daily_insights (date, locale, insight, created_at) \
                 VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (date, locale) DO UPDATE \
                 SET insight = excluded.insight, created_at = excluded.created_at",
            )?
            .execute(params![date, locale, text, created_at])?;
            Ok(())
        })?;
        let insight = parse_json(text, "daily_insights.insight", date)?;
        Ok(DailyInsight::stored(date, locale, insight, created_at))
    }

    fn get_daily_insight(&self, date: &str, locale: &str) -> Result<Option<DailyInsight>> {
        validate::date(date)?;
        let row = self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT insight, created_at FROM daily_insights WHERE date = ?1 AND locale = ?2",
            )?
            .query_row(params![date, locale], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?)
        })?;
        row.map(|(text, created_at)| {
            let insight = parse_json(&text, "daily_insights.insight", date)?;
            Ok(DailyInsight::stored(date, locale, insight, created_at))
        })
        .transpose()
    }

    fn store_refresh_token(&self, token: &NewRefreshToken) -> Result<()> {
        validate::refresh_token(token)?;
        self.write(|c| insert_refresh_token(c, token))
    }

    fn rotate_refresh_token(&self, request: RotationRequest<'_>) -> Result<Rotation> {
        validate::non_empty("token-hash", request.successor_hash)?;
        self.write(|c| {
            let row = c
                .prepare_cached(
                    "SELECT user_id, family_id, expires_at, rotated_at \
                     FROM refresh_tokens WHERE token_hash = ?1",
                )?
                .query_row(params![request.presented_hash], |r| {
                    Ok(TokenRow {
                        user_id: r.get(0)?,
                        family_id: r.get(1)?,
                        expires_at: r.get(2)?,
                        rotated_at: r.get(3)?,
                    })
                })
                .optional()?;
            let (writes, rotation) = refresh::decide(row, &request);
            for write in writes {
                match write {
                    Write::MarkRotated => {
                        c.prepare_cached(
                            "UPDATE refresh_tokens SET rotated_at = ?2 WHERE token_hash = ?1",
                        )?
                        .execute(params![request.presented_hash, request.now])?;
                    }
                    Write::Insert(successor) => insert_refresh_token(c, &successor)?,
                    Write::RevokeFamily(family_id) => {
                        c.prepare_cached("DELETE FROM refresh_tokens WHERE family_id = ?1")?
                            .execute(params![family_id])?;
                    }
                }
            }
            // Housekeeping: tokens expired as of the request's time can never be used again.
            c.prepare_cached("DELETE FROM refresh_tokens WHERE expires_at <= ?1")?
                .execute(params![request.now])?;
            Ok(rotation)
        })
    }

    fn revoke_refresh_family(&self, token_hash: &str) -> Result<bool> {
        self.write(|c| {
            let deleted = c
                .prepare_cached(
                    "DELETE FROM refresh_tokens WHERE family_id = \
                     (SELECT family_id FROM refresh_tokens WHERE token_hash = ?1)",
                )?
                .execute(params![token_hash])?;
            Ok(deleted > 0)
        })
    }
}

fn insert_refresh_token(c: &Connection, token: &NewRefreshToken) -> Result<()> {
    match c
        .prepare_cached(
            "INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at) \
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            token.token_hash,
            token.user_id,
            token.family_id,
            token.expires_at
        ]) {
        Ok(_) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(StoreError::token_taken()),
        Err(e) => Err(e.into()),
    }
}

#[async_trait::async_trait]
impl Store for SqliteStore {
    async fn insert_reading(&self, r: NewReading) -> Result<StoredReading> {
        validate::owner(&r.owner)?;
        let (now_ms, created_at) = time::now();
        let row = InsertRow {
            owner: r.owner.clone(),
            kind: r.kind,
            input: to_json(&r.input, "input")?,
            result: r.result.get().to_owned(),
            summary: r.summary.clone(),
            locale: r.locale.clone(),
            created_at: created_at.clone(),
            created_unix_ms: now_ms,
            max_per_owner: self.max_readings_per_owner,
        };
        let id = self.db.inserts.insert(row).await?;
        // serde_json's `float_roundtrip` makes parse(serialize(v)) == v, so the values
        // given are the values stored.
        Ok(r.into_stored(id, created_at))
    }

    async fn get_reading(&self, owner: &str, id: i64) -> Result<Option<StoredReading>> {
        let owner = owner.to_owned();
        self.run(move |db| db.get_reading(&owner, id)).await
    }

    async fn list_readings(&self, owner: &str, filter: &ReadingFilter) -> Result<ReadingPage> {
        let (owner, filter) = (owner.to_owned(), filter.clone());
        self.run(move |db| db.list_readings(&owner, &filter)).await
    }

    async fn delete_reading(&self, owner: &str, id: i64) -> Result<bool> {
        let owner = owner.to_owned();
        self.run(move |db| db.delete_reading(&owner, id)).await
    }

    async fn toggle_favorite(&self, owner: &str, id: i64) -> Result<Option<bool>> {
        let owner = owner.to_owned();
        self.run(move |db| db.toggle_favorite(&owner, id)).await
    }

    async fn set_notes(
        &self,
        owner: &str,
        id: i64,
        change: NotesChange,
    ) -> Result<Option<StoredReading>> {
        let owner = owner.to_owned();
        self.run(move |db| db.set_notes(&owner, id, change)).await
    }

    async fn set_favorite(&self, owner: &str, id: i64, favorite: bool) -> Result<Option<bool>> {
        let owner = owner.to_owned();
        self.run(move |db| db.set_favorite(&owner, id, favorite))
            .await
    }

    async fn create_user(&self, username: &str, password_hash: &str, role: &str) -> Result<User> {
        let (username, password_hash, role) = (
            username.to_owned(),
            password_hash.to_owned(),
            role.to_owned(),
        );
        self.run(move |db| db.create_user(&username, &password_hash, &role))
            .await
    }

    async fn find_user(&self, username: &str) -> Result<Option<User>> {
        let username = username.to_owned();
        self.run(move |db| db.find_user(&username)).await
    }

    async fn put_daily_insight(
        &self,
        date: &str,
        locale: &str,
        insight: &serde_json::Value,
    ) -> Result<DailyInsight> {
        // Serialized here rather than cloned for the blocking pool.
        let text = to_json(insight, "insight")?;
        let (date, locale) = (date.to_owned(), locale.to_owned());
        self.run(move |db| db.put_daily_insight(&date, &locale, &text))
            .await
    }

    async fn get_daily_insight(&self, date: &str, locale: &str) -> Result<Option<DailyInsight>> {
        let (date, locale) = (date.to_owned(), locale.to_owned());
        self.run(move |db| db.get_daily_insight(&date, &locale))
            .await
    }

    async fn store_refresh_token(&self, token: &NewRefreshToken) -> Result<()> {
        let token = token.clone();
        self.run(move |db| db.store_refresh_token(&token)).await
    }

    async fn rotate(&self, request: RotationRequest<'_>) -> Result<Rotation> {
        let (presented, successor) = (
            request.presented_hash.to_owned(),
            request.successor_hash.to_owned(),
        );
        let RotationRequest {
            now, grace_secs, ..
        } = request;
        self.run(move |db| {
            db.rotate_refresh_token(RotationRequest {
                presented_hash: &presented,
                successor_hash: &successor,
                now,
                grace_secs,
            })
        })
        .await
    }

    async fn revoke_refresh_family(&self, token_hash: &str) -> Result<bool> {
        let token_hash = token_hash.to_owned();
        self.run(move |db| db.revoke_refresh_family(&token_hash))
            .await
    }

    async fn list_profiles(&self, owner: &str) -> Result<Vec<StoredProfile>> {
        let owner = owner.to_owned();
        self.run(move |db| db.list_profiles(&owner)).await
    }

    async fn insert_profile(&self, profile: NewProfile) -> Result<StoredProfile> {
        self.run(move |db| db.insert_profile(profile)).await
    }

    async fn update_profile(
        &self,
        owner: &str,
        id: i64,
        change: ProfileChange,
    ) -> Result<Option<StoredProfile>> {
        let owner = owner.to_owned();
        self.run(move |db| db.update_profile(&owner, id, change))
            .await
    }

    async fn delete_profile(&self, owner: &str, id: i64) -> Result<bool> {
        let owner = owner.to_owned();
        self.run(move |db| db.delete_profile(&owner, id)).await
    }
}
