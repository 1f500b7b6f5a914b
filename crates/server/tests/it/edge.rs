//! The server at the edge of the network (issue 10 item 3, and item 2's proxies): a
//! flood of half-open connections from one address, the per-address share, the
//! timeouts, the shutdown deadline with stuck clients, `X-Forwarded-For` from trusted
//! proxies only. HTTPS/WSS: `tls.rs`.

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio::time::{Instant, sleep, timeout, timeout_at};

use crate::support::*;

/// Without RLIMIT_NOFILE there is nothing to raise (the test that needs it is
/// Unix-only).
#[cfg(not(unix))]
fn raise_open_files() {}

/// Lets this process open the flood's sockets (soft `RLIMIT_NOFILE` up to the hard).
#[cfg(unix)]
fn raise_open_files() {
    let (_, hard) = rlimit::Resource::NOFILE.get().expect("getrlimit");
    rlimit::Resource::NOFILE
        .set(hard, hard)
        .expect("raise the soft limit");
    let (soft, _) = rlimit::Resource::NOFILE.get().expect("getrlimit");
    assert!(
        soft >= 1300,
        "the test needs 1,300 open files; the hard limit is {hard}"
    );
}

/// A TCP connection to `addr` from the source address `from`.
async fn connect_from(from: &str, addr: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(from.parse().expect("ip"), 0))?;
    socket.connect(addr).await
}

/// Waits (until `deadline`) for the server to close `s`: end of stream or a reset.
/// Whether it did.
async fn closed_by(s: &mut TcpStream, deadline: Instant) -> bool {
    let mut buf = [0u8; 512];
    loop {
        match timeout_at(deadline, s.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            // A response (e.g. 408): keep reading until the close.
            Ok(Ok(_)) => {}
        }
    }
}

/// Writes `request` on `s` and reads until the peer closes (bounded); what arrived.
pub(crate) async fn send_and_read_to_end<S: AsyncRead + AsyncWrite + Unpin>(
    s: &mut S,
    request: &str,
) -> String {
    s.write_all(request.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    // A TLS peer may end without close_notify; what arrived counts.
    let _ = timeout(WAIT, s.read_to_end(&mut raw))
        .await
        .expect("closed in time");
    String::from_utf8_lossy(&raw).into_owned()
}

/// One request on `s`, `Connection: close`; status, lower-case head and body.
pub(crate) async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    s: &mut S,
    request_head: &str,
) -> (u16, String, String) {
    let text = send_and_read_to_end(s, &format!("{request_head}Connection: close\r\n\r\n")).await;
    let (head, body) = text.split_once("\r\n\r\n").expect("a response head");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    (status, head.to_ascii_lowercase(), body.to_owned())
}

/// Acceptance (issue 10 item 3): while 1,100 half-open connections come from
/// 127.0.0.2, `/api/health` from 127.0.0.1 answers in under 2 s, and the server
/// closes all of them within 20 s. The server's default limits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(unix),
    ignore = "holds 1,100 sockets open at once, which needs the Unix RLIMIT_NOFILE raise; not run under Wine"
)]
async fn a_half_open_flood_from_one_address_neither_blocks_others_nor_lingers() {
    raise_open_files();
    let server = Server::with(|c| {
        c.max_connections_per_ip = nps_server::config::DEFAULT_MAX_CONNECTIONS_PER_IP;
    })
    .await;
    let started = Instant::now();
    let mut flood = Vec::with_capacity(1100);
    for _ in 0..1100 {
        let mut s = connect_from("127.0.0.2", server.addr)
            .await
            .expect("the kernel completes every handshake");
        // Half a request line, never finished. A write to a connection the server
        // already closed may fail: that one is closed too.
        let _ = s.write_all(b"GET /api/hea").await;
        flood.push(s);
    }
    let asked = Instant::now();
    let (status, body) = timeout(
        Duration::from_secs(2),
        http_get(server.addr, "/api/health", &server.addr.to_string()),
    )
    .await
    .expect("/api/health answers within 2 s during the flood");
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
    assert!(asked.elapsed() < Duration::from_secs(2));

    let deadline = started + Duration::from_secs(20);
    let mut open = 0;
    for s in &mut flood {
        if !closed_by(s, deadline).await {
            open += 1;
        }
    }
    assert_eq!(open, 0, "connections still open 20 s after the flood began");
    // And the server is fine afterwards.
    assert_eq!(
        http_get(server.addr, "/api/health", &server.addr.to_string())
            .await
            .0,
        200
    );
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn one_address_gets_its_share_and_the_next_connection_is_closed_at_once() {
    let server = Server::with(|c| c.max_connections_per_ip = 3).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(
            connect_from("127.0.0.3", server.addr)
                .await
                .expect("connect"),
        );
    }
    // Let the server accept the three before the fourth arrives.
    sleep(Duration::from_millis(200)).await;
    let mut fourth = connect_from("127.0.0.3", server.addr)
        .await
        .expect("connect");
    assert!(
        closed_by(&mut fourth, Instant::now() + Duration::from_secs(2)).await,
        "the fourth connection of one address is closed"
    );
    // The three held ones are still open (nothing sent yet, keep-alive 10 s), and
    // another address is served.
    let mut first = held.remove(0);
    let (status, _, _) = exchange(
        &mut first,
        &format!("GET /api/health HTTP/1.1\r\nHost: {}\r\n", server.addr),
    )
    .await;
    assert_eq!(status, 200);
    let mut other = connect_from("127.0.0.4", server.addr)
        .await
        .expect("connect");
    let (status, _, _) = exchange(
        &mut other,
        &format!("GET /api/health HTTP/1.1\r\nHost: {}\r\n", server.addr),
    )
    .await;
    assert_eq!(status, 200);
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn idle_keep_alive_and_slow_headers_are_closed() {
    let server = Server::with(|c| {
        c.keep_alive_timeout = Duration::from_secs(1);
        c.header_read_timeout = Duration::from_secs(2);
    })
    .await;
    // Idle after one answered request on a keep-alive connection.
    let mut s = TcpStream::connect(server.addr).await.expect("connect");
    s.write_all(format!("GET /api/health HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).as_bytes())
        .await
        .expect("write");
    let mut buf = [0u8; 1024];
    let n = timeout(WAIT, s.read(&mut buf))
        .await
        .expect("answer")
        .expect("read");
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    let idle_since = Instant::now();
    assert!(closed_by(&mut s, idle_since + Duration::from_secs(5)).await);
    assert!(
        idle_since.elapsed() >= Duration::from_millis(900),
        "closed before the keep-alive timeout"
    );

    // A head trickled one byte every 300 ms (each byte resets the keep-alive clock):
    // hyper's header-read timeout closes it.
    let mut s = TcpStream::connect(server.addr).await.expect("connect");
    let trickle_started = Instant::now();
    let head = format!(
        "GET /api/health HTTP/1.1\r\nHost: {}\r\nX-Slow: {}",
        server.addr,
        "a".repeat(100)
    );
    let mut closed = false;
    for byte in head.as_bytes() {
        if s.write_all(&[*byte]).await.is_err() {
            closed = true;
            break;
        }
        let mut probe = [0u8; 256];
        match timeout(Duration::from_millis(300), s.read(&mut probe)).await {
            Err(_) => {}
            Ok(_) => {
                closed = true;
                break;
            }
        }
    }
    assert!(closed, "a trickled head was never cut off");
    assert!(trickle_started.elapsed() < Duration::from_secs(10));
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn a_body_that_stops_arriving_fails_with_400() {
    let server = Server::with(|c| c.request_body_timeout = Duration::from_secs(1)).await;
    let mut s = TcpStream::connect(server.addr).await.expect("connect");
    let head = format!(
        "POST /api/auth/login HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"username\":",
        server.addr
    );
    s.write_all(head.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    let mut buf = [0u8; 1024];
    let until = Instant::now() + WAIT;
    while !String::from_utf8_lossy(&raw).contains("}}") {
        let n = timeout_at(until, s.read(&mut buf))
            .await
            .expect("an answer")
            .expect("read");
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
    assert!(text.contains(r#""code":"bad_request""#), "{text}");
    server.shutdown().await.expect("clean shutdown");
}

/// A client stuck in the middle of a request body, and a WebSocket whose client never
/// answers the close: shutdown still ends at its deadline and drops both.
#[tokio::test]
async fn shutdown_has_a_deadline_even_with_stuck_clients() {
    let server = Server::with(|c| {
        c.shutdown_timeout = Duration::from_secs(1);
        c.request_body_timeout = Duration::from_secs(600);
        c.keep_alive_timeout = Duration::from_secs(600);
        c.close_timeout = Duration::from_secs(600);
    })
    .await;
    let mut stuck = TcpStream::connect(server.addr).await.expect("connect");
    stuck
        .write_all(
            format!(
                "POST /api/auth/login HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{",
                server.addr
            )
            .as_bytes(),
        )
        .await
        .expect("write");
    // A socket that will never read again.
    let _ws = server.socket("stuck").await;
    sleep(Duration::from_millis(200)).await;
    server.shutdown_within(Duration::from_secs(4)).await;
    assert!(closed_by(&mut stuck, Instant::now() + Duration::from_secs(2)).await);
}

/// Through a trusted proxy the client is the rightmost untrusted `X-Forwarded-For`
/// entry, and it gets its own share (429 beyond); a peer that is not trusted is the
/// client whatever its header says.
#[tokio::test]
async fn forwarded_clients_get_their_own_share_only_through_a_trusted_proxy() {
    let server = Server::with(|c| {
        c.trusted_proxies = vec!["127.0.0.1/32".parse().expect("net")];
        c.max_connections_per_ip = 2;
    })
    .await;
    // Two WebSockets of one client through the proxy hold its share.
    let url = server.url_for("alice");
    let mut sockets = Vec::new();
    for _ in 0..2 {
        let req = with_header(&url, "x-forwarded-for", "6.6.6.6, 198.51.100.7");
        let (mut ws, _) = connect_req(req).await;
        expect_welcome(&mut ws).await;
        sockets.push(ws);
    }
    let health = |xff: &'static str, lang: &'static str| {
        let addr = server.addr;
        async move { get_health(addr, &[("X-Forwarded-For", xff), ("Accept-Language", lang)]).await }
    };
    let over = health("198.51.100.7", "fa").await;
    assert_eq!(over.status, 429);
    assert!(over.head.contains("\r\nretry-after: 5"), "{}", over.head);
    let (_, body) = over.json();
    assert_eq!(body["error"]["code"], "too_many_connections");
    assert_eq!(
        body["error"]["message"],
        "اتصال‌های نشانی شما بیش از اندازه است؛ چند ثانیهٔ دیگر دوباره امتحان کنید"
    );
    // The forged left entry is not the client: another forged value changes nothing.
    assert_eq!(health("1.1.1.1, 198.51.100.7", "en").await.status, 429);
    // Another client through the same proxy is served.
    assert_eq!(health("198.51.100.8", "en").await.status, 200);
    // A peer that is not a trusted proxy: its header is ignored.
    let mut direct = connect_from("127.0.0.5", server.addr)
        .await
        .expect("connect");
    let (status, _, _) = exchange(
        &mut direct,
        &format!(
            "GET /api/health HTTP/1.1\r\nHost: {}\r\nX-Forwarded-For: 198.51.100.7\r\n",
            server.addr
        ),
    )
    .await;
    assert_eq!(status, 200);
    // Closing one socket frees its slot.
    let mut ws = sockets.pop().expect("a socket");
    ws.close(None).await.expect("close");
    while ws.next().await.is_some() {}
    let freed = Instant::now() + WAIT;
    loop {
        if health("198.51.100.7", "en").await.status == 200 {
            break;
        }
        assert!(Instant::now() < freed, "the slot was never freed");
        sleep(Duration::from_millis(50)).await;
    }
    server.shutdown().await.expect("clean shutdown");
}
