//! What the tests share: [`TestDb`] (a store on a fresh database of either
//! backend, plus raw access for checks the API cannot make),
//! [`on_both_backends!`], which runs a behavioural test once per backend, and
//! [`on_its_own_server!`] for the tests that start, stop or restart a server.

pub mod postgres;
pub mod script;

use std::path::PathBuf;
use std::sync::Arc;

use nps_store::{
    JsonText, NewReading, NewRefreshToken, PgStore, ReadingFilter, ReadingPage, SignType,
    SqliteStore, Store, StoredReading,
};
use serde_json::json;
use tempfile::TempDir;

/// Runs each named `async fn(TestDb)` against SQLite and against PostgreSQL, as
/// the tests `<name>::sqlite` and `<name>::postgres`.
macro_rules! on_both_backends {
    ($($test:ident),+ $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$test($crate::support::TestDb::sqlite().await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$test($crate::support::TestDb::postgres().await).await;
            }
        }
    )+};
}
pub(crate) use on_both_backends;

/// Runs each named `async fn()` as the test `<name>::own_server`: a test that starts a
/// PostgreSQL of its own with `scripts/postgres.sh` (to stop or restart it), which
/// needs bash and so is ignored on Windows.
macro_rules! on_its_own_server {
    ($($test:ident),+ $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(
                windows,
                ignore = "starts its own PostgreSQL with scripts/postgres.sh (bash), which Windows cannot run"
            )]
            async fn own_server() {
                super::$test().await;
            }
        }
    )+};
}
pub(crate) use on_its_own_server;

enum Backend {
    Sqlite { dir: TempDir },
    Postgres { schema: postgres::Scratch },
}

/// A store on a database of its own, removed when this is dropped. It derefs to the
/// store, so a test calls the store's methods on it.
pub struct TestDb {
    pub store: Arc<dyn Store>,
    backend: Backend,
}

impl std::ops::Deref for TestDb {
    type Target = dyn Store;

    fn deref(&self) -> &Self::Target {
        &*self.store
    }
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        TestDb {
            store: Arc::new(store),
            backend: Backend::Sqlite { dir },
        }
    }

    pub async fn postgres() -> TestDb {
        let schema = postgres::Scratch::schema().await;
        let store = PgStore::connect(&schema.url).await.unwrap();
        TestDb {
            store: Arc::new(store),
            backend: Backend::Postgres { schema },
        }
    }

    /// Saves [`new_reading`]`(owner, kind, summary)`.
    pub async fn insert(&self, owner: &str, kind: &str, summary: &str) -> StoredReading {
        self.store
            .insert_reading(new_reading(owner, kind, summary))
            .await
            .unwrap()
    }

    /// A second, independent store on the same data (another process's view).
    pub async fn reopen(&self) -> Arc<dyn Store> {
        match &self.backend {
            Backend::Sqlite { dir } => Arc::new(SqliteStore::open_in_dir(dir.path()).unwrap()),
            Backend::Postgres { schema } => Arc::new(PgStore::connect(&schema.url).await.unwrap()),
        }
    }

    /// [`TestDb::reopen`] with a bound of `max` readings per owner.
    pub async fn reopen_with_reading_cap(&self, max: u32) -> Arc<dyn Store> {
        match &self.backend {
            Backend::Sqlite { dir } => Arc::new(
                SqliteStore::open_in_dir(dir.path())
                    .unwrap()
                    .with_max_readings_per_owner(max),
            ),
            Backend::Postgres { schema } => Arc::new(
                PgStore::connect(&schema.url)
                    .await
                    .unwrap()
                    .with_max_readings_per_owner(max),
            ),
        }
    }

    fn sqlite_file(dir: &TempDir) -> PathBuf {
        dir.path().join(nps_store::DB_FILE_NAME)
    }

    /// Rows in `table`, deleted ones included.
    pub async fn count_rows(&self, table: &str) -> i64 {
        // Test-chosen table names only.
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match &self.backend {
            Backend::Sqlite { dir } => rusqlite::Connection::open(Self::sqlite_file(dir))
                .unwrap()
                .query_row(&sql, [], |r| r.get(0))
                .unwrap(),
            Backend::Postgres { schema } => postgres::query_value(&schema.url, &sql).await,
        }
    }

    /// Moves a reading's creation time to `unix_secs`.
    pub async fn backdate(&self, id: i64, unix_secs: i64) {
        let changed = match &self.backend {
            Backend::Sqlite { dir } => {
                let ms = unix_secs * 1000;
                rusqlite::Connection::open(Self::sqlite_file(dir))
                    .unwrap()
                    .execute(
                        "UPDATE readings SET created_unix_ms = ?1, created_at = ?2 WHERE id = ?3",
                        rusqlite::params![ms, nps_store::format_rfc3339_ms(ms), id],
                    )
                    .unwrap() as u64
            }
            Backend::Postgres { schema } => postgres::connect(&schema.url)
                .await
                .execute(
                    "UPDATE readings SET created_at = to_timestamp($1::float8) WHERE id = $2",
                    &[&(unix_secs as f64), &id],
                )
                .await
                .unwrap(),
        };
        assert_eq!(changed, 1);
    }

    /// `(owner, summary, deleted_at)` of a row, read past the API (which hides
    /// deleted rows); `deleted_at` as RFC 3339 with milliseconds.
    pub async fn raw_reading(&self, id: i64) -> (String, String, Option<String>) {
        match &self.backend {
            Backend::Sqlite { dir } => rusqlite::Connection::open(Self::sqlite_file(dir))
                .unwrap()
                .query_row(
                    "SELECT owner, summary, deleted_at FROM readings WHERE id = ?1",
                    [id],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .unwrap(),
            Backend::Postgres { schema } => {
                let row = postgres::connect(&schema.url)
                    .await
                    .query_one(
                        "SELECT owner, summary, deleted_at FROM readings WHERE id = $1",
                        &[&id],
                    )
                    .await
                    .unwrap();
                let deleted: Option<chrono::DateTime<chrono::Utc>> = row.get(2);
                let rfc3339 = |t: chrono::DateTime<chrono::Utc>| {
                    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                };
                (row.get(0), row.get(1), deleted.map(rfc3339))
            }
        }
    }
}

impl TestDb {
    /// The stored `kind` column of every reading, in id order.
    pub async fn raw_kinds(&self) -> Vec<String> {
        let sql = "SELECT kind FROM readings ORDER BY id";
        match &self.backend {
            Backend::Sqlite { dir } => rusqlite::Connection::open(Self::sqlite_file(dir))
                .unwrap()
                .prepare(sql)
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap(),
            Backend::Postgres { schema } => postgres::connect(&schema.url)
                .await
                .query(sql, &[])
                .await
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect(),
        }
    }

    /// Overwrites a reading's stored `kind`, past the API.
    pub async fn set_raw_kind(&self, id: i64, kind: &str) {
        let changed = match &self.backend {
            Backend::Sqlite { dir } => rusqlite::Connection::open(Self::sqlite_file(dir))
                .unwrap()
                .execute(
                    "UPDATE readings SET kind = ?1 WHERE id = ?2",
                    rusqlite::params![kind, id],
                )
                .unwrap() as u64,
            Backend::Postgres { schema } => postgres::connect(&schema.url)
                .await
                .execute("UPDATE readings SET kind = $1 WHERE id = $2", &[&kind, &id])
                .await
                .unwrap(),
        };
        assert_eq!(changed, 1);
    }
}

pub fn new_reading(owner: &str, kind: &str, summary: &str) -> NewReading {
    NewReading {
        owner: owner.into(),
        kind: SignType::from_wire(kind).unwrap(),
        input: json!({ "name": "Ada", "n": 1 }),
        result: JsonText::new(&json!({ "number": 7, "tags": ["a", "b"] })).unwrap(),
        summary: summary.into(),
        locale: "en".into(),
    }
}

/// Every visible reading of `owner`: the first page with no filter.
pub async fn list_all(store: &dyn Store, owner: &str) -> ReadingPage {
    store
        .list_readings(owner, &ReadingFilter::default())
        .await
        .unwrap()
}

pub fn ids(items: &[StoredReading]) -> Vec<i64> {
    items.iter().map(|r| r.id).collect()
}

pub fn is_rfc3339_ms_utc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z'
        && b.iter()
            .enumerate()
            .all(|(i, c)| [4, 7, 10, 13, 16, 19, 23].contains(&i) || c.is_ascii_digit())
}

/// A refresh token of `user` in `family`, ending at `expires_at`.
pub fn token(hash: &str, user: &str, family: &str, expires_at: i64) -> NewRefreshToken {
    NewRefreshToken {
        token_hash: hash.into(),
        user_id: user.into(),
        family_id: family.into(),
        expires_at,
    }
}
