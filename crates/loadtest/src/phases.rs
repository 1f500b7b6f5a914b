//! The three phases of a run against its nodes (one server, or a cluster), in
//! order, and the end of the run: phase 1 opens the sockets (the client's, then
//! the socket holders'; readings are posted for the client's own); with at least one
//! socket up, phase 2 times the readings and phase 3 the broadcast to every
//! socket still open; then the nodes' last figures are read, every socket is
//! closed, the socket holders and the nodes stop.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use crate::holder::{self, Holder};
use crate::report::{EndFigures, NodeEnd, PhaseFigures, ServerEnd, Settings};
use crate::server_process::Nodes;
use crate::sockets::{Recorder, User};
use crate::{broadcast, readings, sockets};

/// The sockets phase 1 opened, still served, and what their tasks recorded.
#[derive(Debug)]
pub struct OpenSockets {
    tasks: JoinSet<()>,
    recorder: Arc<Recorder>,
    /// The socket holders holding the sockets beyond this process's.
    holders: Vec<Holder>,
}

/// Runs the phases for `users` (and the sockets of the socket `holders`)
/// against `nodes` as `settings` say; `admin_token` publishes the broadcast of
/// phase 3. Readings are posted for this process's `users` only.
pub async fn run(
    nodes: &Nodes,
    users: Vec<User>,
    holders: &holder::Plan<'_>,
    admin_token: &str,
    settings: &Settings,
) -> (PhaseFigures, OpenSockets) {
    let postgres = settings.database.is_some();
    let recorder = Recorder::new(settings.client_sockets);
    let held = holder::start_all(holders);
    let (sockets, connected, mut holders) =
        sockets::run(nodes, users, settings.connect_concurrency, &recorder, held).await;

    let readings = if connected.users.is_empty() {
        None
    } else {
        eprintln!(
            "nps-loadtest: phase 2: {} readings/s for {} s",
            settings.rate_per_sec, settings.duration_secs
        );
        let plan = readings::Plan {
            rate: settings.rate_per_sec,
            duration: Duration::from_secs_f64(settings.duration_secs),
            http_connections: settings.http_connections,
        };
        Some(readings::run(nodes, postgres, &connected.users, &recorder, &plan).await)
    };

    // Phase 3: to every socket still open.
    let broadcast = match connected.users.first() {
        None => None,
        Some(_) => {
            let (closed, _) = recorder.closed();
            let expected = connected.users.len().saturating_sub(closed);
            let held: usize = holders.iter().map(|h| h.connected).sum();
            eprintln!(
                "nps-loadtest: phase 3: broadcast to {} sockets",
                expected + held
            );
            let expected = broadcast::Expected {
                sockets: expected,
                by_node: sockets.nodes.iter().map(|n| n.connected).collect(),
            };
            let listeners = broadcast::Listeners {
                recorder: &recorder,
                holders: &mut holders,
            };
            Some(broadcast::run(nodes, postgres, admin_token, expected, listeners).await)
        }
    };

    let figures = PhaseFigures {
        sockets,
        readings,
        broadcast,
    };
    let open = OpenSockets {
        tasks: connected.tasks,
        recorder,
        holders,
    };
    (figures, open)
}

impl OpenSockets {
    /// The end of the run: the nodes' last figures, every socket closed, the
    /// nodes stopped.
    pub async fn close(self, nodes: Nodes) -> EndFigures {
        let mut by_node: Vec<NodeEnd> = nodes
            .nodes()
            .iter()
            .enumerate()
            .map(|(node, server)| {
                let memory = server.memory();
                NodeEnd {
                    node,
                    server: ServerEnd {
                        server_rss_end_bytes: memory.map(|m| m.rss),
                        server_rss_peak_bytes: memory.map(|m| m.hwm),
                        server_cpu_total_ms: server.cpu_time().map(|d| d.as_secs_f64() * 1e3),
                    },
                    stopped_cleanly: false,
                }
            })
            .collect();
        let (mut closed_early, mut close_samples) = self.recorder.closed();
        let (mut pings, mut bad_frames) = (self.recorder.pings(), self.recorder.bad_frames());
        let mut holders = self.holders;
        for holder in &mut holders {
            match holder.report(Duration::ZERO).await {
                Ok(r) => {
                    closed_early += r.closed;
                    close_samples.extend(r.close_reasons);
                    pings += r.pings;
                    bad_frames += r.bad_frames;
                }
                Err(e) => close_samples.push(format!("socket holder: {e}")),
            }
        }
        let mut tasks = self.tasks;
        let close_started = Instant::now();
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
        for holder in holders {
            if !holder.stop().await {
                close_samples.push("a socket holder did not exit cleanly".into());
            }
        }
        for (node, stopped) in by_node.iter_mut().zip(nodes.stop().await) {
            node.stopped_cleanly = stopped;
        }
        eprintln!(
            "nps-loadtest: sockets closed and nodes stopped in {:.0} ms",
            close_started.elapsed().as_secs_f64() * 1e3
        );
        EndFigures {
            server: ServerEnd {
                server_rss_end_bytes: sum(by_node.iter().map(|n| n.server.server_rss_end_bytes)),
                server_rss_peak_bytes: sum(by_node.iter().map(|n| n.server.server_rss_peak_bytes)),
                server_cpu_total_ms: sum(by_node.iter().map(|n| n.server.server_cpu_total_ms)),
            },
            pings_answered: pings,
            bad_frames,
            sockets_closed_early: closed_early,
            close_samples,
            server_stopped_cleanly: by_node.iter().all(|n| n.stopped_cleanly),
            nodes: by_node,
        }
    }
}

/// The sum of every node's figure; `None` if one is unknown.
fn sum<T: std::iter::Sum<T>>(figures: impl Iterator<Item = Option<T>>) -> Option<T> {
    figures.sum()
}
