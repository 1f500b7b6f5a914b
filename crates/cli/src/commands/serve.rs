//! `nps serve [--bind ADDR] [--data-dir DIR] [--ui-dir DIR] …`: the HTTP API and
//! `/ws/oracle` (and the web UI), until SIGTERM or Ctrl-C.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use nps_i18n::Locale;
use nps_server::Config;

use crate::error::{CliError, Message, Result};
use crate::output::say;
use crate::storage::StorageArgs;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. A loopback address also restricts Host and Origin to it.
    #[arg(long, env = "NPS_BIND", default_value = "127.0.0.1:8000")]
    pub bind: SocketAddr,
    #[command(flatten)]
    pub storage: StorageArgs,
    /// Serve the built web UI from this directory.
    #[arg(long, env = "NPS_UI_DIR", value_name = "DIR")]
    pub ui_dir: Option<PathBuf>,
    #[arg(long, default_value_t = 30)]
    pub heartbeat_secs: u64,
    #[arg(long, default_value_t = 10)]
    pub pong_timeout_secs: u64,
    // cors (issue 10, item 1): one list for CORS on /api/* and the socket's Origin rule.
    /// A browser origin allowed besides the server's own and the desktop app's
    /// (repeatable), e.g. `https://app.example`; `'*'` allows any origin. Used for CORS
    /// on /api/* and for the Origin rule of HTTP (403) and /ws/oracle (4003).
    #[arg(long, value_name = "ORIGIN")]
    pub allowed_origin: Vec<String>,
    // ---- limits (issue 10 items 4, 6, 7): login throttling and reading rates ----
    /// Login attempts per client IP per minute (also the burst); beyond, 429.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_LOGINS_PER_IP_PER_MINUTE,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub logins_per_ip_per_minute: u32,
    /// Login attempts per username per minute (also the burst); beyond, 429.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_LOGINS_PER_USERNAME_PER_MINUTE,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub logins_per_username_per_minute: u32,
    /// Readings per user per minute (also the burst); beyond, 429.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_READINGS_PER_USER_PER_MINUTE,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub readings_per_minute: u32,
    /// Refresh and logout requests per client IP per minute (also the burst); beyond, 429.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_TOKEN_REQUESTS_PER_IP_PER_MINUTE,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub token_requests_per_ip_per_minute: u32,
    /// Password checks (argon2) at once [default: the number of cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub password_checks: Option<u32>,
    /// Password checks waiting for a free slot; beyond, 503.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_PASSWORD_QUEUE)]
    pub password_queue: usize,
    /// Readings kept per user (deleted ones purged for room); a full history refuses
    /// new readings (422).
    #[arg(long, value_name = "N", default_value_t = nps_store::MAX_READINGS_PER_OWNER,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_readings_per_user: u32,
    // --- edge (issue 10 items 2, 3): TLS, proxies, connection caps ---
    #[command(flatten)]
    pub edge: EdgeArgs,
}

/// How the server meets the network: TLS or a proxy in front, connection caps.
#[derive(Debug, Args)]
pub struct EdgeArgs {
    /// Serve HTTPS and WSS with this PEM certificate chain (with --tls-key).
    #[arg(long, env = "NPS_TLS_CERT", value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert.
    #[arg(long, env = "NPS_TLS_KEY", value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Plain HTTP behind a TLS-terminating proxy: X-Forwarded-For names the client
    /// when the peer is a --trusted-proxy.
    #[arg(long, env = "NPS_BEHIND_PROXY")]
    pub behind_proxy: bool,
    /// A proxy address or network whose X-Forwarded-For is believed (repeatable;
    /// default with --behind-proxy: 127.0.0.0/8 and ::1).
    #[arg(long, value_name = "IP/CIDR", value_parser = parse_network, requires = "behind_proxy")]
    pub trusted_proxy: Vec<IpNet>,
    /// Open connections (HTTP and WebSocket) per client address.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_MAX_CONNECTIONS_PER_IP)]
    pub max_connections_per_ip: usize,
    /// Open connections in total; beyond, new ones wait.
    #[arg(long, value_name = "N", default_value_t = nps_server::config::DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
}

/// The default trusted proxies: this host (127.0.0.0/8, ::1).
fn loopback_networks() -> [IpNet; 2] {
    [
        IpNet::V4(Ipv4Net::new_assert(Ipv4Addr::new(127, 0, 0, 0), 8)),
        IpNet::V6(Ipv6Net::new_assert(Ipv6Addr::LOCALHOST, 128)),
    ]
}

/// `10.0.0.0/8`, or one address (`192.0.2.7`, `::1`).
fn parse_network(s: &str) -> std::result::Result<IpNet, String> {
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("not an IP address or network: {s}"))
}

impl EdgeArgs {
    /// Refuses plain HTTP on an address other hosts can reach, unless a proxy in
    /// front terminates TLS: passwords and tokens would cross the network in clear.
    fn check(&self, bind: SocketAddr) -> Result<()> {
        if bind.ip().is_loopback() || self.tls_cert.is_some() || self.behind_proxy {
            return Ok(());
        }
        Err(CliError::input(
            Message::new("cli-serve-edge-plain-public").with("address", bind.to_string()),
        ))
    }

    /// The TLS configuration, if asked for; a certificate or key that cannot be used
    /// is bad input (exit 2).
    fn tls(&self) -> Result<Option<nps_server::tls::TlsConfig>> {
        let (Some(cert), Some(key)) = (&self.tls_cert, &self.tls_key) else {
            return Ok(None);
        };
        nps_server::tls::load(cert, key).map(Some).map_err(|e| {
            CliError::input(Message::new("cli-serve-edge-tls").with("error", e.to_string()))
        })
    }

    fn apply(&self, config: &mut Config, bind: SocketAddr) -> Result<()> {
        config.tls = self.tls()?;
        if self.behind_proxy {
            config.trusted_proxies = if self.trusted_proxy.is_empty() {
                loopback_networks().to_vec()
            } else {
                self.trusted_proxy.clone()
            };
        }
        config.max_connections_per_ip = self.max_connections_per_ip.max(1);
        config.max_connections = self.max_connections.max(1);
        // A desktop-style loopback server checks Host and Origin against its own
        // address; behind a proxy the Host is the public name, so that check is off.
        config.loopback_only = bind.ip().is_loopback() && !self.behind_proxy;
        Ok(())
    }
}

pub fn run(locale: Locale, args: &ServeArgs) -> Result<()> {
    // Logs go to stderr, `info` unless RUST_LOG says otherwise; the server redacts
    // tokens from every line it writes.
    nps_platform::init_logging("info");
    args.edge.check(args.bind)?;
    let dir = args.storage.dir()?;
    // Opened (created, migrated) here so that a bad data directory or database is
    // reported before anything listens; the server opens its own.
    drop(args.storage.open()?);
    let mut config = config(args, args.storage.signing_secret()?, dir);
    if let Some(url) = &args.storage.database_url {
        config.storage = nps_server::config::Storage::Postgres(url.clone());
    }
    args.edge.apply(&mut config, args.bind)?;
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| CliError::failed("cli-error-runtime", e))?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| {
                CliError::input(
                    Message::new("cli-error-listen")
                        .with("address", args.bind.to_string())
                        .with("error", e.to_string()),
                )
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| CliError::failed("cli-error-serve", e))?;
        // Scripts and tests wait for this line (in English: `listening on http://…`).
        say(
            locale,
            Message::new("cli-serve-listening").with("url", format!("{scheme}://{addr}")),
        )?;
        nps_server::run(listener, config, nps_server::shutdown_signal())
            .await
            .map_err(|e| CliError::failed("cli-error-serve", e))
    });
    nps_platform::flush_logs();
    served
}

/// The server's configuration from the flags.
fn config(args: &ServeArgs, secret: Vec<u8>, dir: PathBuf) -> Config {
    let mut config = Config::new(secret);
    config.heartbeat_interval = Duration::from_secs(args.heartbeat_secs.max(1));
    config.pong_timeout = Duration::from_secs(args.pong_timeout_secs.max(1));
    config.allowed_origins = args.allowed_origin.clone();
    config.ui_dir = args.ui_dir.clone();
    config.loopback_only = args.bind.ip().is_loopback();
    config.data_dir = Some(dir);
    // limits (issue 10 items 4, 6, 7)
    config.logins_per_ip_per_minute = args.logins_per_ip_per_minute;
    config.token_requests_per_ip_per_minute = args.token_requests_per_ip_per_minute;
    config.logins_per_username_per_minute = args.logins_per_username_per_minute;
    config.readings_per_user_per_minute = args.readings_per_minute;
    if let Some(n) = args.password_checks {
        config.password_checks = n as usize;
    }
    config.password_queue = args.password_queue;
    config.max_readings_per_user = args.max_readings_per_user;
    config
}
