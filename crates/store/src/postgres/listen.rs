//! [`EventSubscription`]: the ids of committed events, from `LISTEN`, on a
//! dedicated connection that comes back by itself after the database restarts.

use std::time::Duration;

use deadpool_postgres::tokio_postgres::tls::NoTlsStream;
use deadpool_postgres::tokio_postgres::{self, AsyncMessage, Connection, NoTls, Socket};
use futures_util::StreamExt;
use tokio::sync::mpsc;
use tokio::task::{JoinHandle, JoinSet};

use super::connection::PgStore;
use super::errors::from_pg;
use crate::{Result, StoreError};

/// First wait before reconnecting a lost `LISTEN` connection; doubles per
/// failed attempt up to [`RECONNECT_MAX_DELAY`].
pub const RECONNECT_MIN_DELAY: Duration = Duration::from_millis(100);
/// Longest wait between two reconnection attempts.
pub const RECONNECT_MAX_DELAY: Duration = Duration::from_secs(5);
/// Notices buffered for a consumer that is busy. When it is full the listener
/// waits (PostgreSQL keeps queueing the notifications meanwhile), so nothing is
/// dropped; a consumer should still keep up.
pub const SUBSCRIPTION_CAPACITY: usize = 1_024;

/// What an [`EventSubscription`] reports, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventNotice {
    /// An event with this id was committed (by any node, this one included);
    /// load it with [`PgStore::events_by_id`].
    Event(i64),
    /// The `LISTEN` connection broke (the database restarted, or the network
    /// failed). No notices arrive until it is back.
    Lost,
    /// `LISTEN` works again after a [`EventNotice::Lost`]. Events committed in
    /// between were not notified: catch up from the table with
    /// [`PgStore::events_since`] for each user you serve. (Notices of events
    /// committed just after the new `LISTEN` may come before this one; skip what
    /// you already delivered by seq.)
    Gap,
}

/// A live subscription to [`EVENTS_CHANNEL`](super::events::EVENTS_CHANNEL).
/// Every event committed after [`PgStore::subscribe`] returned is reported as
/// [`EventNotice::Event`], or falls inside a `Lost` … `Gap` window. Dropping
/// it closes its connection.
#[derive(Debug)]
pub struct EventSubscription {
    notices: mpsc::Receiver<EventNotice>,
    task: JoinHandle<()>,
}

impl EventSubscription {
    /// The next notice; `None` only if the listener task ended (it does not,
    /// short of a panic). Cancel-safe: use it in `tokio::select!`.
    pub async fn recv(&mut self) -> Option<EventNotice> {
        self.notices.recv().await
    }
}

impl Drop for EventSubscription {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type PgConnection = Connection<Socket, NoTlsStream>;

impl PgStore {
    /// Opens a dedicated connection (outside the pool), `LISTEN`s on
    /// [`EVENTS_CHANNEL`](super::events::EVENTS_CHANNEL) and reports what it
    /// hears. Fails with `Unavailable` if the database cannot be reached now;
    /// once running, it reconnects by itself (reporting `Lost`, then `Gap`).
    pub async fn subscribe(&self) -> Result<EventSubscription> {
        let (tx, notices) = mpsc::channel(SUBSCRIPTION_CAPACITY);
        let listening = Listening::start(&self.pg_config, tx.clone()).await?;
        let task = tokio::spawn(supervise(self.pg_config.clone(), tx, listening));
        Ok(EventSubscription { notices, task })
    }
}

/// A connection that has executed `LISTEN`, with the task reading from it.
struct Listening {
    /// Keeps the connection open: dropping the client closes it.
    _client: tokio_postgres::Client,
    /// Forwards notifications; ends when the connection does. Aborted on drop.
    reader: JoinSet<()>,
}

impl Listening {
    async fn start(config: &tokio_postgres::Config, tx: mpsc::Sender<EventNotice>) -> Result<Self> {
        // The client's own connect timeout covers the TCP connect only; this one
        // also covers a server that accepts and then says nothing.
        let limit = config
            .get_connect_timeout()
            .copied()
            .unwrap_or(PgStore::CONNECT_TIMEOUT);
        let timed_out = |_| StoreError::Unavailable {
            reason: format!("no answer from the database within {limit:?}"),
            source: None,
        };
        let (client, connection) = tokio::time::timeout(limit, config.connect(NoTls))
            .await
            .map_err(timed_out)?
            .map_err(from_pg)?;
        let mut reader = JoinSet::new();
        reader.spawn(forward_notifications(connection, tx));
        tokio::time::timeout(limit, client.batch_execute("LISTEN nps_events"))
            .await
            .map_err(timed_out)?
            .map_err(from_pg)?;
        Ok(Listening {
            _client: client,
            reader,
        })
    }

    /// Waits until the connection ends.
    async fn closed(&mut self) {
        let _ = self.reader.join_next().await;
    }
}

/// Reads the connection (which also carries the client's queries) and sends each
/// notification's id on. Returns when the connection ends or nobody listens.
async fn forward_notifications(mut connection: PgConnection, tx: mpsc::Sender<EventNotice>) {
    let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
    while let Some(Ok(message)) = messages.next().await {
        let AsyncMessage::Notification(n) = message else {
            continue; // a server notice
        };
        // Our appends send "id,id,…"; anything else on the channel is ignored.
        for id in n
            .payload()
            .split(',')
            .filter_map(|id| id.parse::<i64>().ok())
        {
            if tx.send(EventNotice::Event(id)).await.is_err() {
                return;
            }
        }
    }
}

/// Keeps a `LISTEN` connection up for as long as the subscription lives.
async fn supervise(
    config: tokio_postgres::Config,
    tx: mpsc::Sender<EventNotice>,
    mut listening: Listening,
) {
    loop {
        tokio::select! {
            () = listening.closed() => {}
            () = tx.closed() => return,
        }
        if tx.send(EventNotice::Lost).await.is_err() {
            return;
        }
        let mut delay = RECONNECT_MIN_DELAY;
        listening = loop {
            tokio::select! {
                () = tokio::time::sleep(delay) => {}
                () = tx.closed() => return,
            }
            match Listening::start(&config, tx.clone()).await {
                Ok(l) => break l,
                Err(_) => delay = (delay * 2).min(RECONNECT_MAX_DELAY),
            }
        };
        if tx.send(EventNotice::Gap).await.is_err() {
            return;
        }
    }
}
