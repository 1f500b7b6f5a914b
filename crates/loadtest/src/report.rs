//! The figures of one run: the JSON written by `--json-out`, the plain table
//! printed at the end, and the goals of issue 4 beside what was measured.
//! [`Report::new`] puts a run's figures together.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::procfs::{self, PhaseCpu};

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

impl Machine {
    /// The machine as a run starts: its size, its load, the time.
    pub fn at_start() -> Self {
        let (mem_total_bytes, mem_available_bytes) = procfs::machine_memory().unzip();
        Self {
            nproc: std::thread::available_parallelism().map_or(1, |n| n.get()),
            mem_total_bytes,
            mem_available_bytes,
            load_before: procfs::load_average(),
            load_after: None,
            started_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            nofile_limit: None,
        }
    }

    /// The same after the run: adds the load now and the open-file limit.
    pub fn finish(self, nofile_limit: Option<u64>) -> Self {
        Self {
            load_after: procfs::load_average(),
            nofile_limit,
            ..self
        }
    }
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

#[derive(Debug, Clone, Default, Serialize)]
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

#[derive(Debug, Clone, Default, Serialize)]
pub struct BroadcastPhase {
    pub ok: bool,
    pub sockets: usize,
    pub http_status: u16,
    /// The `POST` answer's arrival.
    pub http_ms: f64,
    pub received: usize,
    pub received_within_5s: usize,
    pub first_ms: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// From sending the `POST` to the last socket's `daily_reading`.
    pub last_ms: f64,
    /// CPU used from the `POST` to the last delivery (or the wait's end).
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

/// The figures of the three phases; a phase that did not run is `None`.
#[derive(Debug, Clone)]
pub struct PhaseFigures {
    pub sockets: SocketsPhase,
    pub readings: Option<ReadingsPhase>,
    pub broadcast: Option<BroadcastPhase>,
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

impl Report {
    /// Puts a run's figures together with the goals beside them; `ok` when every
    /// phase ran and completed.
    pub fn new(
        machine: Machine,
        settings: Settings,
        phases: PhaseFigures,
        end: EndFigures,
    ) -> Self {
        let PhaseFigures {
            sockets,
            readings,
            broadcast,
        } = phases;
        let goals = goals(&settings, &sockets, readings.as_ref(), broadcast.as_ref());
        let ok = sockets.ok
            && readings.as_ref().is_some_and(|r| r.ok)
            && broadcast.as_ref().is_some_and(|b| b.ok);
        Self {
            ok,
            machine,
            settings,
            sockets,
            readings,
            broadcast,
            end,
            goals,
        }
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Server / client / others, in whole milliseconds (`?` where unknown).
fn cpu(c: &PhaseCpu) -> String {
    [c.server_ms, c.client_ms, c.others_ms]
        .map(|v| v.map_or_else(|| "?".to_string(), |v| format!("{v:.0} ms")))
        .join(" / ")
}

fn ms(v: f64) -> String {
    format!("{v:.2} ms")
}

/// Milliseconds separated by ` / `.
fn ms_list(values: &[f64]) -> String {
    values
        .iter()
        .map(|&v| ms(v))
        .collect::<Vec<_>>()
        .join(" / ")
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

/// The plain table printed at the end of a run: the figures by phase, then the
/// goals.
pub fn table(r: &Report) -> String {
    let sections = [
        ("sockets", sockets_rows(&r.sockets)),
        (
            "readings",
            r.readings.as_ref().map(readings_rows).unwrap_or_default(),
        ),
        (
            "broadcast",
            r.broadcast.as_ref().map(broadcast_rows).unwrap_or_default(),
        ),
        ("end", end_rows(&r.end)),
    ];
    let figures = sections.into_iter().flat_map(|(phase, rows)| {
        rows.into_iter()
            .map(move |(figure, value)| [phase.to_string(), figure.to_string(), value])
    });
    let goals = r.goals.iter().map(|g| {
        let met = match g.met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "n/a (not at goal scale)",
        };
        [
            g.name.clone(),
            g.goal.clone(),
            g.measured.clone(),
            met.to_string(),
        ]
    });
    let mut out = aligned(["phase", "figure", "measured"], figures);
    out.push('\n');
    out.push_str(&aligned(["goal", "want", "measured", "met"], goals));
    out
}

/// One row of the figures table: what, and the measured value.
type Row = (&'static str, String);

fn sockets_rows(s: &SocketsPhase) -> Vec<Row> {
    let c = &s.connect;
    let mut rows = vec![
        (
            "connected",
            format!("{}/{} ({} errors)", s.connected, s.requested, s.errors),
        ),
        ("connect time total", ms(s.connect_total_ms)),
        (
            "connect p50 / p99 / max",
            ms_list(&[c.p50_ms, c.p99_ms, c.max_ms]),
        ),
        ("server RSS before", mb(s.server_rss_before_bytes)),
        ("server RSS after", mb(s.server_rss_after_bytes)),
        (
            "server RSS per socket",
            format!("{:.1} KiB", s.rss_per_socket_bytes / 1024.0),
        ),
    ];
    if let Some(c) = s.client_rss_after_bytes {
        rows.push(("client RSS after (for comparison)", mb(c)));
    }
    rows
}

fn readings_rows(r: &ReadingsPhase) -> Vec<Row> {
    let (l, h) = (&r.latency, &r.http_latency);
    let worst_each_second: Vec<String> = r
        .by_second
        .iter()
        .map(|s| format!("{:.0}", s.max_ms))
        .collect();
    vec![
        (
            "sent / completed / errors",
            format!("{} / {} / {}", r.sent, r.completed, r.errors),
        ),
        (
            "offered / achieved rate",
            format!(
                "{:.1}/s / {:.1}/s",
                r.offered_rate_per_sec, r.achieved_rate_per_sec
            ),
        ),
        (
            "to reading_complete p50/p90/p99/max",
            ms_list(&[l.p50_ms, l.p90_ms, l.p99_ms, l.max_ms]),
        ),
        ("HTTP answer p50 / p99", ms_list(&[h.p50_ms, h.p99_ms])),
        ("max ms in each second", worst_each_second.join(" ")),
        (
            "HTTP answer size (mean)",
            format!("{:.0} bytes", r.answer_bytes_mean),
        ),
        (
            "send lag p99 / max",
            ms_list(&[r.send_lag.p99_ms, r.send_lag.max_ms]),
        ),
        (
            "CPU server / client / others",
            format!("{} in {:.0} ms", cpu(&r.cpu), r.wall_ms),
        ),
    ]
}

fn broadcast_rows(b: &BroadcastPhase) -> Vec<Row> {
    vec![
        (
            "received (within 5 s)",
            format!("{}/{} ({})", b.received, b.sockets, b.received_within_5s),
        ),
        ("POST answered", ms(b.http_ms)),
        (
            "first / p50 / p99 / last",
            ms_list(&[b.first_ms, b.p50_ms, b.p99_ms, b.last_ms]),
        ),
        ("CPU server / client / others", cpu(&b.cpu)),
    ]
}

fn end_rows(e: &EndFigures) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(rss) = e.server_rss_end_bytes {
        rows.push(("server RSS at end", mb(rss)));
    }
    if let Some(peak) = e.server_rss_peak_bytes {
        rows.push(("server RSS peak", mb(peak)));
    }
    rows.push((
        "sockets closed early / pings answered",
        format!("{} / {}", e.sockets_closed_early, e.pings_answered),
    ));
    rows
}

/// `header` and `rows` in columns two spaces apart, each column but the last
/// padded to its widest cell (header included).
fn aligned<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let rows: Vec<[String; N]> = std::iter::once(header.map(String::from))
        .chain(rows)
        .collect();
    let mut widths = [0; N];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.len());
        }
    }
    let mut out = String::new();
    for row in &rows {
        for (column, (cell, width)) in row.iter().zip(widths).enumerate() {
            if column + 1 < N {
                let _ = write!(out, "{cell:width$}  ");
            } else {
                out.push_str(cell);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(full_run: bool) -> Report {
        let summary = |base: f64| Summary {
            count: 20,
            min_ms: base,
            mean_ms: base * 1.5,
            p50_ms: base * 1.4,
            p90_ms: base * 2.0,
            p99_ms: base * 3.25,
            max_ms: base * 4.125,
        };
        let settings = Settings {
            sockets_requested: 10_000,
            sockets: 10_000,
            rate_per_sec: 500.0,
            duration_secs: 10.0,
            connect_concurrency: 256,
            http_connections: 32,
            server_max_connections: 10_132,
            notes: Vec::new(),
        };
        let sockets = SocketsPhase {
            ok: true,
            requested: 10_000,
            connected: 10_000,
            errors: 0,
            error_samples: Vec::new(),
            connect_total_ms: 3041.5,
            connect: summary(60.0),
            server_rss_before_bytes: 8_400_000,
            server_rss_after_bytes: 127_700_000,
            rss_per_socket_bytes: 11_930.0,
            client_rss_after_bytes: full_run.then_some(70_800_000),
        };
        let readings = ReadingsPhase {
            ok: true,
            requested: 5000,
            sent: 5000,
            completed: 4999,
            errors: 1,
            http_errors: 1,
            latency: summary(2.81),
            http_latency: summary(2.73),
            send_lag: summary(0.5),
            offered_rate_per_sec: 500.0,
            achieved_rate_per_sec: 499.96,
            cpu: PhaseCpu {
                server_ms: Some(5960.0),
                client_ms: Some(1610.4),
                others_ms: None,
            },
            wall_ms: 10012.7,
            answer_bytes_mean: 3601.6,
            by_second: (0..3)
                .map(|second| SecondFigures {
                    second,
                    completed: 500,
                    p50_ms: 2.5,
                    p99_ms: 9.9,
                    max_ms: 24.0 + second as f64 * 25.5,
                })
                .collect(),
            ..ReadingsPhase::default()
        };
        let broadcast = BroadcastPhase {
            ok: true,
            sockets: 10_000,
            http_status: 200,
            http_ms: 55.8,
            received: 10_000,
            received_within_5s: 9_999,
            first_ms: 4.0,
            p50_ms: 162.2,
            p99_ms: 293.4,
            last_ms: 294.2,
            cpu: PhaseCpu {
                server_ms: Some(200.0),
                client_ms: Some(120.0),
                others_ms: Some(260.0),
            },
            error: None,
        };
        let end = EndFigures {
            server_rss_end_bytes: Some(150_000_000),
            server_rss_peak_bytes: full_run.then_some(159_700_000),
            server_cpu_total_ms: Some(8000.0),
            pings_answered: 3,
            bad_frames: 0,
            sockets_closed_early: 1,
            close_samples: vec!["u1: closed".into()],
            server_stopped_cleanly: true,
        };
        let phases = PhaseFigures {
            sockets,
            readings: full_run.then_some(readings),
            broadcast: full_run.then_some(broadcast),
        };
        Report::new(Machine::at_start(), settings, phases, end)
    }

    #[test]
    fn the_table_lists_every_figure_and_goal_in_aligned_columns() {
        let full = report(true);
        assert!(full.ok);
        assert_eq!(
            table(&full),
            r"phase      figure                                 measured
sockets    connected                              10000/10000 (0 errors)
sockets    connect time total                     3041.50 ms
sockets    connect p50 / p99 / max                84.00 ms / 195.00 ms / 247.50 ms
sockets    server RSS before                      8.4 MB
sockets    server RSS after                       127.7 MB
sockets    server RSS per socket                  11.7 KiB
sockets    client RSS after (for comparison)      70.8 MB
readings   sent / completed / errors              5000 / 4999 / 1
readings   offered / achieved rate                500.0/s / 500.0/s
readings   to reading_complete p50/p90/p99/max    3.93 ms / 5.62 ms / 9.13 ms / 11.59 ms
readings   HTTP answer p50 / p99                  3.82 ms / 8.87 ms
readings   max ms in each second                  24 50 75
readings   HTTP answer size (mean)                3602 bytes
readings   send lag p99 / max                     1.62 ms / 2.06 ms
readings   CPU server / client / others           5960 ms / 1610 ms / ? in 10013 ms
broadcast  received (within 5 s)                  10000/10000 (9999)
broadcast  POST answered                          55.80 ms
broadcast  first / p50 / p99 / last               4.00 ms / 162.20 ms / 293.40 ms / 294.20 ms
broadcast  CPU server / client / others           200 ms / 120 ms / 260 ms
end        server RSS at end                      150.0 MB
end        server RSS peak                        159.7 MB
end        sockets closed early / pings answered  1 / 3

goal                            want      measured                   met
server RSS with 10,000 sockets  < 300 MB  127.7 MB                   yes
reading p99 at 500 readings/s   < 20 ms   9.13 ms at 500/s achieved  NO
broadcast to 10,000 sockets     < 250 ms  294.20 ms to 10000/10000   NO
"
        );

        // Only the sockets phase ran: not ok, no rows of the other phases, the
        // columns as narrow as what is left, one goal.
        let sockets_only = table(&report(false));
        assert!(!report(false).ok);
        assert!(
            sockets_only.starts_with("phase    figure        "),
            "{sockets_only}"
        );
        for absent in ["readings", "broadcast", "client RSS", "RSS peak"] {
            assert!(!sockets_only.contains(absent), "{absent}: {sockets_only}");
        }
        assert!(
            sockets_only.ends_with(
                "\ngoal                            want      measured  met\n\
                 server RSS with 10,000 sockets  < 300 MB  127.7 MB  yes\n"
            ),
            "{sockets_only}"
        );
    }

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
