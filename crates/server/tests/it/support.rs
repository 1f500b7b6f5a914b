//! The one harness of the integration tests: a real server (`serve` on
//! 127.0.0.1:0, in process, with a temporary data directory), tokens, a minimal
//! HTTP/1.1 client, real tokio-tungstenite WebSocket clients and bounded waits.
//! Every test's logs are captured (see [`captured_logs`]).

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use nps_protocol::{Claims, Envelope, Event, Welcome};
use nps_server::{AppState, Config, Hub};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::{Instant, timeout};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::handshake::client::{Request, Response};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const SECRET: &[u8] = b"integration-test-secret-0123456789abcdef";
/// Upper bound for any single wait in these tests (a reading on a busy machine
/// included); nothing sleeps longer than needed.
pub const WAIT: Duration = Duration::from_secs(20);

/// The password of every account [`Server::with_users`] makes.
pub const PASSWORD: &str = "open sesame";

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The tests' base config: loopback, one allowed extra origin, a short close
/// timeout, no scheduled daily insight (a test running over midnight must not get
/// one), no per-address share below the total. The heartbeat is long here so that clients that are not reading for a
/// moment (on a busy machine) are not closed; the heartbeat tests shorten it.
pub fn config() -> Config {
    captured_logs();
    let mut c = Config::new(SECRET.to_vec());
    c.allowed_origins = vec!["tauri://localhost".into()];
    c.close_timeout = Duration::from_secs(1);
    c.heartbeat_interval = Duration::from_secs(30);
    c.daily_locales = Vec::new();
    // Every client of these tests is 127.0.0.1: the per-address share is the total
    // here; the tests of the share (edge.rs) set it.
    c.max_connections_per_ip = c.max_connections;
    c
}

/// Everything every test logs, at TRACE level. A process-wide subscriber
/// installed before any server starts (every server gets its config from
/// [`config`]): a thread-local one would race with other tests over tracing's
/// per-callsite interest cache.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(PoisonError::into_inner)).into_owned()
    }
}

pub fn captured_logs() -> &'static Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
        captured
    })
}

/// A running server and its data directory.
pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<io::Result<()>>,
    dir: tempfile::TempDir,
}

impl Server {
    pub async fn start() -> Self {
        Self::with(|_| {}).await
    }

    /// A server with [`config`] changed by `adjust`.
    pub async fn with(adjust: impl FnOnce(&mut Config)) -> Self {
        Self::in_dir_with(tempfile::tempdir().expect("temp dir"), adjust).await
    }

    /// A server whose data directory already holds the accounts `users` (role
    /// `user`, password [`PASSWORD`]), with [`config`] changed by `adjust`.
    pub async fn with_users(users: &[&str], adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let store = nps_store::SqliteStore::open_in_dir(dir.path()).expect("open store");
            let hash = nps_server::accounts::hash_password(PASSWORD).expect("hash");
            for user in users {
                nps_store::Store::create_user(&store, user, &hash, "user")
                    .await
                    .expect("create user");
            }
        }
        Self::in_dir_with(dir, adjust).await
    }

    pub async fn in_dir_with(dir: tempfile::TempDir, adjust: impl FnOnce(&mut Config)) -> Self {
        let mut c = config();
        c.data_dir = Some(dir.path().to_path_buf());
        adjust(&mut c);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let state = AppState::new(c).expect("valid config");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(nps_server::serve(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        Self {
            addr,
            state,
            stop: Some(stop),
            task,
            dir,
        }
    }

    pub fn hub(&self) -> &Hub {
        self.state.hub()
    }

    /// Stops the server and waits for it (bounded); its result.
    pub async fn shutdown(mut self) -> io::Result<()> {
        self.halt().await
    }

    /// Stops the server cleanly and asserts that it took less than `limit` (a
    /// shutdown deadline under test, not a speed goal).
    pub async fn shutdown_within(self, limit: Duration) {
        let asked = Instant::now();
        self.shutdown().await.expect("clean shutdown");
        assert!(
            asked.elapsed() < limit,
            "shutdown took {:?}",
            asked.elapsed()
        );
    }

    async fn halt(&mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        timeout(WAIT, &mut self.task)
            .await
            .expect("server stops in time")
            .expect("server task did not panic")
    }

    /// Stops the server cleanly and hands back its data directory, the database
    /// closed.
    pub async fn stop(mut self) -> tempfile::TempDir {
        self.halt().await.expect("clean shutdown");
        drop(self.state);
        self.dir
    }

    /// Waits (bounded) until the hub holds no connection.
    pub async fn all_disconnected(&self) {
        eventually("connections removed", || self.hub().connection_count() == 0).await;
    }

    pub fn url(&self, query: &str) -> String {
        format!("ws://{}/ws/oracle?{query}", self.addr)
    }

    pub fn url_for(&self, user: &str) -> String {
        self.url(&format!("token={}", token(user)))
    }

    /// Connects `user` and returns the socket and its welcome.
    pub async fn connect_user(&self, user: &str) -> (Ws, Welcome) {
        let mut ws = connect(&self.url_for(user)).await;
        let welcome = expect_welcome(&mut ws).await;
        (ws, welcome)
    }

    /// A socket of `user`, past its welcome.
    pub async fn socket(&self, user: &str) -> Ws {
        self.connect_user(user).await.0
    }

    /// One HTTP request as `user` (a token of role `user`), JSON in and out.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        user: Option<&str>,
        body: Option<&str>,
    ) -> (u16, Value) {
        let token = user.map(token);
        self.call_with(method, path, token.as_deref(), &[], body)
            .await
    }

    /// One HTTP request with this bearer token and these extra headers.
    pub async fn call_with(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        extra: &[(&str, &str)],
        body: Option<&str>,
    ) -> (u16, Value) {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(a) = &auth {
            headers.push(("Authorization", a.as_str()));
        }
        headers.extend_from_slice(extra);
        http(self.addr, method, path, &headers, body).await.json()
    }

    /// `POST` with a token whose role is `admin`.
    pub async fn admin_post(&self, path: &str, body: Value) -> (u16, Value) {
        let admin = token_as("admin", "admin");
        self.call_with("POST", path, Some(&admin), &[], Some(&body.to_string()))
            .await
    }

    pub async fn post(&self, path: &str, user: &str, body: Value) -> (u16, Value) {
        self.call("POST", path, Some(user), Some(&body.to_string()))
            .await
    }

    /// `POST /api/auth/login` with `user` and `password`.
    pub async fn login(&self, user: &str, password: &str) -> (u16, Value) {
        let body = serde_json::json!({"username": user, "password": password}).to_string();
        self.call("POST", "/api/auth/login", None, Some(&body))
            .await
    }

    pub async fn get(&self, path: &str, user: &str) -> (u16, Value) {
        self.call("GET", path, Some(user), None).await
    }

    pub async fn patch(&self, path: &str, user: &str, body: Value) -> (u16, Value) {
        self.call("PATCH", path, Some(user), Some(&body.to_string()))
            .await
    }
}

/// An access token of role `user` for `user`, valid an hour.
pub fn token(user: &str) -> String {
    token_as(user, "user")
}

pub fn token_as(user: &str, role: &str) -> String {
    nps_server::mint_token(SECRET, user, user, role, Duration::from_secs(3600)).expect("mint")
}

pub fn token_with_exp(user: &str, exp: u64) -> String {
    let claims = Claims {
        sub: user.into(),
        username: user.into(),
        role: "user".into(),
        scopes: vec![],
        iat: nps_server::auth::unix_now_secs(),
        exp,
    };
    nps_server::auth::encode_token(SECRET, &claims).expect("mint")
}

/// The answer to one HTTP request.
pub struct Reply {
    pub status: u16,
    /// The status line and headers, lower case.
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    /// The value of header `name` (lower case), if the response has it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key == name).then(|| value.trim())
        })
    }

    /// The status and the body as JSON (`Null` if it is not JSON).
    pub fn json(self) -> (u16, Value) {
        (
            self.status,
            serde_json::from_slice(&self.body).unwrap_or(Value::Null),
        )
    }
}

/// A minimal HTTP/1.1 client: one request per connection, `Host` set to `addr`
/// unless `headers` names one.
pub async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Reply {
    let s = TcpStream::connect(addr).await.expect("connect");
    exchange(s, addr, method, path, headers, body).await
}

/// [`http`] from the local address `source` (e.g. `127.0.0.2`, another client).
pub async fn http_from(
    source: std::net::IpAddr,
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Reply {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind(SocketAddr::new(source, 0))
        .expect("bind source");
    let s = socket.connect(addr).await.expect("connect");
    exchange(s, addr, method, path, headers, body).await
}

async fn exchange(
    mut s: TcpStream,
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Reply {
    let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(body) = body {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body.unwrap_or_default());
    s.write_all(req.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    timeout(WAIT, s.read_to_end(&mut raw))
        .await
        .expect("response in time")
        .expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status line");
    Reply {
        status,
        head,
        body: raw[split + 4..].to_vec(),
    }
}

/// `GET /api/health` (the cheapest request there is) with these headers.
pub async fn get_health(addr: SocketAddr, headers: &[(&str, &str)]) -> Reply {
    http(addr, "GET", "/api/health", headers, None).await
}

/// A `GET` with this `Host` header: status and JSON body.
pub async fn http_get(addr: SocketAddr, path: &str, host: &str) -> (u16, Value) {
    http(addr, "GET", path, &[("Host", host)], None)
        .await
        .json()
}

pub async fn connect(url: &str) -> Ws {
    connect_req(url.into_client_request().expect("request"))
        .await
        .0
}

pub async fn connect_req(req: Request) -> (Ws, Response) {
    timeout(WAIT, tokio_tungstenite::connect_async(req))
        .await
        .expect("handshake in time")
        .expect("handshake accepted")
}

pub fn with_header(url: &str, name: &'static str, value: &str) -> Request {
    let mut req = url.into_client_request().expect("request");
    req.headers_mut()
        .insert(name, value.parse().expect("header value"));
    req
}

/// The first frame the server sends on a socket opened with this extra header (the
/// connection is then finished).
pub async fn first_frame_with(url: String, name: &'static str, value: &str) -> Frame {
    let (mut ws, _) = connect_req(with_header(&url, name, value)).await;
    let frame = next_frame(&mut ws).await;
    finish(&mut ws).await;
    frame
}

#[derive(Debug, PartialEq)]
pub enum Frame {
    Text(String),
    Close(u16, String),
    /// The connection ended without a close frame.
    Ended,
}

pub async fn next_frame(ws: &mut Ws) -> Frame {
    loop {
        let item = timeout(WAIT, ws.next()).await.expect("a frame in time");
        return match item {
            None | Some(Err(_)) => Frame::Ended,
            Some(Ok(Message::Text(t))) => Frame::Text(t.as_str().to_owned()),
            Some(Ok(Message::Close(f))) => match f {
                Some(f) => Frame::Close(u16::from(f.code), f.reason.as_str().to_owned()),
                None => Frame::Close(1005, String::new()),
            },
            Some(Ok(_)) => continue,
        };
    }
}

/// The next JSON event; a `ping` on the way is answered with `pong`. Panics on
/// anything else.
pub async fn next_event(ws: &mut Ws) -> Envelope {
    loop {
        match next_frame(ws).await {
            Frame::Text(t) if t == "ping" => {
                ws.send(Message::text("pong")).await.expect("pong sent");
            }
            Frame::Text(t) => return Envelope::from_json(&t).expect("a valid envelope"),
            other => panic!("expected an event, got {other:?}"),
        }
    }
}

pub async fn expect_welcome(ws: &mut Ws) -> Welcome {
    match next_frame(ws).await {
        Frame::Text(t) => match Envelope::from_json(&t).map(|e| e.event) {
            Ok(Event::Welcome(w)) => w,
            other => panic!("expected welcome first, got {other:?}"),
        },
        other => panic!("expected welcome first, got {other:?}"),
    }
}

/// Reads until the close frame (skipping text), lets the client answer it, and
/// returns its code and reason.
pub async fn expect_close(ws: &mut Ws) -> (u16, String) {
    loop {
        match next_frame(ws).await {
            Frame::Text(_) => continue,
            Frame::Close(code, reason) => {
                finish(ws).await;
                return (code, reason);
            }
            Frame::Ended => panic!("connection ended without a close frame"),
        }
    }
}

/// Polls until the connection ends (flushes the client's close reply).
pub async fn finish(ws: &mut Ws) {
    let _ = timeout(WAIT, async { while ws.next().await.is_some() {} }).await;
}

/// Waits until `cond` holds, polling every 10 ms, at most [`WAIT`].
pub async fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
