//! The benchmark at toy scale, so that it cannot rot: every phase completes
//! with no error and the JSON carries the fields the README's table is made of.

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

fn field<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |v, k| {
        v.get(k)
            .unwrap_or_else(|| panic!("JSON has no {path:?} (stopped at {k:?}): {v}"))
    })
}

fn number(v: &Value, path: &str) -> f64 {
    field(v, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number: {}", field(v, path)))
}

#[test]
fn tiny_run_completes_every_phase_without_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json_path = dir.path().join("load.json");
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_nps-loadtest"))
        .args(["--sockets", "50", "--rate", "20", "--duration-secs", "1"])
        .arg("--json-out")
        .arg(&json_path)
        .output()
        .expect("run nps-loadtest");
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    assert!(took < Duration::from_secs(30), "took {took:?}");
    for figure in [
        "connect time total",
        "server RSS per socket",
        "to reading_complete p50/p90/p99/max",
        "first / p50 / p99 / last",
        "reading p99 at 500 readings/s",
    ] {
        assert!(stdout.contains(figure), "table lacks {figure:?}:\n{stdout}");
    }

    let text = std::fs::read_to_string(&json_path).expect("JSON written");
    let r: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(field(&r, "ok"), &Value::Bool(true), "{text}");

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

    // Phase 2: 20 readings, each reaching its socket.
    assert_eq!(number(&r, "readings.requested"), 20.0);
    assert_eq!(number(&r, "readings.completed"), 20.0);
    assert_eq!(number(&r, "readings.errors"), 0.0);
    assert_eq!(number(&r, "readings.latency.count"), 20.0);
    for p in ["p50_ms", "p90_ms", "p99_ms", "max_ms"] {
        let v = number(&r, &format!("readings.latency.{p}"));
        assert!(v > 0.0 && v < 10_000.0, "latency {p} = {v}");
    }
    assert!(number(&r, "readings.latency.p50_ms") <= number(&r, "readings.latency.p99_ms"));
    assert!(number(&r, "readings.achieved_rate_per_sec") > 0.0);

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
    let goals = field(&r, "goals").as_array().expect("goals array");
    assert_eq!(goals.len(), 3, "{goals:?}");
    for g in goals {
        assert!(
            g.get("goal").is_some() && g.get("measured").is_some(),
            "{g}"
        );
        assert_eq!(g.get("met"), Some(&Value::Null), "{g}");
    }
}

#[test]
fn bad_flags_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_nps-loadtest"))
        .args(["--sockets", "0"])
        .output()
        .expect("run nps-loadtest");
    assert_eq!(out.status.code(), Some(2));
}
