//! Phase 3: one `POST /api/admin/daily` (an admin token; reading the day with `GET`
//! never broadcasts), timed from just before the request is written until the last
//! socket has its `daily_reading`.
//!
//! The clock includes what the server does before it broadcasts (computing the
//! day's insight and storing it); `http_ms` (the `POST`'s answer) shows that
//! part.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::http::HttpConn;
use crate::procfs;
use crate::report::{BroadcastPhase, Summary};
use crate::server_process::ServerProcess;
use crate::sockets::Recorder;

/// How long to wait for every socket's `daily_reading`.
const WAIT: Duration = Duration::from_secs(10);
/// The window of `received_within_5s`.
const WINDOW: Duration = Duration::from_secs(5);

/// Publishing the daily insight is an admin's.
const PUBLISH_PATH: &str = "/api/admin/daily";
/// The day published, in one language (the readings phase uses the same day).
const PUBLISH_BODY: &str = r#"{"date": "2026-02-09", "locale": "en"}"#;

/// Sends the `POST` with `admin_token` and waits for `sockets` deliveries.
pub async fn run(
    server: &ServerProcess,
    admin_token: &str,
    sockets: usize,
    recorder: &Arc<Recorder>,
) -> BroadcastPhase {
    let mut phase = BroadcastPhase {
        sockets,
        ..BroadcastPhase::default()
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
        .request("POST", PUBLISH_PATH, admin_token, Some(PUBLISH_BODY))
        .await;
    phase.http_ms = sent.elapsed().as_secs_f64() * 1e3;
    match answer {
        Ok(r) => {
            phase.http_status = r.status;
            if r.status != 200 {
                phase.error = Some(r.error_sample());
                return phase;
            }
        }
        Err(e) => {
            phase.error = Some(format!("POST: {e}"));
            return phase;
        }
    }
    let all = tokio::time::timeout(WAIT.saturating_sub(sent.elapsed()), recorder.all_daily())
        .await
        .is_ok();
    phase.cpu = cpu0.until(&procfs::CpuMark::now(server.pid()));
    phase.record_arrivals(&recorder.daily_arrivals(), sent);
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

impl BroadcastPhase {
    /// How many sockets had the `daily_reading` (and within [`WINDOW`]), and
    /// how long after `sent` the first, median, p99 and last arrived.
    fn record_arrivals(&mut self, arrivals: &[Instant], sent: Instant) {
        let after: Vec<Duration> = arrivals
            .iter()
            .map(|at| at.saturating_duration_since(sent))
            .collect();
        let spread = Summary::of(&after);
        self.received = after.len();
        self.received_within_5s = after.iter().filter(|d| **d <= WINDOW).count();
        self.first_ms = spread.min_ms;
        self.p50_ms = spread.p50_ms;
        self.p99_ms = spread.p99_ms;
        self.last_ms = spread.max_ms;
    }
}
