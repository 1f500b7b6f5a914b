//! Group commit for [`PgStore::append_event`](super::PgStore::append_event).
//!
//! Every append commits a transaction that also `NOTIFY`s, and PostgreSQL
//! commits notifying transactions one at a time (each waits for the previous
//! one's WAL flush). One event per transaction would cap a node at one event
//! per disk flush. So appends go through a queue: a task takes whatever is
//! waiting (up to [`MAX_APPEND_BATCH`]) and appends it in one transaction with
//! `nps_append_events`; each caller gets its own result when that commits.
//! Alone, an append commits at once; under load, many share a flush.

use std::sync::Arc;

use deadpool_postgres::Pool;
use deadpool_postgres::tokio_postgres::Row;
use tokio::sync::{mpsc, oneshot};

use super::errors::{from_pg, from_pool};
use super::sql;
use crate::{Result, StoreError};

/// Most events appended in one transaction.
pub const MAX_APPEND_BATCH: usize = 256;
/// Appends waiting for the batch task; a caller beyond this waits for room.
pub const APPEND_QUEUE_CAPACITY: usize = 4_096;

/// Where an appended event landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppendedEvent {
    /// The row id, as sent in the `NOTIFY` payload.
    pub id: i64,
    /// The event's seq: increasing in the order the user's events commit.
    pub seq: u64,
}

/// Seqs come from a sequence starting at 1, so they are never negative.
pub(crate) fn seq_to_u64(seq: i64) -> u64 {
    u64::try_from(seq).unwrap_or(0)
}

pub(crate) fn appended_from_row(row: &Row) -> Result<AppendedEvent> {
    let seq: i64 = row.try_get(1).map_err(from_pg)?;
    Ok(AppendedEvent {
        id: row.try_get(0).map_err(from_pg)?,
        seq: seq_to_u64(seq),
    })
}

struct PendingAppend {
    user_id: String,
    name: String,
    payload: serde_json::Value,
    done: oneshot::Sender<Result<AppendedEvent>>,
}

/// The sending side of the queue; the batch task ends when this is dropped.
pub(crate) struct Appender {
    queue: mpsc::Sender<PendingAppend>,
}

impl Appender {
    /// Starts the batch task on the current runtime.
    pub(crate) fn start(pool: Pool) -> Appender {
        let (queue, pending) = mpsc::channel(APPEND_QUEUE_CAPACITY);
        tokio::spawn(run(pool, pending));
        Appender { queue }
    }

    /// Appends one event (inputs already validated); returns once it is committed.
    pub(crate) async fn append(
        &self,
        user_id: &str,
        name: &str,
        payload: &serde_json::Value,
    ) -> Result<AppendedEvent> {
        let (done, result) = oneshot::channel();
        let pending = PendingAppend {
            user_id: user_id.to_owned(),
            name: name.to_owned(),
            payload: payload.clone(),
            done,
        };
        let stopped = || StoreError::Unavailable {
            reason: "the event append task has stopped (the runtime is shutting down)".into(),
            source: None,
        };
        self.queue.send(pending).await.map_err(|_| stopped())?;
        result.await.map_err(|_| stopped())?
    }
}

async fn run(pool: Pool, mut pending: mpsc::Receiver<PendingAppend>) {
    let mut batch = Vec::with_capacity(MAX_APPEND_BATCH);
    while pending.recv_many(&mut batch, MAX_APPEND_BATCH).await > 0 {
        match append_batch(&pool, &batch).await {
            Ok(appended) => {
                for (p, a) in batch.drain(..).zip(appended) {
                    let _ = p.done.send(Ok(a)); // the caller may have given up
                }
            }
            // One transaction: if it failed, none of the batch was written.
            Err(e) => {
                let shared = Arc::new(e);
                for p in batch.drain(..) {
                    let _ = p.done.send(Err(StoreError::Batch(Arc::clone(&shared))));
                }
            }
        }
    }
}

async fn append_batch(pool: &Pool, batch: &[PendingAppend]) -> Result<Vec<AppendedEvent>> {
    let users: Vec<&str> = batch.iter().map(|p| p.user_id.as_str()).collect();
    let names: Vec<&str> = batch.iter().map(|p| p.name.as_str()).collect();
    let payloads: Vec<&serde_json::Value> = batch.iter().map(|p| &p.payload).collect();
    let client = pool.get().await.map_err(from_pool)?;
    let rows = sql::query(
        &client,
        "SELECT event_id, event_seq FROM nps_append_events($1, $2, $3::json[])",
        &[&users, &names, &payloads],
    )
    .await?;
    if rows.len() != batch.len() {
        return Err(StoreError::Corrupt {
            column: "nps_append_events",
            row: format!("batch of {}", batch.len()),
            problem: format!("{} events came back", rows.len()),
            source: None,
        });
    }
    rows.iter().map(appended_from_row).collect()
}
