//! The parent's handle on the server child: start it (this same executable
//! with `--serve-on-stdout`), learn its address, read its memory and CPU time,
//! stop it.

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};

use crate::procfs;
use crate::serve::{LISTENING_PREFIX, SECRET_ENV};

/// How long the child may take to print its address.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the child may take to shut down once stdin is closed.
const STOP_TIMEOUT: Duration = Duration::from_secs(20);

/// A running server child.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    pid: u32,
    addr: SocketAddr,
}

impl ServerProcess {
    /// Starts the server child and waits for its `listening on` line.
    pub async fn start(secret_hex: &str, max_connections: usize) -> Result<Self, String> {
        let exe = std::env::current_exe().map_err(|e| format!("own executable: {e}"))?;
        let mut child = Command::new(exe)
            .arg("--serve-on-stdout")
            .arg("--max-connections")
            .arg(max_connections.to_string())
            .env(SECRET_ENV, secret_hex)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start the server process: {e}"))?;
        let pid = child.id().ok_or("the server process exited at once")?;
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().ok_or("no stdout pipe")?;
        let mut lines = BufReader::new(stdout).lines();
        let addr = tokio::time::timeout(START_TIMEOUT, async {
            while let Some(line) = lines.next_line().await.map_err(|e| e.to_string())? {
                if let Some(addr) = line.trim().strip_prefix(LISTENING_PREFIX) {
                    return addr
                        .parse::<SocketAddr>()
                        .map_err(|e| format!("bad address {addr:?}: {e}"));
                }
                eprintln!("[server] {line}");
            }
            Err("the server process ended before listening".to_string())
        })
        .await
        .map_err(|_| "the server process did not start within 30 s".to_string())??;
        if !addr.ip().is_loopback() {
            return Err(format!("the server listens on {addr}, not on loopback"));
        }
        // Keep draining stdout so that a stray line never blocks the child.
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                eprintln!("[server] {line}");
            }
        });
        Ok(Self {
            child,
            stdin,
            pid,
            addr,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The child's `VmRSS` / `VmHWM`.
    pub fn memory(&self) -> Option<procfs::Memory> {
        procfs::memory(&self.pid.to_string())
    }

    /// The child's CPU time so far (user + system, all threads).
    pub fn cpu_time(&self) -> Option<Duration> {
        procfs::cpu_time(&self.pid.to_string())
    }

    /// Whether the child is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Closes the child's stdin (its shutdown signal) and waits for it; kills it
    /// if it does not exit within 20 s. Returns whether it exited cleanly.
    pub async fn stop(mut self) -> bool {
        drop(self.stdin.take());
        match tokio::time::timeout(STOP_TIMEOUT, self.child.wait()).await {
            Ok(Ok(status)) => status.success(),
            Ok(Err(_)) => false,
            Err(_) => {
                eprintln!("nps-loadtest: the server did not stop within 20 s; killing it");
                let _ = self.child.kill().await;
                false
            }
        }
    }
}
