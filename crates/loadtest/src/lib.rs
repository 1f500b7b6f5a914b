#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! The NPS Oracle load benchmark (issue 4, deliverable 6): how much memory the
//! server needs per socket, how fast a reading reaches its requester at a
//! fixed rate, and how long a broadcast takes to reach every socket.
//!
//! The binary is glue (`src/main.rs`); [`run`] does the work. The server runs
//! in its own process — this executable again, with `--serve-on-stdout` — so
//! its memory is measured apart from the client's. Everything is on loopback
//! and bounded in count and time.
//!
//! # Layout
//!
//! - [`Args`]: the flags, and [`run`], the three phases in order.
//! - [`serve`]: the child side: `nps_server` on `127.0.0.1:0` until stdin closes.
//! - [`server_process`]: the parent's handle on the child (address, RSS, CPU, stop).
//! - [`sockets`]: phase 1, N authenticated sockets and the task serving each
//!   (answers `ping`, stamps event arrivals into the [`sockets::Recorder`]).
//! - [`readings`]: phase 2, readings at a fixed rate over keep-alive HTTP/1.1.
//! - [`broadcast`]: phase 3, one `GET /api/oracle/daily` to every socket.
//! - [`http`]: the minimal HTTP/1.1 client.
//! - [`procfs`]: `VmRSS`, CPU time and load average from `/proc`.
//! - [`report`]: the figures (JSON), the table, the goals.

pub mod broadcast;
pub mod http;
pub mod procfs;
pub mod readings;
pub mod report;
pub mod serve;
pub mod server_process;
pub mod sockets;

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::Parser;

use report::{EndFigures, Machine, Report, Settings, SocketsPhase, Summary};
use server_process::ServerProcess;
use sockets::{Recorder, User};

/// Open files each process keeps besides the sockets (stdio, epoll, pipes,
/// SQLite files, the HTTP connections' slack).
const FD_MARGIN: u64 = 128;
/// Wait after the last connect before reading the server's RSS.
const SETTLE: Duration = Duration::from_millis(500);
/// Lifetime of the benchmark's tokens (a run takes well under an hour).
const TOKEN_TTL: Duration = Duration::from_secs(3600);

/// The flags of `nps-loadtest`.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "nps-loadtest",
    version,
    about = "Load benchmark of the NPS Oracle server, on loopback: N sockets (server RSS), \
             readings at a fixed rate (latency to reading_complete), one broadcast (latency \
             to the last socket)."
)]
pub struct Args {
    /// Sockets to open, one per user (u0, u1, ...).
    #[arg(long, default_value_t = 10_000, value_parser = positive_usize)]
    pub sockets: usize,
    /// Readings per second in phase 2.
    #[arg(long, default_value_t = 500.0, value_parser = positive_f64)]
    pub rate: f64,
    /// Length of phase 2, in seconds.
    #[arg(long, default_value_t = 10.0, value_parser = positive_f64)]
    pub duration_secs: f64,
    /// Also write the figures as JSON to this file.
    #[arg(long, value_name = "PATH")]
    pub json_out: Option<PathBuf>,
    /// Socket connects in flight at once (phase 1).
    #[arg(long, default_value_t = 256, value_parser = positive_usize)]
    pub connect_concurrency: usize,
    /// Keep-alive HTTP/1.1 connections for the readings (phase 2).
    #[arg(long, default_value_t = 32, value_parser = positive_usize)]
    pub http_connections: usize,
    /// Internal: run the server and print its address (the child process).
    #[arg(long, hide = true)]
    pub serve_on_stdout: bool,
    /// Internal: the child's `max_connections`.
    #[arg(long, hide = true, default_value_t = 1024)]
    pub max_connections: usize,
}

fn positive_usize(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(v) if v > 0 => Ok(v),
        _ => Err(format!("{s:?} is not a positive whole number")),
    }
}

fn positive_f64(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("{s:?} is not a positive number")),
    }
}

/// Raises this process's open-file limit as far as the hard limit allows and
/// returns the limit now in force.
pub fn raise_nofile_limit() -> std::io::Result<u64> {
    rlimit::increase_nofile_limit(u64::MAX)
}

pub(crate) fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if s.len() % 2 != 0 || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs the three phases and returns the figures. `Err` only when the run
/// could not start at all (no server, no secret).
pub async fn run(args: &Args) -> Result<Report, String> {
    let load_before = procfs::load_average();
    let (mem_total, mem_available) = procfs::machine_memory().unzip();
    let started_unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());

    // Open files: the client needs one per socket and HTTP connection; the
    // server the same plus its own. Both run with the same (raised) limit.
    let mut notes = Vec::new();
    let nofile = match raise_nofile_limit() {
        Ok(n) => Some(n),
        Err(e) => {
            notes.push(format!("cannot raise the open-file limit: {e}"));
            None
        }
    };
    let mut sockets_n = args.sockets;
    if let Some(limit) = nofile {
        let room = limit.saturating_sub(FD_MARGIN + args.http_connections as u64 + 2) as usize;
        if sockets_n > room {
            let note = format!(
                "the open-file limit is {limit} (hard limit reached): {} sockets do not fit; \
                 clamped to {room}",
                args.sockets
            );
            eprintln!("nps-loadtest: {note}");
            notes.push(note);
            sockets_n = room;
        }
    }
    let max_connections = sockets_n + args.http_connections + 100;

    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| format!("no randomness for the secret: {e}"))?;
    let server = ServerProcess::start(&hex_encode(&secret), max_connections).await?;
    eprintln!(
        "nps-loadtest: server pid {} on http://{}; {} sockets, {} readings/s for {} s",
        server.pid(),
        server.addr(),
        sockets_n,
        args.rate,
        args.duration_secs
    );

    let users: Vec<User> = (0..sockets_n)
        .map(|i| {
            let user_id = format!("u{i}");
            nps_server::mint_token(&secret, &user_id, &user_id, "user", TOKEN_TTL)
                .map(|token| User {
                    index: i,
                    user_id,
                    token,
                })
                .map_err(|e| format!("mint token: {e}"))
        })
        .collect::<Result<_, _>>()?;
    let recorder = Recorder::new(sockets_n);

    // Phase 1.
    tokio::time::sleep(SETTLE).await;
    let rss_before = server.memory().map_or(0, |m| m.rss);
    eprintln!("nps-loadtest: phase 1: connecting {sockets_n} sockets");
    let connected =
        sockets::connect_all(server.addr(), users, args.connect_concurrency, &recorder).await;
    tokio::time::sleep(SETTLE).await;
    let rss_after = server.memory().map_or(0, |m| m.rss);
    let n_connected = connected.users.len();
    let sockets_phase = SocketsPhase {
        ok: connected.errors == 0 && n_connected == sockets_n,
        requested: sockets_n,
        connected: n_connected,
        errors: connected.errors,
        error_samples: connected.error_samples.clone(),
        connect_total_ms: ms(connected.total),
        connect: Summary::of(&connected.connect_times),
        server_rss_before_bytes: rss_before,
        server_rss_after_bytes: rss_after,
        rss_per_socket_bytes: if n_connected == 0 {
            0.0
        } else {
            rss_after.saturating_sub(rss_before) as f64 / n_connected as f64
        },
        client_rss_after_bytes: procfs::memory("self").map(|m| m.rss),
    };
    eprintln!(
        "nps-loadtest: phase 1: {n_connected} connected in {:.0} ms; server RSS {:.1} → {:.1} MB",
        sockets_phase.connect_total_ms,
        rss_before as f64 / 1e6,
        rss_after as f64 / 1e6
    );

    // Phase 2.
    let readings = if connected.users.is_empty() {
        None
    } else {
        eprintln!(
            "nps-loadtest: phase 2: {} readings/s for {} s",
            args.rate, args.duration_secs
        );
        let plan = readings::Plan {
            rate: args.rate,
            duration: Duration::from_secs_f64(args.duration_secs),
            http_connections: args.http_connections,
        };
        Some(readings::run(&server, &connected.users, &recorder, &plan).await)
    };

    // Phase 3: to every socket still open.
    let broadcast = match connected.users.first() {
        None => None,
        Some(caller) => {
            let (closed, _) = recorder.closed();
            let expected = n_connected.saturating_sub(closed);
            eprintln!("nps-loadtest: phase 3: broadcast to {expected} sockets");
            Some(broadcast::run(&server, caller, expected, &recorder).await)
        }
    };

    // The end.
    let memory_end = server.memory();
    let cpu_total = server.cpu_time();
    let (closed_early, close_samples) = recorder.closed();
    let mut tasks = connected.tasks;
    let close_started = Instant::now();
    tasks.abort_all();
    while tasks.join_next().await.is_some() {}
    let stopped_cleanly = server.stop().await;
    eprintln!(
        "nps-loadtest: sockets closed and server stopped in {:.0} ms",
        ms(close_started.elapsed())
    );

    let settings = Settings {
        sockets_requested: args.sockets,
        sockets: sockets_n,
        rate_per_sec: args.rate,
        duration_secs: args.duration_secs,
        connect_concurrency: args.connect_concurrency,
        http_connections: args.http_connections,
        server_max_connections: max_connections,
        notes,
    };
    let goals = report::goals(
        &settings,
        &sockets_phase,
        readings.as_ref(),
        broadcast.as_ref(),
    );
    let ok = sockets_phase.ok
        && readings.as_ref().is_some_and(|r| r.ok)
        && broadcast.as_ref().is_some_and(|b| b.ok);
    Ok(Report {
        ok,
        machine: Machine {
            nproc: std::thread::available_parallelism().map_or(1, |n| n.get()),
            mem_total_bytes: mem_total,
            mem_available_bytes: mem_available,
            load_before,
            load_after: procfs::load_average(),
            started_unix,
            nofile_limit: nofile,
        },
        settings,
        sockets: sockets_phase,
        readings,
        broadcast,
        end: EndFigures {
            server_rss_end_bytes: memory_end.map(|m| m.rss),
            server_rss_peak_bytes: memory_end.map(|m| m.hwm),
            server_cpu_total_ms: cpu_total.map(ms),
            pings_answered: recorder.pings(),
            bad_frames: recorder.bad_frames(),
            sockets_closed_early: closed_early,
            close_samples,
            server_stopped_cleanly: stopped_cleanly,
        },
        goals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let bytes = [0u8, 1, 0x7f, 0xff, 0xab];
        assert_eq!(hex_encode(&bytes), "00017fffab");
        assert_eq!(hex_decode("00017fffab").as_deref(), Some(&bytes[..]));
        assert_eq!(hex_decode("abc"), None);
        assert_eq!(hex_decode("zz"), None);
    }

    #[test]
    fn flags_parse() {
        let a = Args::try_parse_from(["nps-loadtest", "--sockets", "50", "--rate", "20"])
            .expect("parses");
        assert_eq!((a.sockets, a.rate, a.duration_secs), (50, 20.0, 10.0));
        assert!(Args::try_parse_from(["nps-loadtest", "--rate", "0"]).is_err());
        assert!(Args::try_parse_from(["nps-loadtest", "--connect-concurrency", "0"]).is_err());
    }
}
