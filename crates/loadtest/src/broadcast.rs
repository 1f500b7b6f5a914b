//! Phase 3: one `POST /api/admin/daily` (an admin token; reading the day with `GET`
//! never broadcasts) to node 0, timed from just before the request is written until
//! the last socket, on every node, has its `daily_reading`.
//!
//! The clock includes what the server does before it broadcasts (computing the
//! day's insight and storing it); `http_ms` (the `POST`'s answer) shows that
//! part.

use std::sync::Arc;
use std::time::{Duration, Instant};

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

/// What phase 3 waits for: `sockets` deliveries, `by_node[i]` of them on node `i`.
pub struct Expected {
    pub sockets: usize,
    pub by_node: Vec<usize>,
}

/// Sends the `POST` with `admin_token` to node 0 and waits for the expected
/// deliveries; `postgres` adds PostgreSQL's CPU to the figures.
pub async fn run(
    nodes: &Nodes,
    postgres: bool,
    admin_token: &str,
    expected: Expected,
    recorder: &Arc<Recorder>,
) -> BroadcastPhase {
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
    let all = tokio::time::timeout(WAIT.saturating_sub(sent.elapsed()), recorder.all_daily())
        .await
        .is_ok();
    phase.cpu = cpu0.until(&procfs::CpuMark::now(&pids, postgres));
    phase.record_arrivals(&recorder.daily_arrivals(), sent, &expected.by_node);
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
