//! The cluster mode at toy scale, against a real PostgreSQL from
//! `scripts/postgres.sh` (or `NPS_TEST_DATABASE_URL`, as the store's suite): two
//! nodes, 50 sockets, every reading posted to the other node than its socket's.
//! If PostgreSQL cannot be started the test fails: it is never skipped.

mod support;

use serde_json::Value;
use support::script::Cluster;
use support::{assert_goals_listed_not_judged, field, number, run_ok};

/// Overrides the throwaway server, as in `crates/store`'s suite (its user must be
/// allowed to create databases).
const TEST_DATABASE_URL_ENV: &str = "NPS_TEST_DATABASE_URL";

/// Whether a database of that name exists on the server of `url`.
fn database_exists(url: &str, name: &str) -> bool {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .expect("connects to the test server");
        tokio::spawn(connection);
        let row = client
            .query_one(
                "SELECT count(*) FROM pg_database WHERE datname = $1",
                &[&name],
            )
            .await
            .expect("pg_database");
        row.get::<_, i64>(0) == 1
    })
}

#[test]
fn tiny_cluster_run_crosses_nodes_for_every_reading() {
    let own_server;
    let url = match std::env::var(TEST_DATABASE_URL_ENV) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => {
            own_server = Cluster::start();
            own_server.url.clone()
        }
    };
    let (r, stdout) = run_ok(&[
        "--nodes",
        "2",
        "--database-url",
        &url,
        "--sockets",
        "50",
        "--rate",
        "20",
        "--duration-secs",
        "1",
    ]);
    for row in [
        "by node: sockets, RSS after, per socket",
        "cross-node readings",
        "CPU postgres",
        "CPU by node",
        "by node: received, last",
        "by node: RSS at end, peak",
    ] {
        assert!(stdout.contains(row), "table lacks {row:?}:\n{stdout}");
    }

    // The run had its own database, dropped at the end.
    assert_eq!(number(&r, "settings.nodes"), 2.0);
    let database = field(&r, "settings.database").as_str().expect("a name");
    assert!(database.starts_with("nps_loadtest_"), "{database}");
    assert!(!database_exists(&url, database), "{database} was left");

    // Phase 1: 25 sockets on each node, each node's memory measured.
    assert_eq!(number(&r, "sockets.connected"), 50.0);
    assert_eq!(number(&r, "sockets.errors"), 0.0);
    for node in ["0", "1"] {
        let n = |f: &str| number(&r, &format!("sockets.nodes.{node}.{f}"));
        assert_eq!(n("node"), node.parse::<f64>().expect("a number"));
        assert_eq!(n("connected"), 25.0);
        assert!(n("server_rss_after_bytes") > n("server_rss_before_bytes"));
        assert!(n("pid") > 0.0);
    }
    assert_ne!(
        number(&r, "sockets.nodes.0.pid"),
        number(&r, "sockets.nodes.1.pid")
    );

    // Phase 2: 20 readings, every one posted to the node its socket is not on
    // and completed there: 10 per node each way.
    assert_eq!(number(&r, "readings.requested"), 20.0);
    assert_eq!(number(&r, "readings.completed"), 20.0);
    assert_eq!(number(&r, "readings.errors"), 0.0);
    assert_eq!(number(&r, "readings.cross_node"), 20.0);
    for node in ["0", "1"] {
        assert_eq!(number(&r, &format!("readings.nodes.{node}.posted")), 10.0);
        assert_eq!(
            number(&r, &format!("readings.nodes.{node}.latency.count")),
            10.0
        );
    }
    assert!(number(&r, "readings.latency.p99_ms") > 0.0);
    assert!(number(&r, "readings.cpu.postgres_ms") >= 0.0);
    let by_node = field(&r, "readings.cpu.server_by_node_ms")
        .as_array()
        .expect("per-node CPU");
    assert_eq!(by_node.len(), 2);
    assert!(by_node.iter().all(Value::is_f64), "{by_node:?}");

    // Phase 3: posted to node 0, it reached every socket on both nodes.
    assert_eq!(number(&r, "broadcast.posted_to_node"), 0.0);
    assert_eq!(number(&r, "broadcast.http_status"), 200.0);
    assert_eq!(number(&r, "broadcast.received"), 50.0);
    for node in ["0", "1"] {
        let n = |f: &str| number(&r, &format!("broadcast.nodes.{node}.{f}"));
        assert_eq!((n("sockets"), n("received")), (25.0, 25.0));
        assert!(n("last_ms") > 0.0 && n("last_ms") <= number(&r, "broadcast.last_ms"));
    }

    // The end: both nodes stopped by themselves, nothing closed early.
    assert_eq!(number(&r, "end.sockets_closed_early"), 0.0);
    assert_eq!(number(&r, "end.bad_frames"), 0.0);
    let ends = field(&r, "end.nodes").as_array().expect("per-node end");
    assert_eq!(ends.len(), 2);
    assert!(
        ends.iter()
            .all(|n| n["stopped_cleanly"] == Value::Bool(true))
    );
    assert_goals_listed_not_judged(&r);
}
