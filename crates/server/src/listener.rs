//! The accept loop's bound: a [`tokio::net::TcpListener`] that holds a semaphore
//! permit per open connection (mini-redis `MAX_CONNECTIONS`). At the cap the
//! listener stops accepting; new peers wait in the kernel backlog until a
//! connection closes. The permit lives inside the connection's I/O object, so
//! an upgraded WebSocket keeps holding it until the socket is dropped.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Addresses of one accepted connection, available to handlers as
/// `ConnectInfo<ConnInfo>` when served by [`crate::serve`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnInfo {
    /// The client's address.
    pub peer: SocketAddr,
    /// The server's address for this connection (its port is the server's port).
    pub local: SocketAddr,
}

/// A TCP listener with at most `max` connections open at once.
#[derive(Debug)]
pub struct BoundedListener {
    inner: TcpListener,
    permits: Arc<Semaphore>,
    max: usize,
}

impl BoundedListener {
    pub fn new(inner: TcpListener, max: usize) -> Self {
        Self {
            inner,
            permits: Arc::new(Semaphore::new(max)),
            max,
        }
    }

    /// Connections open right now.
    pub fn open_connections(&self) -> usize {
        self.max - self.permits.available_permits()
    }
}

/// An accepted TCP stream that releases its slot when dropped.
#[derive(Debug)]
pub struct CountedStream {
    stream: TcpStream,
    local: SocketAddr,
    _permit: OwnedSemaphorePermit,
}

impl Listener for BoundedListener {
    type Io = CountedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
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
                    let _ = stream.set_nodelay(true);
                    let local = match stream.local_addr() {
                        Ok(a) => a,
                        Err(e) => {
                            tracing::debug!(error = %e, "accepted socket has no local address");
                            continue;
                        }
                    };
                    return (
                        CountedStream {
                            stream,
                            local,
                            _permit: permit,
                        },
                        peer,
                    );
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

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
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

impl Connected<IncomingStream<'_, BoundedListener>> for ConnInfo {
    fn connect_info(stream: IncomingStream<'_, BoundedListener>) -> Self {
        Self {
            peer: *stream.remote_addr(),
            local: stream.io().local,
        }
    }
}

impl AsyncRead for CountedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for CountedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
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
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}
