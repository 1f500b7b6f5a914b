//! The figures of one run: the JSON written by `--json-out`, the plain table
//! printed at the end, and the goals of issue 11 (one node, and a cluster)
//! beside what was measured. [`Report::new`] puts a run's figures together.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::procfs::{self, PhaseCpu};

/// The goals of one mode on the project's 2-core machine (issue 11, item 5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goals {
    /// Names the mode in the goals' rows.
    pub mode: &'static str,
    /// Nodes of the mode: 1 (SQLite), or at least 2 (a cluster on PostgreSQL).
    pub nodes: usize,
    /// The scale every goal is judged at: sockets connected...
    pub sockets: usize,
    /// ...and readings per second offered.
    pub rate: f64,
    /// Server RSS with `sockets` sockets (one node only).
    pub rss_bytes: Option<u64>,
    /// `reading_complete` p99 at `rate` (cross-node in a cluster).
    pub p99_ms: f64,
    /// `daily_reading` from the `POST` to the last socket.
    pub broadcast_ms: f64,
}

/// One node on SQLite: 10,000 sockets, RSS < 200 MB, p99 < 10 ms at 2,000
/// readings/s, the daily to all < 200 ms.
pub const ONE_NODE: Goals = Goals {
    mode: "one node",
    nodes: 1,
    sockets: 10_000,
    rate: 2_000.0,
    rss_bytes: Some(200 * 1_000_000),
    p99_ms: 10.0,
    broadcast_ms: 200.0,
};

/// Two nodes on one PostgreSQL: 20,000 sockets, cross-node p99 < 25 ms at
/// 1,000 readings/s, the daily to all < 500 ms.
pub const CLUSTER: Goals = Goals {
    mode: "cluster",
    nodes: 2,
    sockets: 20_000,
    rate: 1_000.0,
    rss_bytes: None,
    p99_ms: 25.0,
    broadcast_ms: 500.0,
};

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
    /// Keep-alive connections to each node.
    pub http_connections: usize,
    /// Server nodes (1: one server).
    pub nodes: usize,
    /// The run's own PostgreSQL database (created and dropped by the run), if any.
    pub database: Option<String>,
    /// Each node's `max_connections`.
    pub server_max_connections: usize,
    /// The sockets the run's own process holds; the rest, if any, are held by
    /// socket holders (`holder_sockets`), when the open-file limit is too low.
    pub client_sockets: usize,
    /// The sockets each socket-holder process holds (empty: none).
    pub holder_sockets: Vec<usize>,
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
    /// Every node's, summed.
    #[serde(flatten)]
    pub rss: RssGrowth,
    pub client_rss_after_bytes: Option<u64>,
    /// Each node's share.
    pub nodes: Vec<NodeSockets>,
    /// The sockets each client process held: the run's own process first, then
    /// each socket holder.
    pub clients: Vec<ClientSockets>,
}

/// The sockets one client process connected in phase 1.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClientSockets {
    /// `client` (the run's own process) or `holder` (a socket holder).
    pub role: String,
    pub pid: u32,
    /// Its sockets up, in all and by node.
    pub connected: usize,
    pub by_node: Vec<usize>,
    /// Its connects that failed, and the first few reasons.
    #[serde(default)]
    pub errors: usize,
    #[serde(default)]
    pub error_samples: Vec<String>,
    /// Its `VmRSS` once every socket was up.
    pub rss_bytes: Option<u64>,
}

/// One node's sockets and memory after phase 1.
#[derive(Debug, Clone, Serialize)]
pub struct NodeSockets {
    pub node: usize,
    pub pid: u32,
    pub connected: usize,
    #[serde(flatten)]
    pub rss: RssGrowth,
}

/// A server's memory before and after its sockets connected.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RssGrowth {
    pub server_rss_before_bytes: u64,
    pub server_rss_after_bytes: u64,
    /// (after − before) / connected; 0 without any socket.
    pub rss_per_socket_bytes: f64,
}

impl RssGrowth {
    /// The growth from `before` to `after` bytes over `sockets` sockets.
    pub fn new(before: u64, after: u64, sockets: usize) -> Self {
        let per_socket = if sockets == 0 {
            0.0
        } else {
            after.saturating_sub(before) as f64 / sockets as f64
        };
        RssGrowth {
            server_rss_before_bytes: before,
            server_rss_after_bytes: after,
            rss_per_socket_bytes: per_socket,
        }
    }
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
    /// Completed readings whose `POST` went to another node than the socket's
    /// (in a cluster, all of them).
    pub cross_node: usize,
    /// By node.
    pub nodes: Vec<NodeReadings>,
}

/// One node's part of phase 2.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NodeReadings {
    pub node: usize,
    /// `POST`s answered 200 by this node.
    pub posted: usize,
    /// Latency of the readings completed on this node's sockets.
    pub latency: Summary,
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
    /// The node the `POST` went to.
    pub posted_to_node: usize,
    /// Arrivals by node.
    pub nodes: Vec<NodeBroadcast>,
}

/// The broadcast as one node's sockets saw it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NodeBroadcast {
    pub node: usize,
    /// Sockets connected to this node in phase 1.
    pub sockets: usize,
    pub received: usize,
    /// From sending the `POST` to the last of this node's sockets.
    pub last_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub name: String,
    pub goal: String,
    pub measured: String,
    /// `None` when the run was not at the goal's scale (fewer sockets, another rate).
    pub met: Option<bool>,
}

/// A server's last figures, read just before its sockets close.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct ServerEnd {
    /// `VmRSS` then.
    pub server_rss_end_bytes: Option<u64>,
    /// `VmHWM` then: the most it held during the run.
    pub server_rss_peak_bytes: Option<u64>,
    /// User + system CPU time of its whole life.
    pub server_cpu_total_ms: Option<f64>,
}

/// The end of the run; `server` is every node's figures, summed.
#[derive(Debug, Clone, Serialize)]
pub struct EndFigures {
    #[serde(flatten)]
    pub server: ServerEnd,
    pub pings_answered: u64,
    pub bad_frames: u64,
    pub sockets_closed_early: usize,
    pub close_samples: Vec<String>,
    pub server_stopped_cleanly: bool,
    pub nodes: Vec<NodeEnd>,
}

/// One node at the end of the run.
#[derive(Debug, Clone, Serialize)]
pub struct NodeEnd {
    pub node: usize,
    #[serde(flatten)]
    pub server: ServerEnd,
    /// Whether it exited by itself once its stdin closed.
    pub stopped_cleanly: bool,
}

/// The figures of the three phases; a phase that did not run is `None`.
#[derive(Debug, Clone, Serialize)]
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
    #[serde(flatten)]
    pub phases: PhaseFigures,
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
        let goals = goals(&settings, &phases);
        let ok = phases.sockets.ok
            && phases.readings.as_ref().is_some_and(|r| r.ok)
            && phases.broadcast.as_ref().is_some_and(|b| b.ok);
        Self {
            ok,
            machine,
            settings,
            phases,
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

/// The goals of both modes beside the measured figures; only the run's own
/// mode at the goals' scale is judged (`met` is `None` otherwise).
pub fn goals(settings: &Settings, phases: &PhaseFigures) -> Vec<Goal> {
    [ONE_NODE, CLUSTER]
        .iter()
        .flat_map(|g| g.judge(settings, phases))
        .collect()
}

impl Goals {
    /// Whether a run with these settings is in this mode: one node on SQLite, or
    /// a cluster of at least two nodes.
    fn mode_of(&self, settings: &Settings) -> bool {
        if self.nodes == 1 {
            settings.nodes == 1 && settings.database.is_none()
        } else {
            settings.nodes >= self.nodes
        }
    }

    /// This mode's goal rows for one run.
    fn judge(&self, settings: &Settings, phases: &PhaseFigures) -> Vec<Goal> {
        let sockets = &phases.sockets;
        let at_scale = self.mode_of(settings) && sockets.connected >= self.sockets;
        let scale = thousands(self.sockets);
        let mut goals = vec![self.sockets_goal(sockets, settings.nodes, at_scale)];
        if let Some(r) = &phases.readings {
            let cross = if self.nodes > 1 { "cross-node " } else { "" };
            goals.push(Goal {
                name: format!(
                    "{}: {cross}reading p99 at {} readings/s",
                    self.mode,
                    thousands(self.rate as usize)
                ),
                goal: format!("< {} ms", self.p99_ms),
                measured: format!(
                    "{} at {:.0}/s achieved",
                    ms(r.latency.p99_ms),
                    r.achieved_rate_per_sec
                ),
                met: (at_scale && settings.rate_per_sec >= self.rate).then_some(
                    r.completed > 0
                        && r.errors == 0
                        && r.latency.p99_ms < self.p99_ms
                        && (self.nodes == 1 || r.cross_node == r.completed),
                ),
            });
        }
        if let Some(b) = &phases.broadcast {
            goals.push(Goal {
                name: format!("{}: daily_reading to all {scale} sockets", self.mode),
                goal: format!("< {} ms", self.broadcast_ms),
                measured: format!("{} to {}/{}", ms(b.last_ms), b.received, b.sockets),
                met: (at_scale && b.sockets >= self.sockets)
                    .then_some(b.received == b.sockets && b.last_ms < self.broadcast_ms),
            });
        }
        goals
    }

    /// One node: its RSS with the goal's sockets (projected at a smaller scale).
    /// A cluster: the sockets it holds.
    fn sockets_goal(&self, sockets: &SocketsPhase, nodes: usize, at_scale: bool) -> Goal {
        let scale = thousands(self.sockets);
        let Some(rss_goal) = self.rss_bytes else {
            return Goal {
                name: format!("{}: {scale} sockets over {} nodes", self.mode, self.nodes),
                goal: format!("{scale} connected"),
                measured: format!(
                    "{}/{} over {nodes} node(s), {:.1} KiB each",
                    sockets.connected,
                    sockets.requested,
                    sockets.rss.rss_per_socket_bytes / 1024.0
                ),
                met: at_scale.then_some(sockets.errors == 0),
            };
        };
        let projected = sockets.rss.server_rss_before_bytes as f64
            + sockets.rss.rss_per_socket_bytes * self.sockets as f64;
        Goal {
            name: format!("{}: server RSS with {scale} sockets", self.mode),
            goal: format!("< {}", mb(rss_goal)),
            measured: if at_scale {
                mb(sockets.rss.server_rss_after_bytes)
            } else {
                format!(
                    "{} with {} (projected {} at {scale})",
                    mb(sockets.rss.server_rss_after_bytes),
                    sockets.connected,
                    mb(projected as u64)
                )
            },
            met: at_scale.then_some(sockets.rss.server_rss_after_bytes < rss_goal),
        }
    }
}

/// `20000` as `20,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The plain table printed at the end of a run: the figures by phase, then the
/// goals.
pub fn table(r: &Report) -> String {
    let sections = [
        ("sockets", sockets_rows(&r.phases.sockets)),
        (
            "readings",
            r.phases
                .readings
                .as_ref()
                .map(readings_rows)
                .unwrap_or_default(),
        ),
        (
            "broadcast",
            r.phases
                .broadcast
                .as_ref()
                .map(broadcast_rows)
                .unwrap_or_default(),
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
        ("server RSS before", mb(s.rss.server_rss_before_bytes)),
        ("server RSS after", mb(s.rss.server_rss_after_bytes)),
        (
            "server RSS per socket",
            format!("{:.1} KiB", s.rss.rss_per_socket_bytes / 1024.0),
        ),
    ];
    if let Some(c) = s.client_rss_after_bytes {
        rows.push(("client RSS after (for comparison)", mb(c)));
    }
    if s.clients.len() > 1 {
        let held = s
            .clients
            .iter()
            .map(|c| format!("{} {}", c.role, c.connected));
        rows.push((
            "sockets by client process",
            held.collect::<Vec<_>>().join(" / "),
        ));
    }
    if s.nodes.len() > 1 {
        rows.push((
            "by node: sockets, RSS after, per socket",
            by_node(&s.nodes, |n| {
                format!(
                    "{}, {}, {:.1} KiB",
                    n.connected,
                    mb(n.rss.server_rss_after_bytes),
                    n.rss.rss_per_socket_bytes / 1024.0
                )
            }),
        ));
    }
    rows
}

/// `node 0: … | node 1: …`, each node's cell made by `cell`.
fn by_node<T>(nodes: &[T], cell: impl Fn(&T) -> String) -> String {
    nodes
        .iter()
        .enumerate()
        .map(|(i, n)| format!("node {i}: {}", cell(n)))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The rows of a phase's CPU: server / client / others, then PostgreSQL's and
/// each node's when there are.
fn cpu_rows(c: &PhaseCpu, wall: Option<f64>) -> Vec<Row> {
    let total = match wall {
        Some(wall) => format!("{} in {wall:.0} ms", cpu(c)),
        None => cpu(c),
    };
    let mut rows = vec![("CPU server / client / others", total)];
    if let Some(pg) = c.postgres_ms {
        rows.push(("CPU postgres", format!("{pg:.0} ms")));
    }
    if c.server_by_node_ms.len() > 1 {
        let each = by_node(&c.server_by_node_ms, |ms| {
            ms.map_or_else(|| "?".to_string(), |ms| format!("{ms:.0} ms"))
        });
        rows.push(("CPU by node", each));
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
    let mut rows = vec![
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
    ];
    rows.extend(cpu_rows(&r.cpu, Some(r.wall_ms)));
    if r.nodes.len() > 1 {
        rows.push((
            "cross-node readings",
            format!("{}/{}", r.cross_node, r.completed),
        ));
        rows.push((
            "by node: posted, completed on its sockets, p99",
            by_node(&r.nodes, |n| {
                format!(
                    "{}, {}, {}",
                    n.posted,
                    n.latency.count,
                    ms(n.latency.p99_ms)
                )
            }),
        ));
    }
    rows
}

fn broadcast_rows(b: &BroadcastPhase) -> Vec<Row> {
    let mut rows = vec![
        (
            "received (within 5 s)",
            format!("{}/{} ({})", b.received, b.sockets, b.received_within_5s),
        ),
        ("POST answered", ms(b.http_ms)),
        (
            "first / p50 / p99 / last",
            ms_list(&[b.first_ms, b.p50_ms, b.p99_ms, b.last_ms]),
        ),
    ];
    rows.extend(cpu_rows(&b.cpu, None));
    if b.nodes.len() > 1 {
        rows.push((
            "by node: received, last",
            by_node(&b.nodes, |n| {
                format!("{}/{}, {}", n.received, n.sockets, ms(n.last_ms))
            }),
        ));
    }
    rows
}

fn end_rows(e: &EndFigures) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(rss) = e.server.server_rss_end_bytes {
        rows.push(("server RSS at end", mb(rss)));
    }
    if let Some(peak) = e.server.server_rss_peak_bytes {
        rows.push(("server RSS peak", mb(peak)));
    }
    rows.push((
        "sockets closed early / pings answered",
        format!("{} / {}", e.sockets_closed_early, e.pings_answered),
    ));
    if e.nodes.len() > 1 {
        let unknown = || "?".to_string();
        rows.push((
            "by node: RSS at end, peak",
            by_node(&e.nodes, |n| {
                format!(
                    "{}, {}",
                    n.server.server_rss_end_bytes.map_or_else(unknown, mb),
                    n.server.server_rss_peak_bytes.map_or_else(unknown, mb)
                )
            }),
        ));
    }
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
            nodes: 1,
            database: None,
            server_max_connections: 10_132,
            client_sockets: 10_000,
            holder_sockets: Vec::new(),
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
            rss: RssGrowth {
                server_rss_before_bytes: 8_400_000,
                server_rss_after_bytes: 127_700_000,
                rss_per_socket_bytes: 11_930.0,
            },
            client_rss_after_bytes: full_run.then_some(70_800_000),
            nodes: Vec::new(),
            clients: Vec::new(),
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
                ..PhaseCpu::default()
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
                ..PhaseCpu::default()
            },
            error: None,
            ..BroadcastPhase::default()
        };
        let end = EndFigures {
            server: ServerEnd {
                server_rss_end_bytes: Some(150_000_000),
                server_rss_peak_bytes: full_run.then_some(159_700_000),
                server_cpu_total_ms: Some(8000.0),
            },
            pings_answered: 3,
            bad_frames: 0,
            sockets_closed_early: 1,
            close_samples: vec!["u1: closed".into()],
            server_stopped_cleanly: true,
            nodes: Vec::new(),
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

goal                                                 want              measured                                   met
one node: server RSS with 10,000 sockets             < 200.0 MB        127.7 MB                                   yes
one node: reading p99 at 2,000 readings/s            < 10 ms           9.13 ms at 500/s achieved                  n/a (not at goal scale)
one node: daily_reading to all 10,000 sockets        < 200 ms          294.20 ms to 10000/10000                   NO
cluster: 20,000 sockets over 2 nodes                 20,000 connected  10000/10000 over 1 node(s), 11.7 KiB each  n/a (not at goal scale)
cluster: cross-node reading p99 at 1,000 readings/s  < 25 ms           9.13 ms at 500/s achieved                  n/a (not at goal scale)
cluster: daily_reading to all 20,000 sockets         < 500 ms          294.20 ms to 10000/10000                   n/a (not at goal scale)
"
        );

        // Only the sockets phase ran: not ok, no rows of the other phases, the
        // columns as narrow as what is left, the sockets goal of each mode.
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
                "\ngoal                                      want              measured                                   met\n\
                 one node: server RSS with 10,000 sockets  < 200.0 MB        127.7 MB                                   yes\n\
                 cluster: 20,000 sockets over 2 nodes      20,000 connected  10000/10000 over 1 node(s), 11.7 KiB each  n/a (not at goal scale)\n"
            ),
            "{sockets_only}"
        );
    }

    /// `report(true)` as a run of 2 nodes with 20,000 sockets at 1,000/s; its
    /// readings crossed nodes when `crossed`.
    fn cluster_report(crossed: bool) -> Report {
        let mut r = report(true);
        r.settings.nodes = 2;
        r.settings.database = Some("nps_loadtest_1_ab".into());
        r.settings.rate_per_sec = 1_000.0;
        r.phases.sockets.requested = 20_000;
        r.phases.sockets.connected = 20_000;
        r.phases.sockets.nodes = (0..2)
            .map(|node| NodeSockets {
                node,
                pid: 100 + node as u32,
                connected: 10_000,
                rss: RssGrowth {
                    server_rss_before_bytes: 8_000_000,
                    server_rss_after_bytes: 140_000_000 + node as u64 * 1_000_000,
                    rss_per_socket_bytes: 13_516.8,
                },
            })
            .collect();
        if let Some(readings) = r.phases.readings.as_mut() {
            readings.cross_node = if crossed { 4_999 } else { 4_998 };
            readings.nodes = (0..2)
                .map(|node| NodeReadings {
                    node,
                    posted: 2_500 - node,
                    latency: Summary {
                        count: 2_499 + node,
                        p99_ms: 12.5 + node as f64,
                        ..Summary::default()
                    },
                })
                .collect();
            readings.cpu.postgres_ms = Some(2_500.4);
            readings.cpu.server_by_node_ms = vec![Some(3_000.0), None];
        }
        if let Some(broadcast) = r.phases.broadcast.as_mut() {
            broadcast.sockets = 20_000;
            broadcast.received = 20_000;
            broadcast.nodes = (0..2)
                .map(|node| NodeBroadcast {
                    node,
                    sockets: 10_000,
                    received: 10_000,
                    last_ms: 250.0 + node as f64 * 44.2,
                })
                .collect();
        }
        r.goals = goals(&r.settings, &r.phases);
        r
    }

    #[test]
    fn a_cluster_run_is_judged_by_the_cluster_goals_and_shows_each_node() {
        let judged = |r: &Report| -> Vec<(String, Option<bool>)> {
            r.goals.iter().map(|g| (g.name.clone(), g.met)).collect()
        };
        let goal = |name: &str, met: Option<bool>| (name.to_string(), met);
        assert_eq!(
            judged(&cluster_report(true)),
            [
                goal("one node: server RSS with 10,000 sockets", None),
                goal("one node: reading p99 at 2,000 readings/s", None),
                goal("one node: daily_reading to all 10,000 sockets", None),
                goal("cluster: 20,000 sockets over 2 nodes", Some(true)),
                // p99 9.13 ms < 25 ms, but one reading failed.
                goal(
                    "cluster: cross-node reading p99 at 1,000 readings/s",
                    Some(false)
                ),
                goal("cluster: daily_reading to all 20,000 sockets", Some(true)),
            ]
        );
        let mut clean = cluster_report(true);
        if let Some(readings) = clean.phases.readings.as_mut() {
            (readings.errors, readings.completed) = (0, 4_999);
        }
        let met = goals(&clean.settings, &clean.phases);
        assert_eq!(met[4].met, Some(true), "{:?}", met[4]);
        // A reading that did not cross nodes is not a cross-node figure.
        let mut local = clean.clone();
        if let Some(readings) = local.phases.readings.as_mut() {
            readings.cross_node = 4_998;
        }
        let missed = goals(&local.settings, &local.phases);
        assert_eq!(missed[4].met, Some(false));

        let table = table(&cluster_report(false));
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let rows: Vec<String> = table.lines().map(squeeze).collect();
        for row in [
            "sockets by node: sockets, RSS after, per socket node 0: 10000, 140.0 MB, 13.2 KiB \
             | node 1: 10000, 141.0 MB, 13.2 KiB",
            "readings CPU postgres 2500 ms",
            "readings CPU by node node 0: 3000 ms | node 1: ?",
            "readings cross-node readings 4998/4999",
            "readings by node: posted, completed on its sockets, p99 node 0: 2500, 2499, 12.50 ms \
             | node 1: 2499, 2500, 13.50 ms",
            "broadcast by node: received, last node 0: 10000/10000, 250.00 ms | node 1: \
             10000/10000, 294.20 ms",
            "cluster: 20,000 sockets over 2 nodes 20,000 connected 20000/20000 over 2 node(s), \
             11.7 KiB each yes",
            "cluster: daily_reading to all 20,000 sockets < 500 ms 294.20 ms to 20000/20000 yes",
        ] {
            assert!(rows.iter().any(|r| r == row), "{row:?} not in\n{table}");
        }
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
