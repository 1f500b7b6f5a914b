//! The parent's handle on the server children: start one (this same
//! executable with `--serve-on-stdout`), learn its address, read its memory
//! and CPU time, stop it; [`Nodes`], the one server of a run or the nodes of a
//! cluster, and which node serves which user.

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};

use crate::database::DATABASE_URL_ENV;
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
    /// Starts the server child and waits for its `listening on` line. With a
    /// `database_url` the child is a cluster node on that PostgreSQL database,
    /// else a single server on SQLite.
    pub async fn start(
        secret_hex: &str,
        max_connections: usize,
        database_url: Option<&str>,
    ) -> Result<Self, String> {
        let mut command = own_command(secret_hex)?;
        command
            .arg("--serve-on-stdout")
            .arg("--max-connections")
            .arg(max_connections.to_string());
        if let Some(url) = database_url {
            command.env(DATABASE_URL_ENV, url);
        }
        let mut child = command
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
        stop_child(&mut self.child, self.stdin.take(), "the server").await
    }
}

/// This executable again as a hidden child (a server or a socket holder): the
/// signing secret in [`SECRET_ENV`], never on the command line; no database URL
/// unless the caller adds one; stdin and stdout piped (its end and its lines),
/// stderr shared; killed if its handle is dropped.
pub fn own_command(secret_hex: &str) -> Result<Command, String> {
    let exe = std::env::current_exe().map_err(|e| format!("own executable: {e}"))?;
    let mut command = Command::new(exe);
    command
        .env(SECRET_ENV, secret_hex)
        .env_remove(DATABASE_URL_ENV)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    Ok(command)
}

/// Closes a child's stdin (its signal to end) and waits for it; kills it if it
/// does not exit within 20 s. Whether it exited cleanly.
pub async fn stop_child(child: &mut Child, stdin: Option<ChildStdin>, what: &str) -> bool {
    drop(stdin);
    match tokio::time::timeout(STOP_TIMEOUT, child.wait()).await {
        Ok(Ok(status)) => status.success(),
        Ok(Err(_)) => false,
        Err(_) => {
            eprintln!("nps-loadtest: {what} did not stop within 20 s; killing it");
            let _ = child.kill().await;
            false
        }
    }
}

/// The node, of `nodes`, holding user `index`'s socket: round robin.
pub fn socket_node(index: usize, nodes: usize) -> usize {
    index % nodes.max(1)
}

/// The node, of `nodes`, user `index`'s readings are posted to: the next one
/// after its socket's, so that every reading crosses nodes (on a single server,
/// that server).
pub fn post_node(index: usize, nodes: usize) -> usize {
    (socket_node(index, nodes) + 1) % nodes.max(1)
}

/// The servers of a run: one, or the nodes of a cluster (node `i` is
/// `nodes()[i]`); see [`socket_node`] and [`post_node`] for who goes where.
#[derive(Debug)]
pub struct Nodes(Vec<ServerProcess>);

impl Nodes {
    /// Starts `count` server children one after another (the first migrates a
    /// fresh database; the others find it done), each with the same secret.
    pub async fn start(
        count: usize,
        secret_hex: &str,
        max_connections: usize,
        database_url: Option<&str>,
    ) -> Result<Self, String> {
        let mut nodes = Vec::with_capacity(count);
        for index in 0..count {
            let node = ServerProcess::start(secret_hex, max_connections, database_url)
                .await
                .map_err(|e| format!("node {index}: {e}"))?;
            nodes.push(node);
        }
        Ok(Self(nodes))
    }

    pub fn nodes(&self) -> &[ServerProcess] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn pids(&self) -> Vec<u32> {
        self.0.iter().map(ServerProcess::pid).collect()
    }

    /// Stops every node (see [`ServerProcess::stop`]); whether each exited cleanly.
    pub async fn stop(self) -> Vec<bool> {
        let mut stopped = Vec::with_capacity(self.0.len());
        for node in self.0 {
            stopped.push(node.stop().await);
        }
        stopped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_go_round_robin_and_read_through_the_next_node() {
        let placed: Vec<(usize, usize)> = (0..5)
            .map(|u| (socket_node(u, 2), post_node(u, 2)))
            .collect();
        assert_eq!(placed, [(0, 1), (1, 0), (0, 1), (1, 0), (0, 1)]);
        let three: Vec<(usize, usize)> = (0..4)
            .map(|u| (socket_node(u, 3), post_node(u, 3)))
            .collect();
        assert_eq!(three, [(0, 1), (1, 2), (2, 0), (0, 1)]);
        assert_eq!((socket_node(7, 1), post_node(7, 1)), (0, 0));
    }
}
