//! `nps serve`, `nps token`, `nps user add` and `nps watch`: the server and its tools.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use nps_i18n::Locale;
use nps_protocol::{Envelope, Event};
use nps_server::{Config, accounts};
use nps_store::{SqliteStore, Store};
use tokio_tungstenite::tungstenite::Message;

use crate::args::{ServeArgs, StorageArgs, TokenArgs, UserAction, WatchArgs};
use crate::commands::{CliError, Result, outln};
use crate::read::data_dir;

/// The file that keeps the signing secret when `NPS_JWT_SECRET` is not set.
pub const SECRET_FILE: &str = "jwt-secret";

/// The signing secret: `NPS_JWT_SECRET`, or the one kept in the data directory
/// (created once, readable by its owner only).
pub fn jwt_secret(dir: &Path) -> Result<Vec<u8>> {
    if let Ok(s) = std::env::var("NPS_JWT_SECRET") {
        if s.len() < 32 {
            return Err(CliError::Input(
                "NPS_JWT_SECRET must be at least 32 characters".into(),
            ));
        }
        return Ok(s.into_bytes());
    }
    let path = dir.join(SECRET_FILE);
    match std::fs::read_to_string(&path) {
        Ok(s) if s.trim().len() >= 32 => return Ok(s.trim().as_bytes().to_vec()),
        Ok(_) => {
            return Err(CliError::Internal(format!(
                "{} is too short; delete it to make a new one",
                path.display()
            )));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(CliError::Internal(format!(
                "cannot read {}: {e}",
                path.display()
            )));
        }
        Err(_) => {}
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::Internal(format!("cannot create {}: {e}", dir.display())))?;
    let secret = accounts::random_hex(32).map_err(CliError::Internal)?;
    write_private(&path, &secret)
        .map_err(|e| CliError::Internal(format!("cannot write {}: {e}", path.display())))?;
    Ok(secret.into_bytes())
}

/// Creates `path` with mode 0600 (owner only) and writes `text`; fails if it exists.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

fn open_store(storage: &StorageArgs) -> Result<(PathBuf, SqliteStore)> {
    let dir = data_dir(storage)?;
    let store = SqliteStore::open_in_dir(&dir).map_err(|e| match e {
        // A database from a newer version: the user's to resolve, in their language.
        e @ nps_store::StoreError::Invalid(_) => crate::read::store_failure(e),
        e => CliError::Internal(format!(
            "cannot open the database in {}: {e}",
            dir.display()
        )),
    })?;
    Ok((dir, store))
}

pub fn serve(args: &ServeArgs) -> Result<()> {
    // Logs go to stderr, `info` unless RUST_LOG says otherwise; the server redacts
    // tokens from every line it writes.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let (dir, store) = open_store(&args.storage)?;
    let mut config = Config::new(jwt_secret(&dir)?);
    config.heartbeat_interval = Duration::from_secs(args.heartbeat_secs.max(1));
    config.pong_timeout = Duration::from_secs(args.pong_timeout_secs.max(1));
    config.allowed_origins = args.allowed_origin.clone();
    config.ui_dir = args.ui_dir.clone();
    config.loopback_only = args.bind.ip().is_loopback();
    config.data_dir = Some(dir);
    drop(store);
    let runtime = tokio::runtime::Runtime::new().map_err(|e| CliError::Internal(e.to_string()))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| CliError::Input(format!("cannot listen on {}: {e}", args.bind)))?;
        let addr: SocketAddr = listener
            .local_addr()
            .map_err(|e| CliError::Internal(e.to_string()))?;
        outln!("listening on http://{addr}")?;
        nps_server::run(listener, config, nps_server::shutdown_signal())
            .await
            .map_err(|e| CliError::Internal(e.to_string()))
    })
}

/// Parses `90s`, `30m`, `24h`, `7d` (a bare number is seconds).
pub fn parse_ttl(s: &str) -> std::result::Result<Duration, String> {
    let s = s.trim();
    let (digits, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("invalid duration {s:?} (try 30m, 24h or 7d)"))?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        _ => return Err(format!("invalid duration unit in {s:?} (s, m, h or d)")),
    };
    if secs == 0 || secs > 366 * 86_400 {
        return Err(format!(
            "duration {s:?} must be between 1 second and a year"
        ));
    }
    Ok(Duration::from_secs(secs))
}

pub fn token(args: &TokenArgs) -> Result<()> {
    let user = args.user.trim();
    if user.is_empty() {
        return Err(CliError::Input("--user must not be empty".into()));
    }
    let dir = data_dir(&args.storage)?;
    let secret = jwt_secret(&dir)?;
    let token = nps_server::mint_token(&secret, user, user, &args.role, args.ttl)
        .map_err(|e| CliError::Internal(e.to_string()))?;
    outln!("{token}")
}

pub fn user(action: &UserAction) -> Result<()> {
    match action {
        UserAction::Add {
            name,
            role,
            storage,
        } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .map_err(|e| {
                    CliError::Input(format!("cannot read the password from stdin: {e}"))
                })?;
            let password = password.trim_end_matches(['\n', '\r']);
            let hash = accounts::hash_password(password).map_err(CliError::Input)?;
            let (_, store) = open_store(storage)?;
            let user = crate::read::block_on(store.create_user(name.trim(), &hash, role))?
                .map_err(crate::read::store_failure)?;
            outln!("user {} created", user.username)
        }
    }
}

pub fn watch(_locale: Locale, args: &WatchArgs) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new().map_err(|e| CliError::Internal(e.to_string()))?;
    runtime.block_on(watch_loop(args))
}

/// Connects, answers pings, prints every event as one JSON line, resumes with
/// `last_seq`/`epoch`, and reconnects with DESIGN §3's backoff (1 s doubling to 30 s,
/// full jitter, reset after 10 s up) — except after 4001/4003, where it stops.
async fn watch_loop(args: &WatchArgs) -> Result<()> {
    let mut last: Option<(u64, u64)> = None; // (epoch, seq)
    let mut attempt: u32 = 0;
    loop {
        let mut url = format!(
            "{}{}token={}",
            args.url,
            if args.url.contains('?') { '&' } else { '?' },
            args.token
        );
        if let Some((epoch, seq)) = last {
            url.push_str(&format!("&last_seq={seq}&epoch={epoch}"));
        }
        let started = std::time::Instant::now();
        let close = match tokio_tungstenite::connect_async(url.as_str()).await {
            Ok((socket, _)) => {
                let (mut tx, mut rx) = socket.split();
                let mut close = None;
                while let Some(msg) = rx.next().await {
                    match msg {
                        Ok(Message::Text(text)) if text.as_str() == "ping" => {
                            let _ = tx.send(Message::text("pong")).await;
                        }
                        Ok(Message::Text(text)) => {
                            if let Ok(env) = Envelope::from_json(text.as_str()) {
                                if let Event::Welcome(w) = &env.event {
                                    last = Some((
                                        w.epoch,
                                        last.filter(|(e, _)| *e == w.epoch)
                                            .map_or(w.seq, |(_, s)| s),
                                    ));
                                } else if let Some((epoch, _)) = last {
                                    last = Some((epoch, env.seq));
                                }
                            }
                            outln!("{}", text.as_str())?;
                        }
                        Ok(Message::Close(frame)) => {
                            close = frame.map(|f| u16::from(f.code));
                            break;
                        }
                        Ok(_) => {}
                        Err(_) => break,
                    }
                }
                close
            }
            Err(e) => {
                eprintln!("nps: cannot connect: {e}");
                None
            }
        };
        if let Some(code) = close {
            if !nps_protocol::close::should_reconnect(code) {
                return Err(CliError::Input(format!(
                    "the server closed the connection with {code}; not reconnecting"
                )));
            }
            if nps_protocol::close::needs_new_token(code) {
                return Err(CliError::Input(
                    "the token expired (4002); start nps watch with a fresh token".into(),
                ));
            }
        }
        if started.elapsed() >= Duration::from_millis(nps_protocol::backoff::BACKOFF_RESET_AFTER_MS)
        {
            attempt = 0;
        }
        let mut r = [0u8; 8];
        let random = getrandom::fill(&mut r)
            .map(|()| (u64::from_le_bytes(r) >> 11) as f64 / (1u64 << 53) as f64)
            .unwrap_or(0.5);
        tokio::time::sleep(nps_protocol::backoff_delay(attempt, random)).await;
        attempt = attempt.saturating_add(1);
    }
}
