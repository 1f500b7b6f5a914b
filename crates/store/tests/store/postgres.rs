//! PostgreSQL only: migrations in `nps_schema_migrations`, connecting, the
//! cluster epoch, the pool bound, and failing fast while the server is down.

use std::time::Duration;

use nps_store::{PgOptions, PgStore, ReadingFilter, Store, StoreError};
use serde_json::json;

use crate::support::postgres::{Cluster, Scratch, connect, replace_user};
use crate::support::{list_all, new_reading};

/// Generous bound for calls that must fail fast, so a hang fails the test
/// instead of stalling the suite.
const NO_HANG: Duration = Duration::from_secs(20);

async fn bounded<T>(what: &str, f: impl Future<Output = T>) -> T {
    tokio::time::timeout(NO_HANG, f)
        .await
        .unwrap_or_else(|_| panic!("{what} hung for {NO_HANG:?}"))
}

fn assert_unavailable<T: std::fmt::Debug>(what: &str, r: nps_store::Result<T>) {
    assert!(
        r.as_ref().is_err_and(StoreError::is_unavailable),
        "{what}: expected Unavailable, got {r:?}"
    );
}

mod migrations {
    use super::*;

    async fn applied(url: &str) -> Vec<(i32, String)> {
        connect(url)
            .await
            .query(
                "SELECT version, name FROM nps_schema_migrations ORDER BY version",
                &[],
            )
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect()
    }

    /// The first column of every row `sql` returns, as text.
    async fn texts(client: &tokio_postgres::Client, sql: &str) -> Vec<String> {
        client
            .query(sql, &[])
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn fresh_database_gets_every_table_and_records_each_step() {
        let schema = Scratch::schema().await;
        PgStore::connect(&schema.url).await.unwrap();
        assert_eq!(
            applied(&schema.url).await,
            vec![
                (1, "initial schema".to_string()),
                (2, "refresh-token families".to_string()),
                (3, "saved people".to_string()),
                (4, "ratings and notes".to_string()),
                (5, "readings by owner".to_string())
            ]
        );
        assert_eq!(nps_store::postgres::PG_SCHEMA_VERSION, 5);
        let client = connect(&schema.url).await;
        let names = texts(
            &client,
            "SELECT c.relname::text FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i', 'S') \
             ORDER BY 1",
        )
        .await;
        for name in [
            "users",
            "users_username_ascii_ci",
            "readings",
            "readings_owner_live_newest",
            "readings_owner",
            "daily_insights",
            "refresh_tokens",
            "refresh_tokens_expires_at",
            "refresh_tokens_family",
            "profiles",
            "profiles_owner",
            "profiles_one_me",
            "cluster",
            "event_seq",
            "event_streams",
            "events",
            "events_user_seq",
            "events_broadcast_seq",
            "events_created_at",
            "daily_broadcasts",
            "nps_schema_migrations",
        ] {
            assert!(
                names.iter().any(|n| n == name),
                "{name} missing in {names:?}"
            );
        }
    }

    /// Every insert checks the owner's bound with this query (soft-deleted rows
    /// count): without an index it can use, it scanned every reading.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_owners_bound_is_checked_through_an_index() {
        let schema = Scratch::schema().await;
        PgStore::connect(&schema.url).await.unwrap();
        let client = connect(&schema.url).await;
        // The tables are empty: forbid the scan the planner would otherwise pick.
        client
            .batch_execute("SET enable_seqscan = off")
            .await
            .unwrap();
        let plan = texts(
            &client,
            "EXPLAIN SELECT 1 FROM readings WHERE owner = 'u1' OFFSET 9999 LIMIT 1",
        )
        .await
        .join("\n");
        // "Bitmap Index Scan on readings_owner" or "Index (Only) Scan using
        // readings_owner on readings", as the planner likes.
        assert!(
            plan.contains(" on readings_owner") || plan.contains(" using readings_owner "),
            "{plan}"
        );
        assert!(!plan.contains("Seq Scan"), "{plan}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn reconnecting_is_idempotent_and_keeps_data() {
        let schema = Scratch::schema().await;
        let store = PgStore::connect(&schema.url).await.unwrap();
        let epoch = store.epoch();
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        drop(store);
        let before = applied(&schema.url).await;
        for _ in 0..3 {
            let store = PgStore::connect(&schema.url).await.unwrap();
            assert_eq!(store.epoch(), epoch);
            assert_eq!(store.get_reading("u", r.id).await.unwrap(), Some(r.clone()));
        }
        assert_eq!(applied(&schema.url).await, before);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn newer_schema_is_refused_and_nothing_is_written() {
        let schema = Scratch::schema().await;
        PgStore::connect(&schema.url).await.unwrap();
        connect(&schema.url)
            .await
            .execute(
                "INSERT INTO nps_schema_migrations (version, name) VALUES ($1, 'from the future')",
                &[&(nps_store::postgres::PG_SCHEMA_VERSION + 1)],
            )
            .await
            .unwrap();
        match PgStore::connect(&schema.url).await {
            Err(StoreError::Invalid(msg)) => assert_eq!(msg.id, "error-store-schema-newer"),
            other => panic!("expected Invalid, got {other:?}"),
        }
        let known = nps_store::postgres::PG_SCHEMA_VERSION as usize;
        assert_eq!(applied(&schema.url).await.len(), known + 1);
    }

    /// Nodes may run as a role that can use the tables but not create any.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_role_without_create_rights_opens_a_migrated_database() {
        let schema = Scratch::schema().await;
        let owner = PgStore::connect(&schema.url).await.unwrap();
        let admin = connect(&schema.url).await;
        let role = format!("nps_app_{}", std::process::id());
        // Test-generated identifiers; they cannot be parameters.
        admin
            .batch_execute(&format!(
                "CREATE ROLE {role} LOGIN;
                 GRANT USAGE ON SCHEMA {s} TO {role};
                 GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {role};
                 GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {role};",
                s = admin
                    .query_one("SELECT current_schema()", &[])
                    .await
                    .unwrap()
                    .get::<_, String>(0),
            ))
            .await
            .unwrap();
        let app = PgStore::connect(&replace_user(&schema.url, &role)).await;
        let outcome = async {
            let app = app?;
            assert_eq!(app.epoch(), owner.epoch());
            let r = app.insert_reading(new_reading("u", "name", "s")).await?;
            assert_eq!(owner.get_reading("u", r.id).await?, Some(r));
            app.append_event("u", "x", &json!(1)).await?;
            app.prune_events(Duration::from_secs(300), 256).await
        }
        .await;
        admin
            .batch_execute(&format!("DROP OWNED BY {role}; DROP ROLE {role}"))
            .await
            .unwrap();
        assert_eq!(outcome.unwrap(), 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn nodes_starting_together_migrate_once() {
        let schema = Scratch::schema().await;
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..6 {
            let url = schema.url.clone();
            tasks.spawn(async move { PgStore::connect(&url).await.unwrap().epoch() });
        }
        let epochs = tasks.join_all().await;
        assert!(epochs.iter().all(|e| *e == epochs[0]), "{epochs:?}");
        assert_eq!(
            applied(&schema.url).await.len(),
            nps_store::postgres::PG_SCHEMA_VERSION as usize
        );
        assert_eq!(
            connect(&schema.url)
                .await
                .query("SELECT 1 FROM cluster", &[])
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

mod connecting {
    use super::*;

    #[tokio::test]
    async fn malformed_urls_are_invalid_and_never_echo_the_password() {
        for url in [
            "postgres://nps:s3cret-pw@127.0.0.1:99999/nps",
            "postgres://nps:s3cret-pw@127.0.0.1:5432/nps?sslmode=require",
            "postgres://nps:s3cret-pw@127.0.0.1:5432/nps?connect_timeout=soon",
            "postgresql:///nps?password=s3cret-pw",
            "host=127.0.0.1 password=s3cret-pw port=",
        ] {
            match PgStore::connect(url).await {
                Err(e @ StoreError::Invalid(_)) => {
                    // Neither the message's arguments nor the log line repeat it.
                    let shown = format!("{e} {e:?}");
                    assert!(!shown.contains("s3cret-pw"), "{url}: {shown}")
                }
                other => panic!("{url}: expected Invalid, got {other:?}"),
            }
        }
        let zero = PgOptions {
            max_connections: 0,
            ..PgOptions::default()
        };
        assert!(matches!(
            PgStore::connect_with("postgres://127.0.0.1/nps", zero).await,
            Err(StoreError::Invalid(_))
        ));
    }

    #[tokio::test]
    async fn a_server_that_is_not_there_is_unavailable_at_once() {
        // A port that was just free: nobody listens there.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("postgres://nps:pw@127.0.0.1:{port}/nps");
        let r = bounded("connect", PgStore::connect(&url)).await;
        match r {
            Err(e) if e.is_unavailable() => assert!(!e.to_string().contains("pw@"), "{e}"),
            other => panic!("expected Unavailable, got {other:?}"),
        }
    }

    /// A server that accepts the connection and then says nothing: the connect
    /// timeout covers the whole startup, not only the TCP connect.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_server_that_never_answers_is_unavailable_after_the_connect_timeout() {
        let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = silent.local_addr().unwrap().port();
        let held = tokio::spawn(async move {
            let mut open = Vec::new();
            while let Ok((socket, _)) = silent.accept().await {
                open.push(socket); // keep it open, never answer
            }
        });
        let options = PgOptions {
            connect_timeout: Duration::from_millis(300),
            ..PgOptions::default()
        };
        let started = std::time::Instant::now();
        let url = format!("postgres://nps@127.0.0.1:{port}/nps");
        let r = bounded("connect", PgStore::connect_with(&url, options)).await;
        assert_unavailable("connect to a silent server", r);
        assert!(started.elapsed() >= Duration::from_millis(300));
        held.abort();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn debug_shows_where_not_the_password_and_the_defaults_are_the_constants() {
        let schema = Scratch::schema().await;
        // Trust authentication ignores the password, so it only travels in the URL.
        let url = schema
            .url
            .replacen("postgres://postgres@", "postgres://postgres:s3cret-pw@", 1);
        assert_ne!(url, schema.url);
        let store = PgStore::connect(&url).await.unwrap();
        let dbg = format!("{store:?}");
        assert!(!dbg.contains("s3cret-pw"), "{dbg}");
        assert!(
            dbg.contains("127.0.0.1") && dbg.contains("max_connections: 16"),
            "{dbg}"
        );
        assert_eq!(
            PgOptions::default(),
            PgOptions {
                max_connections: 16,
                wait_timeout: Duration::from_secs(5),
                connect_timeout: Duration::from_secs(5),
                statement_timeout: Duration::from_secs(30),
            }
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn epoch_is_in_javascripts_range_and_per_database() {
        let a = Scratch::schema().await;
        let b = Scratch::schema().await;
        let store_a = PgStore::connect(&a.url).await.unwrap();
        let again_a = PgStore::connect(&a.url).await.unwrap();
        let store_b = PgStore::connect(&b.url).await.unwrap();
        for e in [store_a.epoch(), store_b.epoch()] {
            assert!((1..(1u64 << 53)).contains(&e), "{e}");
        }
        assert_eq!(store_a.epoch(), again_a.epoch());
        assert_ne!(store_a.epoch(), store_b.epoch());
    }
}

/// What PostgreSQL cannot store is `Invalid` (a 4xx), not a database failure.
mod limits {
    use super::*;
    use nps_store::NewReading;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn nul_characters_and_year_zero_are_invalid() {
        let schema = Scratch::schema().await;
        let store = PgStore::connect(&schema.url).await.unwrap();
        let with_nul = NewReading {
            summary: "a\u{0}b".into(),
            ..new_reading("u", "name", "s")
        };
        let r = store.insert_reading(with_nul).await;
        assert!(
            matches!(r, Err(StoreError::Invalid(ref m)) if m.id == "error-store-nul"),
            "{r:?}"
        );
        // NUL inside a JSON string is escaped text, so that is stored fine.
        let json_nul = NewReading {
            input: json!({ "name": "a\u{0}b" }),
            ..new_reading("u", "name", "s")
        };
        let saved = store.insert_reading(json_nul).await.unwrap();
        assert_eq!(saved.input, json!({ "name": "a\u{0}b" }));
        assert_eq!(store.get_reading("u", saved.id).await.unwrap(), Some(saved));
        // A well-formed date PostgreSQL has no year for.
        let r = store.put_daily_insight("0000-01-01", "en", &json!(1)).await;
        assert!(
            matches!(r, Err(StoreError::Invalid(ref m)) if m.id == "error-store-date-range"),
            "{r:?}"
        );
    }
}

mod availability {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_busy_pool_fails_after_the_wait_timeout_and_never_exceeds_its_bound() {
        let schema = Scratch::schema().await;
        let options = PgOptions {
            max_connections: 2,
            wait_timeout: Duration::from_millis(300),
            ..PgOptions::default()
        };
        let store = std::sync::Arc::new(PgStore::connect_with(&schema.url, options).await.unwrap());
        // Hold the readings table so two inserts hold both connections.
        let mut admin = connect(&schema.url).await;
        let lock = admin.transaction().await.unwrap();
        lock.batch_execute("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE")
            .await
            .unwrap();
        let mut inserts = tokio::task::JoinSet::new();
        for i in 0..2 {
            let store = std::sync::Arc::clone(&store);
            inserts.spawn(async move {
                store
                    .insert_reading(new_reading("u", "name", &format!("{i}")))
                    .await
            });
        }
        bounded("both connections in use", async {
            while store.pool_status().idle > 0 || store.pool_status().open < 2 {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await;
        let started = std::time::Instant::now();
        let r = bounded("a third call", store.find_user("anyone")).await;
        assert_unavailable("a third call", r);
        assert!(started.elapsed() >= Duration::from_millis(300));
        let status = store.pool_status();
        assert_eq!((status.open, status.max_connections), (2, 2));

        lock.commit().await.unwrap();
        for r in inserts.join_all().await {
            r.unwrap();
        }
        assert_eq!(store.find_user("anyone").await.unwrap(), None);
        let page = list_all(&*store, "u").await;
        assert_eq!(page.total, 2);
        assert!(store.pool_status().open <= 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_statement_stuck_past_the_statement_timeout_is_cancelled() {
        let schema = Scratch::schema().await;
        let options = PgOptions {
            statement_timeout: Duration::from_millis(300),
            ..PgOptions::default()
        };
        let store = PgStore::connect_with(&schema.url, options).await.unwrap();
        let mut admin = connect(&schema.url).await;
        let lock = admin.transaction().await.unwrap();
        lock.batch_execute("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE")
            .await
            .unwrap();
        let started = std::time::Instant::now();
        let r = bounded(
            "a blocked insert",
            store.insert_reading(new_reading("u", "name", "s")),
        )
        .await;
        assert_unavailable("a blocked insert", r);
        assert!(started.elapsed() >= Duration::from_millis(300));
        lock.rollback().await.unwrap();
        assert_eq!(list_all(&store, "u").await.total, 0);
    }

    crate::support::on_its_own_server!(while_the_server_is_down_calls_fail_fast_and_then_recover);
    async fn while_the_server_is_down_calls_fail_fast_and_then_recover() {
        let cluster = Cluster::start();
        let store = PgStore::connect(&cluster.url).await.unwrap();
        let saved = store
            .insert_reading(new_reading("u", "name", "before"))
            .await
            .unwrap();
        store
            .store_refresh_token(&crate::support::token("t", "u", "f", i64::MAX))
            .await
            .unwrap();

        cluster.down();
        let s = &store;
        assert_unavailable(
            "insert",
            bounded(
                "insert",
                s.insert_reading(new_reading("u", "name", "during")),
            )
            .await,
        );
        assert_unavailable("get", bounded("get", s.get_reading("u", saved.id)).await);
        assert_unavailable(
            "list",
            bounded("list", s.list_readings("u", &ReadingFilter::default())).await,
        );
        assert_unavailable(
            "favorite",
            bounded("favorite", s.toggle_favorite("u", saved.id)).await,
        );
        assert_unavailable("user", bounded("user", s.find_user("u")).await);
        assert_unavailable(
            "token",
            bounded("token", s.rotate_refresh_token("t", "t2", 0, 5)).await,
        );
        assert_unavailable(
            "daily",
            bounded("daily", s.put_daily_insight("2026-11-25", "en", &json!(1))).await,
        );
        assert_unavailable(
            "event",
            bounded("event", s.append_event("u", "x", &json!(1))).await,
        );
        assert_unavailable(
            "replay",
            bounded("replay", s.events_since("u", 0, 10)).await,
        );
        assert_unavailable(
            "claim",
            bounded("claim", s.claim_daily_broadcast("2026-11-25", "en")).await,
        );

        cluster.up();
        assert_eq!(store.get_reading("u", saved.id).await.unwrap(), Some(saved));
        // The epoch survived the restart.
        let reconnected = PgStore::connect(&cluster.url).await.unwrap();
        assert_eq!(reconnected.epoch(), store.epoch());
        let page = list_all(&store, "u").await;
        assert_eq!(page.total, 1, "the insert during the outage wrote nothing");
        assert_eq!(
            store.rotate_refresh_token("t", "t2", 0, 5).await.unwrap(),
            nps_store::Rotation::Rotated {
                user_id: "u".into()
            }
        );
    }
}

/// `scripts/postgres.sh` itself: a taken port, two starts at once, a second
/// stop, a watched process that exits.
mod script {
    use std::process::Command;

    use super::*;
    use crate::support::postgres::{query_value, run_script, script};

    fn port_of(url: &str) -> u16 {
        url.rsplit_once(':')
            .and_then(|(_, rest)| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {url}"))
    }

    fn listed(url: &str) -> bool {
        run_script(&["status"]).lines().any(|l| l.contains(url))
    }

    crate::support::on_its_own_server!(
        taken_ports_two_starts_at_once_a_second_stop_and_a_watched_exit
    );
    /// Two starts at once, both told to try a taken port first; `b` watches a
    /// process of its own.
    async fn taken_ports_two_starts_at_once_a_second_stop_and_a_watched_exit() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let taken_port = taken.local_addr().unwrap().port();
        let mut b_owner = Command::new("sleep").arg("120").spawn().unwrap();
        let start = |watch: u32| {
            std::thread::spawn(move || {
                let out = Command::new("bash")
                    .arg(script())
                    .args(["start", "--watch-pid", &watch.to_string(), "--no-fsync"])
                    .env("NPS_PG_PORT", taken_port.to_string())
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                String::from_utf8(out.stdout).unwrap().trim().to_owned()
            })
        };
        let (a, b) = (start(std::process::id()), start(b_owner.id()));
        let (a, b) = (a.join().unwrap(), b.join().unwrap());
        assert_ne!(port_of(&a), taken_port);
        assert_ne!(port_of(&b), taken_port);
        assert_ne!(port_of(&a), port_of(&b));
        for url in [&a, &b] {
            let one: i32 = query_value(url, "SELECT 1").await;
            assert_eq!(one, 1);
            assert!(listed(url), "{url} not in status");
        }
        run_script(&["stop", &a]);
        run_script(&["stop", &a]); // already gone: still fine
        assert!(!listed(&a));

        // `b` goes away with the process it watches, server and all.
        assert!(listed(&b));
        b_owner.kill().unwrap();
        b_owner.wait().unwrap();
        bounded("the watcher removes the cluster", async {
            while listed(&b) {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
        .await;
        assert_unavailable(
            "connecting to a removed cluster",
            PgStore::connect(&b).await,
        );
    }
}
