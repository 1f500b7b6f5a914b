//! The accept loop's bounds: a [`tokio::net::TcpListener`] that holds a semaphore
//! permit per open connection (mini-redis `MAX_CONNECTIONS`) and a [`ClientSlot`] per
//! connection of a direct peer. At the total cap the listener stops accepting; new
//! peers wait in the kernel backlog until a connection closes. A peer already holding
//! its per-address share is accepted and closed at once, so one address can never
//! fill the total. Both live inside the connection's I/O object, so an upgraded
//! WebSocket keeps holding them until the socket is dropped. The object also notes
//! when bytes last moved, for the keep-alive timeout of `connection`.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use ipnet::IpNet;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::client::{ClientSlot, ClientSlots, is_trusted};

/// Addresses of one accepted connection, available to handlers as
/// `ConnectInfo<ConnInfo>` when served by [`crate::serve`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnInfo {
    /// The TCP peer's address (a proxy's, behind one: see [`crate::ClientAddr`]).
    pub peer: SocketAddr,
    /// The server's address for this connection (its port is the server's port).
    pub local: SocketAddr,
}

/// A TCP listener with at most `max` connections open at once, and at most
/// `clients`' share per peer address (trusted proxies excepted: their clients are
/// counted per request, in `connection`).
#[derive(Debug)]
pub struct BoundedListener {
    inner: TcpListener,
    permits: Arc<Semaphore>,
    max: usize,
    clients: ClientSlots,
    trusted_proxies: Arc<[IpNet]>,
}

impl BoundedListener {
    pub fn new(
        inner: TcpListener,
        max: usize,
        clients: ClientSlots,
        trusted_proxies: Arc<[IpNet]>,
    ) -> Self {
        Self {
            inner,
            permits: Arc::new(Semaphore::new(max)),
            max,
            clients,
            trusted_proxies,
        }
    }

    /// Connections open right now.
    pub fn open_connections(&self) -> usize {
        self.max - self.permits.available_permits()
    }

    /// The next connection within the bounds. Cancel-safe.
    pub async fn accept(&mut self) -> (CountedStream, SocketAddr) {
        loop {
            if self.permits.available_permits() == 0 {
                tracing::warn!(max = self.max, "connection limit reached; accept paused");
            }
            // The semaphore is never closed, so this only fails in theory.
            let Ok(permit) = Arc::clone(&self.permits).acquire_owned().await else {
                std::future::pending::<()>().await;
                continue;
            };
            match self.inner.accept().await {
                Ok((stream, peer)) => {
                    if let Some(counted) = self.admit(stream, peer, permit) {
                        return (counted, peer);
                    }
                }
                Err(e) if is_connection_error(&e) => {}
                Err(e) => {
                    // e.g. EMFILE: back off instead of spinning (as axum/hyper do).
                    tracing::error!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    /// The accepted `stream` with its slots, or `None` (the stream is dropped, which
    /// closes it) when its address holds its share already.
    fn admit(
        &self,
        stream: TcpStream,
        peer: SocketAddr,
        permit: OwnedSemaphorePermit,
    ) -> Option<CountedStream> {
        let client = if is_trusted(peer.ip(), &self.trusted_proxies) {
            None
        } else {
            let Some(slot) = self.clients.try_acquire(peer.ip().to_canonical()) else {
                // Debug, not warn: a flood must not become a flood of log lines.
                tracing::debug!(%peer, "per-address connection limit reached; closed");
                return None;
            };
            Some(slot)
        };
        let _ = stream.set_nodelay(true);
        let local = match stream.local_addr() {
            Ok(a) => a,
            Err(e) => {
                tracing::debug!(error = %e, "accepted socket has no local address");
                return None;
            }
        };
        Some(CountedStream {
            stream,
            info: ConnInfo { peer, local },
            activity: Arc::new(Activity::new(client)),
            _permit: permit,
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// What a connection shares with the code serving it: when bytes last moved, and
/// the slots it holds.
#[derive(Debug)]
pub(crate) struct Activity {
    since: Instant,
    /// Milliseconds from `since` to the last read or write that moved bytes.
    last_ms: AtomicU64,
    /// The direct peer's slot, then those of clients behind a trusted proxy whose
    /// WebSocket lives on this connection: all freed when the connection closes.
    slots: Mutex<Vec<ClientSlot>>,
}

impl Activity {
    fn new(client: Option<ClientSlot>) -> Self {
        Self {
            since: Instant::now(),
            last_ms: AtomicU64::new(0),
            slots: Mutex::new(client.into_iter().collect()),
        }
    }

    fn touch(&self) {
        let ms = u64::try_from(self.since.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    /// When bytes last moved.
    pub(crate) fn last(&self) -> Instant {
        self.since + Duration::from_millis(self.last_ms.load(Ordering::Relaxed))
    }

    /// Keeps `slot` until the connection closes.
    pub(crate) fn hold(&self, slot: ClientSlot) {
        self.slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(slot);
    }
}

/// An accepted TCP stream that releases its slots when dropped.
#[derive(Debug)]
pub struct CountedStream {
    stream: TcpStream,
    info: ConnInfo,
    activity: Arc<Activity>,
    _permit: OwnedSemaphorePermit,
}

impl CountedStream {
    pub fn info(&self) -> ConnInfo {
        self.info
    }

    pub(crate) fn activity(&self) -> Arc<Activity> {
        Arc::clone(&self.activity)
    }
}

fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

impl AsyncRead for CountedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for CountedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}
