//! `nps serve [--bind ADDR] [--data-dir DIR] [--ui-dir DIR] …`: the HTTP API and
//! `/ws/oracle` (and the web UI), until SIGTERM or Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
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
}

pub fn run(locale: Locale, args: &ServeArgs) -> Result<()> {
    // Logs go to stderr, `info` unless RUST_LOG says otherwise; the server redacts
    // tokens from every line it writes.
    nps_platform::init_logging("info");
    let dir = args.storage.dir()?;
    // Opened (created, migrated) here so that a bad data directory is reported before
    // anything listens; the server opens its own.
    drop(args.storage.open()?);
    let config = config(args, args.storage.signing_secret()?, dir);
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| CliError::failed("cli-error-runtime", e))?;
    runtime.block_on(async {
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
            Message::new("cli-serve-listening").with("url", format!("http://{addr}")),
        )?;
        nps_server::run(listener, config, nps_server::shutdown_signal())
            .await
            .map_err(|e| CliError::failed("cli-error-serve", e))
    })
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
    config.logins_per_username_per_minute = args.logins_per_username_per_minute;
    config.readings_per_user_per_minute = args.readings_per_minute;
    if let Some(n) = args.password_checks {
        config.password_checks = n as usize;
    }
    config.password_queue = args.password_queue;
    config.max_readings_per_user = args.max_readings_per_user;
    config
}
