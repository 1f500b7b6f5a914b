//! The server inside the app: started on the shared runtime on a loopback port, with
//! a signing secret drawn for this launch (memory only) and the local user's token;
//! stopped gracefully when the window closes.

use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::time::Duration;

use tauri::{AppHandle, Manager};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::error::DesktopError;
use crate::launch::{fresh_secret, token_update_script};

/// Lifetime of the local user's token. The secret dies with the process, so a token
/// can never outlive the launch that minted it.
pub const LOCAL_TOKEN_TTL: Duration = Duration::from_secs(30 * 24 * 60 * 60);
/// The local user: the same history owner as the `nps` CLI.
pub const LOCAL_USER: &str = nps_server::accounts::LOCAL_USER;
/// How often the page's token is replaced by a fresh one.
pub const TOKEN_REFRESH_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// How long closing waits for the server to finish in-flight work.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(15);

/// The embedded server, listening.
pub struct LocalServer {
    /// `http://127.0.0.1:PORT`: the API's (the page itself comes from
    /// `crate::launch::APP_SCHEME`, not from here).
    pub base_url: String,
    /// The local user's first token.
    pub token: String,
    /// This launch's signing secret (to mint the next tokens).
    pub secret: Vec<u8>,
    /// The server's state (its store), for what the shell reads itself: the daily
    /// notification.
    pub state: nps_server::AppState,
    /// Stops it.
    pub running: Running,
}

/// The handle that stops the server.
pub struct Running {
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl LocalServer {
    /// Starts the server on the shared runtime, on the first of `ports` that is free.
    /// It serves the API and `/ws/oracle` only: no page (the window's page comes from
    /// the app's own scheme), so a browser on this computer finds nothing to load.
    pub fn start(data_dir: PathBuf, ports: &[u16]) -> Result<Self, DesktopError> {
        let secret = fresh_secret()?;
        let token = local_token(&secret)?;
        let mut config = nps_server::Config::new(secret.clone());
        config.data_dir = Some(data_dir);
        // Peer, Host and Origin checks; the Origin may be the app's page
        // (`nps_server::config::DESKTOP_ORIGINS`, allowed by every server).
        config.loopback_only = true;
        let state = nps_server::AppState::new(config)?;
        let listener = tauri::async_runtime::block_on(bind(ports)).map_err(DesktopError::Bind)?;
        let addr = listener.local_addr().map_err(DesktopError::Bind)?;
        let (stop, stopped) = oneshot::channel::<()>();
        let task =
            tauri::async_runtime::spawn(nps_server::serve(listener, state.clone(), async move {
                let _ = stopped.await;
            }));
        let tauri::async_runtime::JoinHandle::Tokio(task) = task;
        Ok(LocalServer {
            base_url: format!("http://{addr}"),
            token,
            secret,
            state,
            running: Running { stop, task },
        })
    }
}

/// The first of `ports` that can be bound on 127.0.0.1.
async fn bind(ports: &[u16]) -> std::io::Result<tokio::net::TcpListener> {
    let mut last = None;
    for &port in ports {
        match tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await {
            Ok(listener) => return Ok(listener),
            Err(e) => {
                tracing::warn!(port, error = %e, "cannot listen on this loopback port");
                last = Some(e);
            }
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no port to try")))
}

impl Running {
    /// Stops the server and waits up to [`SHUTDOWN_GRACE`] for in-flight requests
    /// (readings included) to finish and be stored.
    pub fn stop(self, runtime: &tokio::runtime::Runtime) {
        let _ = self.stop.send(());
        let task = self.task;
        match runtime.block_on(async { tokio::time::timeout(SHUTDOWN_GRACE, task).await }) {
            Ok(Ok(Ok(()))) => tracing::info!("server stopped"),
            Ok(Ok(Err(e))) => tracing::error!(error = %e, "server stopped with an error"),
            Ok(Err(e)) => tracing::error!(error = %e, "server task failed"),
            Err(_) => tracing::error!("server did not stop within {SHUTDOWN_GRACE:?}"),
        }
    }
}

/// A token for the local user, valid [`LOCAL_TOKEN_TTL`].
pub fn local_token(secret: &[u8]) -> Result<String, DesktopError> {
    Ok(nps_server::mint_token(
        secret,
        LOCAL_USER,
        LOCAL_USER,
        "user",
        LOCAL_TOKEN_TTL,
    )?)
}

/// Re-mints the local token every [`TOKEN_REFRESH_EVERY`] and hands it to the page, so
/// a window left open for weeks keeps a valid token.
pub async fn refresh_token_periodically(
    app: AppHandle,
    window: &'static str,
    page_origin: String,
    secret: Vec<u8>,
) {
    loop {
        tokio::time::sleep(TOKEN_REFRESH_EVERY).await;
        match local_token(&secret) {
            Ok(token) => {
                if let Some(w) = app.get_webview_window(window) {
                    let _ = w.eval(token_update_script(&page_origin, &token));
                }
            }
            Err(e) => tracing::error!(error = %e, "cannot re-mint the local token"),
        }
    }
}
