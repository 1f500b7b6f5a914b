//! [`PgStore`]: the [`Store`](crate::Store) on PostgreSQL, plus the
//! PostgreSQL-only primitives a cluster of nodes needs to fan events out
//! (DESIGN §7).
//!
//! - `connection` — [`PgStore`], its pool and its bounds ([`PgOptions`]).
//! - `schema` — the schema and its migrations ([`PG_MIGRATIONS`]).
//! - `readings` — the `Store` operations.
//! - `reading_row` — inserting one reading (for `readings` and `append`).
//! - `profiles` — saved people, one "me" per owner.
//! - `refresh` — refresh-token families (rotation in one locked transaction).
//! - `append` — group commit for event appends.
//! - `events` — the durable event table, seq, retention, the daily claim.
//! - `listen` — [`EventSubscription`]: `LISTEN`/`NOTIFY` with reconnection.
//! - `sql` — cached statements and snapshot reads.
//! - `errors` — mapping client and pool failures to [`StoreError`](crate::StoreError).

mod append;
mod connection;
mod errors;
mod events;
mod listen;
mod profiles;
mod reading_row;
mod readings;
mod refresh;
mod schema;
mod sql;

pub use append::{APPEND_QUEUE_CAPACITY, AppendedEvent, MAX_APPEND_BATCH};
pub use connection::{PgOptions, PgPoolStatus, PgStore, redact_url};
pub use events::{
    EVENT_RETENTION, EVENTS_CHANNEL, EVENTS_KEPT_PER_USER, EventsSince, MAX_EVENTS_PER_CALL,
    StoredEvent,
};
pub use listen::{
    EventNotice, EventSubscription, RECONNECT_MAX_DELAY, RECONNECT_MIN_DELAY, SUBSCRIPTION_CAPACITY,
};
pub use schema::{PG_MIGRATIONS, PG_SCHEMA_VERSION, PgMigration};
