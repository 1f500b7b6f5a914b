//! The three phases of a run against one server, in order, and the end of the
//! run: phase 1 opens the sockets; with at least one socket up, phase 2 times
//! the readings and phase 3 the broadcast to every socket still open; then the
//! server's last figures are read, every socket is closed and the server stops.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use crate::report::{EndFigures, PhaseFigures, Settings};
use crate::server_process::ServerProcess;
use crate::sockets::{Recorder, User};
use crate::{broadcast, readings, sockets};

/// The sockets phase 1 opened, still served, and what their tasks recorded.
#[derive(Debug)]
pub struct OpenSockets {
    tasks: JoinSet<()>,
    recorder: Arc<Recorder>,
}

/// Runs the phases for `users` against `server` as `settings` say; `admin_token`
/// publishes the broadcast of phase 3.
pub async fn run(
    server: &ServerProcess,
    users: Vec<User>,
    admin_token: &str,
    settings: &Settings,
) -> (PhaseFigures, OpenSockets) {
    let recorder = Recorder::new(settings.sockets);
    let (sockets, connected) =
        sockets::run(server, users, settings.connect_concurrency, &recorder).await;

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
        Some(readings::run(server, &connected.users, &recorder, &plan).await)
    };

    // Phase 3: to every socket still open.
    let broadcast = match connected.users.first() {
        None => None,
        Some(_) => {
            let (closed, _) = recorder.closed();
            let expected = connected.users.len().saturating_sub(closed);
            eprintln!("nps-loadtest: phase 3: broadcast to {expected} sockets");
            Some(broadcast::run(server, admin_token, expected, &recorder).await)
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
    };
    (figures, open)
}

impl OpenSockets {
    /// The end of the run: the server's last figures, every socket closed, the
    /// server stopped.
    pub async fn close(self, server: ServerProcess) -> EndFigures {
        let memory_end = server.memory();
        let cpu_total = server.cpu_time();
        let (closed_early, close_samples) = self.recorder.closed();
        let mut tasks = self.tasks;
        let close_started = Instant::now();
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
        let stopped_cleanly = server.stop().await;
        eprintln!(
            "nps-loadtest: sockets closed and server stopped in {:.0} ms",
            close_started.elapsed().as_secs_f64() * 1e3
        );
        EndFigures {
            server_rss_end_bytes: memory_end.map(|m| m.rss),
            server_rss_peak_bytes: memory_end.map(|m| m.hwm),
            server_cpu_total_ms: cpu_total.map(|d| d.as_secs_f64() * 1e3),
            pings_answered: self.recorder.pings(),
            bad_frames: self.recorder.bad_frames(),
            sockets_closed_early: closed_early,
            close_samples,
            server_stopped_cleanly: stopped_cleanly,
        }
    }
}
