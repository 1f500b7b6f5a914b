//! Group commit of readings: every committed transaction costs an fsync
//! (`synchronous=FULL`), so readings finishing at the same time are inserted in one
//! transaction.
//!
//! One writer thread per store takes what is queued (up to [`MAX_BATCH`] rows), inserts
//! it in one transaction and answers each caller; callers await their answer instead of
//! each holding a blocking thread that waits on the others. Under load N fsyncs become
//! one; alone, an insert commits at once.

use std::sync::Weak;

use tokio::sync::{mpsc, oneshot};

use super::{Db, InsertRow, insert_row};
use crate::error::{Result, StoreError};

/// Most rows committed in one transaction.
const MAX_BATCH: usize = 256;
/// Most rows waiting for the writer; callers beyond it wait to queue.
const MAX_QUEUED: usize = 4 * MAX_BATCH;

type Job = (InsertRow, oneshot::Sender<Result<i64>>);

/// The queue to a store's writer thread. Dropping it (with the store) ends the thread.
pub(super) struct GroupCommit {
    jobs: mpsc::Sender<Job>,
}

/// The writer's end of a [`GroupCommit`], until its thread starts.
pub(super) struct Queue(mpsc::Receiver<Job>);

impl GroupCommit {
    /// A queue, and its end for [`Queue::start`].
    pub(super) fn new() -> (Self, Queue) {
        let (jobs, queue) = mpsc::channel(MAX_QUEUED);
        (GroupCommit { jobs }, Queue(queue))
    }

    /// Inserts `row` durably, committed together with the rows queued beside it; its id.
    pub(super) async fn insert(&self, row: InsertRow) -> Result<i64> {
        let (answer, answered) = oneshot::channel();
        let stopped = || StoreError::Unavailable {
            reason: "the SQLite writer thread has stopped".into(),
            source: None,
        };
        self.jobs.send((row, answer)).await.map_err(|_| stopped())?;
        answered.await.map_err(|_| stopped())?
    }
}

impl Queue {
    /// Starts the writer thread of `db`. It holds `db` weakly: when the store's last
    /// handle goes, its [`GroupCommit`] goes with it, and the thread ends.
    pub(super) fn start(self, db: Weak<Db>) -> std::io::Result<()> {
        std::thread::Builder::new()
            .name("nps-sqlite-writer".into())
            .spawn(move || writer(&db, self.0))
            .map(drop)
    }
}

fn writer(db: &Weak<Db>, mut queue: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.blocking_recv_many(&mut batch, MAX_BATCH) > 0 {
        let Some(db) = db.upgrade() else { return };
        let outcome = db.write(|c| {
            batch
                .iter()
                .map(|(row, _)| insert_row(c, row))
                .collect::<Result<Vec<_>>>()
        });
        match outcome {
            Ok(ids) => {
                for ((_, answer), id) in batch.drain(..).zip(ids) {
                    // A caller that stopped waiting no longer needs its id.
                    let _ = answer.send(id);
                }
            }
            // One transaction: if it failed, no row of the batch was written.
            Err(e) => {
                let e = std::sync::Arc::new(e);
                for (_, answer) in batch.drain(..) {
                    let _ = answer.send(Err(StoreError::Batch(std::sync::Arc::clone(&e))));
                }
            }
        }
    }
}
