//! Socket holders: when the run's sockets do not fit the client's open-file
//! limit (20,000 per process where `CAP_SYS_RESOURCE` is dropped), the parent
//! starts this executable again as `nps-loadtest --hold-sockets` for the
//! sockets that do not fit — users `uK..uN-1` on the nodes the parent would
//! have put them on ([`socket_node`](crate::server_process::socket_node)).
//!
//! A holder mints its users' tokens with the secret the parent passes in
//! [`SECRET_ENV`](crate::serve::SECRET_ENV) (never on the command line), opens
//! their sockets with [`sockets::connect_all`] (the same connect and the same
//! socket task as the parent's: it answers `ping`, stamps `daily_reading`),
//! and talks to the parent in lines:
//!
//! - holder → parent, once every connect ended: `holding {JSON}`, a
//!   [`ClientSockets`] (connected, errors, by node, its RSS); or `error MESSAGE`
//!   when it could not start at all (every one of its sockets counts as refused);
//! - parent → holder: `report MS` (end of the broadcast phase, and the end of
//!   the run); the holder waits at most `MS` ms for every socket still open to
//!   have its `daily_reading`, then answers `report {JSON}`, a [`HolderReport`];
//! - the holder exits when its stdin closes (also when the parent dies).
//!
//! The clock: each process's [`Recorder`] stamps arrivals on its own monotonic
//! clock from a base taken with the wall clock (`SystemTime`) beside it; a
//! holder reports arrivals as ns since the Unix epoch and the parent maps them
//! back onto its own clock. On one machine both read the same wall clock, so
//! the two agree to within the µs between reading the two clocks at each base.

use std::io::{self, BufRead, Write};
use std::net::SocketAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout};

use crate::report::ClientSockets;
use crate::server_process::{own_command, stop_child};
use crate::sockets::{self, Recorder};
use crate::{Args, procfs};

/// The holder's line once its sockets are up (followed by a [`ClientSockets`]).
pub const READY_PREFIX: &str = "holding ";
/// The holder's line when it cannot start (followed by the reason).
pub const FAILED_PREFIX: &str = "error ";
/// The parent's request (followed by the wait in ms), and the holder's answer
/// (followed by a [`HolderReport`]).
pub const REPORT_PREFIX: &str = "report ";

/// How long a holder may take to connect its sockets (each connect is bounded
/// by the connect timeout too).
const READY_TIMEOUT: Duration = Duration::from_secs(300);
/// How much longer than its own wait a holder may take to answer a report.
const REPORT_SLACK: Duration = Duration::from_secs(10);

/// What a holder's sockets recorded, when the parent asked.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HolderReport {
    /// Its sockets still open when asked (those a broadcast must reach).
    pub expected: usize,
    /// `daily_reading` arrivals: (user index, ns since the Unix epoch).
    pub daily_unix_ns: Vec<(usize, u64)>,
    pub pings: u64,
    pub bad_frames: u64,
    /// Its sockets that ended during the run, and why (the first 10).
    pub closed: usize,
    pub close_reasons: Vec<String>,
}

/// The child side: `--hold-sockets` with `--hold-first`, `--hold-count` and one
/// `--hold-node` per node. Errors are for `main` to print.
pub fn hold_main(args: &Args) -> Result<(), String> {
    let _ = crate::raise_nofile_limit();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("tokio runtime: {e}"))?;
    let result = runtime.block_on(hold(args));
    // The stdin reader is a plain thread; nothing on the runtime may outlive this.
    runtime.shutdown_timeout(Duration::from_secs(1));
    if let Err(e) = &result {
        print_line(FAILED_PREFIX, e)?;
    }
    result
}

async fn hold(args: &Args) -> Result<(), String> {
    let secret = crate::serve::secret_from_env()?;
    let addrs = &args.hold_node;
    let first = args.hold_first;
    let users = crate::mint_users(&secret, first..first + args.hold_count, addrs.len())?;
    let recorder = Recorder::new(first + args.hold_count);
    let connected = sockets::connect_all(addrs, users, args.connect_concurrency, &recorder).await;
    let mut by_node = vec![0; addrs.len()];
    for user in &connected.users {
        if let Some(n) = by_node.get_mut(user.socket_node) {
            *n += 1;
        }
    }
    let ready = ClientSockets {
        role: "holder".into(),
        pid: std::process::id(),
        connected: connected.users.len(),
        errors: connected.errors,
        error_samples: connected.error_samples.clone(),
        by_node,
        rss_bytes: procfs::memory("self").map(|m| m.rss),
    };
    print_json(READY_PREFIX, &ready)?;
    let mut requests = stdin_lines();
    while let Some(line) = requests.recv().await {
        let Some(ms) = line.trim().strip_prefix(REPORT_PREFIX.trim_end()) else {
            continue;
        };
        let wait = Duration::from_millis(ms.trim().parse().unwrap_or(0));
        let report = report(&recorder, connected.users.len(), wait).await;
        print_json(REPORT_PREFIX, &report)?;
    }
    drop(connected.tasks);
    Ok(())
}

/// Waits at most `wait` for every socket of the `connected` still open to have
/// its `daily_reading`, and says what the sockets recorded.
async fn report(recorder: &Recorder, connected: usize, wait: Duration) -> HolderReport {
    let (closed, _) = recorder.closed();
    let expected = connected.saturating_sub(closed);
    recorder.expect_daily(expected);
    if recorder.daily_received() < expected {
        let _ = tokio::time::timeout(wait, recorder.all_daily()).await;
    }
    let (closed, close_reasons) = recorder.closed();
    HolderReport {
        expected,
        daily_unix_ns: recorder.daily_arrivals_unix_ns(),
        pings: recorder.pings(),
        bad_frames: recorder.bad_frames(),
        closed,
        close_reasons,
    }
}

/// The lines of stdin, read on a plain thread (tokio's stdin would keep the
/// runtime from shutting down while a read is pending); ends at EOF.
fn stdin_lines() -> tokio::sync::mpsc::Receiver<String> {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let _ = std::thread::Builder::new()
        .name("stdin-lines".into())
        .spawn(move || {
            for line in io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                if tx.blocking_send(line).is_err() {
                    break;
                }
            }
        });
    rx
}

fn print_json(prefix: &str, value: &impl Serialize) -> Result<(), String> {
    let json = serde_json::to_string(value).map_err(|e| format!("JSON: {e}"))?;
    print_line(prefix, &json)
}

fn print_line(prefix: &str, text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    writeln!(out, "{prefix}{text}")
        .and_then(|()| out.flush())
        .map_err(|e| format!("stdout: {e}"))
}

/// Who the holders are: the nodes' addresses, the secret, the connects in
/// flight, and the sockets each holds, from user `first` on.
pub struct Plan<'a> {
    pub secret_hex: &'a str,
    pub addrs: Vec<SocketAddr>,
    pub concurrency: usize,
    pub first: usize,
    pub counts: &'a [usize],
}

/// The parent's handle on a running socket holder.
#[derive(Debug)]
pub struct Holder {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Lines<BufReader<ChildStdout>>,
    /// Its sockets up after phase 1.
    pub connected: usize,
}

/// Starts the holders of `plan`, one after another, each waited for until its
/// sockets are up. What each holds, and the handles of those that started (a
/// holder that did not counts every one of its sockets as an error).
pub async fn start_all(plan: &Plan<'_>) -> (Vec<ClientSockets>, Vec<Holder>) {
    let mut held = Vec::with_capacity(plan.counts.len());
    let mut holders = Vec::with_capacity(plan.counts.len());
    let mut first = plan.first;
    for &count in plan.counts {
        eprintln!(
            "nps-loadtest: socket holder: connecting u{first}..u{}",
            first + count - 1
        );
        match Holder::start(plan, first, count).await {
            Ok((holder, sockets)) => {
                held.push(sockets);
                holders.push(holder);
            }
            Err(e) => held.push(ClientSockets {
                role: "holder".into(),
                errors: count,
                error_samples: vec![format!("socket holder for u{first}..: {e}")],
                by_node: vec![0; plan.addrs.len()],
                ..ClientSockets::default()
            }),
        }
        first += count;
    }
    (held, holders)
}

impl Holder {
    async fn start(
        plan: &Plan<'_>,
        first: usize,
        count: usize,
    ) -> Result<(Self, ClientSockets), String> {
        let mut command = own_command(plan.secret_hex)?;
        command
            .arg("--hold-sockets")
            .arg("--hold-first")
            .arg(first.to_string())
            .arg("--hold-count")
            .arg(count.to_string())
            .arg("--connect-concurrency")
            .arg(plan.concurrency.to_string());
        for addr in &plan.addrs {
            command.arg("--hold-node").arg(addr.to_string());
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start the socket holder: {e}"))?;
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().ok_or("no stdout pipe")?;
        let mut holder = Self {
            child,
            stdin,
            lines: BufReader::new(stdout).lines(),
            connected: 0,
        };
        let line = holder.line(READY_PREFIX, READY_TIMEOUT).await?;
        let sockets: ClientSockets =
            serde_json::from_str(&line).map_err(|e| format!("bad ready line: {e}"))?;
        holder.connected = sockets.connected;
        Ok((holder, sockets))
    }

    /// The next line starting with `prefix` (without it), within `timeout`;
    /// other lines go to stderr; an `error` line or the end is an error.
    async fn line(&mut self, prefix: &str, timeout: Duration) -> Result<String, String> {
        let read = async {
            while let Some(line) = self.lines.next_line().await.map_err(|e| e.to_string())? {
                if let Some(rest) = line.strip_prefix(prefix) {
                    return Ok(rest.to_string());
                }
                if let Some(e) = line.strip_prefix(FAILED_PREFIX) {
                    return Err(e.to_string());
                }
                eprintln!("[holder] {line}");
            }
            Err("the socket holder ended".to_string())
        };
        tokio::time::timeout(timeout, read).await.map_err(|_| {
            format!(
                "no answer from the socket holder within {} s",
                timeout.as_secs()
            )
        })?
    }

    /// Asks what its sockets recorded, letting it wait at most `wait` for the
    /// `daily_reading` of every socket still open.
    pub async fn report(&mut self, wait: Duration) -> Result<HolderReport, String> {
        let stdin = self.stdin.as_mut().ok_or("the socket holder is stopped")?;
        let request = format!("{REPORT_PREFIX}{}\n", wait.as_millis());
        stdin
            .write_all(request.as_bytes())
            .await
            .map_err(|e| format!("to the socket holder: {e}"))?;
        stdin
            .flush()
            .await
            .map_err(|e| format!("to the socket holder: {e}"))?;
        let line = self.line(REPORT_PREFIX, wait + REPORT_SLACK).await?;
        serde_json::from_str(&line).map_err(|e| format!("bad report line: {e}"))
    }

    /// Closes its stdin (its end) and waits for it; kills it if it does not
    /// exit within 20 s. Whether it exited cleanly.
    pub async fn stop(mut self) -> bool {
        stop_child(&mut self.child, self.stdin.take(), "a socket holder").await
    }
}
