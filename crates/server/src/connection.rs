//! One accepted connection, in its own task: the TLS handshake (bounded by
//! `header_read_timeout`), then hyper's HTTP/1.1 with upgrades, under three clocks
//! (see [`crate::Config`]):
//!
//! - hyper's header-read timeout: a request's head must arrive within
//!   `header_read_timeout` of the connection starting to wait for it;
//! - the keep-alive watchdog: with no request in progress, a connection on which no
//!   byte moved either way for `keep_alive_timeout` is dropped (an idle keep-alive, a
//!   half-sent request line, a client that stopped reading its response);
//! - shutdown: the shared token starts hyper's graceful shutdown (in-flight requests
//!   finish, idle connections close); the hard-stop token, cancelled by
//!   [`crate::serve`] at its deadline, drops whatever is left.
//!
//! Each request gets its [`ConnInfo`] (as axum's `ConnectInfo`) and its
//! [`ClientAddr`]. A request that came through a trusted proxy also takes a slot of
//! its client's per-address share for its lifetime — for a WebSocket, the socket's
//! lifetime — or is answered 429.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use ipnet::IpNet;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;

use crate::client::{ClientAddr, ClientSlots, client_addr, is_trusted};
use crate::config::Config;
use crate::error::ApiError;
use crate::listener::{Activity, ConnInfo, CountedStream};
use crate::locale::request_locale;
use crate::tls::TlsConfig;

/// What every connection task needs. Shared by all of them.
pub(crate) struct Connections {
    pub router: Router,
    pub tls: Option<tokio_rustls::TlsAcceptor>,
    pub trusted_proxies: Arc<[IpNet]>,
    pub clients: ClientSlots,
    pub header_read_timeout: Duration,
    pub keep_alive_timeout: Duration,
    /// Graceful shutdown: finish in-flight requests, then close.
    pub shutdown: CancellationToken,
    /// The shutdown deadline passed: drop the connection now.
    pub hard_stop: CancellationToken,
}

impl Connections {
    pub fn new(router: Router, config: &Config, shutdown: CancellationToken) -> Self {
        Self {
            router,
            tls: config
                .tls
                .as_ref()
                .map(|TlsConfig(c)| tokio_rustls::TlsAcceptor::from(Arc::clone(c))),
            trusted_proxies: config.trusted_proxies.clone().into(),
            clients: ClientSlots::new(config.max_connections_per_ip),
            header_read_timeout: config.header_read_timeout,
            keep_alive_timeout: config.keep_alive_timeout,
            shutdown,
            hard_stop: CancellationToken::new(),
        }
    }

    /// Serves `stream` until it closes, times out or the server stops.
    pub async fn serve(self: Arc<Self>, stream: CountedStream) {
        let info = stream.info();
        let activity = stream.activity();
        let Some(acceptor) = self.tls.clone() else {
            return self.serve_io(stream, info, activity).await;
        };
        let handshake = tokio::time::timeout(self.header_read_timeout, acceptor.accept(stream));
        let tls = tokio::select! {
            done = handshake => done,
            () = self.shutdown.cancelled() => return,
        };
        match tls {
            Ok(Ok(tls)) => self.serve_io(tls, info, activity).await,
            Ok(Err(e)) => tracing::debug!(peer = %info.peer, error = %e, "TLS handshake failed"),
            Err(_) => tracing::debug!(peer = %info.peer, "TLS handshake timed out"),
        }
    }

    async fn serve_io<I>(self: Arc<Self>, io: I, info: ConnInfo, activity: Arc<Activity>)
    where
        I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let in_flight = Arc::new(AtomicUsize::new(0));
        let service = hyper::service::service_fn({
            let this = Arc::clone(&self);
            let activity = Arc::clone(&activity);
            let in_flight = Arc::clone(&in_flight);
            move |req| {
                let request = InFlight::enter(&in_flight);
                Arc::clone(&this).handle(req, info, Arc::clone(&activity), request)
            }
        });
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(self.header_read_timeout);
        let conn = http
            .serve_connection(TokioIo::new(io), service)
            .with_upgrades();
        tokio::pin!(conn);
        let mut draining = false;
        loop {
            tokio::select! {
                done = conn.as_mut() => {
                    if let Err(e) = done {
                        tracing::debug!(peer = %info.peer, error = %e, "connection ended");
                    }
                    return;
                }
                () = self.shutdown.cancelled(), if !draining => {
                    conn.as_mut().graceful_shutdown();
                    draining = true;
                }
                () = idle(&activity, &in_flight, self.keep_alive_timeout) => {
                    tracing::debug!(peer = %info.peer, "idle connection closed");
                    return;
                }
                () = self.hard_stop.cancelled() => return,
            }
        }
    }

    /// One request: its addresses in the extensions, the per-client share for
    /// requests through a proxy, then the router.
    async fn handle(
        self: Arc<Self>,
        mut req: Request<Incoming>,
        info: ConnInfo,
        activity: Arc<Activity>,
        _request: InFlight,
    ) -> Result<Response, Infallible> {
        let client = client_addr(info.peer.ip(), req.headers(), &self.trusted_proxies);
        let slot = if is_trusted(info.peer.ip(), &self.trusted_proxies) {
            match self.clients.try_acquire(client) {
                Some(slot) => Some(slot),
                None => return Ok(over_share(&req)),
            }
        } else {
            None
        };
        req.extensions_mut().insert(ConnectInfo(info));
        req.extensions_mut().insert(ClientAddr(client));
        let response = self.router.clone().oneshot(req).await?;
        if let Some(slot) = slot
            && response.status() == StatusCode::SWITCHING_PROTOCOLS
        {
            // The WebSocket lives on in this connection's I/O object.
            activity.hold(slot);
        }
        Ok(response)
    }
}

/// Completes when, with no request in progress, no byte moved for `limit`.
async fn idle(activity: &Activity, in_flight: &AtomicUsize, limit: Duration) {
    loop {
        let deadline = activity.last() + limit;
        tokio::time::sleep_until(deadline.into()).await;
        if in_flight.load(Ordering::Relaxed) == 0 && activity.last() + limit <= deadline {
            return;
        }
        if in_flight.load(Ordering::Relaxed) > 0 {
            // A request is being handled: its own bounds apply; look again later.
            tokio::time::sleep(limit).await;
        }
    }
}

/// Counts a request in progress on a connection while alive.
struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    fn enter(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::Relaxed);
        Self(Arc::clone(count))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// 429 for a client behind a proxy that holds its share of connections already, in
/// the request's language.
fn over_share<B>(req: &Request<B>) -> Response {
    ApiError::TooManyConnections.into_response_in(request_locale(req.uri(), req.headers()))
}
