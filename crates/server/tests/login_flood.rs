//! The acceptance test of issue 10 item 4, alone in its own test binary so that the
//! process's resident set is the server's (and this client's), not other tests'.
//! Linux only: it reads the resident set from `/proc/self/status`.
#![cfg(target_os = "linux")]

use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde_json::json;

#[allow(dead_code)]
#[path = "it/support.rs"]
mod support;

use support::{PASSWORD, Server, http_from};

/// The resident set of this process (the server runs in it), in KiB.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// The acceptance test of item 4: 300 parallel bogus logins from 127.0.0.2 keep
/// RSS under 300 MB, some are answered 429 (with `Retry-After`), and a correct
/// login from 127.0.0.1 during the flood succeeds within 5 s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_bogus_logins_is_throttled_and_a_real_login_gets_through() {
    let server = Server::with_users(&["sara"], |_| {}).await;
    let before = rss_kib();
    let flooder: IpAddr = "127.0.0.2".parse().unwrap();
    let addr = server.addr;
    let flood: Vec<_> = (0..300)
        .map(|i| {
            tokio::spawn(async move {
                let body =
                    json!({"username": format!("bogus-{i}"), "password": "guess"}).to_string();
                let headers = [("Content-Type", "application/json")];
                let reply = http_from(
                    flooder,
                    addr,
                    "POST",
                    "/api/auth/login",
                    &headers,
                    Some(&body),
                )
                .await;
                (reply.status, reply.head)
            })
        })
        .collect();
    let sampler = tokio::spawn(async {
        let mut peak = 0;
        for _ in 0..100 {
            peak = peak.max(rss_kib());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        peak
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = Instant::now();
    let (status, tokens) = server.login("sara", PASSWORD).await;
    let took = started.elapsed();
    assert_eq!(status, 200, "{tokens}");
    assert!(
        took < Duration::from_secs(5),
        "the real login took {took:?}"
    );
    let mut counts = std::collections::BTreeMap::<u16, usize>::new();
    for task in flood {
        let (status, head) = task.await.unwrap();
        *counts.entry(status).or_default() += 1;
        if status == 429 || status == 503 {
            assert!(head.contains("\r\nretry-after: "), "{head}");
        }
    }
    assert!(
        counts.keys().all(|s| [401, 429, 503].contains(s)),
        "{counts:?}"
    );
    // The default allows 10 a minute from one IP: the rest are refused.
    assert_eq!(counts.get(&401), Some(&10), "{counts:?}");
    assert_eq!(counts.get(&429), Some(&290), "{counts:?}");
    // Most of the peak is argon2's 19 MiB work memory, which glibc keeps per thread
    // after each check (measured: +19 MiB per check on one thread, up to ~160 MiB).
    let peak = sampler.await.unwrap();
    eprintln!(
        "RSS {before} KiB before, peak {peak} KiB; the real login took {took:?}; answers {counts:?}"
    );
    assert!(peak < 300 * 1024, "peak RSS {peak} KiB");
    server.stop().await;
}
