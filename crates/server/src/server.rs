//! Serving: [`run`] / [`serve`] and graceful shutdown (mini-redis `server.rs`,
//! axum `graceful-shutdown`).
//!
//! The accept loop ([`BoundedListener`]) hands each connection to its own task
//! (`connection`: TLS, hyper, the timeouts).
//!
//! Shutdown is threaded, not global: the caller's future cancels the app's
//! token; the loop stops accepting (the listening socket closes), connections
//! finish their in-flight requests and close; every WebSocket task sees the
//! token and closes with 1001. `serve` returns once all are done, or after
//! [`Config::shutdown_timeout`] plus at most a second, dropping stuck clients.

use std::future::Future;
use std::io;
use std::time::Duration;

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio_util::task::TaskTracker;
use tower_http::timeout::RequestBodyTimeoutLayer;

use crate::app::AppState;
use crate::config::Config;
use crate::connection::Connections;
use crate::listener::BoundedListener;
use crate::router::router;

/// Builds the app from `config` and serves it on `listener` until `shutdown`
/// completes; then closes every WebSocket with 1001 and waits for them.
/// An invalid `config` is an `InvalidInput` error.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let state = AppState::open(config)
        .await
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    serve(listener, state, shutdown).await
}

/// [`run`] with a prepared [`AppState`], for callers that need the hub (the
/// desktop shell, tests).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let local = listener.local_addr()?;
    // A cluster node listens for the other nodes' events before it serves anyone.
    let cluster = match state.hub().cluster_store() {
        Some(store) => Some(crate::cluster::start(state.clone(), store).await?),
        None => None,
    };
    let cancel = state.shutdown_token().clone();
    let trigger = tokio::spawn({
        let cancel = cancel.clone();
        async move {
            tokio::select! {
                () = shutdown => cancel.cancel(),
                () = cancel.cancelled() => {}
            }
        }
    });
    let janitor = tokio::spawn(prune_periodically(state.clone()));
    let daily = tokio::spawn(crate::daily::scheduler::run(state.clone()));
    let config = state.config();
    let app =
        router(state.clone()).layer(RequestBodyTimeoutLayer::new(config.request_body_timeout));
    let connections = Arc::new(Connections::new(app, config, cancel.clone()));
    let mut listener = BoundedListener::new(
        listener,
        config.max_connections,
        connections.clients.clone(),
        Arc::clone(&connections.trusted_proxies),
    );
    tracing::info!(
        %local,
        tls = config.tls.is_some(),
        loopback_only = config.loopback_only,
        "listening"
    );
    let tasks = TaskTracker::new();
    loop {
        tokio::select! {
            () = cancel.cancelled() => break,
            (stream, _) = listener.accept() => {
                tasks.spawn(Arc::clone(&connections).serve(stream));
            }
        }
    }
    drop(listener);
    finish(&state, &tasks, &connections).await;
    trigger.abort();
    let _ = janitor.await;
    let _ = daily.await;
    if let Some(cluster) = cluster {
        cluster.stopped().await;
    }
    tracing::info!(%local, "stopped");
    Ok(())
}

/// After the shutdown signal: waits up to `shutdown_timeout` for requests to finish
/// and WebSockets to close (each got 1001), then drops what is left.
async fn finish(state: &AppState, tasks: &TaskTracker, connections: &Connections) {
    tasks.close();
    state.tracker().close();
    let drained = async {
        tasks.wait().await;
        state.tracker().wait().await;
    };
    if tokio::time::timeout(state.config().shutdown_timeout, drained)
        .await
        .is_err()
    {
        tracing::warn!(
            connections = tasks.len(),
            sockets = state.tracker().len(),
            "shutdown deadline passed; dropping the rest"
        );
        connections.hard_stop.cancel();
        // Connection tasks end at once now; sockets end with the runtime.
        let _ = tokio::time::timeout(Duration::from_secs(1), tasks.wait()).await;
    }
}

/// Calls [`crate::Hub::prune`] and [`crate::throttle::Throttle::prune`] every half `replay_max_age` (at least 1 s, at
/// most 60 s) until shutdown.
async fn prune_periodically(state: AppState) {
    let every =
        (state.config().replay_max_age / 2).clamp(Duration::from_secs(1), Duration::from_secs(60));
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = state.shutdown_token().cancelled() => return,
            _ = ticker.tick() => {
                let dropped = state.hub().prune();
                if dropped > 0 {
                    tracing::debug!(dropped, "pruned idle hub slots");
                }
                let limited = state.throttle().prune();
                tracing::trace!(limited, "pruned fresh rate-limit keys");
            }
        }
    }
}

/// Completes on Ctrl-C, or SIGTERM on Unix: a ready-made `shutdown` argument
/// for [`run`]. If no handler can be installed it never completes.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutdown signal received");
}
