//! Group commit for [`PgStore::append_event`](super::PgStore::append_event).
//!
//! Every append commits a transaction that also `NOTIFY`s, and PostgreSQL
//! commits notifying transactions one at a time (each waits for the previous
//! one's WAL flush). One event per transaction would cap a node at one event
//! per disk flush. So appends go through a queue: a task takes whatever is
//! waiting (up to [`MAX_APPEND_BATCH`]) and appends it in one transaction with
//! `nps_append_events`; each caller gets its own result when that commits.
//! Alone, an append commits at once; under load, many share a flush.
//!
//! A reading and the event that tells of it (`reading_complete`) go through the
//! same queue ([`Appender::insert_reading`]): the reading is inserted in the
//! batch's transaction, its event built from the new id, and both commit together
//! (one commit for the batch instead of one per reading, and never a reading
//! without its event or the other way round). A reading refused for its owner's
//! bound gets its own error and writes nothing; the rest of the batch goes on.

use std::sync::Arc;

use deadpool_postgres::tokio_postgres::Row;
use deadpool_postgres::{GenericClient, Pool};
use tokio::sync::{mpsc, oneshot};

use super::errors::{from_pg, from_pool};
use super::reading_row::insert_row;
use super::sql;
use crate::model::{NewReading, StoredReading};
use crate::{Result, StoreError, validate};

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

/// Builds the payload of a reading's event from the reading's new id (an error
/// fails the batch: nothing of it is written).
pub type PayloadOf = Box<dyn FnOnce(i64) -> Result<serde_json::Value> + Send>;

/// An event to append.
struct EventRow {
    user_id: String,
    name: String,
    payload: serde_json::Value,
}

/// A reading to insert, with its event, in the batch's transaction.
struct ReadingRow {
    row: NewReading,
    max_per_owner: u32,
    name: String,
    payload_of: PayloadOf,
}

/// What one caller asked for.
enum Work {
    Event(EventRow),
    Reading(ReadingRow),
}

/// What a job wrote: its event, and its reading for a [`Work::Reading`].
struct Written {
    reading: Option<StoredReading>,
    event: AppendedEvent,
}

/// A job and where its answer goes (an `Err` of its own: a reading over its owner's
/// bound, or the batch's failure).
struct Job {
    work: Work,
    done: oneshot::Sender<Result<Written>>,
}

/// The sending side of the queue; the batch task ends when this is dropped.
pub(crate) struct Appender {
    queue: mpsc::Sender<Job>,
}

fn stopped() -> StoreError {
    StoreError::Unavailable {
        reason: "the event append task has stopped (the runtime is shutting down)".into(),
        source: None,
    }
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
        let event = EventRow {
            user_id: user_id.to_owned(),
            name: name.to_owned(),
            payload: payload.clone(),
        };
        let work = Work::Event(event);
        self.queue
            .send(Job { work, done })
            .await
            .map_err(|_| stopped())?;
        Ok(result.await.map_err(|_| stopped())??.event)
    }

    /// Inserts a reading (inputs already validated) and appends the event
    /// `name` with the payload `payload_of` builds from its id, for its owner, in
    /// one transaction; returns once both are committed.
    pub(crate) async fn insert_reading(
        &self,
        row: NewReading,
        max_per_owner: u32,
        name: &str,
        payload_of: PayloadOf,
    ) -> Result<(StoredReading, AppendedEvent)> {
        let (done, result) = oneshot::channel();
        let reading = ReadingRow {
            row,
            max_per_owner,
            name: name.to_owned(),
            payload_of,
        };
        let work = Work::Reading(reading);
        self.queue
            .send(Job { work, done })
            .await
            .map_err(|_| stopped())?;
        let written = result.await.map_err(|_| stopped())??;
        match written.reading {
            Some(stored) => Ok((stored, written.event)),
            None => Err(StoreError::Corrupt {
                column: "nps_append_events",
                row: "batch".into(),
                problem: "a reading's job came back without its reading".into(),
                source: None,
            }),
        }
    }
}

async fn run(pool: Pool, mut pending: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_APPEND_BATCH);
    while pending.recv_many(&mut batch, MAX_APPEND_BATCH).await > 0 {
        let (work, done): (Vec<Work>, Vec<_>) =
            batch.drain(..).map(|job| (job.work, job.done)).unzip();
        match write_batch(&pool, work).await {
            Ok(written) => {
                for (done, w) in done.into_iter().zip(written) {
                    let _ = done.send(w); // the caller may have given up
                }
            }
            // One transaction: if it failed, none of the batch was written.
            Err(e) => {
                let shared = Arc::new(e);
                for done in done {
                    let _ = done.send(Err(StoreError::Batch(Arc::clone(&shared))));
                }
            }
        }
    }
}

/// A job's part in the batch once its reading (if any) is inserted.
enum Staged {
    /// Its event is the `n`th appended.
    Event(usize),
    /// Its reading, stored; its event is the `n`th appended.
    Reading(StoredReading, usize),
    /// Its reading was refused (nothing of it is written).
    Refused(StoreError),
}

/// Writes the batch in one transaction: the readings, then every event (with
/// `nps_append_events`), then the commit. What each job wrote, in order.
async fn write_batch(pool: &Pool, work: Vec<Work>) -> Result<Vec<Result<Written>>> {
    let mut client = pool.get().await.map_err(from_pool)?;
    let tx = client.transaction().await.map_err(from_pg)?;
    let mut events: Vec<EventRow> = Vec::with_capacity(work.len());
    let mut staged = Vec::with_capacity(work.len());
    for job in work {
        let part = match job {
            Work::Event(e) => {
                events.push(e);
                Staged::Event(events.len() - 1)
            }
            Work::Reading(r) => match insert_row(&tx, &r.row, r.max_per_owner).await? {
                Some((id, created_at)) => {
                    events.push(EventRow {
                        user_id: r.row.owner.clone(),
                        name: r.name,
                        payload: (r.payload_of)(id)?,
                    });
                    Staged::Reading(r.row.into_stored(id, created_at), events.len() - 1)
                }
                None => Staged::Refused(validate::readings_full(r.max_per_owner)),
            },
        };
        staged.push(part);
    }
    let appended = append_events(&tx, &events).await?;
    tx.commit().await.map_err(from_pg)?;
    Ok(staged
        .into_iter()
        .map(|part| match part {
            Staged::Event(n) => Ok(Written {
                reading: None,
                event: appended[n],
            }),
            Staged::Reading(stored, n) => Ok(Written {
                reading: Some(stored),
                event: appended[n],
            }),
            Staged::Refused(why) => Err(why),
        })
        .collect())
}

async fn append_events(
    client: &impl GenericClient,
    events: &[EventRow],
) -> Result<Vec<AppendedEvent>> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let users: Vec<&str> = events.iter().map(|e| e.user_id.as_str()).collect();
    let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    let payloads: Vec<&serde_json::Value> = events.iter().map(|e| &e.payload).collect();
    let rows = sql::query(
        client,
        "SELECT event_id, event_seq FROM nps_append_events($1, $2, $3::json[])",
        &[&users, &names, &payloads],
    )
    .await?;
    if rows.len() != events.len() {
        return Err(StoreError::Corrupt {
            column: "nps_append_events",
            row: format!("batch of {}", events.len()),
            problem: format!("{} events came back", rows.len()),
            source: None,
        });
    }
    rows.iter().map(appended_from_row).collect()
}
