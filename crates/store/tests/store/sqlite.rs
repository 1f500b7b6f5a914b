//! SQLite only: the file (creation, WAL, migrations in `PRAGMA user_version`,
//! unusable paths, private modes), durability when the process dies, and the online
//! backup.

use std::path::Path;

use nps_protocol::text::Arg;
use nps_store::{SignType, SqliteStore, Store, StoreError};
use serde_json::json;

use crate::support::new_reading;

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

mod migrations {
    use super::*;

    fn user_version(path: &Path) -> i64 {
        raw(path)
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    fn schema(path: &Path) -> Vec<String> {
        let conn = raw(path);
        let mut stmt = conn
            .prepare("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn fresh_file_gets_current_version_wal_and_all_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/deeper/store.db");
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.path(), path);
        assert!(path.exists());
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION);
        let mode: String = raw(&path)
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let names = schema(&path).join("\n");
        for table in [
            "users",
            "readings",
            "daily_insights",
            "refresh_tokens",
            "readings_owner_live_newest",
        ] {
            assert!(
                names.contains(&format!(" {table}: ")),
                "{table} missing in\n{names}"
            );
        }
    }

    #[tokio::test]
    async fn reopening_is_idempotent_and_keeps_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        assert_eq!(store.path(), path);
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        drop(store);
        let before = schema(&path);
        for _ in 0..3 {
            let store = SqliteStore::open_in_dir(dir.path()).unwrap();
            assert_eq!(store.get_reading("u", r.id).await.unwrap(), Some(r.clone()));
        }
        assert_eq!(schema(&path), before);
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        drop(SqliteStore::open(&path).unwrap());
        raw(&path)
            .execute_batch(&format!(
                "PRAGMA user_version = {}",
                nps_store::SCHEMA_VERSION + 1
            ))
            .unwrap();
        match SqliteStore::open(&path) {
            Err(StoreError::Invalid(msg)) => {
                assert_eq!(msg.id, "error-store-schema-newer");
                let found = (nps_store::SCHEMA_VERSION + 1).to_string();
                assert_eq!(msg.args[0], ("found".into(), Arg::Number(found)));
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        // and nothing was changed
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION + 1);
    }

    /// A version-1 database (before refresh-token families) is migrated: each stored
    /// token becomes a family of its own and still rotates; a second use is a reuse.
    #[tokio::test]
    async fn version_1_refresh_tokens_become_families_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        {
            let conn = raw(&path);
            conn.execute_batch(nps_store::migrations::MIGRATIONS[0].sql)
                .unwrap();
            conn.execute_batch(
                "INSERT INTO refresh_tokens (token_hash, user_id, expires_at) \
                 VALUES ('old-a', 'sara', 5000), ('old-b', 'sara', 5000);
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION);
        let sara = || nps_store::Rotation::Rotated {
            user_id: "sara".into(),
        };
        for (old, new, expected) in [
            ("old-a", "new-a", sara()),
            ("old-a", "x", nps_store::Rotation::Reused),
            // The other old token was a family of its own: untouched.
            ("old-b", "new-b", sara()),
        ] {
            let rotation = store.rotate_refresh_token(old, new, 1000, 0).await;
            assert_eq!(rotation.unwrap(), expected, "{old} → {new}");
        }
    }

    #[test]
    fn not_a_database_is_a_database_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        std::fs::write(
            &path,
            b"this is definitely not an SQLite file, just some text padding it out",
        )
        .unwrap();
        assert!(matches!(
            SqliteStore::open(&path),
            Err(StoreError::Database(_))
        ));
    }

    #[test]
    fn unusable_paths_are_errors_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        // a file where the parent directory should be
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, b"x").unwrap();
        assert!(matches!(
            SqliteStore::open(blocker.join("nps.db")),
            Err(StoreError::Io { .. })
        ));
        assert!(matches!(SqliteStore::open(""), Err(StoreError::Invalid(_))));
        assert!(matches!(
            SqliteStore::open(":memory:"),
            Err(StoreError::Invalid(_))
        ));
        // a directory where the file should be
        assert!(matches!(
            SqliteStore::open(dir.path()),
            Err(StoreError::Database(_))
        ));
    }
}

mod crash {
    use super::*;

    /// Inserts a row, ends the store with `end`, and checks a reopened store has the row.
    async fn committed_row_survives(summary: &str, end: fn(SqliteStore)) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        let r = store
            .insert_reading(new_reading("u", "name", summary))
            .await
            .unwrap();
        end(store);
        let reopened = SqliteStore::open_in_dir(dir.path()).unwrap();
        assert_eq!(reopened.get_reading("u", r.id).await.unwrap(), Some(r));
    }

    #[tokio::test]
    async fn forgotten_store_keeps_committed_row() {
        // No close, no checkpoint, no destructor.
        committed_row_survives("forgotten", std::mem::forget).await;
    }

    #[tokio::test]
    async fn dropped_store_keeps_committed_row() {
        committed_row_survives("dropped", drop).await;
    }

    const CHILD_ENV: &str = "NPS_STORE_TEST_CRASH_CHILD_DIR";
    const ID_MARKER: &str = "NPS_STORE_CHILD_INSERTED_ID=";
    const THIS_TEST: &str = "sqlite::crash::row_survives_process_abort_right_after_insert";

    /// Parent mode: re-runs this very test in a child process that inserts a
    /// row and aborts; then checks the row survived. Child mode (env var set):
    /// insert, print the id, abort.
    #[tokio::test]
    async fn row_survives_process_abort_right_after_insert() {
        if let Ok(dir) = std::env::var(CHILD_ENV) {
            use std::io::Write;
            let store = SqliteStore::open_in_dir(&dir).unwrap();
            let r = store
                .insert_reading(new_reading("crash", "full", "before abort"))
                .await
                .unwrap();
            let mut out = std::io::stdout().lock();
            writeln!(out, "{ID_MARKER}{}", r.id).unwrap();
            out.flush().unwrap();
            std::process::abort();
        }

        let dir = tempfile::tempdir().unwrap();
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args([THIS_TEST, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !output.status.success(),
            "child should have aborted: {stdout}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                output.status.signal(),
                Some(6),
                "SIGABRT expected; stdout: {stdout}"
            );
        }
        let id: i64 = stdout
            .lines()
            .find_map(|l| l.split_once(ID_MARKER).map(|(_, id)| id))
            .unwrap_or_else(|| panic!("child printed no id; stdout: {stdout}"))
            .trim()
            .parse()
            .unwrap();
        // The child died with the WAL not checkpointed; reopening recovers it.
        let wal = dir.path().join("nps.db-wal");
        let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert!(
            wal_len > 0,
            "the aborted child should leave an un-checkpointed WAL"
        );
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        let got = store
            .get_reading("crash", id)
            .await
            .unwrap()
            .expect("row survived abort");
        assert_eq!(got.summary, "before abort");
        assert_eq!(got.kind, SignType::Full);
        assert_eq!(got.input, json!({ "name": "Ada", "n": 1 }));
    }
}

#[cfg(unix)]
mod private_files {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    /// The test process runs with the usual umask (022), under which SQLite alone
    /// would make 0644 files and `create_dir_all` 0755 directories.
    #[tokio::test]
    async fn the_directory_database_wal_and_shm_are_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data/nps-oracle");
        let store = SqliteStore::open_in_dir(&dir).unwrap();
        store
            .insert_reading(new_reading("u", "name", "private"))
            .await
            .unwrap();
        assert_eq!(mode(&tmp.path().join("data")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        for file in ["nps.db", "nps.db-wal", "nps.db-shm"] {
            assert_eq!(mode(&dir.join(file)), 0o600, "{file}");
        }
    }

    #[tokio::test]
    async fn files_an_older_version_left_open_are_narrowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        {
            let conn = raw(&path);
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                .unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let wal = dir.path().join("nps.db-wal");
            std::fs::write(&wal, b"").unwrap();
            std::fs::set_permissions(&wal, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
        store
            .insert_reading(new_reading("u", "name", "after"))
            .await
            .unwrap();
        assert_eq!(mode(&dir.path().join("nps.db-wal")), 0o600);
        assert_eq!(mode(&dir.path().join("nps.db-shm")), 0o600);
    }
}

mod backup {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use nps_store::Overwrite;

    use super::*;

    fn ids_in(path: &Path) -> Vec<i64> {
        let conn = raw(path);
        let mut stmt = conn.prepare("SELECT id FROM readings ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// A backup taken while another task keeps inserting is one consistent moment:
    /// every row committed before it and none half-way, so its ids are 1..=n.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn backup_while_another_task_inserts_is_a_consistent_copy() {
        const BEFORE: usize = 50;
        const DURING: usize = 300;
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        for i in 0..BEFORE {
            store
                .insert_reading(new_reading("u", "name", &format!("before {i}")))
                .await
                .unwrap();
        }
        let inserted = Arc::new(AtomicUsize::new(0));
        let writer = tokio::spawn({
            let store = store.clone();
            let inserted = Arc::clone(&inserted);
            async move {
                for i in 0..DURING {
                    store
                        .insert_reading(new_reading("u", "time", &format!("during {i}")))
                        .await
                        .unwrap();
                    inserted.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
        while inserted.load(Ordering::SeqCst) < 10 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        let dest = dir.path().join("backup.db");
        let floor = BEFORE + inserted.load(Ordering::SeqCst);
        store.backup_to(&dest, Overwrite::Refuse).await.unwrap();
        writer.await.unwrap();

        let ids = ids_in(&dest);
        let n = ids.len();
        assert!(
            (floor..=BEFORE + DURING).contains(&n),
            "{n} rows, at least {floor} were committed before the backup"
        );
        assert_eq!(
            ids,
            (1..=n as i64).collect::<Vec<_>>(),
            "a prefix of the ids"
        );
        let check: String = raw(&dest)
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        // The backup opens as a store, and the source kept every row.
        let restored = SqliteStore::open(&dest).unwrap();
        let page = restored
            .list_readings("u", &nps_store::ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!(page.total, n as u64);
        assert_eq!(ids_in(&dir.path().join("nps.db")).len(), BEFORE + DURING);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[tokio::test]
    async fn an_existing_file_is_kept_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path().join("data")).unwrap();
        store
            .insert_reading(new_reading("u", "name", "one"))
            .await
            .unwrap();
        let dest = dir.path().join("backup.db");
        std::fs::write(&dest, b"keep me").unwrap();
        match store.backup_to(&dest, Overwrite::Refuse).await {
            Err(StoreError::Io { path, source }) => {
                assert_eq!(path, dest);
                assert_eq!(source.kind(), std::io::ErrorKind::AlreadyExists);
            }
            other => panic!("expected AlreadyExists, got {other:?}"),
        }
        assert_eq!(std::fs::read(&dest).unwrap(), b"keep me");
        store.backup_to(&dest, Overwrite::Replace).await.unwrap();
        assert_eq!(ids_in(&dest), vec![1]);
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
    }

    #[tokio::test]
    async fn a_missing_directory_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        let dest = dir.path().join("no/such/dir/backup.db");
        assert!(matches!(
            store.backup_to(&dest, Overwrite::Refuse).await,
            Err(StoreError::Io { .. })
        ));
        assert!(!dest.exists());
    }
}
