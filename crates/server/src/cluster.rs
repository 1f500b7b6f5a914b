//! A cluster node's background work on PostgreSQL ([`crate::hub::Bus::Postgres`]):
//!
//! - the **listener**: one `LISTEN` connection per node ([`PgStore::subscribe`]).
//!   Each notice names committed events; the listener loads them by id, in batches
//!   of what is waiting (at most [`MAX_EVENTS_PER_CALL`]), and hands them to
//!   [`Hub::deliver_stored`] for this node's sockets. When the connection is lost
//!   (the database restarted), notices are ignored until it is back; then every
//!   connected user is caught up from the table ([`PgStore::events_since`] from the
//!   oldest seq their connections have), so what was committed meanwhile is
//!   delivered, once. A catch-up that fails is retried every [`CATCH_UP_RETRY`].
//! - the **pruner**: every [`PRUNE_EVERY`], the events older than
//!   [`Config::replay_max_age`](crate::Config::replay_max_age) and beyond
//!   [`Config::replay_capacity`](crate::Config::replay_capacity) per user are
//!   deleted ([`PgStore::prune_events`]); every node prunes, which is safe. A
//!   resume further back than that gets `resync_required`.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use nps_store::PgStore;
use nps_store::postgres::{EventNotice, EventSubscription, MAX_EVENTS_PER_CALL};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::app::AppState;
use crate::hub::Hub;

/// How often each node prunes the events table.
pub const PRUNE_EVERY: Duration = Duration::from_secs(30);
/// How soon a failed catch-up (the database still unreachable) is tried again.
pub const CATCH_UP_RETRY: Duration = Duration::from_secs(1);

/// The running listener and pruner; they end when the server shuts down.
#[derive(Debug)]
pub struct ClusterTasks {
    listener: JoinHandle<()>,
    pruner: JoinHandle<()>,
}

impl ClusterTasks {
    /// Waits until both have ended (after the shutdown token was cancelled).
    pub async fn stopped(self) {
        let _ = self.listener.await;
        let _ = self.pruner.await;
    }
}

/// Subscribes to the events channel and starts the listener and the pruner. Fails
/// if the database cannot be reached now.
pub async fn start(state: AppState, store: &Arc<PgStore>) -> io::Result<ClusterTasks> {
    let subscription = store
        .subscribe()
        .await
        .map_err(|e| io::Error::other(format!("cannot listen for cluster events: {e}")))?;
    let shutdown = state.shutdown_token().clone();
    let listener = tokio::spawn(listen(
        state.hub().clone(),
        Arc::clone(store),
        subscription,
        shutdown.clone(),
    ));
    let retention = (
        state.config().replay_max_age,
        state.config().replay_capacity,
    );
    let pruner = tokio::spawn(prune(Arc::clone(store), retention, shutdown));
    Ok(ClusterTasks { listener, pruner })
}

/// The next notices: one (waiting for it), then whatever else is already there, up
/// to a batch of event ids; a `Lost` or `Gap` ends the batch and is returned apart.
async fn next_notices(
    subscription: &mut EventSubscription,
) -> Option<(Vec<i64>, Option<EventNotice>)> {
    let mut ids = Vec::new();
    let mut notice = subscription.recv().await?;
    loop {
        match notice {
            EventNotice::Event(id) => ids.push(id),
            other => return Some((ids, Some(other))),
        }
        if ids.len() >= MAX_EVENTS_PER_CALL as usize {
            return Some((ids, None));
        }
        match subscription.recv().now_or_never() {
            Some(Some(next)) => notice = next,
            _ => return Some((ids, None)),
        }
    }
}

async fn listen(
    hub: Hub,
    store: Arc<PgStore>,
    mut subscription: EventSubscription,
    shutdown: CancellationToken,
) {
    // True while notices may have been missed: deliver nothing live until a
    // catch-up from the table succeeded.
    let mut behind = false;
    let mut retry = tokio::time::interval(CATCH_UP_RETRY);
    retry.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = retry.tick(), if behind => behind = !catch_up(&hub, &store).await,
            batch = next_notices(&mut subscription) => {
                let Some((ids, notice)) = batch else { return };
                if !ids.is_empty() && !behind {
                    match store.events_by_id(&ids).await {
                        Ok(events) => {
                            hub.deliver_stored(&events, None);
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "cluster events not loaded; catching up");
                            behind = true;
                        }
                    }
                }
                match notice {
                    Some(EventNotice::Lost) => {
                        tracing::warn!("cluster event listener lost its connection");
                        behind = true;
                    }
                    Some(EventNotice::Gap) => {
                        tracing::info!("cluster event listener back; catching up");
                        behind = !catch_up(&hub, &store).await;
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Delivers to every connected user what the table holds past what their
/// connections have. True when every user was caught up.
async fn catch_up(hub: &Hub, store: &PgStore) -> bool {
    for (user_id, mut after) in hub.connected_users() {
        loop {
            let page = match store
                .events_since(&user_id, after, MAX_EVENTS_PER_CALL)
                .await
            {
                Ok(page) => page,
                Err(e) => {
                    tracing::warn!(error = %e, "catching up failed; retrying");
                    return false;
                }
            };
            if !page.complete {
                tracing::warn!(
                    user_id,
                    after,
                    "events past the retention were missed; the client resyncs on reconnect"
                );
            }
            hub.deliver_stored(&page.events, Some(&user_id));
            match page.events.last() {
                Some(last) if page.events.len() >= MAX_EVENTS_PER_CALL as usize => {
                    after = last.seq;
                }
                _ => break,
            }
        }
    }
    true
}

async fn prune(
    store: Arc<PgStore>,
    (max_age, keep): (Duration, usize),
    shutdown: CancellationToken,
) {
    let keep = u32::try_from(keep).unwrap_or(u32::MAX);
    let mut ticker = tokio::time::interval(PRUNE_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = ticker.tick() => match store.prune_events(max_age, keep).await {
                Ok(deleted) => tracing::debug!(deleted, "pruned cluster events"),
                Err(e) => tracing::warn!(error = %e, "pruning cluster events failed"),
            },
        }
    }
}
