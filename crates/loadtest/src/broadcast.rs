//! Phase 3: one `GET /api/oracle/daily`, timed from just before the request is
//! written until the last socket has its `daily_reading`.
//!
//! The clock includes what the server does before it broadcasts (computing the
//! day's insight and storing it); `http_ms` (the `GET`'s answer) shows that
//! part.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::http::HttpConn;
use crate::procfs;
use crate::report::BroadcastPhase;
use crate::server_process::ServerProcess;
use crate::sockets::{Recorder, User};

/// How long to wait for every socket's `daily_reading`.
const WAIT: Duration = Duration::from_secs(10);
/// The window of `received_within_5s`.
const WINDOW: Duration = Duration::from_secs(5);

/// Sends the `GET` as `caller` and waits for `sockets` deliveries.
pub async fn run(
    server: &ServerProcess,
    caller: &User,
    sockets: usize,
    recorder: &Arc<Recorder>,
) -> BroadcastPhase {
    let mut phase = BroadcastPhase {
        ok: false,
        sockets,
        http_status: 0,
        http_ms: 0.0,
        received: 0,
        received_within_5s: 0,
        first_ms: 0.0,
        p50_ms: 0.0,
        p99_ms: 0.0,
        last_ms: 0.0,
        cpu: procfs::PhaseCpu::default(),
        error: None,
    };
    let mut conn = match HttpConn::connect(server.addr()).await {
        Ok(c) => c,
        Err(e) => {
            phase.error = Some(format!("connect: {e}"));
            return phase;
        }
    };
    recorder.expect_daily(sockets);
    let cpu0 = procfs::CpuMark::now(server.pid());
    let sent = Instant::now();
    let answer = conn
        .request(
            "GET",
            "/api/oracle/daily?date=2026-02-09",
            &caller.token,
            None,
        )
        .await;
    phase.http_ms = sent.elapsed().as_secs_f64() * 1e3;
    match answer {
        Ok(r) => {
            phase.http_status = r.status;
            if r.status != 200 {
                phase.error = Some(format!(
                    "HTTP {}: {}",
                    r.status,
                    String::from_utf8_lossy(&r.body)
                        .chars()
                        .take(200)
                        .collect::<String>()
                ));
                return phase;
            }
        }
        Err(e) => {
            phase.error = Some(format!("GET: {e}"));
            return phase;
        }
    }
    let all = tokio::time::timeout(WAIT.saturating_sub(sent.elapsed()), recorder.all_daily())
        .await
        .is_ok();
    phase.cpu = cpu0.until(&procfs::CpuMark::now(server.pid()));

    let mut after: Vec<Duration> = recorder
        .daily_arrivals()
        .into_iter()
        .map(|at| at.saturating_duration_since(sent))
        .collect();
    after.sort();
    phase.received = after.len();
    phase.received_within_5s = after.iter().filter(|d| **d <= WINDOW).count();
    let at = |q: f64| -> f64 {
        if after.is_empty() {
            return 0.0;
        }
        let i = ((q * after.len() as f64).ceil() as usize).clamp(1, after.len()) - 1;
        after[i].as_secs_f64() * 1e3
    };
    phase.first_ms = at(0.0);
    phase.p50_ms = at(0.5);
    phase.p99_ms = at(0.99);
    phase.last_ms = at(1.0);
    if !all {
        phase.error = Some(format!(
            "{} of {sockets} sockets had daily_reading after {} s",
            phase.received,
            WAIT.as_secs()
        ));
    }
    phase.ok = all && phase.received == sockets;
    phase
}
