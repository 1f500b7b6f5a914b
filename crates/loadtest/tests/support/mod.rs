//! What the load test's tests share: running the binary and reading its JSON.

#![allow(dead_code, reason = "each test file uses a part of this")]

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

/// `scripts/postgres.sh` and a private throwaway server, shared with the store's
/// suite and the CLI's cluster tests.
#[path = "../../../store/tests/store/support/script.rs"]
pub mod script;

/// A whole run at toy scale must end well within this.
pub const RUN_LIMIT: Duration = Duration::from_secs(60);

pub fn field<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |v, k| {
        let next = match k.parse::<usize>() {
            Ok(i) => v.get(i),
            Err(_) => v.get(k),
        };
        next.unwrap_or_else(|| panic!("JSON has no {path:?} (stopped at {k:?}): {v}"))
    })
}

pub fn number(v: &Value, path: &str) -> f64 {
    field(v, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number: {}", field(v, path)))
}

/// Runs `nps-loadtest` with `flags` and `--json-out`; asserts it exited 0 within
/// [`RUN_LIMIT`] and returns its JSON and its table (stdout).
pub fn run_ok(flags: &[&str]) -> (Value, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let json_path = dir.path().join("load.json");
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_nps-loadtest"))
        .args(flags)
        .arg("--json-out")
        .arg(&json_path)
        .output()
        .expect("run nps-loadtest");
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    assert!(took < RUN_LIMIT, "took {took:?}");
    let text = std::fs::read_to_string(&json_path).expect("JSON written");
    let report: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(field(&report, "ok"), &Value::Bool(true), "{text}");
    (report, stdout)
}

/// Runs `nps-loadtest` with `flags` that must be refused: exit 2 and exactly one
/// line on stderr, which is returned.
pub fn refused(flags: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_nps-loadtest"))
        .args(flags)
        .output()
        .expect("run nps-loadtest");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{flags:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{flags:?}");
    stderr
}

/// Every goal of the report: 3 of one node and 3 of a cluster, none judged at
/// toy scale.
pub fn assert_goals_listed_not_judged(report: &Value) {
    let goals = field(report, "goals").as_array().expect("goals array");
    let column = |key: &str| -> Vec<&str> {
        goals
            .iter()
            .map(|g| g[key].as_str().unwrap_or_else(|| panic!("no {key}: {g}")))
            .collect()
    };
    assert_eq!(
        column("name"),
        [
            "one node: server RSS with 10,000 sockets",
            "one node: reading p99 at 2,000 readings/s",
            "one node: daily_reading to all 10,000 sockets",
            "cluster: 20,000 sockets over 2 nodes",
            "cluster: cross-node reading p99 at 1,000 readings/s",
            "cluster: daily_reading to all 20,000 sockets",
        ]
    );
    assert_eq!(
        column("goal"),
        [
            "< 200.0 MB",
            "< 10 ms",
            "< 200 ms",
            "20,000 connected",
            "< 25 ms",
            "< 500 ms"
        ]
    );
    for g in goals {
        assert!(g["measured"].as_str().is_some_and(|m| !m.is_empty()), "{g}");
        assert_eq!(g.get("met"), Some(&Value::Null), "{g}");
    }
}
