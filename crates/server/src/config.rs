//! Server configuration. The bind address is not here: callers bind the
//! [`tokio::net::TcpListener`] themselves and hand it to [`crate::run`].

use std::path::PathBuf;
use std::time::Duration;

/// Default `ping` interval: 30 s.
pub const DEFAULT_HEARTBEAT_INTERVAL: Duration = Duration::from_secs(30);
/// Default extra silence tolerated after a missed `pong`: 10 s.
pub const DEFAULT_PONG_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for a closing handshake (sending the close frame,
/// reading the peer's answer): 3 s.
pub const DEFAULT_CLOSE_TIMEOUT: Duration = Duration::from_secs(3);
/// Default open WebSockets per user: 8.
pub const DEFAULT_MAX_CONNECTIONS_PER_USER: usize = 8;
/// Default frames queued per connection before it is closed with 4008: 256.
pub const DEFAULT_SEND_QUEUE_CAPACITY: usize = 256;
/// Default events kept per user for resume: 256.
pub const DEFAULT_REPLAY_CAPACITY: usize = 256;
/// Default age after which a buffered event is dropped: 5 min.
pub const DEFAULT_REPLAY_MAX_AGE: Duration = Duration::from_secs(5 * 60);
/// Default largest inbound WebSocket message/frame: 64 KiB.
pub const DEFAULT_MAX_INBOUND_FRAME: usize = nps_protocol::MAX_INBOUND_MESSAGE;
/// Default concurrent TCP connections (HTTP and WebSocket): 1024.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;
// ---- limits (issue 10 items 4, 6, 7: login throttling, reading rates, refresh tokens)
/// Default login attempts per client IP: 10 a minute (a burst of 10, then one every
/// 6 s). Below [`DEFAULT_PASSWORD_QUEUE`], so one address cannot fill the queue.
pub const DEFAULT_LOGINS_PER_IP_PER_MINUTE: u32 = 10;
/// Default login attempts per username: 10 a minute.
pub const DEFAULT_LOGINS_PER_USERNAME_PER_MINUTE: u32 = 10;
/// Default readings per user: 60 a minute (a burst of 60, then one a second).
pub const DEFAULT_READINGS_PER_USER_PER_MINUTE: u32 = 60;
/// Default refresh and logout requests per client IP: 60 a minute. A signed-in tab
/// refreshes about once per access-token lifetime, so this leaves room for a household
/// or an office behind one address, while a client replaying tokens in a loop (each
/// one a database write) is held to one a second.
pub const DEFAULT_TOKEN_REQUESTS_PER_IP_PER_MINUTE: u32 = 60;
/// Default password checks (argon2) waiting for a free slot; beyond, 503 at once.
pub const DEFAULT_PASSWORD_QUEUE: usize = 32;
/// Default grace during which a just-rotated refresh token rotates again (two tabs
/// refreshing at once): 5 s.
pub const DEFAULT_REFRESH_GRACE: Duration = Duration::from_secs(5);
/// Default absolute lifetime of a login's refresh tokens: 30 days.
pub const DEFAULT_REFRESH_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);

/// Concurrent password checks by default: the number of cores (at least 1).
pub fn default_password_checks() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

// --- edge (issue 10 items 2, 3): TLS, proxies, timeouts, per-client caps ---
/// Default time to receive a request's head: 10 s.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time an HTTP connection may sit with no request in progress and no byte
/// moving either way: 10 s. (hyper starts the header-read clock as soon as a
/// connection waits for its next request, so an idle keep-alive connection never
/// outlives `header_read_timeout` either; a shorter keep-alive only races more often
/// with clients and proxies reusing a connection the server is closing.)
pub const DEFAULT_KEEP_ALIVE_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time to receive a request's body: 10 s.
pub const DEFAULT_REQUEST_BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time shutdown waits for requests and sockets to finish: 10 s.
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);
/// Default open connections per client address (HTTP + WebSocket): 64.
pub const DEFAULT_MAX_CONNECTIONS_PER_IP: usize = 64;
// --- end edge ---
/// Shortest accepted HS256 secret: 32 bytes (RFC 7518 §3.2).
pub const MIN_JWT_SECRET_LEN: usize = 32;

// cors: the browser origins every server allows (issue 10, item 1).
/// The desktop app's page origins: its pages come from its own `nps` scheme, which
/// WebKit (Linux, macOS) calls `nps://localhost` and WebView2 (Windows)
/// `https://nps.localhost`. Allowed by every server without a flag, so the app can
/// switch to any remote `nps serve`.
pub const DESKTOP_ORIGINS: [&str; 2] = ["nps://localhost", "https://nps.localhost"];
/// The entry of [`Config::allowed_origins`] that allows every origin.
pub const ANY_ORIGIN: &str = "*";
/// How long a browser may keep a CORS preflight's answer: 10 min.
pub const CORS_MAX_AGE: Duration = Duration::from_secs(10 * 60);

/// Where the server keeps users, readings and the events of its sockets.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Storage {
    /// SQLite in [`Config::data_dir`], events in this process only (the default:
    /// the desktop app and a single server).
    #[default]
    Sqlite,
    /// PostgreSQL at this URL (`postgres://user:password@host:port/db`), shared by
    /// the nodes of a cluster: events cross nodes through its events table and
    /// `LISTEN`/`NOTIFY` (see [`crate::cluster`]). Never printed with its password.
    Postgres(String),
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite => f.write_str("Sqlite"),
            Self::Postgres(url) => f
                .debug_tuple("Postgres")
                .field(&nps_store::postgres::redact_url(url))
                .finish(),
        }
    }
}

/// Embedded UI files: `(relative path, contents)`, see [`Config::ui_assets`].
pub type UiAssets = &'static [(&'static str, &'static [u8])];

/// Everything the server needs besides its listener. Build with
/// [`Config::new`] and adjust fields; [`crate::AppState::new`] validates. `Debug`
/// prints neither the secret nor the embedded files.
#[derive(Clone, derive_more::Debug)]
#[non_exhaustive]
pub struct Config {
    /// How often the server sends the text frame `ping` (default 30 s).
    pub heartbeat_interval: Duration,
    /// A connection silent for `heartbeat_interval + pong_timeout` is closed
    /// with 1000 "Heartbeat timeout" (default 10 s).
    pub pong_timeout: Duration,
    /// Bound on each closing handshake (default 3 s).
    pub close_timeout: Duration,
    /// Browser origins allowed besides the server's own and [`DESKTOP_ORIGINS`],
    /// e.g. `https://app.example`; [`ANY_ORIGIN`] (`*`) allows every origin. One
    /// list for both rules: the `Origin` check (403 on HTTP, 4003 on `/ws/oracle`)
    /// and CORS on `/api/*`. Compared ASCII case-insensitively, without a
    /// trailing `/`.
    pub allowed_origins: Vec<String>,
    /// HS256 signing secret (at least 32 bytes). Never printed by `Debug`.
    #[debug("<redacted, {} bytes>", jwt_secret.len())]
    pub jwt_secret: Vec<u8>,
    /// Open WebSockets per user; one more is closed with 1013 (default 8).
    pub max_connections_per_user: usize,
    /// Frames queued per connection; overflow closes that connection with
    /// 4008 (default 256).
    pub send_queue_capacity: usize,
    /// Events kept per user for resume (default 256).
    pub replay_capacity: usize,
    /// Age after which a kept event is dropped (default 5 min).
    pub replay_max_age: Duration,
    /// Largest inbound WebSocket message and frame; larger closes with 1009
    /// (default 64 KiB).
    pub max_inbound_frame: usize,
    /// Concurrent TCP connections; further ones wait in the listen backlog
    /// until one closes (default 1024).
    pub max_connections: usize,
    /// A loopback (desktop) server: peers must be loopback, `Host` must be
    /// `127.0.0.1:PORT` or `localhost:PORT`, and a browser `Origin` must be
    /// `http://127.0.0.1:PORT`, `http://localhost:PORT` or in
    /// `allowed_origins`. Otherwise HTTP gets 403 and `/ws/oracle` closes
    /// with 4003. When false, a browser `Origin` must be in
    /// `allowed_origins` or match the `Host` header. Default true.
    pub loopback_only: bool,
    /// SQLite (the default) or a cluster's PostgreSQL.
    pub storage: Storage,
    /// Where the SQLite database lives (`<data_dir>/nps.db`). `None`: a private
    /// temporary directory, removed when the server's state is dropped — nothing
    /// outlives the process (tests, demos).
    pub data_dir: Option<PathBuf>,
    /// A directory of static files (the built web UI) served for paths that are not
    /// API routes; `None` serves none.
    pub ui_dir: Option<PathBuf>,
    /// The built web UI embedded in the binary (the desktop shell): `(path, bytes)`
    /// pairs, paths relative without a leading `/` (`index.html`, `fonts/x.woff2`).
    /// Served like `ui_dir` (a directory path serves its `index.html`, the content
    /// type follows the extension) when `ui_dir` is `None`; `None` serves none.
    #[debug("{:?}", ui_assets.map(|a| format!("<{} embedded files>", a.len())))]
    pub ui_assets: Option<UiAssets>,
    /// Languages the daily insight is published in: by the scheduler at every local
    /// midnight, and by `POST /api/admin/daily` without a `locale` (default: all).
    /// Empty: the scheduler publishes nothing.
    pub daily_locales: Vec<nps_i18n::Locale>,
    // ---- limits (issue 10 items 4, 6, 7) ----
    /// Login attempts per client IP per minute (also the burst); beyond, 429 with
    /// `Retry-After` (default 10).
    pub logins_per_ip_per_minute: u32,
    /// Login attempts per username per minute (also the burst); beyond, 429 (default 10).
    pub logins_per_username_per_minute: u32,
    /// Readings per user per minute (also the burst); beyond, 429 (default 60).
    pub readings_per_user_per_minute: u32,
    /// `POST /api/auth/refresh` and `/api/auth/logout` per client IP per minute (also
    /// the burst); beyond, 429 (default 60).
    pub token_requests_per_ip_per_minute: u32,
    /// Password checks (argon2) running at once (default: the number of cores).
    pub password_checks: usize,
    /// Password checks waiting for a slot; one more answers 503 at once (default 32).
    pub password_queue: usize,
    /// A refresh token presented again less than this after its rotation rotates
    /// again; later, it revokes its family (default 5 s, at most 5 s).
    pub refresh_grace: Duration,
    /// How long a login's refresh tokens can be used, however often rotated
    /// (default 30 days).
    pub refresh_lifetime: Duration,
    /// Readings stored per user, deleted ones included until purged; a full history
    /// refuses new readings with 422 (default [`nps_store::MAX_READINGS_PER_OWNER`],
    /// 10,000).
    pub max_readings_per_user: u32,
    // --- edge (issue 10 items 2, 3): TLS, proxies, timeouts, per-client caps ---
    /// Serve HTTPS and WSS with this certificate ([`crate::tls::load`]); `None`: plain
    /// HTTP.
    pub tls: Option<crate::tls::TlsConfig>,
    /// Peers whose `X-Forwarded-For` names the client (see [`crate::client`]); empty
    /// (the default): the header is ignored and every peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Time to receive a request's head (and a TLS handshake), counted from when the
    /// connection starts waiting for it; beyond, the connection is closed (default
    /// 10 s).
    pub header_read_timeout: Duration,
    /// An HTTP connection with no request in progress and no byte moving either way
    /// for this long is closed: idle keep-alive, a half-sent request line, a client
    /// that stopped reading its response (default 10 s). Not applied to WebSockets,
    /// which have their heartbeat.
    pub keep_alive_timeout: Duration,
    /// Time to receive a request's body; beyond, the request fails with 400 (default
    /// 10 s).
    pub request_body_timeout: Duration,
    /// After the shutdown signal, time given to requests and WebSockets to finish;
    /// then the remaining connections are dropped (default 10 s).
    pub shutdown_timeout: Duration,
    /// Open connections per client address (HTTP + WebSocket). A direct peer's extra
    /// connection is closed at once; an extra request through a trusted proxy gets
    /// 429 (default 64).
    pub max_connections_per_ip: usize,
    // --- end edge ---
}

impl Config {
    /// The defaults above, with this signing secret.
    pub fn new(jwt_secret: impl Into<Vec<u8>>) -> Self {
        Self {
            heartbeat_interval: DEFAULT_HEARTBEAT_INTERVAL,
            pong_timeout: DEFAULT_PONG_TIMEOUT,
            close_timeout: DEFAULT_CLOSE_TIMEOUT,
            allowed_origins: Vec::new(),
            jwt_secret: jwt_secret.into(),
            max_connections_per_user: DEFAULT_MAX_CONNECTIONS_PER_USER,
            send_queue_capacity: DEFAULT_SEND_QUEUE_CAPACITY,
            replay_capacity: DEFAULT_REPLAY_CAPACITY,
            replay_max_age: DEFAULT_REPLAY_MAX_AGE,
            max_inbound_frame: DEFAULT_MAX_INBOUND_FRAME,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            loopback_only: true,
            storage: Storage::Sqlite,
            data_dir: None,
            ui_dir: None,
            ui_assets: None,
            daily_locales: nps_i18n::Locale::ALL.to_vec(),
            logins_per_ip_per_minute: DEFAULT_LOGINS_PER_IP_PER_MINUTE,
            logins_per_username_per_minute: DEFAULT_LOGINS_PER_USERNAME_PER_MINUTE,
            readings_per_user_per_minute: DEFAULT_READINGS_PER_USER_PER_MINUTE,
            token_requests_per_ip_per_minute: DEFAULT_TOKEN_REQUESTS_PER_IP_PER_MINUTE,
            password_checks: default_password_checks(),
            password_queue: DEFAULT_PASSWORD_QUEUE,
            refresh_grace: DEFAULT_REFRESH_GRACE,
            refresh_lifetime: DEFAULT_REFRESH_LIFETIME,
            max_readings_per_user: nps_store::MAX_READINGS_PER_OWNER,
            // edge
            tls: None,
            trusted_proxies: Vec::new(),
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            keep_alive_timeout: DEFAULT_KEEP_ALIVE_TIMEOUT,
            request_body_timeout: DEFAULT_REQUEST_BODY_TIMEOUT,
            shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
            max_connections_per_ip: DEFAULT_MAX_CONNECTIONS_PER_IP,
        }
    }

    /// Checks the values that would make the server misbehave.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.jwt_secret.len() < MIN_JWT_SECRET_LEN {
            return Err(ConfigError::SecretTooShort(self.jwt_secret.len()));
        }
        // In the order of the fields: every duration and count that must not be zero.
        let zero = [
            ("heartbeat_interval", self.heartbeat_interval.is_zero()),
            ("pong_timeout", self.pong_timeout.is_zero()),
            ("close_timeout", self.close_timeout.is_zero()),
            (
                "max_connections_per_user",
                self.max_connections_per_user == 0,
            ),
            ("send_queue_capacity", self.send_queue_capacity == 0),
            ("replay_capacity", self.replay_capacity == 0),
            ("replay_max_age", self.replay_max_age.is_zero()),
            ("max_inbound_frame", self.max_inbound_frame == 0),
            ("max_connections", self.max_connections == 0),
            (
                "logins_per_ip_per_minute",
                self.logins_per_ip_per_minute == 0,
            ),
            (
                "logins_per_username_per_minute",
                self.logins_per_username_per_minute == 0,
            ),
            (
                "readings_per_user_per_minute",
                self.readings_per_user_per_minute == 0,
            ),
            (
                "token_requests_per_ip_per_minute",
                self.token_requests_per_ip_per_minute == 0,
            ),
            ("password_checks", self.password_checks == 0),
            ("refresh_lifetime", self.refresh_lifetime.is_zero()),
            ("max_readings_per_user", self.max_readings_per_user == 0),
            ("header_read_timeout", self.header_read_timeout.is_zero()),
            ("keep_alive_timeout", self.keep_alive_timeout.is_zero()),
            ("request_body_timeout", self.request_body_timeout.is_zero()),
            ("shutdown_timeout", self.shutdown_timeout.is_zero()),
            ("max_connections_per_ip", self.max_connections_per_ip == 0),
        ];
        if let Some((name, _)) = zero.into_iter().find(|&(_, is_zero)| is_zero) {
            return Err(ConfigError::Zero(name));
        }
        if self.refresh_grace > DEFAULT_REFRESH_GRACE {
            return Err(ConfigError::GraceTooLong);
        }
        Ok(())
    }

    /// `heartbeat_interval` in whole seconds, rounded up, at least 1 (the
    /// `heartbeat_secs` of `welcome`).
    pub fn heartbeat_secs(&self) -> u64 {
        let ms = u64::try_from(self.heartbeat_interval.as_millis()).unwrap_or(u64::MAX);
        ms.div_ceil(1000).max(1)
    }
}

/// A [`Config`] that cannot be served.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("jwt_secret is {0} bytes; at least {MIN_JWT_SECRET_LEN} are required")]
    SecretTooShort(usize),
    #[error("{0} must be greater than zero")]
    Zero(&'static str),
    #[error("refresh_grace is longer than 5 s")]
    GraceTooLong,
    #[error("cannot open the database: {0}")]
    Storage(String),
    #[error("PostgreSQL storage is opened with AppState::open (connecting is async)")]
    PostgresNeedsOpen,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_the_secret() {
        let c = Config::new(b"super-secret-signing-key-0123456789".to_vec());
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("super-secret"), "{dbg}");
        assert!(dbg.contains("<redacted, 35 bytes>"), "{dbg}");
    }

    #[test]
    fn debug_never_prints_the_database_password() {
        let mut c = Config::new(vec![7; 32]);
        c.storage = Storage::Postgres("postgres://nps:hunter2-pw@db.example/nps".into());
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("hunter2"), "{dbg}");
        assert!(
            dbg.contains(r#"storage: Postgres("postgres://nps:***@db.example/nps")"#),
            "{dbg}"
        );
    }

    #[test]
    fn debug_summarizes_embedded_assets() {
        let mut c = Config::new(vec![7; 32]);
        c.ui_assets = Some(&[("index.html", b"<p>secret-ish body</p>")]);
        let dbg = format!("{c:?}");
        assert!(dbg.contains("<1 embedded files>"), "{dbg}");
        assert!(!dbg.contains("secret-ish"), "{dbg}");
    }

    #[test]
    fn validation() {
        assert_eq!(
            Config::new(b"short".to_vec()).validate(),
            Err(ConfigError::SecretTooShort(5))
        );
        let mut c = Config::new(vec![7; 32]);
        assert_eq!(c.validate(), Ok(()));
        c.send_queue_capacity = 0;
        assert_eq!(c.validate(), Err(ConfigError::Zero("send_queue_capacity")));
        let mut c = Config::new(vec![7; 32]);
        c.logins_per_ip_per_minute = 0;
        assert_eq!(
            c.validate(),
            Err(ConfigError::Zero("logins_per_ip_per_minute"))
        );
        let mut c = Config::new(vec![7; 32]);
        c.refresh_lifetime = Duration::ZERO;
        assert_eq!(c.validate(), Err(ConfigError::Zero("refresh_lifetime")));
        let mut c = Config::new(vec![7; 32]);
        c.refresh_grace = DEFAULT_REFRESH_GRACE + Duration::from_millis(1);
        assert_eq!(c.validate(), Err(ConfigError::GraceTooLong));
    }

    #[test]
    fn heartbeat_secs_rounds_up() {
        let mut c = Config::new(vec![7; 32]);
        assert_eq!(c.heartbeat_secs(), 30);
        c.heartbeat_interval = Duration::from_millis(300);
        assert_eq!(c.heartbeat_secs(), 1);
        c.heartbeat_interval = Duration::from_millis(1500);
        assert_eq!(c.heartbeat_secs(), 2);
    }
}
