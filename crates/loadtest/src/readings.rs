//! Phase 2: time readings at a fixed rate, each timed from just before its
//! `POST /api/oracle/reading` is written to the `reading_complete` with its
//! `request_id` on its user's socket. In a cluster the `POST` goes to another
//! node than the socket's ([`post_node`](crate::server_process::post_node)), so
//! the latency is the cross-node one: store, `NOTIFY`, the other node's
//! listener, the socket.
//!
//! The schedule is open-loop: reading `i` is due at `start + i / rate`,
//! whatever happened to the earlier ones, and runs in its own task. Requests
//! go over a fixed set of keep-alive HTTP/1.1 connections to each node opened
//! before the clock starts; a reading that finds every connection busy waits for one, and
//! that wait is reported as `send_lag` (not hidden in the latency). A connection
//! left idle for [`MAX_IDLE`] is replaced by a new one (the server closes idle
//! keep-alive connections).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::http::HttpConn;
use crate::procfs;
use crate::report::{NodeReadings, ReadingsPhase, SecondFigures, Summary};
use crate::server_process::Nodes;
use crate::sockets::{Outcome, Recorder, User};

/// How long a reading may take to reach `reading_complete` before it counts as
/// a timeout.
const COMPLETE_TIMEOUT: Duration = Duration::from_secs(10);

/// A pooled connection idle this long is replaced rather than reused: the server
/// closes keep-alive connections idle for `keep_alive_timeout` (10 s by default), and
/// a request written just as it does so would fail. Half the server's default, as
/// browsers keep their idle limit below the servers'.
const MAX_IDLE: Duration =
    Duration::from_secs(nps_server::config::DEFAULT_KEEP_ALIVE_TIMEOUT.as_secs() / 2);

/// The keep-alive connections, each used by one request at a time.
struct Pool {
    addr: SocketAddr,
    permits: Semaphore,
    /// Idle connections and since when, the most recently used last.
    idle: Mutex<Vec<(HttpConn, Instant)>>,
}

impl Pool {
    async fn open(addr: SocketAddr, size: usize) -> std::io::Result<Self> {
        let mut idle = Vec::with_capacity(size);
        for _ in 0..size {
            idle.push((HttpConn::connect(addr).await?, Instant::now()));
        }
        Ok(Self {
            addr,
            permits: Semaphore::new(size),
            idle: Mutex::new(idle),
        })
    }

    /// The most recently used idle connection, if one has not been idle for
    /// [`MAX_IDLE`]; the stale ones are dropped (closed).
    fn take(&self) -> Option<HttpConn> {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        idle.retain(|(_, since)| since.elapsed() < MAX_IDLE);
        idle.pop().map(|(conn, _)| conn)
    }

    fn give_back(&self, conn: HttpConn) {
        if conn.is_reusable() {
            self.idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((conn, Instant::now()));
        }
    }
}

/// The pools, one per node, in node order.
type Pools = Arc<Vec<Pool>>;

/// What one reading measured.
enum Measured {
    Done {
        latency: Duration,
        http: Duration,
        lag: Duration,
        completed: Instant,
        answer_bytes: usize,
        index: usize,
        socket_node: usize,
        post_node: usize,
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

impl Plan {
    /// Readings in the phase: rate × duration.
    fn readings(&self) -> usize {
        (self.rate * self.duration.as_secs_f64()).round() as usize
    }
}

/// The open-loop timetable: reading `i` is due at `start + i / rate`.
struct Schedule {
    start: tokio::time::Instant,
    interval: Duration,
    readings: usize,
}

impl Schedule {
    /// Starts 20 ms from now, so that spawning the first tasks is not timed.
    fn new(plan: &Plan) -> Self {
        Self {
            start: tokio::time::Instant::now() + Duration::from_millis(20),
            interval: Duration::from_secs_f64(1.0 / plan.rate),
            readings: plan.readings(),
        }
    }

    fn due(&self, i: usize) -> tokio::time::Instant {
        self.start + self.interval.mul_f64(i as f64)
    }

    /// Spawns each reading at its due time, whatever happened to the earlier
    /// ones, for `users` in round robin.
    async fn spawn_readings(
        &self,
        users: &[User],
        pools: &Pools,
        recorder: &Arc<Recorder>,
    ) -> JoinSet<Measured> {
        let mut tasks = JoinSet::new();
        for i in 0..self.readings {
            let due = self.due(i);
            tokio::time::sleep_until(due).await;
            let user = users[i % users.len()].clone();
            tasks.spawn(one_reading(
                i,
                due.into_std(),
                user,
                Arc::clone(pools),
                Arc::clone(recorder),
            ));
        }
        tasks
    }

    /// Readings offered per second: from the first due time to one interval
    /// after the last.
    fn offered_rate(&self) -> f64 {
        let span =
            (self.due(self.readings - 1) - self.start).as_secs_f64() + self.interval.as_secs_f64();
        self.readings as f64 / span
    }
}

/// The readings' results, gathered as they finish.
#[derive(Default)]
struct Tally {
    /// Readings per second, to place each reading in its second.
    rate: f64,
    latencies: Vec<Duration>,
    http: Vec<Duration>,
    lags: Vec<Duration>,
    /// Latencies by the second of the phase each reading was due in.
    by_second: Vec<Vec<Duration>>,
    /// Latencies by the node of the reading's socket.
    by_node: Vec<Vec<Duration>>,
    /// `POST`s answered 200, by node.
    posted: Vec<usize>,
    /// Completed readings posted to another node than the socket's.
    cross_node: usize,
    answer_bytes: usize,
    first_completed: Option<Instant>,
    last_completed: Option<Instant>,
    http_errors: usize,
    io_errors: usize,
    reading_errors: usize,
    timeouts: usize,
    error_samples: Vec<String>,
}

impl Tally {
    fn new(plan: &Plan, nodes: usize) -> Self {
        let readings = plan.readings();
        let seconds = (readings as f64 / plan.rate).ceil() as usize;
        Self {
            rate: plan.rate,
            latencies: Vec::with_capacity(readings),
            http: Vec::with_capacity(readings),
            lags: Vec::with_capacity(readings),
            by_second: vec![Vec::new(); seconds],
            by_node: vec![Vec::new(); nodes],
            posted: vec![0; nodes],
            ..Self::default()
        }
    }

    fn add(&mut self, measured: Measured) {
        let error = match measured {
            Measured::Done {
                latency,
                http,
                lag,
                completed,
                answer_bytes,
                index,
                socket_node,
                post_node,
            } => {
                let second = (index as f64 / self.rate) as usize;
                if let Some(bucket) = self.by_second.get_mut(second) {
                    bucket.push(latency);
                }
                if let Some(bucket) = self.by_node.get_mut(socket_node) {
                    bucket.push(latency);
                }
                if let Some(posted) = self.posted.get_mut(post_node) {
                    *posted += 1;
                }
                self.cross_node += usize::from(socket_node != post_node);
                self.latencies.push(latency);
                self.http.push(http);
                self.lags.push(lag);
                self.answer_bytes += answer_bytes;
                self.first_completed =
                    Some(self.first_completed.map_or(completed, |f| f.min(completed)));
                self.last_completed =
                    Some(self.last_completed.map_or(completed, |l| l.max(completed)));
                return;
            }
            Measured::Http(e) => {
                self.http_errors += 1;
                e
            }
            Measured::Io(e) => {
                self.io_errors += 1;
                e
            }
            Measured::ReadingError(e) => {
                self.reading_errors += 1;
                format!("reading_error: {e}")
            }
            Measured::Timeout => {
                self.timeouts += 1;
                "no reading_complete within 10 s".into()
            }
        };
        if self.error_samples.len() < 10 {
            self.error_samples.push(error);
        }
    }

    /// Writes the counts and the latency figures into `phase`.
    fn fill(self, phase: &mut ReadingsPhase) {
        let completed = self.latencies.len();
        phase.completed = completed;
        phase.http_errors = self.http_errors;
        phase.io_errors = self.io_errors;
        phase.reading_errors = self.reading_errors;
        phase.timeouts = self.timeouts;
        phase.errors = self.http_errors + self.io_errors + self.reading_errors + self.timeouts;
        phase.error_samples.extend(self.error_samples);
        phase.latency = Summary::of(&self.latencies);
        phase.http_latency = Summary::of(&self.http);
        phase.send_lag = Summary::of(&self.lags);
        phase.cross_node = self.cross_node;
        phase.nodes = self
            .by_node
            .iter()
            .zip(&self.posted)
            .enumerate()
            .map(|(node, (latencies, &posted))| NodeReadings {
                node,
                posted,
                latency: Summary::of(latencies),
            })
            .collect();
        phase.by_second = self
            .by_second
            .iter()
            .enumerate()
            .map(|(second, latencies)| {
                let s = Summary::of(latencies);
                SecondFigures {
                    second,
                    completed: s.count,
                    p50_ms: s.p50_ms,
                    p99_ms: s.p99_ms,
                    max_ms: s.max_ms,
                }
            })
            .collect();
        if completed > 0 {
            phase.answer_bytes_mean = self.answer_bytes as f64 / completed as f64;
        }
        // Completions per second between the first and the last completion.
        if let (Some(f), Some(l)) = (self.first_completed, self.last_completed) {
            let secs = l.saturating_duration_since(f).as_secs_f64();
            if secs > 0.0 {
                phase.achieved_rate_per_sec = (completed - 1) as f64 / secs;
            }
        }
    }
}

/// Runs the readings of `plan` for `users` (round robin), each posted to its
/// user's `post_node`; `postgres` adds PostgreSQL's CPU to the figures.
pub async fn run(
    nodes: &Nodes,
    postgres: bool,
    users: &[User],
    recorder: &Arc<Recorder>,
    plan: &Plan,
) -> ReadingsPhase {
    let requested = plan.readings();
    let mut phase = ReadingsPhase {
        requested,
        ..ReadingsPhase::default()
    };
    if users.is_empty() || requested == 0 {
        phase
            .error_samples
            .push("no connected user to read for".into());
        return phase;
    }
    let mut pools = Vec::with_capacity(nodes.len());
    for (index, node) in nodes.nodes().iter().enumerate() {
        match Pool::open(node.addr(), plan.http_connections.max(1)).await {
            Ok(p) => pools.push(p),
            Err(e) => {
                phase
                    .error_samples
                    .push(format!("HTTP connections to node {index}: {e}"));
                phase.errors = 1;
                return phase;
            }
        }
    }
    let pools = Arc::new(pools);

    let pids = nodes.pids();
    let cpu0 = procfs::CpuMark::now(&pids, postgres);
    let schedule = Schedule::new(plan);
    let mut tasks = schedule.spawn_readings(users, &pools, recorder).await;
    phase.sent = requested;
    let mut tally = Tally::new(plan, nodes.len());
    while let Some(joined) = tasks.join_next().await {
        let measured = joined.unwrap_or_else(|e| Measured::Io(format!("task: {e}")));
        tally.add(measured);
    }
    phase.wall_ms = schedule.start.elapsed().as_secs_f64() * 1e3;
    phase.cpu = cpu0.until(&procfs::CpuMark::now(&pids, postgres));
    tally.fill(&mut phase);
    phase.offered_rate_per_sec = schedule.offered_rate();
    phase.ok = phase.errors == 0 && phase.completed == requested;
    phase
}

/// Sends reading `i` to `user`'s post node when a connection to it is free and
/// waits for its `reading_complete` on `user`'s socket.
async fn one_reading(
    i: usize,
    due: Instant,
    user: User,
    pools: Pools,
    recorder: Arc<Recorder>,
) -> Measured {
    let Some(pool) = pools.get(user.post_node) else {
        return Measured::Io(format!("no node {}", user.post_node));
    };
    let Ok(_permit) = pool.permits.acquire().await else {
        return Measured::Io("pool closed".into());
    };
    let mut conn = match pool.take() {
        Some(c) => c,
        None => match HttpConn::connect(pool.addr).await {
            Ok(c) => c,
            Err(e) => return Measured::Io(format!("connect: {e}")),
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
            return Measured::Http(r.error_sample());
        }
        Err(e) => {
            recorder.forget_reading(&request_id);
            return Measured::Io(format!("POST: {e}"));
        }
    };
    match tokio::time::timeout(COMPLETE_TIMEOUT, done).await {
        Ok(Ok(Outcome::Complete(at))) => Measured::Done {
            latency: at.saturating_duration_since(sent),
            http,
            lag,
            completed: at,
            answer_bytes,
            index: i,
            socket_node: user.socket_node,
            post_node: user.post_node,
        },
        Ok(Ok(Outcome::Error(e))) => Measured::ReadingError(e),
        Ok(Err(_)) => Measured::Io("recorder dropped".into()),
        Err(_) => {
            recorder.forget_reading(&request_id);
            Measured::Timeout
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_are_valid_seconds_of_one_day() {
        for (second, written) in [
            (0, "2026-02-09T00:00:00Z"),
            (3_661, "2026-02-09T01:01:01Z"),
            (86_399, "2026-02-09T23:59:59Z"),
            (86_400, "2026-02-09T00:00:00Z"),
        ] {
            assert_eq!(datetime(second), written, "second {second}");
        }
    }
}
