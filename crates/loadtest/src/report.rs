//! The figures of one run: the JSON written by `--json-out`, the plain table
//! printed at the end, and the goals of issue 4 beside what was measured.

use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::procfs::PhaseCpu;

/// The goals (issue 4, deliverable 6).
pub const GOAL_SOCKETS: usize = 10_000;
pub const GOAL_RSS_BYTES: u64 = 300 * 1_000_000;
pub const GOAL_RATE: f64 = 500.0;
pub const GOAL_P99_MS: f64 = 20.0;
pub const GOAL_BROADCAST_MS: f64 = 250.0;

/// Percentiles of a set of durations, in milliseconds.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub min_ms: f64,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Summary {
    /// Nearest-rank percentiles of `samples` (all zero when empty).
    pub fn of(samples: &[Duration]) -> Self {
        if samples.is_empty() {
            return Self::default();
        }
        let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let rank = |p: f64| {
            let i = ((p / 100.0) * ms.len() as f64).ceil() as usize;
            ms[i.clamp(1, ms.len()) - 1]
        };
        Self {
            count: ms.len(),
            min_ms: ms[0],
            mean_ms: ms.iter().sum::<f64>() / ms.len() as f64,
            p50_ms: rank(50.0),
            p90_ms: rank(90.0),
            p99_ms: rank(99.0),
            max_ms: ms[ms.len() - 1],
        }
    }
}

/// The machine the run happened on.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    pub nproc: usize,
    pub mem_total_bytes: Option<u64>,
    pub mem_available_bytes: Option<u64>,
    /// 1-, 5-, 15-minute load averages before the run.
    pub load_before: Option<[f64; 3]>,
    /// The same after the run.
    pub load_after: Option<[f64; 3]>,
    pub started_unix: u64,
    /// The open-file limit both processes ran with.
    pub nofile_limit: Option<u64>,
}

/// What was asked for, after clamping.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub sockets_requested: usize,
    pub sockets: usize,
    pub rate_per_sec: f64,
    pub duration_secs: f64,
    pub connect_concurrency: usize,
    pub http_connections: usize,
    pub server_max_connections: usize,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SocketsPhase {
    pub ok: bool,
    pub requested: usize,
    pub connected: usize,
    pub errors: usize,
    pub error_samples: Vec<String>,
    pub connect_total_ms: f64,
    /// Per connect: TCP, upgrade and `welcome`.
    pub connect: Summary,
    pub server_rss_before_bytes: u64,
    pub server_rss_after_bytes: u64,
    /// (after − before) / connected.
    pub rss_per_socket_bytes: f64,
    pub client_rss_after_bytes: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadingsPhase {
    pub ok: bool,
    pub requested: usize,
    pub sent: usize,
    pub completed: usize,
    pub errors: usize,
    pub http_errors: usize,
    pub io_errors: usize,
    pub reading_errors: usize,
    pub timeouts: usize,
    pub error_samples: Vec<String>,
    /// From just before the POST is written to `reading_complete` on the socket.
    pub latency: Summary,
    /// From just before the POST is written to the end of its HTTP answer.
    pub http_latency: Summary,
    /// How late the client started each POST against its schedule (waiting for
    /// a free HTTP connection): large values mean the client or server fell behind.
    pub send_lag: Summary,
    pub offered_rate_per_sec: f64,
    /// Completions per second, from the first completion to the last.
    pub achieved_rate_per_sec: f64,
    /// CPU used while the phase ran: server, client, every other process.
    pub cpu: PhaseCpu,
    pub wall_ms: f64,
    /// Mean size of the `POST`'s JSON answer (the stored reading).
    pub answer_bytes_mean: f64,
    /// Latency of the readings due in each second of the phase (where the tail is).
    pub by_second: Vec<SecondFigures>,
}

/// Latency of the readings due in one second of phase 2.
#[derive(Debug, Clone, Serialize)]
pub struct SecondFigures {
    pub second: usize,
    pub completed: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct BroadcastPhase {
    pub ok: bool,
    pub sockets: usize,
    pub http_status: u16,
    /// The `GET` answer's arrival.
    pub http_ms: f64,
    pub received: usize,
    pub received_within_5s: usize,
    pub first_ms: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// From sending the `GET` to the last socket's `daily_reading`.
    pub last_ms: f64,
    /// CPU used from the `GET` to the last delivery (or the wait's end).
    pub cpu: PhaseCpu,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub name: String,
    pub goal: String,
    pub measured: String,
    /// `None` when the run was not at the goal's scale (fewer sockets, another rate).
    pub met: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EndFigures {
    pub server_rss_end_bytes: Option<u64>,
    pub server_rss_peak_bytes: Option<u64>,
    pub server_cpu_total_ms: Option<f64>,
    pub pings_answered: u64,
    pub bad_frames: u64,
    pub sockets_closed_early: usize,
    pub close_samples: Vec<String>,
    pub server_stopped_cleanly: bool,
}

/// Everything one run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub ok: bool,
    pub machine: Machine,
    pub settings: Settings,
    pub sockets: SocketsPhase,
    pub readings: Option<ReadingsPhase>,
    pub broadcast: Option<BroadcastPhase>,
    pub end: EndFigures,
    pub goals: Vec<Goal>,
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn cpu(c: &PhaseCpu) -> String {
    let f = |v: Option<f64>| v.map_or_else(|| "?".to_string(), |v| format!("{v:.0} ms"));
    format!(
        "{} / {} / {}",
        f(c.server_ms),
        f(c.client_ms),
        f(c.others_ms)
    )
}

fn ms(v: f64) -> String {
    format!("{v:.2} ms")
}

/// The goals beside the measured figures.
pub fn goals(
    settings: &Settings,
    sockets: &SocketsPhase,
    readings: Option<&ReadingsPhase>,
    broadcast: Option<&BroadcastPhase>,
) -> Vec<Goal> {
    let at_scale = sockets.connected >= GOAL_SOCKETS;
    let projected =
        sockets.server_rss_before_bytes as f64 + sockets.rss_per_socket_bytes * GOAL_SOCKETS as f64;
    let mut goals = vec![Goal {
        name: "server RSS with 10,000 sockets".into(),
        goal: "< 300 MB".into(),
        measured: if at_scale {
            mb(sockets.server_rss_after_bytes)
        } else {
            format!(
                "{} with {} (projected {} at 10,000)",
                mb(sockets.server_rss_after_bytes),
                sockets.connected,
                mb(projected as u64)
            )
        },
        met: at_scale.then_some(sockets.server_rss_after_bytes < GOAL_RSS_BYTES),
    }];
    if let Some(r) = readings {
        let at_rate = settings.rate_per_sec >= GOAL_RATE;
        goals.push(Goal {
            name: "reading p99 at 500 readings/s".into(),
            goal: "< 20 ms".into(),
            measured: format!(
                "{} at {:.0}/s achieved",
                ms(r.latency.p99_ms),
                r.achieved_rate_per_sec
            ),
            met: at_rate
                .then_some(r.completed > 0 && r.latency.p99_ms < GOAL_P99_MS && r.errors == 0),
        });
    }
    if let Some(b) = broadcast {
        goals.push(Goal {
            name: "broadcast to 10,000 sockets".into(),
            goal: "< 250 ms".into(),
            measured: format!("{} to {}/{}", ms(b.last_ms), b.received, b.sockets),
            met: (at_scale && b.sockets >= GOAL_SOCKETS)
                .then_some(b.received == b.sockets && b.last_ms < GOAL_BROADCAST_MS),
        });
    }
    goals
}

/// The plain table printed at the end of a run.
pub fn table(r: &Report) -> String {
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mut row = |phase: &str, what: &str, value: String| {
        rows.push((phase.to_string(), what.to_string(), value));
    };
    let s = &r.sockets;
    row(
        "sockets",
        "connected",
        format!("{}/{} ({} errors)", s.connected, s.requested, s.errors),
    );
    row("sockets", "connect time total", ms(s.connect_total_ms));
    row(
        "sockets",
        "connect p50 / p99 / max",
        format!(
            "{} / {} / {}",
            ms(s.connect.p50_ms),
            ms(s.connect.p99_ms),
            ms(s.connect.max_ms)
        ),
    );
    row(
        "sockets",
        "server RSS before",
        mb(s.server_rss_before_bytes),
    );
    row("sockets", "server RSS after", mb(s.server_rss_after_bytes));
    row(
        "sockets",
        "server RSS per socket",
        format!("{:.1} KiB", s.rss_per_socket_bytes / 1024.0),
    );
    if let Some(c) = s.client_rss_after_bytes {
        row("sockets", "client RSS after (for comparison)", mb(c));
    }
    if let Some(rd) = &r.readings {
        row(
            "readings",
            "sent / completed / errors",
            format!("{} / {} / {}", rd.sent, rd.completed, rd.errors),
        );
        row(
            "readings",
            "offered / achieved rate",
            format!(
                "{:.1}/s / {:.1}/s",
                rd.offered_rate_per_sec, rd.achieved_rate_per_sec
            ),
        );
        let l = &rd.latency;
        row(
            "readings",
            "to reading_complete p50/p90/p99/max",
            format!(
                "{} / {} / {} / {}",
                ms(l.p50_ms),
                ms(l.p90_ms),
                ms(l.p99_ms),
                ms(l.max_ms)
            ),
        );
        let h = &rd.http_latency;
        row(
            "readings",
            "HTTP answer p50 / p99",
            format!("{} / {}", ms(h.p50_ms), ms(h.p99_ms)),
        );
        let worst = rd
            .by_second
            .iter()
            .map(|s| format!("{:.0}", s.max_ms))
            .collect::<Vec<_>>()
            .join(" ");
        row("readings", "max ms in each second", worst);
        row(
            "readings",
            "HTTP answer size (mean)",
            format!("{:.0} bytes", rd.answer_bytes_mean),
        );
        row(
            "readings",
            "send lag p99 / max",
            format!("{} / {}", ms(rd.send_lag.p99_ms), ms(rd.send_lag.max_ms)),
        );
        row(
            "readings",
            "CPU server / client / others",
            format!("{} in {:.0} ms", cpu(&rd.cpu), rd.wall_ms),
        );
    }
    if let Some(b) = &r.broadcast {
        row(
            "broadcast",
            "received (within 5 s)",
            format!("{}/{} ({})", b.received, b.sockets, b.received_within_5s),
        );
        row("broadcast", "GET answered", ms(b.http_ms));
        row(
            "broadcast",
            "first / p50 / p99 / last",
            format!(
                "{} / {} / {} / {}",
                ms(b.first_ms),
                ms(b.p50_ms),
                ms(b.p99_ms),
                ms(b.last_ms)
            ),
        );
        row("broadcast", "CPU server / client / others", cpu(&b.cpu));
    }
    let e = &r.end;
    if let Some(rss) = e.server_rss_end_bytes {
        row("end", "server RSS at end", mb(rss));
    }
    if let Some(peak) = e.server_rss_peak_bytes {
        row("end", "server RSS peak", mb(peak));
    }
    row(
        "end",
        "sockets closed early / pings answered",
        format!("{} / {}", e.sockets_closed_early, e.pings_answered),
    );

    let w0 = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max(5);
    let w1 = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max(6);
    let mut out = String::new();
    let _ = writeln!(out, "{:w0$}  {:w1$}  measured", "phase", "figure");
    for (p, f, v) in &rows {
        let _ = writeln!(out, "{p:w0$}  {f:w1$}  {v}");
    }
    out.push('\n');
    let g0 = r
        .goals
        .iter()
        .map(|g| g.name.len())
        .max()
        .unwrap_or(0)
        .max(4);
    let g1 = r
        .goals
        .iter()
        .map(|g| g.goal.len())
        .max()
        .unwrap_or(0)
        .max(4);
    let g2 = r
        .goals
        .iter()
        .map(|g| g.measured.len())
        .max()
        .unwrap_or(0)
        .max(8);
    let _ = writeln!(
        out,
        "{:g0$}  {:g1$}  {:g2$}  met",
        "goal", "want", "measured"
    );
    for g in &r.goals {
        let met = match g.met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "n/a (not at goal scale)",
        };
        let _ = writeln!(
            out,
            "{:g0$}  {:g1$}  {:g2$}  {met}",
            g.name, g.goal, g.measured
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let s = Summary::of(&samples);
        assert_eq!(s.count, 100);
        assert_eq!(s.p50_ms, 50.0);
        assert_eq!(s.p90_ms, 90.0);
        assert_eq!(s.p99_ms, 99.0);
        assert_eq!(s.max_ms, 100.0);
        assert_eq!(s.min_ms, 1.0);
        assert_eq!(Summary::of(&[]), Summary::default());
        let one = Summary::of(&[Duration::from_millis(7)]);
        assert_eq!((one.p50_ms, one.p99_ms), (7.0, 7.0));
    }
}
