//! The server side: `nps-loadtest --serve-on-stdout` runs `nps_server` in its
//! own process so that its memory can be measured apart from the client's.
//!
//! The child binds `127.0.0.1:0`, prints `listening on http://ADDR` on stdout
//! and serves until its stdin closes (the parent closed it, or died) or it gets
//! SIGTERM / Ctrl-C. Its configuration is the server's default except for what
//! a benchmark needs: a temporary `data_dir`, `max_connections` from the
//! parent, no midnight publisher. The signing secret comes in
//! [`SECRET_ENV`] as hex, never on the command line.
//!
//! A cluster node gets its database URL in
//! [`DATABASE_URL_ENV`](crate::database::DATABASE_URL_ENV) and is opened as
//! `nps serve --database-url` opens one: [`nps_server::AppState::open`] with
//! [`Storage::Postgres`] (the PostgreSQL store, the hub on the cluster's bus);
//! [`nps_server::serve`] then starts its listener of the other nodes' events.

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use nps_server::config::Storage;
use tokio::net::TcpSocket;

use crate::database::DATABASE_URL_ENV;

/// Environment variable carrying the server's HS256 secret (hex).
pub const SECRET_ENV: &str = "NPS_LOADTEST_SECRET";

/// The line the child prints once it accepts connections (followed by the address).
pub const LISTENING_PREFIX: &str = "listening on http://";

/// Listen backlog of the child's socket (the kernel caps it at `somaxconn`).
const BACKLOG: u32 = 4096;

/// Runs the server until stdin closes. Errors are for `main` to print.
pub fn serve_main(max_connections: usize) -> Result<(), String> {
    let nofile = crate::raise_nofile_limit();
    if let Ok(limit) = nofile
        && (limit as usize) < max_connections + 64
    {
        eprintln!(
            "nps-loadtest server: open-file limit {limit} is below max_connections {max_connections} + 64"
        );
    }
    let secret = secret_from_env()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("tokio runtime: {e}"))?;
    let result = runtime.block_on(serve(secret, max_connections));
    // The stdin watcher is a plain thread; nothing on the runtime may outlive this.
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

/// The HS256 secret the parent passed in [`SECRET_ENV`] (hex).
pub fn secret_from_env() -> Result<Vec<u8>, String> {
    std::env::var(SECRET_ENV)
        .map_err(|_| format!("{SECRET_ENV} is not set"))
        .and_then(|text| hex::decode(text.trim()).map_err(|_| format!("{SECRET_ENV} is not hex")))
}

async fn serve(secret: Vec<u8>, max_connections: usize) -> Result<(), String> {
    let data_dir = tempfile::Builder::new()
        .prefix("nps-loadtest-")
        .tempdir()
        .map_err(|e| format!("temporary data directory: {e}"))?;
    let mut config = nps_server::Config::new(secret);
    config.data_dir = Some(data_dir.path().to_path_buf());
    config.max_connections = max_connections;
    // Every socket of the benchmark comes from 127.0.0.1: the per-address share must
    // be the total (`nps serve --max-connections-per-ip N`). Every other limit (the
    // header-read, keep-alive, body and shutdown timeouts) keeps its default.
    config.max_connections_per_ip = max_connections;
    config.daily_locales = Vec::new();
    config.loopback_only = true;
    if let Ok(url) = std::env::var(DATABASE_URL_ENV) {
        config.storage = Storage::Postgres(url);
    }

    let socket = TcpSocket::new_v4().map_err(|e| format!("socket: {e}"))?;
    socket
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .map_err(|e| format!("bind 127.0.0.1:0: {e}"))?;
    let listener = socket.listen(BACKLOG).map_err(|e| format!("listen: {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("local address: {e}"))?;

    let state = nps_server::AppState::open(config)
        .await
        .map_err(|e| format!("server config: {e}"))?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "{LISTENING_PREFIX}{addr}")
            .and_then(|()| out.flush())
            .map_err(|e| format!("stdout: {e}"))?;
    }
    nps_server::serve(listener, state, stdin_closed_or_signal())
        .await
        .map_err(|e| format!("serve: {e}"))?;
    drop(data_dir);
    Ok(())
}

/// Completes when stdin reaches its end (or fails), or on SIGTERM / Ctrl-C.
async fn stdin_closed_or_signal() {
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    // A blocking read on a plain thread: tokio's stdin would keep the runtime
    // from shutting down while the read is pending.
    let spawned = std::thread::Builder::new()
        .name("stdin-watch".into())
        .spawn(move || {
            let _ = io::copy(&mut io::stdin().lock(), &mut io::sink());
            let _ = tx.send(());
        });
    if spawned.is_err() {
        nps_server::shutdown_signal().await;
        return;
    }
    tokio::select! {
        _ = rx => {}
        () = nps_server::shutdown_signal() => {}
    }
}
