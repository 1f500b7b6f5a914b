//! Phase 3: one `POST /api/admin/daily` (an admin token; reading the day with `GET`
//! never broadcasts) to node 0, timed from just before the request is written until
//! the last socket, on every node, has its `daily_reading`.
//!
//! The clock includes what the server does before it broadcasts (computing the
//! day's insight and storing it); `http_ms` (the `POST`'s answer) shows that
//! part.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::holder::Holder;
use crate::http::HttpConn;
use crate::procfs;
use crate::report::{BroadcastPhase, NodeBroadcast, Summary};
use crate::server_process::{Nodes, socket_node};
use crate::sockets::Recorder;

/// How long to wait for every socket's `daily_reading`.
const WAIT: Duration = Duration::from_secs(10);
/// The window of `received_within_5s`.
const WINDOW: Duration = Duration::from_secs(5);

/// Publishing the daily insight is an admin's.
const PUBLISH_PATH: &str = "/api/admin/daily";
/// The day published, in one language (the readings phase uses the same day).
const PUBLISH_BODY: &str = r#"{"date": "2026-02-09", "locale": "en"}"#;

/// The node the `POST` goes to.
const PUBLISHING_NODE: usize = 0;

/// What phase 3 waits for: `sockets` deliveries to this process's sockets;
/// `by_node[i]` sockets on node `i` in all (the socket holders' too).
pub struct Expected {
    pub sockets: usize,
    pub by_node: Vec<usize>,
}

/// Where the deliveries are stamped: this process's sockets, and the socket
/// holders' (asked at the end of the phase).
pub struct Listeners<'a> {
    pub recorder: &'a Arc<Recorder>,
    pub holders: &'a mut [Holder],
}

/// Sends the `POST` with `admin_token` to node 0 and waits for the expected
/// deliveries, then asks each socket holder for its own (each within what is
/// left of the wait); `postgres` adds PostgreSQL's CPU to the figures.
pub async fn run(
    nodes: &Nodes,
    postgres: bool,
    admin_token: &str,
    expected: Expected,
    listeners: Listeners<'_>,
) -> BroadcastPhase {
    let recorder = listeners.recorder;
    let sockets = expected.sockets;
    let mut phase = BroadcastPhase {
        sockets,
        posted_to_node: PUBLISHING_NODE,
        ..BroadcastPhase::default()
    };
    let Some(server) = nodes.nodes().get(PUBLISHING_NODE) else {
        phase.error = Some("no node to publish on".into());
        return phase;
    };
    let mut conn = match HttpConn::connect(server.addr()).await {
        Ok(c) => c,
        Err(e) => {
            phase.error = Some(format!("connect: {e}"));
            return phase;
        }
    };
    recorder.expect_daily(sockets);
    let pids = nodes.pids();
    let cpu0 = procfs::CpuMark::now(&pids, postgres);
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
    let own = tokio::time::timeout(WAIT.saturating_sub(sent.elapsed()), recorder.all_daily())
        .await
        .is_ok();
    phase.cpu = cpu0.until(&procfs::CpuMark::now(&pids, postgres));
    let mut arrivals = recorder.daily_arrivals();
    let held = held_arrivals(listeners.holders, recorder, sent, &mut arrivals).await;
    let all = own && held.all;
    let sockets = sockets + held.expected;
    phase.sockets = sockets;
    phase.record_arrivals(&arrivals, sent, &expected.by_node);
    if let Some(e) = held.error {
        phase.error = Some(e);
    } else if !all {
        phase.error = Some(format!(
            "{} of {sockets} sockets had daily_reading after {} s",
            phase.received,
            WAIT.as_secs()
        ));
    }
    phase.ok = all && phase.received == sockets;
    phase
}

/// What the socket holders' sockets received.
struct Held {
    /// Their sockets still open (or, for a holder that did not answer, up).
    expected: usize,
    /// Whether every one of those had its `daily_reading`.
    all: bool,
    /// A holder that did not answer.
    error: Option<String>,
}

/// Asks each of `holders` for its sockets' `daily_reading` arrivals (each
/// within what is left of [`WAIT`] after `sent`) and adds them to `arrivals`,
/// on `recorder`'s clock.
async fn held_arrivals(
    holders: &mut [Holder],
    recorder: &Recorder,
    sent: Instant,
    arrivals: &mut Vec<(usize, Instant)>,
) -> Held {
    let mut held = Held {
        expected: 0,
        all: true,
        error: None,
    };
    for holder in holders {
        match holder.report(WAIT.saturating_sub(sent.elapsed())).await {
            Ok(report) => {
                held.expected += report.expected;
                held.all &= report.daily_unix_ns.len() >= report.expected;
                arrivals.extend(
                    report
                        .daily_unix_ns
                        .iter()
                        .map(|&(socket, ns)| (socket, recorder.instant_of_unix_ns(ns))),
                );
            }
            Err(e) => {
                held.expected += holder.connected;
                held.all = false;
                held.error = Some(format!("socket holder: {e}"));
            }
        }
    }
    held
}

impl BroadcastPhase {
    /// How many sockets had the `daily_reading` (and within [`WINDOW`]), and
    /// how long after `sent` the first, median, p99 and last arrived; the same by
    /// node (`sockets_by_node[i]` sockets on node `i`) for `arrivals` by socket.
    fn record_arrivals(
        &mut self,
        arrivals: &[(usize, Instant)],
        sent: Instant,
        sockets_by_node: &[usize],
    ) {
        let node_count = sockets_by_node.len();
        let mut by_node = vec![Vec::new(); node_count];
        let mut after = Vec::with_capacity(arrivals.len());
        for (socket, at) in arrivals {
            let took = at.saturating_duration_since(sent);
            after.push(took);
            if let Some(node) = by_node.get_mut(socket_node(*socket, node_count)) {
                node.push(took);
            }
        }
        self.nodes = by_node
            .iter()
            .zip(sockets_by_node)
            .enumerate()
            .map(|(node, (arrived, &sockets))| NodeBroadcast {
                node,
                sockets,
                received: arrived.len(),
                last_ms: Summary::of(arrived).max_ms,
            })
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
