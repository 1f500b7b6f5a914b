//! Durable events for cross-node fan-out (DESIGN §7), PostgreSQL only.
//!
//! A node appends every event it would send to a user ([`PgStore::append_event`])
//! or to everyone ([`PgStore::append_broadcast`]); the append commits the row
//! and `NOTIFY`s [`EVENTS_CHANNEL`] with the row's id (appends made at the same
//! time share one transaction and one notification: see `append`). Every node listens
//! ([`PgStore::subscribe`](crate::PgStore::subscribe)), loads the rows by id
//! ([`PgStore::events_by_id`]) and forwards them to its local sockets. A client
//! that reconnects to any node with `?last_seq=&epoch=` is served from the
//! table ([`PgStore::events_since`]).
//!
//! # Seq
//!
//! Every event takes its `seq` from one database sequence, under locks that
//! make each user's events *and the broadcasts* commit in seq order (see the
//! schema's `nps_append_events`). So, for every user, the events addressed to
//! them (their own plus the broadcasts) have strictly increasing seqs in the
//! order they become visible, on every node; a snapshot never shows a later
//! one without the earlier ones. Seqs are not dense per user (other users'
//! events take the numbers in between); whether a replay is complete is told by
//! the retention *floor* instead ([`EventsSince::complete`]). A broadcast is one
//! row with one seq that is the same for every user.
//!
//! # Retention
//!
//! [`PgStore::prune_events`] removes events older than a duration and, per user
//! (and for the broadcasts), all but the newest N. The intended call is
//! `prune_events(EVENT_RETENTION, EVENTS_KEPT_PER_USER)` (5 minutes, 256
//! events: DESIGN §3's resume buffer) from every node about every 30 s;
//! concurrent prunes are safe.

use std::time::Duration;

use deadpool_postgres::tokio_postgres::Row;
use nps_protocol::text::Msg;

use super::append::{AppendedEvent, appended_from_row, seq_to_u64};
use super::connection::PgStore;
use super::errors::from_pg;
use super::sql::{self, snapshot};
use crate::model::{NewReading, StoredReading};
use crate::{Result, StoreError, validate};

/// The `LISTEN`/`NOTIFY` channel; each payload is one or more event ids in
/// decimal, comma-separated (at most 300, well inside NOTIFY's 8,000 bytes).
pub const EVENTS_CHANNEL: &str = "nps_events";
/// How long events are kept for replay (DESIGN §3: 5 minutes).
pub const EVENT_RETENTION: Duration = Duration::from_secs(5 * 60);
/// How many of each user's newest events are kept for replay (DESIGN §3: 256).
/// The broadcasts count as one more stream with the same bound.
pub const EVENTS_KEPT_PER_USER: u32 = 256;
/// Most events one [`PgStore::events_since`] call returns (a larger limit is
/// clamped) and most ids one [`PgStore::events_by_id`] call takes (more are
/// `Invalid`).
pub const MAX_EVENTS_PER_CALL: u32 = 1_000;

/// Claims `(date $1, locale $2)`; one row affected for the only winner.
const CLAIM_DAILY: &str = "INSERT INTO daily_broadcasts (date, locale) \
     VALUES ($1::text::date, $2) ON CONFLICT (date, locale) DO NOTHING";
/// Appends a broadcast (name $1, payload $2).
const APPEND_BROADCAST: &str = "SELECT event_id, event_seq FROM nps_append_broadcast($1, $2)";

/// An event row.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    pub id: i64,
    /// The addressee; `None` for a broadcast to every user.
    pub user_id: Option<String>,
    pub seq: u64,
    /// The event name, e.g. `reading_complete`.
    pub name: String,
    /// The event's `data`.
    pub payload: serde_json::Value,
    /// When it was appended, by the database's clock (unix milliseconds).
    pub created_unix_ms: i64,
}

/// The answer to [`PgStore::events_since`].
#[derive(Clone, Debug, PartialEq)]
pub struct EventsSince {
    /// The user's events and the broadcasts with `seq > after_seq`, oldest
    /// first, at most `limit` of them (ask again from the last seq for more).
    pub events: Vec<StoredEvent>,
    /// The user's current seq: that of the newest event addressed to them (0
    /// when there is none). A resume from beyond it is not valid.
    pub head_seq: u64,
    /// False when retention already removed an event addressed to the user with
    /// `seq > after_seq`: the replay has a hole and the client must resync.
    pub complete: bool,
}

fn event_from_row(row: &Row) -> Result<StoredEvent> {
    let seq: i64 = row.try_get(2).map_err(from_pg)?;
    Ok(StoredEvent {
        id: row.try_get(0).map_err(from_pg)?,
        user_id: row.try_get(1).map_err(from_pg)?,
        seq: seq_to_u64(seq),
        name: row.try_get(3).map_err(from_pg)?,
        payload: row.try_get(4).map_err(from_pg)?,
        created_unix_ms: row
            .try_get::<_, chrono::DateTime<chrono::Utc>>(5)
            .map_err(from_pg)?
            .timestamp_millis(),
    })
}

fn event_name(name: &str) -> Result<()> {
    validate::non_empty("event-name", name)
}

impl PgStore {
    /// Appends an event for `user_id` and notifies every listening node with
    /// its id, in one transaction (shared with other appends of this store made
    /// at the same time: group commit). Durable and visible to
    /// [`PgStore::events_since`] when it returns.
    pub async fn append_event(
        &self,
        user_id: &str,
        name: &str,
        payload: &serde_json::Value,
    ) -> Result<AppendedEvent> {
        validate::non_empty("user-id", user_id)?;
        event_name(name)?;
        self.appender.append(user_id, name, payload).await
    }

    /// Inserts the reading `r` and appends the event `name` for its owner, whose
    /// payload `payload_of` builds from the reading's id, in one transaction (shared
    /// with other appends made at the same time: group commit). Both are durable
    /// when it returns, or neither is written. `Invalid` for an empty owner or name,
    /// and when the owner's bound is reached (as [`Store::insert_reading`](crate::Store::insert_reading)).
    pub async fn insert_reading_with_event(
        &self,
        r: NewReading,
        name: &str,
        payload_of: impl FnOnce(i64) -> Result<serde_json::Value> + Send + 'static,
    ) -> Result<(StoredReading, AppendedEvent)> {
        validate::owner(&r.owner)?;
        event_name(name)?;
        self.appender
            .insert_reading(r, self.max_readings_per_owner, name, Box::new(payload_of))
            .await
    }

    /// Appends an event for every user (stored once, `user_id` NULL) and
    /// notifies every listening node with its id.
    pub async fn append_broadcast(
        &self,
        name: &str,
        payload: &serde_json::Value,
    ) -> Result<AppendedEvent> {
        event_name(name)?;
        let client = self.client().await?;
        let row = sql::query_one(&client, APPEND_BROADCAST, &[&name, payload]).await?;
        appended_from_row(&row)
    }

    /// Claims the daily broadcast of `(date, locale)` for the caller: `true`
    /// for exactly one caller in the whole cluster, ever; `false` for every
    /// other. (If the claimer dies before broadcasting, nobody broadcasts; use
    /// [`PgStore::append_daily_broadcast`] to claim and broadcast atomically.)
    pub async fn claim_daily_broadcast(&self, date: &str, locale: &str) -> Result<bool> {
        validate::date(date)?;
        validate::non_empty("locale", locale)?;
        let client = self.client().await?;
        let inserted = sql::execute(&client, CLAIM_DAILY, &[&date, &locale]).await?;
        Ok(inserted == 1)
    }

    /// Claims `(date, locale)` and appends the broadcast in one transaction:
    /// `Some` for exactly one caller in the cluster, `None` for the others. A
    /// caller that fails half-way claims nothing, so another may still send it.
    pub async fn append_daily_broadcast(
        &self,
        date: &str,
        locale: &str,
        name: &str,
        payload: &serde_json::Value,
    ) -> Result<Option<AppendedEvent>> {
        validate::date(date)?;
        validate::non_empty("locale", locale)?;
        event_name(name)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(from_pg)?;
        // A second claimer blocks here until the first commits, then inserts nothing.
        let claimed = sql::execute(&tx, CLAIM_DAILY, &[&date, &locale]).await?;
        if claimed != 1 {
            return Ok(None); // the transaction rolls back on drop
        }
        let row = sql::query_one(&tx, APPEND_BROADCAST, &[&name, payload]).await?;
        tx.commit().await.map_err(from_pg)?;
        appended_from_row(&row).map(Some)
    }

    /// The events with these ids that still exist, in seq order (ids from
    /// `NOTIFY` payloads; at most [`MAX_EVENTS_PER_CALL`] ids per call).
    pub async fn events_by_id(&self, ids: &[i64]) -> Result<Vec<StoredEvent>> {
        if ids.len() > MAX_EVENTS_PER_CALL as usize {
            return Err(StoreError::Invalid(
                Msg::new("error-store-event-ids").num("max", MAX_EVENTS_PER_CALL),
            ));
        }
        let client = self.client().await?;
        let rows = sql::query(
            &client,
            "SELECT id, user_id, seq, name, payload, created_at \
                 FROM events WHERE id = ANY($1) ORDER BY seq",
            &[&ids],
        )
        .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// The user's current seq (for `welcome`): the newest event addressed to
    /// them, their own or a broadcast; 0 if none ever was.
    pub async fn current_seq(&self, user_id: &str) -> Result<u64> {
        validate::non_empty("user-id", user_id)?;
        let client = self.client().await?;
        let row = sql::query_one(
            &client,
            "SELECT greatest(coalesce(s.last_seq, 0), c.broadcast_seq) \
                 FROM cluster c LEFT JOIN event_streams s ON s.user_id = $1",
            &[&user_id],
        )
        .await?;
        Ok(seq_to_u64(row.try_get(0).map_err(from_pg)?))
    }

    /// What a client that saw everything up to `after_seq` missed: the user's
    /// events and the broadcasts after it, oldest first (at most `limit`,
    /// clamped to `1..=`[`MAX_EVENTS_PER_CALL`]), whether that is all of them,
    /// and the user's current seq, all from one snapshot.
    pub async fn events_since(
        &self,
        user_id: &str,
        after_seq: u64,
        limit: u32,
    ) -> Result<EventsSince> {
        validate::non_empty("user-id", user_id)?;
        let after = i64::try_from(after_seq).unwrap_or(i64::MAX);
        let limit = i64::from(limit.clamp(1, MAX_EVENTS_PER_CALL));
        let mut client = self.client().await?;
        let tx = snapshot(&mut client).await?;
        let bounds = sql::query_one(
            &tx,
            "SELECT greatest(coalesce(s.last_seq, 0), c.broadcast_seq), \
                        greatest(coalesce(s.floor_seq, 0), c.broadcast_floor) \
                 FROM cluster c LEFT JOIN event_streams s ON s.user_id = $1",
            &[&user_id],
        )
        .await?;
        let rows = sql::query(
            &tx,
            "SELECT id, user_id, seq, name, payload, created_at \
                 FROM ((SELECT * FROM events WHERE user_id = $1 AND seq > $2 \
                        ORDER BY seq LIMIT $3) \
                       UNION ALL \
                       (SELECT * FROM events WHERE user_id IS NULL AND seq > $2 \
                        ORDER BY seq LIMIT $3)) addressed \
                 ORDER BY seq LIMIT $3",
            &[&user_id, &after, &limit],
        )
        .await?;
        tx.commit().await.map_err(from_pg)?;
        let head: i64 = bounds.try_get(0).map_err(from_pg)?;
        let floor: i64 = bounds.try_get(1).map_err(from_pg)?;
        Ok(EventsSince {
            events: rows.iter().map(event_from_row).collect::<Result<_>>()?,
            head_seq: seq_to_u64(head),
            complete: after >= floor,
        })
    }

    /// Deletes events older than `older_than` and, for each user and for the
    /// broadcasts, all but the newest `keep_per_user`; returns how many went.
    /// Ages are measured by the database's clock.
    pub async fn prune_events(&self, older_than: Duration, keep_per_user: u32) -> Result<u64> {
        let older_than_secs = older_than.as_secs_f64();
        let keep = i32::try_from(keep_per_user).unwrap_or(i32::MAX);
        let row = sql::query_one(
            &self.client().await?,
            "SELECT nps_prune_events(make_interval(secs => $1), $2)",
            &[&older_than_secs, &keep],
        )
        .await?;
        let deleted: i64 = row.try_get(0).map_err(from_pg)?;
        Ok(u64::try_from(deleted).unwrap_or(0))
    }
}
