//! Phase 2: time readings at a fixed rate, each timed from just before its
//! `POST /api/oracle/reading` is written to the `reading_complete` with its
//! `request_id` on its user's socket.
//!
//! The schedule is open-loop: reading `i` is due at `start + i / rate`,
//! whatever happened to the earlier ones, and runs in its own task. Requests
//! go over a fixed set of keep-alive HTTP/1.1 connections opened before the
//! clock starts; a reading that finds every connection busy waits for one, and
//! that wait is reported as `send_lag` (not hidden in the latency).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::http::HttpConn;
use crate::procfs;
use crate::report::{ReadingsPhase, SecondFigures, Summary};
use crate::server_process::ServerProcess;
use crate::sockets::{Outcome, Recorder, User};

/// How long a reading may take to reach `reading_complete` before it counts as
/// a timeout.
const COMPLETE_TIMEOUT: Duration = Duration::from_secs(10);

/// The keep-alive connections, each used by one request at a time.
struct Pool {
    addr: SocketAddr,
    permits: Semaphore,
    idle: Mutex<Vec<HttpConn>>,
}

impl Pool {
    async fn open(addr: SocketAddr, size: usize) -> std::io::Result<Self> {
        let mut idle = Vec::with_capacity(size);
        for _ in 0..size {
            idle.push(HttpConn::connect(addr).await?);
        }
        Ok(Self {
            addr,
            permits: Semaphore::new(size),
            idle: Mutex::new(idle),
        })
    }

    fn take(&self) -> Option<HttpConn> {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
    }

    fn give_back(&self, conn: HttpConn) {
        if conn.is_reusable() {
            self.idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(conn);
        }
    }
}

/// What one reading measured.
enum Result1 {
    Done {
        latency: Duration,
        http: Duration,
        lag: Duration,
        completed: Instant,
        answer_bytes: usize,
        index: usize,
    },
    Http(String),
    Io(String),
    ReadingError(String),
    Timeout,
}

/// The `datetime` of reading `i`: 2026-02-09, one second apart.
fn datetime(i: usize) -> String {
    let s = i % 86_400;
    format!(
        "2026-02-09T{:02}:{:02}:{:02}Z",
        s / 3600,
        (s / 60) % 60,
        s % 60
    )
}

pub struct Plan {
    pub rate: f64,
    pub duration: Duration,
    pub http_connections: usize,
}

/// Runs the readings of `plan` for `users` (round robin).
pub async fn run(
    server: &ServerProcess,
    users: &[User],
    recorder: &Arc<Recorder>,
    plan: &Plan,
) -> ReadingsPhase {
    let requested = (plan.rate * plan.duration.as_secs_f64()).round() as usize;
    let mut phase = ReadingsPhase {
        ok: false,
        requested,
        sent: 0,
        completed: 0,
        errors: 0,
        http_errors: 0,
        io_errors: 0,
        reading_errors: 0,
        timeouts: 0,
        error_samples: Vec::new(),
        latency: Summary::default(),
        http_latency: Summary::default(),
        send_lag: Summary::default(),
        offered_rate_per_sec: 0.0,
        achieved_rate_per_sec: 0.0,
        cpu: procfs::PhaseCpu::default(),
        wall_ms: 0.0,
        answer_bytes_mean: 0.0,
        by_second: Vec::new(),
    };
    if users.is_empty() || requested == 0 {
        phase
            .error_samples
            .push("no connected user to read for".into());
        return phase;
    }
    let pool = match Pool::open(server.addr(), plan.http_connections.max(1)).await {
        Ok(p) => Arc::new(p),
        Err(e) => {
            phase.error_samples.push(format!("HTTP connections: {e}"));
            phase.errors = 1;
            return phase;
        }
    };

    let cpu0 = procfs::CpuMark::now(server.pid());
    let interval = Duration::from_secs_f64(1.0 / plan.rate);
    let start = tokio::time::Instant::now() + Duration::from_millis(20);
    let mut tasks = JoinSet::new();
    for i in 0..requested {
        let due = start + interval.mul_f64(i as f64);
        tokio::time::sleep_until(due).await;
        let user = users[i % users.len()].clone();
        tasks.spawn(one_reading(
            i,
            due.into_std(),
            user,
            Arc::clone(&pool),
            Arc::clone(recorder),
        ));
    }
    let last_due = start + interval.mul_f64((requested - 1) as f64);
    phase.sent = requested;

    let mut latencies = Vec::with_capacity(requested);
    let mut http = Vec::with_capacity(requested);
    let mut lags = Vec::with_capacity(requested);
    let mut bytes_total = 0usize;
    let seconds = (requested as f64 / plan.rate).ceil() as usize;
    let mut by_second: Vec<Vec<Duration>> = vec![Vec::new(); seconds];
    let mut first_completed: Option<Instant> = None;
    let mut last_completed: Option<Instant> = None;
    while let Some(joined) = tasks.join_next().await {
        let r = joined.unwrap_or_else(|e| Result1::Io(format!("task: {e}")));
        let sample = match r {
            Result1::Done {
                latency,
                http: h,
                lag,
                completed,
                answer_bytes,
                index,
            } => {
                bytes_total += answer_bytes;
                let second = (index as f64 / plan.rate) as usize;
                if let Some(bucket) = by_second.get_mut(second) {
                    bucket.push(latency);
                }
                phase.completed += 1;
                latencies.push(latency);
                http.push(h);
                lags.push(lag);
                first_completed = Some(first_completed.map_or(completed, |f| f.min(completed)));
                last_completed = Some(last_completed.map_or(completed, |l| l.max(completed)));
                None
            }
            Result1::Http(e) => {
                phase.http_errors += 1;
                Some(e)
            }
            Result1::Io(e) => {
                phase.io_errors += 1;
                Some(e)
            }
            Result1::ReadingError(e) => {
                phase.reading_errors += 1;
                Some(format!("reading_error: {e}"))
            }
            Result1::Timeout => {
                phase.timeouts += 1;
                Some("no reading_complete within 10 s".into())
            }
        };
        if let Some(e) = sample
            && phase.error_samples.len() < 10
        {
            phase.error_samples.push(e);
        }
    }
    let wall = start.elapsed();
    phase.wall_ms = wall.as_secs_f64() * 1e3;
    phase.cpu = cpu0.until(&procfs::CpuMark::now(server.pid()));
    phase.errors = phase.http_errors + phase.io_errors + phase.reading_errors + phase.timeouts;
    phase.latency = Summary::of(&latencies);
    phase.by_second = by_second
        .iter()
        .enumerate()
        .map(|(second, l)| {
            let s = Summary::of(l);
            SecondFigures {
                second,
                completed: s.count,
                p50_ms: s.p50_ms,
                p99_ms: s.p99_ms,
                max_ms: s.max_ms,
            }
        })
        .collect();
    if phase.completed > 0 {
        phase.answer_bytes_mean = bytes_total as f64 / phase.completed as f64;
    }
    phase.http_latency = Summary::of(&http);
    phase.send_lag = Summary::of(&lags);
    let span = (last_due - start).as_secs_f64() + interval.as_secs_f64();
    phase.offered_rate_per_sec = requested as f64 / span;
    // Completions per second between the first and the last completion.
    if let (Some(f), Some(l)) = (first_completed, last_completed) {
        let secs = l.saturating_duration_since(f).as_secs_f64();
        if secs > 0.0 {
            phase.achieved_rate_per_sec = (phase.completed - 1) as f64 / secs;
        }
    }
    phase.ok = phase.errors == 0 && phase.completed == requested;
    phase
}

async fn one_reading(
    i: usize,
    due: Instant,
    user: User,
    pool: Arc<Pool>,
    recorder: Arc<Recorder>,
) -> Result1 {
    let Ok(_permit) = pool.permits.acquire().await else {
        return Result1::Io("pool closed".into());
    };
    let mut conn = match pool.take() {
        Some(c) => c,
        None => match HttpConn::connect(pool.addr).await {
            Ok(c) => c,
            Err(e) => return Result1::Io(format!("connect: {e}")),
        },
    };
    let request_id = format!("lt-{i}");
    let body = serde_json::json!({
        "request_id": request_id,
        "datetime": datetime(i),
    })
    .to_string();
    let done = recorder.expect_reading(&request_id);
    let sent = Instant::now();
    let lag = sent.saturating_duration_since(due);
    let answer = conn
        .request("POST", "/api/oracle/reading", &user.token, Some(&body))
        .await;
    let http = sent.elapsed();
    pool.give_back(conn);
    drop(_permit);
    let answer_bytes = match answer {
        Ok(r) if r.status == 200 => r.body.len(),
        Ok(r) => {
            recorder.forget_reading(&request_id);
            return Result1::Http(format!(
                "HTTP {}: {}",
                r.status,
                String::from_utf8_lossy(&r.body)
                    .chars()
                    .take(200)
                    .collect::<String>()
            ));
        }
        Err(e) => {
            recorder.forget_reading(&request_id);
            return Result1::Io(format!("POST: {e}"));
        }
    };
    match tokio::time::timeout(COMPLETE_TIMEOUT, done).await {
        Ok(Ok(Outcome::Complete(at))) => Result1::Done {
            latency: at.saturating_duration_since(sent),
            http,
            lag,
            completed: at,
            answer_bytes,
            index: i,
        },
        Ok(Ok(Outcome::Error(e))) => Result1::ReadingError(e),
        Ok(Err(_)) => Result1::Io("recorder dropped".into()),
        Err(_) => {
            recorder.forget_reading(&request_id);
            Result1::Timeout
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_are_valid_seconds_of_one_day() {
        assert_eq!(datetime(0), "2026-02-09T00:00:00Z");
        assert_eq!(datetime(3_661), "2026-02-09T01:01:01Z");
        assert_eq!(datetime(86_399), "2026-02-09T23:59:59Z");
        assert_eq!(datetime(86_400), "2026-02-09T00:00:00Z");
    }
}
