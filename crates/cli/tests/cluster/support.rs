//! The cluster harness: a real PostgreSQL from `scripts/postgres.sh` (one per test
//! process, a fresh database per test; or `NPS_TEST_DATABASE_URL`, as the store's
//! suite), real `nps serve` nodes on random loopback ports sharing it (stopped by
//! SIGKILL on drop), a minimal blocking HTTP client and tokio-tungstenite sockets.
//! If PostgreSQL cannot be started the tests fail: they are never skipped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use nps_protocol::{Envelope, Event, Welcome};
use serde_json::Value;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// The signing secret every node shares (`NPS_JWT_SECRET`): a token from one node
/// is good on the other.
pub const SECRET: &str = "cluster-test-signing-secret-0123456789abcdef";
/// Upper bound of any single wait (a reading on a busy machine included).
pub const WAIT: Duration = Duration::from_secs(20);
/// How long a socket is watched for an event that must *not* come.
pub const QUIET: Duration = Duration::from_millis(1500);

pub type Ws = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

/// `scripts/postgres.sh`, a private throwaway server and the server this process
/// shares (`NPS_TEST_DATABASE_URL` or a throwaway one), shared with the store's suite.
#[path = "../../../store/tests/store/support/script.rs"]
mod script;

pub use script::Cluster as Postgres;
use script::{replace_dbname, shared_server};

/// `psql` of the newest installed server (scripts/postgres.sh installs it), else
/// the one on PATH.
fn psql() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin/psql"))
        .filter(|p| p.is_file())
        .collect();
    found.sort_by_key(|p| {
        let version = p
            .iter()
            .rev()
            .nth(2)
            .and_then(|v| v.to_str()?.parse::<u32>().ok());
        version.unwrap_or(0)
    });
    found.pop().unwrap_or_else(|| PathBuf::from("psql"))
}

/// Runs one SQL command on `url` with psql; its output, unaligned.
pub fn sql(url: &str, command: &str) -> String {
    let out = Command::new(psql())
        .args([
            "-X",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            url,
            "-c",
            command,
        ])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "psql {command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Two nodes on a fresh database of the shared server: this test's cluster (its own
/// events, notification channel and daily claims).
pub fn two_nodes() -> (Node, Node) {
    let url = database();
    (Node::start(&url), Node::start(&url))
}

/// A fresh database on the shared server.
fn database() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "nps_cluster_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    sql(shared_server(), &format!("CREATE DATABASE {name}"));
    replace_dbname(shared_server(), &name)
}

/// One `nps serve` node of a cluster, killed (SIGKILL) on drop.
pub struct Node {
    child: Child,
    pub addr: String,
    dir: tempfile::TempDir,
}

impl Node {
    /// `nps serve` on a random loopback port with `--database-url url`, the shared
    /// secret, and rate limits out of the way; returns once it listens.
    pub fn start(url: &str) -> Node {
        let dir = tempfile::tempdir().expect("a data directory");
        let log = std::fs::File::create(dir.path().join("serve.log")).expect("a log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_nps"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path())
            .args(["--database-url", url, "--readings-per-minute", "100000"])
            .env("NPS_JWT_SECRET", SECRET)
            .env_remove("NPS_LOCALE")
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("nps serve starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the ready line");
        let Some(addr) = line.trim().strip_prefix("listening on http://") else {
            let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap_or_default();
            panic!("nps serve did not start: {line:?}\n{log}");
        };
        Node {
            addr: addr.to_owned(),
            child,
            dir,
        }
    }

    /// What the node logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.log")).unwrap_or_default()
    }

    /// SIGKILL, no goodbye.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// `/ws/oracle` of this node for `user`, resuming after `(epoch, last_seq)`.
    pub fn ws_url(&self, user: &str, resume: Option<(u64, u64)>) -> String {
        let mut url = format!("ws://{}/ws/oracle?token={}", self.addr, token(user));
        if let Some((epoch, last_seq)) = resume {
            url.push_str(&format!("&last_seq={last_seq}&epoch={epoch}"));
        }
        url
    }

    /// A socket of `user` and its welcome.
    pub async fn connect(&self, user: &str, resume: Option<(u64, u64)>) -> (Ws, Welcome) {
        let (mut ws, _) = timeout(
            WAIT,
            tokio_tungstenite::connect_async(self.ws_url(user, resume)),
        )
        .await
        .expect("connected in time")
        .expect("the socket opens");
        match next_event(&mut ws).await.event {
            Event::Welcome(w) => (ws, w),
            other => panic!("expected welcome first, got {other:?}"),
        }
    }

    /// One HTTP request as `user` (role `user`, or `admin` for `/api/admin/…`).
    pub fn call(&self, method: &str, path: &str, user: &str, body: Option<&Value>) -> (u16, Value) {
        let role = if path.starts_with("/api/admin/") {
            "admin"
        } else {
            "user"
        };
        http(&self.addr, method, path, &token_as(user, role), body)
    }

    /// POSTs a time reading for `user` with this `request_id`.
    pub fn read(&self, user: &str, request_id: &str) -> (u16, Value) {
        let body =
            serde_json::json!({"datetime": "2026-02-09T10:00:00Z", "request_id": request_id});
        self.call("POST", "/api/oracle/reading", user, Some(&body))
    }

    /// The request ids of `user`'s stored readings (at most 200).
    pub fn history(&self, user: &str) -> Vec<i64> {
        let (status, page) = self.call("GET", "/api/oracle/readings?limit=200", user, None);
        assert_eq!(status, 200, "{page}");
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|r| r["reading_id"].as_i64().expect("id"))
            .collect()
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn token(user: &str) -> String {
    token_as(user, "user")
}

pub fn token_as(user: &str, role: &str) -> String {
    nps_server::mint_token(
        SECRET.as_bytes(),
        user,
        user,
        role,
        Duration::from_secs(3600),
    )
    .expect("a token")
}

/// One HTTP/1.1 request (`Connection: close`); the status and the JSON body (null
/// when empty). A refused connection is status 0.
pub fn http(
    addr: &str,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return (0, Value::Null);
    };
    let _ = stream.set_read_timeout(Some(WAIT));
    let body = body.map(Value::to_string).unwrap_or_default();
    let sent = write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut reply = String::new();
    if sent.is_err() || stream.read_to_string(&mut reply).is_err() {
        return (0, Value::Null);
    }
    let status = reply
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let json = reply
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

/// The next event (a `ping` on the way is answered); panics on a close or after
/// [`WAIT`].
pub async fn next_event(ws: &mut Ws) -> Envelope {
    loop {
        let frame = timeout(WAIT, ws.next()).await.expect("an event in time");
        match frame {
            Some(Ok(Message::Text(t))) if t.as_str() == "ping" => {
                ws.send(Message::text("pong")).await.expect("pong sent");
            }
            Some(Ok(Message::Text(t))) => {
                return Envelope::from_json(t.as_str()).expect("a valid envelope");
            }
            Some(Ok(Message::Close(f))) => panic!("closed: {f:?}"),
            Some(Ok(_)) => {}
            other => panic!("the socket ended: {other:?}"),
        }
    }
}

/// The next event within `limit`, or `None` when none comes.
pub async fn event_within(ws: &mut Ws, limit: Duration) -> Option<Envelope> {
    timeout(limit, next_event(ws)).await.ok()
}

/// Events until one satisfies `last` (included), skipping nothing.
pub async fn events_until(ws: &mut Ws, last: impl Fn(&Event) -> bool) -> Vec<Envelope> {
    let mut seen = Vec::new();
    loop {
        let e = next_event(ws).await;
        let done = last(&e.event);
        seen.push(e);
        if done {
            return seen;
        }
    }
}

/// The `reading_complete` of `request_id` among `events`, as (reading id, seq).
pub fn completed(events: &[Envelope], request_id: &str) -> Option<(i64, u64)> {
    events.iter().find_map(|e| match &e.event {
        Event::ReadingComplete(c) if c.request_id == request_id => Some((c.reading_id, e.seq)),
        _ => None,
    })
}
