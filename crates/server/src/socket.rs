//! `GET /ws/oracle`: admission, then one connection's life (DESIGN §3).
//!
//! The upgrade is *always* accepted; refusals are close frames (4001, 4003,
//! 1013) so a browser can read the code. An admitted connection is registered
//! in the [`Hub`](crate::Hub) and driven by [`drive`]:
//!
//! - a **send task** writes the preamble (`welcome`, then replay or
//!   `resync_required`), then queued frames and the text `ping` every
//!   `heartbeat_interval`;
//! - a **receive task** treats any inbound frame as liveness (`pong` expected,
//!   other text ignored) and ends after `heartbeat_interval + pong_timeout` of
//!   silence, on an oversized message, or when the peer closes;
//! - the supervisor `select!`s on both tasks and on shutdown (1001), a hub
//!   kick (4008) and the token's `exp` (4002). Whatever ends first stops the
//!   other task (a cancellation token; each task hands its half of the socket
//!   back), then the supervisor performs the closing handshake, bounded by
//!   `close_timeout`.
//!
//! [`drive`] is generic over `Sink`/`Stream`, so unit tests run it on channels.

use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::header::SEC_WEBSOCKET_PROTOCOL;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use nps_protocol::close::{self, Close};
use nps_protocol::{Claims, PING, PONG, QUERY_EPOCH, QUERY_LAST_SEQ, QUERY_TOKEN, SUBPROTOCOL};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio::time::{Instant, MissedTickBehavior, sleep_until, timeout};
use tokio_util::sync::CancellationToken;

use crate::access;
use crate::app::AppState;
use crate::auth::{self, TokenError};
use crate::hub::{ConnectError, Registration, Resume};
use crate::listener::ConnInfo;

/// The connection's addresses, if it was served by [`crate::serve`].
pub(crate) struct Peer(pub Option<ConnInfo>);

impl<S: Send + Sync> FromRequestParts<S> for Peer {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts.extensions.get::<ConnectInfo<ConnInfo>>().map(|c| c.0),
        ))
    }
}

/// Why a connection was refused, for the close frame and the log.
#[derive(Debug, Clone, Copy)]
struct Refusal {
    close: Close,
    why: &'static str,
}

#[derive(Debug)]
struct Admitted {
    claims: Claims,
    resume: Resume,
}

/// Bytes reserved per socket for reading frames (grows for a larger frame, up to the
/// inbound limit).
const READ_BUFFER: usize = 4 * 1024;
/// Frames are written out once this much is buffered, or at the end of a batch
/// ([`send_batch`]); a batch never grows a socket's buffer much past it.
const WRITE_BUFFER: usize = 8 * 1024;
/// Most frames written with one flush: a reading's six events queue up together, and
/// one write for all of them costs one system call instead of six.
const MAX_BATCH: usize = 16;

/// The handler of `GET /ws/oracle`.
pub(crate) async fn ws_handler(
    State(state): State<AppState>,
    Peer(peer): Peer,
    headers: HeaderMap,
    uri: Uri,
    ws: WebSocketUpgrade,
) -> Response {
    let admission = admit(&state, &headers, &uri, peer.as_ref());
    let limit = state.config().max_inbound_frame;
    // Held until the connection task ends, so shutdown waits for it.
    let tracking = state.tracker().token();
    ws.protocols([SUBPROTOCOL])
        .max_message_size(limit)
        .max_frame_size(limit)
        // tungstenite's defaults reserve 128 KiB per socket for reading and buffer
        // 128 KiB for writing: 10,000 idle sockets took 1.4 GB. Frames here are small
        // (events of a few KiB, inbound `pong`), so small buffers cost nothing.
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(WRITE_BUFFER)
        .on_upgrade(move |socket| async move {
            serve_socket(state, socket, admission).await;
            drop(tracking);
        })
}

/// Decides, before any frame is sent, whether the connection may stay.
fn admit(
    state: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
    peer: Option<&ConnInfo>,
) -> Result<Admitted, Refusal> {
    if let Err(why) = access::check(state.config(), headers, peer) {
        tracing::info!(?why, "websocket origin/host refused");
        return Err(Refusal {
            close: close::ORIGIN_FORBIDDEN,
            why: "origin",
        });
    }
    let params: HashMap<String, String> = Query::try_from_uri(uri).map(|q| q.0).unwrap_or_default();
    let token = params
        .get(QUERY_TOKEN)
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            headers
                .get_all(SEC_WEBSOCKET_PROTOCOL)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(nps_protocol::token_from_subprotocols)
        });
    let refuse = |e: TokenError| Refusal {
        close: close::AUTH_REQUIRED,
        why: match e {
            TokenError::Missing => "missing token",
            TokenError::Malformed => "malformed token",
            TokenError::BadSignature => "bad signature",
            TokenError::Expired => "expired token",
        },
    };
    let token = token.ok_or(refuse(TokenError::Missing))?;
    let claims = state.keys().verify(token).map_err(refuse)?;
    Ok(Admitted {
        claims,
        resume: parse_resume(&params),
    })
}

fn parse_resume(params: &HashMap<String, String>) -> Resume {
    let Some(last_seq) = params.get(QUERY_LAST_SEQ) else {
        return Resume::Fresh;
    };
    let epoch = params.get(QUERY_EPOCH).map(|e| e.parse::<u64>());
    match (last_seq.parse::<u64>(), epoch) {
        (Ok(last_seq), None) => Resume::From {
            last_seq,
            epoch: None,
        },
        (Ok(last_seq), Some(Ok(epoch))) => Resume::From {
            last_seq,
            epoch: Some(epoch),
        },
        _ => Resume::Invalid,
    }
}

async fn serve_socket(state: AppState, socket: WebSocket, admission: Result<Admitted, Refusal>) {
    let config = state.config();
    let admitted = match admission {
        Ok(a) => a,
        Err(refusal) => {
            tracing::info!(
                code = refusal.close.code,
                why = refusal.why,
                "websocket refused"
            );
            close_now(socket, refusal.close, config.close_timeout).await;
            return;
        }
    };
    let user_id = admitted.claims.sub.as_str();
    // One server: registered at once; a cluster's connect reads the database.
    let registered = match state.hub().cluster_store() {
        None => state
            .hub()
            .register(user_id, admitted.resume)
            .map_err(ConnectError::from),
        Some(_) => connect_boxed(&state, user_id, admitted.resume).await,
    };
    let Registration {
        guard,
        preamble,
        frames,
        kicked,
        seq,
    } = match registered {
        Ok(r) => r,
        Err(e) => {
            tracing::info!(user_id, error = %e, "websocket refused");
            let code = match e {
                ConnectError::TooMany(_) => close::TOO_MANY_CONNECTIONS,
                ConnectError::Store(_) => close::STORAGE_UNAVAILABLE,
            };
            close_now(socket, code, config.close_timeout).await;
            return;
        }
    };
    let conn = guard.id();
    tracing::info!(user_id, conn, seq, "websocket connected");
    let timing = Timing {
        heartbeat_interval: config.heartbeat_interval,
        liveness: config.heartbeat_interval + config.pong_timeout,
        close_timeout: config.close_timeout,
        expires_at: Instant::now() + auth::until_unix(admitted.claims.exp),
    };
    let (sink, stream) = socket.split();
    let channels = Channels {
        preamble,
        frames,
        kicked,
    };
    let ending = drive(
        sink,
        stream,
        channels,
        timing,
        state.shutdown_token().clone(),
    )
    .await;
    drop(guard);
    tracing::info!(user_id, conn, ?ending, "websocket closed");
}

/// [`crate::Hub::connect`] in a box of its own: the socket task keeps the space of
/// every future it awaits for its whole life, and a cluster's connect (database
/// calls) is large — unboxed it cost every socket 1.2 KiB, on the local bus too.
/// The box lives only while connecting.
fn connect_boxed<'a>(
    state: &'a AppState,
    user_id: &'a str,
    resume: Resume,
) -> std::pin::Pin<Box<dyn Future<Output = Result<Registration, ConnectError>> + Send + 'a>> {
    Box::pin(state.hub().connect(user_id, resume))
}

fn close_message(c: Close) -> Message {
    Message::Close(Some(CloseFrame {
        code: c.code,
        reason: Utf8Bytes::from_static(c.reason),
    }))
}

/// Sends `c` and waits (bounded) for the peer's close, on a socket that was
/// never admitted.
async fn close_now<W, E>(mut socket: W, c: Close, limit: Duration)
where
    W: Sink<Message> + Stream<Item = Result<Message, E>> + Unpin,
{
    let _ = timeout(limit, async {
        if socket.send(close_message(c)).await.is_ok() {
            drain(&mut socket).await;
        }
    })
    .await;
}

/// Reads until the peer's close frame, the end, or an error.
async fn drain<R, E>(stream: &mut R)
where
    R: Stream<Item = Result<Message, E>> + Unpin,
{
    while let Some(Ok(msg)) = stream.next().await {
        if matches!(msg, Message::Close(_)) {
            break;
        }
    }
}

/// Classifies inbound errors: only "message too big" gets its own close code.
pub(crate) trait InboundError: Send + 'static {
    fn is_message_too_big(&self) -> bool;
}

impl InboundError for axum::Error {
    fn is_message_too_big(&self) -> bool {
        std::error::Error::source(self)
            .and_then(|s| s.downcast_ref::<tungstenite::Error>())
            .is_some_and(|e| {
                matches!(
                    e,
                    tungstenite::Error::Capacity(
                        tungstenite::error::CapacityError::MessageTooLong { .. }
                    )
                )
            })
    }
}

/// What the hub gave the connection.
pub(crate) struct Channels {
    pub preamble: Vec<Utf8Bytes>,
    pub frames: mpsc::Receiver<Utf8Bytes>,
    pub kicked: oneshot::Receiver<Close>,
}

/// The connection's clocks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timing {
    pub heartbeat_interval: Duration,
    /// Silence after which the connection is closed (interval + pong timeout).
    pub liveness: Duration,
    pub close_timeout: Duration,
    /// When the token's `exp` passes (4002).
    pub expires_at: Instant,
}

/// How a connection ended (for the log and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// The server sent this close frame.
    ServerClosed(Close),
    /// The client sent a close frame (answered).
    ClientClosed,
    /// The transport failed or ended without a close frame.
    ClientGone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SendEnd {
    Stopped,
    SinkError,
    /// The hub dropped the queue (it kicked this connection).
    QueueClosed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecvEnd {
    Stopped,
    Silent,
    TooBig,
    PeerClosed,
    Gone,
}

async fn send_one<S>(sink: &mut S, msg: Message, stop: &CancellationToken) -> Option<SendEnd>
where
    S: Sink<Message> + Unpin,
{
    tokio::select! {
        biased;
        () = stop.cancelled() => Some(SendEnd::Stopped),
        r = sink.send(msg) => r.err().map(|_| SendEnd::SinkError),
    }
}

/// Sends `first` and the frames already queued behind it (at most [`MAX_BATCH`]), then
/// flushes once.
async fn send_batch<S>(
    sink: &mut S,
    first: Utf8Bytes,
    frames: &mut mpsc::Receiver<Utf8Bytes>,
    stop: &CancellationToken,
) -> Option<SendEnd>
where
    S: Sink<Message> + Unpin,
{
    let write = async {
        sink.feed(Message::Text(first)).await?;
        for _ in 1..MAX_BATCH {
            match frames.try_recv() {
                Ok(frame) => sink.feed(Message::Text(frame)).await?,
                // Empty, or closed: `send_loop` sees a closed queue on its next `recv`.
                Err(_) => break,
            }
        }
        sink.flush().await
    };
    tokio::select! {
        biased;
        () = stop.cancelled() => Some(SendEnd::Stopped),
        r = write => r.err().map(|_| SendEnd::SinkError),
    }
}

async fn send_loop<S>(
    mut sink: S,
    preamble: Vec<Utf8Bytes>,
    mut frames: mpsc::Receiver<Utf8Bytes>,
    interval: Duration,
    stop: CancellationToken,
) -> (S, SendEnd)
where
    S: Sink<Message> + Unpin,
{
    for frame in preamble {
        if let Some(end) = send_one(&mut sink, Message::Text(frame), &stop).await {
            return (sink, end);
        }
    }
    let mut ticker = tokio::time::interval_at(Instant::now() + interval, interval);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        let msg = tokio::select! {
            biased;
            () = stop.cancelled() => return (sink, SendEnd::Stopped),
            _ = ticker.tick() => Message::Text(Utf8Bytes::from_static(PING)),
            frame = frames.recv() => match frame {
                Some(frame) => {
                    if let Some(end) = send_batch(&mut sink, frame, &mut frames, &stop).await {
                        return (sink, end);
                    }
                    continue;
                }
                None => return (sink, SendEnd::QueueClosed),
            },
        };
        if let Some(end) = send_one(&mut sink, msg, &stop).await {
            return (sink, end);
        }
    }
}

async fn recv_loop<R, E>(mut stream: R, liveness: Duration, stop: CancellationToken) -> (R, RecvEnd)
where
    R: Stream<Item = Result<Message, E>> + Unpin,
    E: InboundError,
{
    let mut deadline = Instant::now() + liveness;
    loop {
        let item = tokio::select! {
            biased;
            () = stop.cancelled() => return (stream, RecvEnd::Stopped),
            () = sleep_until(deadline) => return (stream, RecvEnd::Silent),
            item = stream.next() => item,
        };
        let end = match item {
            None => RecvEnd::Gone,
            Some(Err(e)) if e.is_message_too_big() => RecvEnd::TooBig,
            Some(Err(_)) => RecvEnd::Gone,
            Some(Ok(Message::Close(_))) => RecvEnd::PeerClosed,
            Some(Ok(msg)) => {
                // Any frame proves the peer is alive; only `pong` is expected.
                deadline = Instant::now() + liveness;
                if !matches!(&msg, Message::Text(t) if t.as_str() == PONG) {
                    tracing::trace!("ignored inbound frame");
                }
                continue;
            }
        };
        return (stream, end);
    }
}

/// Waits at most `limit` for a stopped task; aborts it after that.
async fn join_within<T>(handle: JoinHandle<T>, limit: Duration) -> Option<T> {
    let abort = handle.abort_handle();
    match timeout(limit, handle).await {
        Ok(Ok(value)) => Some(value),
        Ok(Err(_)) => None,
        Err(_) => {
            abort.abort();
            None
        }
    }
}

enum First<S, R> {
    External(Close),
    Send(Option<(S, SendEnd)>),
    Recv(Option<(R, RecvEnd)>),
}

/// Runs one admitted connection to its end (see the module docs).
pub(crate) async fn drive<S, R, E>(
    sink: S,
    stream: R,
    channels: Channels,
    timing: Timing,
    shutdown: CancellationToken,
) -> Ending
where
    S: Sink<Message> + Send + Unpin + 'static,
    R: Stream<Item = Result<Message, E>> + Send + Unpin + 'static,
    E: InboundError,
{
    let stop = CancellationToken::new();
    let mut send_task = tokio::spawn(send_loop(
        sink,
        channels.preamble,
        channels.frames,
        timing.heartbeat_interval,
        stop.clone(),
    ));
    let mut recv_task = tokio::spawn(recv_loop(stream, timing.liveness, stop.clone()));
    let mut kicked = channels.kicked;
    let first = tokio::select! {
        biased;
        () = shutdown.cancelled() => First::External(close::GOING_AWAY),
        () = sleep_until(timing.expires_at) => First::External(close::TOKEN_EXPIRED),
        r = &mut recv_task => First::Recv(r.ok()),
        s = &mut send_task => First::Send(s.ok()),
        // Dropped without a reason: the send side is gone already.
        k = &mut kicked => k.map_or(First::Send(None), First::External),
    };
    stop.cancel();
    let limit = timing.close_timeout;
    let (send_out, recv_out, action) = match first {
        First::External(c) => (
            join_within(send_task, limit).await,
            join_within(recv_task, limit).await,
            Some(c),
        ),
        First::Send(out) => {
            let action = match out.as_ref().map(|o| o.1) {
                Some(SendEnd::QueueClosed) => Some(close::TOO_SLOW),
                _ => None,
            };
            (out, join_within(recv_task, limit).await, action)
        }
        First::Recv(out) => {
            let action = match out.as_ref().map(|o| o.1) {
                Some(RecvEnd::Silent) => Some(close::HEARTBEAT_TIMEOUT),
                Some(RecvEnd::TooBig) => Some(close::MESSAGE_TOO_BIG),
                _ => None,
            };
            let peer_closed = matches!(out.as_ref().map(|o| o.1), Some(RecvEnd::PeerClosed));
            let send_out = join_within(send_task, limit).await;
            if peer_closed {
                // Flush the close reply tungstenite queued when it read the peer's close.
                if let Some((mut sink, _)) = send_out {
                    let _ = timeout(limit, sink.close()).await;
                }
                return Ending::ClientClosed;
            }
            (send_out, out, action)
        }
    };
    let Some(c) = action else {
        return Ending::ClientGone;
    };
    if let Some((mut sink, _)) = send_out {
        let _ = timeout(limit, async {
            if sink.send(close_message(c)).await.is_ok() {
                if let Some((mut stream, _)) = recv_out {
                    drain(&mut stream).await;
                }
            }
        })
        .await;
    }
    Ending::ServerClosed(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::stream;
    use std::pin::Pin;
    use tokio_util::sync::PollSender;

    #[derive(Debug)]
    struct TestError {
        too_big: bool,
    }

    impl InboundError for TestError {
        fn is_message_too_big(&self) -> bool {
            self.too_big
        }
    }

    type Inbound = Pin<Box<dyn Stream<Item = Result<Message, TestError>> + Send>>;

    struct Harness {
        /// What the server wrote.
        out: mpsc::Receiver<Message>,
        /// What the "client" sends.
        inbound: mpsc::Sender<Result<Message, TestError>>,
        frames: mpsc::Sender<Utf8Bytes>,
        kick: Option<oneshot::Sender<Close>>,
        shutdown: CancellationToken,
        task: JoinHandle<Ending>,
    }

    const INTERVAL: Duration = Duration::from_millis(300);

    fn start(expires_in: Duration) -> Harness {
        let (out_tx, out) = mpsc::channel(64);
        let (inbound, in_rx) = mpsc::channel(64);
        let stream: Inbound = Box::pin(stream::unfold(in_rx, |mut rx| async move {
            rx.recv().await.map(|item| (item, rx))
        }));
        let (frames, frames_rx) = mpsc::channel(8);
        let (kick, kicked) = oneshot::channel();
        let shutdown = CancellationToken::new();
        let timing = Timing {
            heartbeat_interval: INTERVAL,
            liveness: INTERVAL * 2,
            close_timeout: Duration::from_millis(200),
            expires_at: Instant::now() + expires_in,
        };
        let channels = Channels {
            preamble: vec![Utf8Bytes::from_static("welcome")],
            frames: frames_rx,
            kicked,
        };
        let task = tokio::spawn(drive(
            PollSender::new(out_tx),
            stream,
            channels,
            timing,
            shutdown.clone(),
        ));
        Harness {
            out,
            inbound,
            frames,
            kick: Some(kick),
            shutdown,
            task,
        }
    }

    fn text(m: &Message) -> Option<&str> {
        match m {
            Message::Text(t) => Some(t.as_str()),
            _ => None,
        }
    }

    fn close_of(m: &Message) -> Option<(u16, String)> {
        match m {
            Message::Close(Some(f)) => Some((f.code, f.reason.as_str().to_owned())),
            _ => None,
        }
    }

    async fn next_out(h: &mut Harness) -> Message {
        timeout(Duration::from_secs(5), h.out.recv())
            .await
            .expect("in time")
            .expect("an outbound message")
    }

    /// The next outbound message is the close frame `code`/`reason` (as sent on the
    /// wire), and the driver ends as closed by the server with that close.
    async fn ends_with_close(mut h: Harness, code: u16, reason: &'static str) {
        assert_eq!(
            close_of(&next_out(&mut h).await),
            Some((code, reason.to_owned()))
        );
        assert_eq!(
            h.task.await.ok(),
            Some(Ending::ServerClosed(close::Close { code, reason }))
        );
    }

    const HOUR: Duration = Duration::from_secs(3600);

    #[tokio::test(start_paused = true)]
    async fn preamble_first_then_frames_and_pings() {
        let mut h = start(HOUR);
        assert_eq!(text(&next_out(&mut h).await), Some("welcome"));
        h.frames
            .send(Utf8Bytes::from_static("event-1"))
            .await
            .expect("queued");
        assert_eq!(text(&next_out(&mut h).await), Some("event-1"));
        let before = Instant::now();
        assert_eq!(text(&next_out(&mut h).await), Some(PING));
        assert!(Instant::now() - before <= INTERVAL);
        h.shutdown.cancel();
        ends_with_close(h, 1001, "Server shutting down").await;
    }

    #[tokio::test(start_paused = true)]
    async fn silence_closes_with_heartbeat_timeout() {
        let mut h = start(HOUR);
        let started = Instant::now();
        loop {
            let m = next_out(&mut h).await;
            if let Some(c) = close_of(&m) {
                assert_eq!(c, (1000, "Heartbeat timeout".into()));
                break;
            }
        }
        assert!(Instant::now() - started >= INTERVAL * 2);
        assert_eq!(
            h.task.await.ok(),
            Some(Ending::ServerClosed(close::HEARTBEAT_TIMEOUT))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn any_inbound_frame_keeps_the_connection_alive() {
        let mut h = start(HOUR);
        let inbound = h.inbound.clone();
        let keepalive = tokio::spawn(async move {
            for i in 0..20 {
                tokio::time::sleep(Duration::from_millis(250)).await;
                let msg = if i % 2 == 0 { "pong" } else { "something else" };
                if inbound.send(Ok(Message::Text(msg.into()))).await.is_err() {
                    break;
                }
            }
        });
        // 20 × 250 ms = 5 s, far past interval + timeout (600 ms).
        keepalive.await.expect("keepalive ran");
        assert!(!h.task.is_finished());
        h.shutdown.cancel();
        assert_eq!(
            h.task.await.ok(),
            Some(Ending::ServerClosed(close::GOING_AWAY))
        );
        let closes = std::iter::from_fn(|| h.out.try_recv().ok())
            .filter_map(|m| close_of(&m))
            .count();
        assert_eq!(closes, 1);
    }

    #[tokio::test(start_paused = true)]
    async fn kick_closes_with_4008() {
        let mut h = start(HOUR);
        let _ = next_out(&mut h).await;
        let _ = h.kick.take().expect("kick").send(close::TOO_SLOW);
        ends_with_close(h, 4008, "Too slow").await;
    }

    #[tokio::test(start_paused = true)]
    async fn token_expiry_closes_with_4002() {
        let mut h = start(Duration::from_millis(100));
        let _ = next_out(&mut h).await;
        ends_with_close(h, 4002, "Token expired").await;
    }

    #[tokio::test(start_paused = true)]
    async fn oversized_inbound_closes_with_1009() {
        let mut h = start(HOUR);
        let _ = next_out(&mut h).await;
        h.inbound
            .send(Err(TestError { too_big: true }))
            .await
            .expect("sent");
        ends_with_close(h, 1009, "Message too big").await;
    }

    #[tokio::test(start_paused = true)]
    async fn peer_close_and_peer_gone() {
        let h = start(HOUR);
        h.inbound
            .send(Ok(Message::Close(None)))
            .await
            .expect("sent");
        assert_eq!(h.task.await.ok(), Some(Ending::ClientClosed));

        let h = start(HOUR);
        h.inbound
            .send(Err(TestError { too_big: false }))
            .await
            .expect("sent");
        assert_eq!(h.task.await.ok(), Some(Ending::ClientGone));

        let h = start(HOUR);
        drop(h.inbound);
        assert_eq!(h.task.await.ok(), Some(Ending::ClientGone));
    }

    #[test]
    fn resume_parameters() {
        let p = |pairs: &[(&str, &str)]| {
            parse_resume(
                &pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            )
        };
        assert_eq!(p(&[]), Resume::Fresh);
        assert_eq!(p(&[("epoch", "5")]), Resume::Fresh);
        assert_eq!(
            p(&[("last_seq", "3"), ("epoch", "5")]),
            Resume::From {
                last_seq: 3,
                epoch: Some(5)
            }
        );
        assert_eq!(
            p(&[("last_seq", "3")]),
            Resume::From {
                last_seq: 3,
                epoch: None
            }
        );
        assert_eq!(p(&[("last_seq", "x"), ("epoch", "5")]), Resume::Invalid);
        assert_eq!(p(&[("last_seq", "3"), ("epoch", "-1")]), Resume::Invalid);
    }
}
