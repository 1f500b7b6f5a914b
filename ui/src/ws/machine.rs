//! The WebSocket client of DESIGN §3 as a plain state machine: no DOM, no clock, no
//! randomness of its own, so every rule is unit-tested natively.
//!
//! The machine is driven by inputs ([`Machine::connect`], [`Machine::disconnect`],
//! [`Machine::opened`], [`Machine::frame`], [`Machine::closed`],
//! [`Machine::timer_fired`], [`Machine::online`], [`Machine::offline`],
//! [`Machine::token_refreshed`], [`Machine::token_refresh_failed`]) and answers each
//! with the [`Action`]s its driver must carry out: open a socket, send `pong`, close,
//! start or cancel a timer, fetch a token, refetch after a resync, hand an event to the
//! subscribers, report a new [`Status`]. The browser driver is
//! [`crate::ws::adapter`].
//!
//! Rules it keeps:
//! - at most one socket at a time: `connect()` while one is opening or open does nothing,
//!   and every socket has a [`SocketId`] so events of a socket the machine already
//!   dropped are ignored;
//! - `ping` → `pong`; any frame is liveness; no frame for
//!   `heartbeat + pong timeout + 5 s` is a dead link (closed and reconnected);
//! - reconnect after any close except 4001/4003, after
//!   [`backoff_delay`]`(attempt, random)` (1 s doubling to 30 s, full jitter); the
//!   attempt counter resets only after a connection stayed up
//!   [`BACKOFF_RESET_AFTER_MS`];
//! - 4002: fetch a fresh token first (unless a fresher one already came), then
//!   reconnect at once;
//! - offline: no reconnect timer runs; back online: reconnect at once;
//! - resume with `last_seq`/`epoch`; `resync_required` asks the app to refetch;
//! - after `disconnect()` nothing reconnects.

use nps_protocol::backoff::{BACKOFF_RESET_AFTER_MS, DEAD_LINK_GRACE_MS};
use nps_protocol::{
    BEARER_PROTOCOL_PREFIX, Envelope, Event, PING, PONG, QUERY_EPOCH, QUERY_LAST_SEQ, QUERY_TOKEN,
    SUBPROTOCOL, WS_PATH, backoff_delay, close,
};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The connection status components observe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Disconnected,
    Connecting,
    Connected,
    Error,
}

impl Status {
    /// The name used in `data-status` and in message ids.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Disconnected => "disconnected",
            Self::Connecting => "connecting",
            Self::Connected => "connected",
            Self::Error => "error",
        }
    }
}

/// Why the status is [`Status::Error`]. None of these reconnect by themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorReason {
    /// `connect()` without a token: no socket was opened.
    NoToken,
    /// The server closed with 4001: the token was refused.
    AuthRejected,
    /// The server closed with 4003: this page's origin is not allowed.
    OriginForbidden,
    /// After a 4002 no fresh token could be had.
    TokenUnavailable,
}

/// How the token travels to the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TokenTransport {
    /// The sub-protocol pair `nps.v1, bearer.<JWT>` (keeps the token out of URLs).
    #[default]
    Subprotocol,
    /// `?token=<JWT>` (the seed's way).
    Query,
}

/// Identifies one socket the machine asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SocketId(pub u64);

/// Identifies one timer the machine started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerId(pub u64);

/// What a timer is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// Open the next socket (backoff).
    Reconnect,
    /// No frame for too long: the link is dead.
    DeadLink,
    /// The connection stayed up long enough to reset the backoff.
    Stable,
}

/// Something the driver must do, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a WebSocket to `url` offering `protocols` (empty: none).
    Open {
        socket: SocketId,
        url: String,
        protocols: Vec<String>,
    },
    /// Send a text frame.
    Send {
        socket: SocketId,
        text: String,
    },
    /// Close this socket; the machine has already forgotten it.
    Close {
        socket: SocketId,
        code: u16,
        reason: &'static str,
    },
    StartTimer {
        timer: TimerId,
        kind: TimerKind,
        delay_ms: u64,
    },
    CancelTimer {
        timer: TimerId,
    },
    /// Get a fresh token (4002) and answer with [`Machine::token_refreshed`] or
    /// [`Machine::token_refresh_failed`].
    FetchToken,
    /// The server refused the token (4001): the app should sign in again.
    AuthFailed,
    /// Resume could not be served: refetch what the app shows over HTTP.
    Refetch {
        reason: String,
    },
    /// An event for the subscribers.
    Event(Envelope),
    /// The status changed.
    Status(Status),
}

/// Fixed settings of one machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The server's base URL, `http(s)://host[:port]` (a trailing `/` is ignored).
    pub base_url: String,
    pub transport: TokenTransport,
    /// The server's pong timeout as the client assumes it (the server does not send
    /// it): 10 s, the server's default.
    pub assumed_pong_timeout_ms: u64,
}

impl Config {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            transport: TokenTransport::default(),
            assumed_pong_timeout_ms: 10_000,
        }
    }
}

/// The heartbeat interval assumed until `welcome` says otherwise: 30 s.
pub const DEFAULT_HEARTBEAT_MS: u64 = 30_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Opening,
    Open,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Socket {
    id: SocketId,
    phase: Phase,
    /// The epoch this socket asked to resume from.
    resumed_epoch: Option<u64>,
}

/// The client state machine. See the module docs.
pub struct Machine {
    config: Config,
    random: Box<dyn FnMut() -> f64>,
    token: Option<String>,
    rejected_token: Option<String>,
    /// Whether the app wants a connection (`connect()` and no `disconnect()` since).
    wanted: bool,
    online: bool,
    awaiting_token: bool,
    socket: Option<Socket>,
    status: Status,
    error: Option<ErrorReason>,
    attempt: u32,
    next_socket: u64,
    next_timer: u64,
    reconnect_timer: Option<TimerId>,
    dead_timer: Option<TimerId>,
    stable_timer: Option<TimerId>,
    heartbeat_ms: u64,
    epoch: Option<u64>,
    last_seq: Option<u64>,
    /// The token the current (or last) socket was opened with.
    socket_token: Option<String>,
}

impl std::fmt::Debug for Machine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Machine")
            .field("status", &self.status)
            .field("error", &self.error)
            .field("wanted", &self.wanted)
            .field("online", &self.online)
            .field("socket", &self.socket)
            .field("attempt", &self.attempt)
            .field("epoch", &self.epoch)
            .field("last_seq", &self.last_seq)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish_non_exhaustive()
    }
}

impl Machine {
    /// A disconnected machine. `random` returns numbers in `[0, 1)` for the jitter
    /// (`Math.random` in the browser; a fixed sequence in tests).
    pub fn new(config: Config, token: Option<String>, random: Box<dyn FnMut() -> f64>) -> Self {
        Self {
            config,
            random,
            token,
            rejected_token: None,
            wanted: false,
            online: true,
            awaiting_token: false,
            socket: None,
            status: Status::Disconnected,
            error: None,
            attempt: 0,
            next_socket: 0,
            next_timer: 0,
            reconnect_timer: None,
            dead_timer: None,
            stable_timer: None,
            heartbeat_ms: DEFAULT_HEARTBEAT_MS,
            epoch: None,
            last_seq: None,
            socket_token: None,
        }
    }

    // ---- observation -----------------------------------------------------------

    pub fn status(&self) -> Status {
        self.status
    }
    pub fn error(&self) -> Option<ErrorReason> {
        self.error
    }
    /// The number of reconnect attempts since the last stable connection.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }
    /// Whether a reconnect is scheduled.
    pub fn reconnect_pending(&self) -> bool {
        self.reconnect_timer.is_some()
    }
    /// The socket being opened or open, if any.
    pub fn socket(&self) -> Option<SocketId> {
        self.socket.map(|s| s.id)
    }
    pub fn is_online(&self) -> bool {
        self.online
    }
    pub fn last_seq(&self) -> Option<u64> {
        self.last_seq
    }
    pub fn epoch(&self) -> Option<u64> {
        self.epoch
    }
    /// Silence after which the link counts as dead.
    pub fn dead_link_ms(&self) -> u64 {
        self.heartbeat_ms + self.config.assumed_pong_timeout_ms + DEAD_LINK_GRACE_MS
    }

    // ---- inputs ----------------------------------------------------------------

    /// The app wants a connection. Opens a socket unless one is opening or open.
    pub fn connect(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        self.wanted = true;
        if self.socket.is_some() {
            return out;
        }
        self.awaiting_token = false;
        self.attempt = 0;
        self.cancel(&mut out, TimerKind::Reconnect);
        if self.token.is_none() {
            self.fail(&mut out, ErrorReason::NoToken);
            return out;
        }
        self.error = None;
        if !self.online {
            self.set_status(&mut out, Status::Disconnected);
            return out;
        }
        self.open(&mut out);
        out
    }

    /// The app is done: close the socket and never reconnect until `connect()`.
    pub fn disconnect(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        self.wanted = false;
        self.awaiting_token = false;
        self.error = None;
        for kind in [TimerKind::Reconnect, TimerKind::DeadLink, TimerKind::Stable] {
            self.cancel(&mut out, kind);
        }
        if let Some(s) = self.socket.take() {
            out.push(Action::Close {
                socket: s.id,
                code: close::NORMAL.code,
                reason: close::NORMAL.reason,
            });
        }
        self.set_status(&mut out, Status::Disconnected);
        out
    }

    /// The socket finished its opening handshake.
    pub fn opened(&mut self, socket: SocketId) -> Vec<Action> {
        let mut out = Vec::new();
        match &mut self.socket {
            Some(s) if s.id == socket && s.phase == Phase::Opening => s.phase = Phase::Open,
            _ => return out,
        }
        self.error = None;
        self.set_status(&mut out, Status::Connected);
        self.start(&mut out, TimerKind::Stable, BACKOFF_RESET_AFTER_MS);
        let dead = self.dead_link_ms();
        self.start(&mut out, TimerKind::DeadLink, dead);
        out
    }

    /// A text frame arrived.
    pub fn frame(&mut self, socket: SocketId, text: &str) -> Vec<Action> {
        let mut out = Vec::new();
        let Some(current) = self.socket.filter(|s| s.id == socket) else {
            return out;
        };
        let envelope = if text == PING {
            None
        } else {
            Envelope::from_json(text).ok()
        };
        if let Some(Event::Welcome(w)) = envelope.as_ref().map(|e| &e.event) {
            self.heartbeat_ms = w.heartbeat_secs.max(1).saturating_mul(1000);
        }
        // Any frame is liveness.
        let dead = self.dead_link_ms();
        self.start(&mut out, TimerKind::DeadLink, dead);
        if text == PING {
            out.push(Action::Send {
                socket,
                text: PONG.to_string(),
            });
            return out;
        }
        // Unknown or malformed frames are ignored (a newer server may add events).
        let Some(envelope) = envelope else {
            return out;
        };
        match &envelope.event {
            Event::Welcome(w) => {
                if current.resumed_epoch != Some(w.epoch) {
                    // Fresh start (or a resume the server cannot serve): from now on.
                    self.last_seq = Some(w.seq);
                }
                self.epoch = Some(w.epoch);
            }
            Event::ResyncRequired(r) => {
                self.last_seq = Some(envelope.seq);
                out.push(Action::Refetch {
                    reason: r.reason.clone(),
                });
            }
            _ => {
                self.last_seq = Some(self.last_seq.map_or(envelope.seq, |s| s.max(envelope.seq)));
            }
        }
        out.push(Action::Event(envelope));
        out
    }

    /// The socket closed with `code` (1006 when the browser gives none).
    pub fn closed(&mut self, socket: SocketId, code: u16) -> Vec<Action> {
        let mut out = Vec::new();
        if self.socket.is_none_or(|s| s.id != socket) {
            return out;
        }
        self.socket = None;
        self.cancel(&mut out, TimerKind::DeadLink);
        self.cancel(&mut out, TimerKind::Stable);
        if !self.wanted {
            self.set_status(&mut out, Status::Disconnected);
            return out;
        }
        if close::needs_new_token(code) {
            self.set_status(&mut out, Status::Disconnected);
            if self.token.is_some() && self.token != self.socket_token {
                // A fresher token arrived while this socket was open: use it now.
                if self.online {
                    self.open(&mut out);
                }
            } else {
                self.awaiting_token = true;
                out.push(Action::FetchToken);
            }
        } else if code == close::AUTH_REQUIRED.code {
            self.rejected_token = self.token.clone();
            self.fail(&mut out, ErrorReason::AuthRejected);
            out.push(Action::AuthFailed);
        } else if !close::should_reconnect(code) {
            self.fail(&mut out, ErrorReason::OriginForbidden);
        } else {
            self.schedule_reconnect(&mut out);
        }
        out
    }

    /// A timer the machine started has fired.
    pub fn timer_fired(&mut self, timer: TimerId) -> Vec<Action> {
        let mut out = Vec::new();
        if self.reconnect_timer == Some(timer) {
            self.reconnect_timer = None;
            if self.wanted && self.socket.is_none() && self.online && !self.awaiting_token {
                self.open(&mut out);
            }
        } else if self.stable_timer == Some(timer) {
            self.stable_timer = None;
            self.attempt = 0;
        } else if self.dead_timer == Some(timer) {
            self.dead_timer = None;
            if let Some(s) = self.socket.take() {
                self.cancel(&mut out, TimerKind::Stable);
                out.push(Action::Close {
                    socket: s.id,
                    code: close::NORMAL.code,
                    reason: "Dead link",
                });
                if self.wanted {
                    self.schedule_reconnect(&mut out);
                }
            }
        }
        out
    }

    /// The browser went offline: no reconnect timer runs until it is back.
    pub fn offline(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        self.online = false;
        self.cancel(&mut out, TimerKind::Reconnect);
        out
    }

    /// The browser is back online: reconnect at once if a connection is wanted.
    pub fn online(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        self.online = true;
        if self.wanted
            && self.socket.is_none()
            && !self.awaiting_token
            && self.status != Status::Error
        {
            self.cancel(&mut out, TimerKind::Reconnect);
            self.open(&mut out);
        }
        out
    }

    /// A fresh token is here (after [`Action::FetchToken`], a sign-in, or a refresh
    /// before expiry). It is used for the next socket; a connection that waited for it
    /// opens now.
    pub fn token_refreshed(&mut self, token: String) -> Vec<Action> {
        let mut out = Vec::new();
        self.token = Some(token);
        if !self.wanted || self.socket.is_some() {
            return out;
        }
        let waiting_for_token = self.awaiting_token
            || (self.status == Status::Error
                && matches!(
                    self.error,
                    Some(ErrorReason::NoToken | ErrorReason::AuthRejected)
                )
                && self.token != self.rejected_token)
            || self.error == Some(ErrorReason::TokenUnavailable);
        if !waiting_for_token {
            return out;
        }
        self.awaiting_token = false;
        self.error = None;
        if self.online {
            self.open(&mut out);
        } else {
            self.set_status(&mut out, Status::Disconnected);
        }
        out
    }

    /// No fresh token could be had after a 4002.
    pub fn token_refresh_failed(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        if self.awaiting_token {
            self.awaiting_token = false;
            self.fail(&mut out, ErrorReason::TokenUnavailable);
        }
        out
    }

    // ---- helpers ---------------------------------------------------------------

    fn set_status(&mut self, out: &mut Vec<Action>, status: Status) {
        if self.status != status {
            self.status = status;
            out.push(Action::Status(status));
        }
    }

    fn fail(&mut self, out: &mut Vec<Action>, reason: ErrorReason) {
        self.error = Some(reason);
        self.set_status(out, Status::Error);
    }

    fn slot(&mut self, kind: TimerKind) -> &mut Option<TimerId> {
        match kind {
            TimerKind::Reconnect => &mut self.reconnect_timer,
            TimerKind::DeadLink => &mut self.dead_timer,
            TimerKind::Stable => &mut self.stable_timer,
        }
    }

    fn cancel(&mut self, out: &mut Vec<Action>, kind: TimerKind) {
        if let Some(timer) = self.slot(kind).take() {
            out.push(Action::CancelTimer { timer });
        }
    }

    /// Starts (or restarts) the timer of `kind`.
    fn start(&mut self, out: &mut Vec<Action>, kind: TimerKind, delay_ms: u64) {
        self.cancel(out, kind);
        self.next_timer += 1;
        let timer = TimerId(self.next_timer);
        *self.slot(kind) = Some(timer);
        out.push(Action::StartTimer {
            timer,
            kind,
            delay_ms,
        });
    }

    fn schedule_reconnect(&mut self, out: &mut Vec<Action>) {
        self.set_status(out, Status::Disconnected);
        if !self.online {
            return;
        }
        let delay = backoff_delay(self.attempt, (self.random)());
        self.attempt = self.attempt.saturating_add(1);
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.start(out, TimerKind::Reconnect, ms);
    }

    fn open(&mut self, out: &mut Vec<Action>) {
        debug_assert!(self.socket.is_none(), "never two sockets");
        let Some(token) = self.token.clone() else {
            self.fail(out, ErrorReason::NoToken);
            return;
        };
        self.cancel(out, TimerKind::Reconnect);
        self.next_socket += 1;
        let id = SocketId(self.next_socket);
        let resume = self.epoch.zip(self.last_seq);
        self.socket = Some(Socket {
            id,
            phase: Phase::Opening,
            resumed_epoch: resume.map(|(e, _)| e),
        });
        let (url, protocols) = socket_url(&self.config, &token, resume);
        self.socket_token = Some(token);
        self.set_status(out, Status::Connecting);
        out.push(Action::Open {
            socket: id,
            url,
            protocols,
        });
    }
}

/// The WebSocket URL and sub-protocols for `config`, `token` and an optional resume
/// point `(epoch, last_seq)`.
pub fn socket_url(
    config: &Config,
    token: &str,
    resume: Option<(u64, u64)>,
) -> (String, Vec<String>) {
    let mut url = ws_base(&config.base_url);
    url.push_str(WS_PATH);
    let mut query: Vec<String> = Vec::new();
    let mut protocols = Vec::new();
    match config.transport {
        TokenTransport::Subprotocol => {
            protocols.push(SUBPROTOCOL.to_string());
            protocols.push(format!("{BEARER_PROTOCOL_PREFIX}{token}"));
        }
        TokenTransport::Query => query.push(format!("{QUERY_TOKEN}={}", encode_query(token))),
    }
    if let Some((epoch, last_seq)) = resume {
        query.push(format!("{QUERY_LAST_SEQ}={last_seq}"));
        query.push(format!("{QUERY_EPOCH}={epoch}"));
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    (url, protocols)
}

/// `http://h` → `ws://h`, `https://h` → `wss://h`, without a trailing `/`.
pub fn ws_base(base_url: &str) -> String {
    let base = base_url.trim().trim_end_matches('/');
    if let Some(rest) = base.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = base.strip_prefix("http://") {
        format!("ws://{rest}")
    } else if base.starts_with("ws://") || base.starts_with("wss://") {
        base.to_string()
    } else {
        format!("ws://{base}")
    }
}

/// Everything but the unreserved characters of RFC 3986 (`A–Z a–z 0–9 - _ . ~`).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes everything but unreserved characters.
pub fn encode_query(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}
