//! Phase 1: open N authenticated sockets (reading each node's memory before
//! and after), and the task that serves each one for the rest of the run.
//!
//! Each socket is `ws://ADDR/ws/oracle?token=JWT` for its own user (`u0`,
//! `u1`, ...), on the user's node (round robin over the nodes). A connect counts once its first frame, `welcome` for that user,
//! has arrived. Then [`socket_task`] answers every `ping` with `pong` and stamps
//! the arrival of the events the later phases wait for into the shared
//! [`Recorder`]: `reading_complete` / `reading_error` by `request_id`, and
//! `daily_reading` per socket.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::{SinkExt, StreamExt, stream};
use nps_protocol::{Envelope, Event, PING, PONG, QUERY_TOKEN, WS_PATH};
use tokio::net::TcpStream;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::procfs;
use crate::report::{ClientSockets, NodeSockets, RssGrowth, SocketsPhase, Summary};
use crate::server_process::Nodes;

/// How long one connect (TCP, upgrade, `welcome`) may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Wait before reading the server's RSS: after its start, and after the last
/// connect.
const SETTLE: Duration = Duration::from_millis(500);

/// The client's read buffer per socket. tungstenite's default (128 KiB, filled
/// on the first read) would make the *client* take 1.3 GB at 10,000 sockets.
const CLIENT_READ_BUFFER: usize = 4 * 1024;

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// How a reading ended, as seen on its user's socket.
#[derive(Debug)]
pub enum Outcome {
    Complete(Instant),
    Error(String),
}

/// Where the socket tasks record what arrived.
#[derive(Debug)]
pub struct Recorder {
    base: Instant,
    /// `base` on the wall clock, in ns since the Unix epoch: how arrivals in a
    /// socket holder (another process) are compared with this process's.
    base_unix_ns: u64,
    /// Readings in flight: `request_id` → who waits for its end.
    pending: Mutex<HashMap<String, oneshot::Sender<Outcome>>>,
    /// Per socket: arrival of `daily_reading`, in ns after `base` plus one (0: none yet).
    daily: Vec<AtomicU64>,
    daily_received: AtomicUsize,
    daily_target: AtomicUsize,
    daily_done: Notify,
    pings: AtomicU64,
    /// Frames that did not parse as an envelope.
    bad_frames: AtomicU64,
    /// Sockets that ended while the run still needed them.
    closed: AtomicUsize,
    /// Close codes and errors of those sockets (the first few).
    close_reasons: Mutex<Vec<String>>,
}

impl Recorder {
    pub fn new(sockets: usize) -> Arc<Self> {
        let base = Instant::now();
        let base_unix_ns = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Arc::new(Self {
            base,
            base_unix_ns,
            pending: Mutex::new(HashMap::new()),
            daily: (0..sockets).map(|_| AtomicU64::new(0)).collect(),
            daily_received: AtomicUsize::new(0),
            daily_target: AtomicUsize::new(usize::MAX),
            daily_done: Notify::new(),
            pings: AtomicU64::new(0),
            bad_frames: AtomicU64::new(0),
            closed: AtomicUsize::new(0),
            close_reasons: Mutex::new(Vec::new()),
        })
    }

    /// Registers a reading before its request is sent; the receiver gets its end.
    pub fn expect_reading(&self, request_id: &str) -> oneshot::Receiver<Outcome> {
        let (tx, rx) = oneshot::channel();
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(request_id.to_string(), tx);
        rx
    }

    /// Drops a registration whose request failed.
    pub fn forget_reading(&self, request_id: &str) {
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(request_id);
    }

    fn reading_ended(&self, request_id: &str, outcome: Outcome) {
        let waiter = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(request_id);
        if let Some(tx) = waiter {
            let _ = tx.send(outcome);
        }
    }

    /// Arms the broadcast phase: completes [`Self::all_daily`] once `target`
    /// sockets have their `daily_reading`.
    pub fn expect_daily(&self, target: usize) {
        self.daily_target.store(target, Ordering::SeqCst);
        if self.daily_received.load(Ordering::SeqCst) >= target {
            self.daily_done.notify_one();
        }
    }

    /// Waits until every expected socket has its `daily_reading`.
    pub async fn all_daily(&self) {
        self.daily_done.notified().await;
    }

    fn daily_arrived(&self, socket: usize, at: Instant) {
        let Some(slot) = self.daily.get(socket) else {
            return;
        };
        let ns = u64::try_from(at.saturating_duration_since(self.base).as_nanos())
            .unwrap_or(u64::MAX - 1);
        if slot
            .compare_exchange(0, ns + 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            let n = self.daily_received.fetch_add(1, Ordering::SeqCst) + 1;
            if n == self.daily_target.load(Ordering::SeqCst) {
                self.daily_done.notify_one();
            }
        }
    }

    /// Arrival times of `daily_reading`, by socket (user index), for the
    /// sockets that got it.
    pub fn daily_arrivals(&self) -> Vec<(usize, Instant)> {
        self.daily
            .iter()
            .enumerate()
            .filter_map(|(index, a)| match a.load(Ordering::SeqCst) {
                0 => None,
                ns => Some((index, self.base + Duration::from_nanos(ns - 1))),
            })
            .collect()
    }

    /// [`Self::daily_arrivals`] as ns since the Unix epoch (the clock a socket
    /// holder reports in).
    pub fn daily_arrivals_unix_ns(&self) -> Vec<(usize, u64)> {
        self.daily
            .iter()
            .enumerate()
            .filter_map(|(index, a)| match a.load(Ordering::SeqCst) {
                0 => None,
                ns => Some((index, self.base_unix_ns.saturating_add(ns - 1))),
            })
            .collect()
    }

    /// The instant, on this process's clock, of `unix_ns` (ns since the Unix
    /// epoch, from another process on this machine).
    pub fn instant_of_unix_ns(&self, unix_ns: u64) -> Instant {
        match unix_ns.checked_sub(self.base_unix_ns) {
            Some(after) => self.base + Duration::from_nanos(after),
            None => self
                .base
                .checked_sub(Duration::from_nanos(self.base_unix_ns - unix_ns))
                .unwrap_or(self.base),
        }
    }

    /// How many sockets have their `daily_reading`.
    pub fn daily_received(&self) -> usize {
        self.daily_received.load(Ordering::SeqCst)
    }

    pub fn pings(&self) -> u64 {
        self.pings.load(Ordering::Relaxed)
    }

    pub fn bad_frames(&self) -> u64 {
        self.bad_frames.load(Ordering::Relaxed)
    }

    /// Sockets that ended during the run, and why (the first 10 reasons).
    pub fn closed(&self) -> (usize, Vec<String>) {
        (
            self.closed.load(Ordering::SeqCst),
            self.close_reasons
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        )
    }

    fn socket_ended(&self, why: String) {
        self.closed.fetch_add(1, Ordering::SeqCst);
        let mut reasons = self
            .close_reasons
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if reasons.len() < 10 {
            reasons.push(why);
        }
    }
}

/// A connected user: who it is, the token it uses for HTTP too, and where.
#[derive(Debug, Clone)]
pub struct User {
    pub index: usize,
    pub user_id: String,
    pub token: String,
    /// The node its socket is on.
    pub socket_node: usize,
    /// The node its readings are posted to.
    pub post_node: usize,
}

/// Phase 1's outcome: the served sockets and the per-connect figures.
#[derive(Debug)]
pub struct Connected {
    /// Users whose socket is up, in index order.
    pub users: Vec<User>,
    /// The socket tasks; dropping (or aborting) the set closes every socket.
    pub tasks: JoinSet<()>,
    /// Time of each successful connect (TCP + upgrade + `welcome`).
    pub connect_times: Vec<Duration>,
    pub total: Duration,
    /// Connects that failed, with the first few reasons.
    pub errors: usize,
    pub error_samples: Vec<String>,
}

/// Phase 1: opens a socket for each of `users` on its node, then awaits `others`
/// (the socket holders' sockets, see [`crate::holder`]: what each held, and a
/// `T` handed back), and measures every node's memory before and after all.
pub async fn run<T>(
    nodes: &Nodes,
    users: Vec<User>,
    concurrency: usize,
    recorder: &Arc<Recorder>,
    others: impl Future<Output = (Vec<ClientSockets>, T)>,
) -> (SocketsPhase, Connected, T) {
    let own = users.len();
    tokio::time::sleep(SETTLE).await;
    let before = nodes_rss(nodes);
    eprintln!("nps-loadtest: phase 1: connecting {own} sockets");
    let addrs: Vec<SocketAddr> = nodes.nodes().iter().map(|n| n.addr()).collect();
    let connected = connect_all(&addrs, users, concurrency, recorder).await;
    let mut by_node = vec![0; addrs.len()];
    for user in &connected.users {
        if let Some(n) = by_node.get_mut(user.socket_node) {
            *n += 1;
        }
    }
    let mut clients = vec![ClientSockets {
        role: "client".into(),
        pid: std::process::id(),
        connected: connected.users.len(),
        errors: connected.errors,
        error_samples: connected.error_samples.clone(),
        by_node,
        rss_bytes: None,
    }];
    let (held, handed_back) = others.await;
    clients.extend(held);
    tokio::time::sleep(SETTLE).await;
    let after = nodes_rss(nodes);
    let client_rss_after_bytes = procfs::memory("self").map(|m| m.rss);
    clients[0].rss_bytes = client_rss_after_bytes;
    let phase = phase_figures(nodes, &connected, clients, (&before, &after));
    eprintln!(
        "nps-loadtest: phase 1: {} connected in {:.0} ms; server RSS {:.1} → {:.1} MB",
        phase.connected,
        phase.connect_total_ms,
        phase.rss.server_rss_before_bytes as f64 / 1e6,
        phase.rss.server_rss_after_bytes as f64 / 1e6
    );
    (phase, connected, handed_back)
}

/// Every node's `VmRSS` (0 where unknown).
fn nodes_rss(nodes: &Nodes) -> Vec<u64> {
    nodes
        .nodes()
        .iter()
        .map(|node| node.memory().map_or(0, |m| m.rss))
        .collect()
}

/// Phase 1's figures: every client process's sockets by node, and the nodes'
/// memory `rss` (before, after) them.
fn phase_figures(
    nodes: &Nodes,
    connected: &Connected,
    clients: Vec<ClientSockets>,
    rss: (&[u64], &[u64]),
) -> SocketsPhase {
    let (before, after) = rss;
    let by_node: Vec<NodeSockets> = nodes
        .nodes()
        .iter()
        .enumerate()
        .map(|(node, server)| {
            let on_node = clients
                .iter()
                .map(|c| c.by_node.get(node).copied().unwrap_or(0))
                .sum();
            NodeSockets {
                node,
                pid: server.pid(),
                connected: on_node,
                rss: RssGrowth::new(before[node], after[node], on_node),
            }
        })
        .collect();
    let n_connected: usize = clients.iter().map(|c| c.connected).sum();
    let errors: usize = clients.iter().map(|c| c.errors).sum();
    let requested = n_connected + errors;
    let mut error_samples = connected.error_samples.clone();
    for holder in clients.iter().skip(1) {
        error_samples.extend(
            holder
                .error_samples
                .iter()
                .take(10 - error_samples.len().min(10))
                .cloned(),
        );
    }
    SocketsPhase {
        ok: errors == 0 && n_connected == requested,
        requested,
        connected: n_connected,
        errors,
        error_samples,
        connect_total_ms: connected.total.as_secs_f64() * 1e3,
        connect: Summary::of(&connected.connect_times),
        rss: RssGrowth::new(before.iter().sum(), after.iter().sum(), n_connected),
        client_rss_after_bytes: clients.first().and_then(|c| c.rss_bytes),
        nodes: by_node,
        clients,
    }
}

/// Opens a socket for each of `users` on its node (`addrs[user.socket_node]`),
/// at most `concurrency` connects in flight.
pub async fn connect_all(
    addrs: &[SocketAddr],
    users: Vec<User>,
    concurrency: usize,
    recorder: &Arc<Recorder>,
) -> Connected {
    let started = Instant::now();
    let mut tasks = JoinSet::new();
    let mut ok_users = Vec::with_capacity(users.len());
    let mut connect_times = Vec::with_capacity(users.len());
    let mut errors = 0;
    let mut error_samples = Vec::new();
    let mut attempts = stream::iter(users)
        .map(|user| async move {
            let t0 = Instant::now();
            let r = match addrs.get(user.socket_node) {
                Some(addr) => connect_one(*addr, &user).await,
                None => Err(format!("no node {}", user.socket_node)),
            };
            (user, t0.elapsed(), r)
        })
        .buffer_unordered(concurrency.max(1));
    while let Some((user, took, result)) = attempts.next().await {
        match result {
            Ok(socket) => {
                tasks.spawn(socket_task(user.index, socket, Arc::clone(recorder)));
                connect_times.push(took);
                ok_users.push(user);
            }
            Err(e) => {
                errors += 1;
                if error_samples.len() < 10 {
                    error_samples.push(format!("{}: {e}", user.user_id));
                }
            }
        }
    }
    let total = started.elapsed();
    ok_users.sort_by_key(|u| u.index);
    Connected {
        users: ok_users,
        tasks,
        connect_times,
        total,
        errors,
        error_samples,
    }
}

async fn connect_one(addr: SocketAddr, user: &User) -> Result<Socket, String> {
    if !addr.ip().is_loopback() {
        return Err("the load test only talks to loopback addresses".into());
    }
    let url = format!("ws://{addr}{WS_PATH}?{QUERY_TOKEN}={}", user.token);
    let config = WebSocketConfig::default().read_buffer_size(CLIENT_READ_BUFFER);
    let attempt = async {
        let (mut socket, _) =
            tokio_tungstenite::connect_async_with_config(url.as_str(), Some(config), true)
                .await
                .map_err(|e| format!("connect: {e}"))?;
        loop {
            match socket.next().await {
                Some(Ok(Message::Text(t))) if t.as_str() == PING => {
                    socket
                        .send(Message::text(PONG))
                        .await
                        .map_err(|e| format!("pong: {e}"))?;
                }
                Some(Ok(Message::Text(t))) => {
                    let env = Envelope::from_json(t.as_str())
                        .map_err(|e| format!("first frame is not an envelope: {e}"))?;
                    return match env.event {
                        Event::Welcome(w) if w.user_id == user.user_id => Ok(socket),
                        Event::Welcome(w) => Err(format!("welcome for {}", w.user_id)),
                        other => Err(format!("first frame is {}", other.name())),
                    };
                }
                Some(Ok(Message::Close(frame))) => {
                    return Err(format!(
                        "closed before welcome: {}",
                        frame.map_or_else(
                            || "no close frame".to_string(),
                            |f| format!("{} {}", u16::from(f.code), f.reason)
                        )
                    ));
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(format!("before welcome: {e}")),
                None => return Err("ended before welcome".into()),
            }
        }
    };
    tokio::time::timeout(CONNECT_TIMEOUT, attempt)
        .await
        .map_err(|_| "no welcome within 30 s".to_string())?
}

/// Serves one socket until it ends or the task is aborted.
async fn socket_task(index: usize, socket: Socket, recorder: Arc<Recorder>) {
    let (mut sink, mut stream) = socket.split();
    let why = loop {
        let Some(item) = stream.next().await else {
            break "ended without a close frame".to_string();
        };
        let at = Instant::now();
        let text = match item {
            Ok(Message::Text(t)) => t,
            Ok(Message::Close(frame)) => {
                break frame.map_or_else(
                    || "closed (no code)".to_string(),
                    |f| format!("closed {} {}", u16::from(f.code), f.reason),
                );
            }
            Ok(_) => continue,
            Err(e) => break format!("error: {e}"),
        };
        if text.as_str() == PING {
            recorder.pings.fetch_add(1, Ordering::Relaxed);
            if let Err(e) = sink.send(Message::text(PONG)).await {
                break format!("pong: {e}");
            }
            continue;
        }
        match Envelope::from_json(text.as_str()) {
            Ok(env) => match env.event {
                Event::ReadingComplete(c) => {
                    recorder.reading_ended(&c.request_id, Outcome::Complete(at));
                }
                Event::ReadingError(e) => {
                    recorder.reading_ended(&e.request_id, Outcome::Error(e.error));
                }
                Event::DailyReading(_) => recorder.daily_arrived(index, at),
                _ => {}
            },
            Err(_) => {
                recorder.bad_frames.fetch_add(1, Ordering::Relaxed);
            }
        }
    };
    recorder.socket_ended(format!("u{index}: {why}"));
}
