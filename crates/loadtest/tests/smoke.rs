//! The benchmark at toy scale, so that it cannot rot: every phase completes
//! with no error and the JSON carries the fields the README's table is made of.

mod support;

use serde_json::Value;
use support::{assert_goals_listed_not_judged, field, number, refused, run_ok};

#[test]
fn tiny_run_completes_every_phase_without_errors() {
    let (r, stdout) = run_ok(&["--sockets", "50", "--rate", "20", "--duration-secs", "1"]);
    for figure in [
        "connect time total",
        "server RSS per socket",
        "to reading_complete p50/p90/p99/max",
        "first / p50 / p99 / last",
        "one node: reading p99 at 2,000 readings/s",
    ] {
        assert!(stdout.contains(figure), "table lacks {figure:?}:\n{stdout}");
    }
    // One server: no per-node rows, no PostgreSQL.
    for absent in ["by node", "CPU postgres", "cross-node readings"] {
        assert!(!stdout.contains(absent), "{absent}:\n{stdout}");
    }
    assert_eq!(number(&r, "settings.nodes"), 1.0);
    assert_eq!(field(&r, "settings.database"), &Value::Null);

    // Phase 1: every socket, no error, memory measured.
    assert_eq!(number(&r, "sockets.requested"), 50.0);
    assert_eq!(number(&r, "sockets.connected"), 50.0);
    assert_eq!(number(&r, "sockets.errors"), 0.0);
    assert!(number(&r, "sockets.connect_total_ms") > 0.0);
    assert!(number(&r, "sockets.server_rss_before_bytes") > 0.0);
    assert!(
        number(&r, "sockets.server_rss_after_bytes")
            > number(&r, "sockets.server_rss_before_bytes")
    );
    assert!(number(&r, "sockets.rss_per_socket_bytes") > 0.0);
    assert_eq!(number(&r, "sockets.nodes.0.connected"), 50.0);

    // Phase 2: 20 readings, each reaching its socket, on the node it was posted to.
    assert_eq!(number(&r, "readings.requested"), 20.0);
    assert_eq!(number(&r, "readings.completed"), 20.0);
    assert_eq!(number(&r, "readings.errors"), 0.0);
    assert_eq!(number(&r, "readings.cross_node"), 0.0);
    assert_eq!(number(&r, "readings.nodes.0.posted"), 20.0);
    assert_eq!(number(&r, "readings.latency.count"), 20.0);
    for p in ["p50_ms", "p90_ms", "p99_ms", "max_ms"] {
        let v = number(&r, &format!("readings.latency.{p}"));
        assert!(v > 0.0 && v < 10_000.0, "latency {p} = {v}");
    }
    assert!(number(&r, "readings.latency.p50_ms") <= number(&r, "readings.latency.p99_ms"));
    assert!(number(&r, "readings.achieved_rate_per_sec") > 0.0);
    assert_eq!(field(&r, "readings.cpu.postgres_ms"), &Value::Null);

    // Phase 3: the broadcast reached all 50.
    assert_eq!(number(&r, "broadcast.sockets"), 50.0);
    assert_eq!(number(&r, "broadcast.received"), 50.0);
    assert_eq!(number(&r, "broadcast.received_within_5s"), 50.0);
    assert_eq!(number(&r, "broadcast.http_status"), 200.0);
    assert!(number(&r, "broadcast.last_ms") >= number(&r, "broadcast.first_ms"));

    // The end: nothing closed under us, the server stopped by itself.
    assert_eq!(number(&r, "end.sockets_closed_early"), 0.0);
    assert_eq!(number(&r, "end.bad_frames"), 0.0);
    assert_eq!(field(&r, "end.server_stopped_cleanly"), &Value::Bool(true));
    assert!(number(&r, "machine.nproc") >= 1.0);

    // The goals are listed beside the measurements; at this scale none is judged.
    assert_goals_listed_not_judged(&r);
}

/// More sockets than one client process may hold (`--client-sockets-max`, as
/// the open-file limit would): a socket holder process holds the rest, and
/// every figure counts its sockets.
#[test]
fn sockets_beyond_the_client_limit_go_to_a_socket_holder() {
    let (r, stdout) = run_ok(&[
        "--sockets",
        "80",
        "--client-sockets-max",
        "50",
        "--rate",
        "20",
        "--duration-secs",
        "1",
    ]);
    assert_eq!(number(&r, "settings.sockets"), 80.0);
    assert_eq!(number(&r, "settings.client_sockets"), 50.0);
    assert_eq!(
        field(&r, "settings.holder_sockets"),
        &serde_json::json!([30])
    );

    // Phase 1: all 80 up; the client holds 50, the holder (another process) 30.
    assert_eq!(number(&r, "sockets.requested"), 80.0);
    assert_eq!(number(&r, "sockets.connected"), 80.0);
    assert_eq!(number(&r, "sockets.errors"), 0.0);
    assert_eq!(number(&r, "sockets.nodes.0.connected"), 80.0);
    assert_eq!(field(&r, "sockets.clients.0.role"), "client");
    assert_eq!(number(&r, "sockets.clients.0.connected"), 50.0);
    assert_eq!(field(&r, "sockets.clients.1.role"), "holder");
    assert_eq!(number(&r, "sockets.clients.1.connected"), 30.0);
    assert_eq!(
        field(&r, "sockets.clients.1.by_node"),
        &serde_json::json!([30])
    );
    assert_ne!(
        number(&r, "sockets.clients.0.pid"),
        number(&r, "sockets.clients.1.pid")
    );
    assert!(number(&r, "sockets.clients.1.rss_bytes") > 0.0);
    let row = stdout
        .lines()
        .find(|l| l.contains("sockets by client process"))
        .unwrap_or_else(|| panic!("no row of the client processes:\n{stdout}"));
    assert!(row.ends_with("client 50 / holder 30"), "{row}");

    // Phase 2: readings are posted for the client's own users only.
    let readings =
        ["requested", "completed", "errors"].map(|f| number(&r, &format!("readings.{f}")));
    assert_eq!(readings, [20.0, 20.0, 0.0]);

    // Phase 3: the broadcast reached all 80, the holder's 30 among them, on one clock.
    let broadcast = [
        "sockets",
        "received",
        "received_within_5s",
        "nodes.0.received",
    ]
    .map(|f| number(&r, &format!("broadcast.{f}")));
    assert_eq!(broadcast, [80.0; 4]);
    let (first, last) = (
        number(&r, "broadcast.first_ms"),
        number(&r, "broadcast.last_ms"),
    );
    assert!(
        first > 0.0 && first <= last && last < 10_000.0,
        "{first} .. {last}"
    );

    assert_eq!(number(&r, "end.sockets_closed_early"), 0.0);
    assert_eq!(number(&r, "end.bad_frames"), 0.0);
    assert_eq!(field(&r, "end.server_stopped_cleanly"), &Value::Bool(true));
    assert_goals_listed_not_judged(&r);
}

#[test]
fn bad_flags_exit_2() {
    refused(&["--sockets", "0"]);
    assert_eq!(
        refused(&["--nodes", "2"]),
        "nps-loadtest: --nodes 2 needs --database-url (the nodes share one PostgreSQL)\n"
    );
    let off_loopback = refused(&[
        "--nodes",
        "2",
        "--database-url",
        "postgres://nps:hunter2@db.example:5432/nps",
    ]);
    assert_eq!(
        off_loopback,
        "nps-loadtest: --database-url names the host db.example: the load test only talks to \
         loopback addresses\n"
    );
}
