//! The PostgreSQL schema and its migrations.
//!
//! [`PG_MIGRATIONS`] is append-only: step `i` (0-based) brings the schema from
//! version `i` to `i + 1`. Applied steps are recorded in the table
//! `nps_schema_migrations` (one row per step). Each step runs in its own
//! transaction together with its row, under a transaction-level advisory lock,
//! so two nodes starting at once apply it exactly once between them. A database
//! whose recorded version is newer than this build is refused with
//! [`StoreError::Invalid`] before anything is written. Never edit a released
//! step; add a new one.
//!
//! Every table and function is created unqualified, so it lands in the first
//! schema of the connection's `search_path` (normally `public`; tests give each
//! test its own schema through the URL's `options`).

use deadpool_postgres::tokio_postgres::types::FromSql;
use deadpool_postgres::tokio_postgres::{Client, Transaction};
use nps_protocol::text::Msg;

use super::errors::{describe, from_pg};
use crate::{Result, StoreError};

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct PgMigration {
    /// Short human-readable name, for error messages and the version table.
    pub name: &'static str,
    /// SQL run as one batch inside the step's transaction.
    pub sql: &'static str,
}

/// Advisory lock key (`pg_advisory_xact_lock`) that serializes migrations of
/// one database: "nps" in ASCII, then 1. (Key 2, `0x6e70_7300_0000_0002` =
/// 7957986985400860674, orders event appends against broadcasts; see the
/// schema's `nps_append_events`.)
const MIGRATION_LOCK_KEY: i64 = 0x6e70_7300_0000_0001;

/// All schema steps, oldest first.
pub const PG_MIGRATIONS: &[PgMigration] = &[
    PgMigration {
        name: "initial schema",
        sql: INITIAL_SCHEMA,
    },
    PgMigration {
        name: "refresh-token families",
        sql: REFRESH_FAMILIES,
    },
    PgMigration {
        name: "saved people",
        sql: SAVED_PEOPLE,
    },
    PgMigration {
        name: "ratings and notes",
        sql: RATINGS_AND_NOTES,
    },
    PgMigration {
        name: "readings by owner",
        sql: READINGS_BY_OWNER,
    },
];

/// A reading's stars (1 to 5) and private note, both unset until the owner gives them.
const RATINGS_AND_NOTES: &str = r#"
ALTER TABLE readings ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE readings ADD COLUMN note text;
"#;

/// The bound on an owner's readings is checked on every insert with `SELECT 1 FROM
/// readings WHERE owner = $1 OFFSET bound LIMIT 1`, soft-deleted rows included. The
/// partial index `readings_owner_live_newest` (live rows only) cannot serve that,
/// so each insert scanned the whole table: 1.2 ms per reading at 10,000 rows in the
/// cluster load test, growing with the table. This index makes it a walk of at
/// most the bound.
const READINGS_BY_OWNER: &str = r#"
CREATE INDEX readings_owner ON readings (owner);
"#;

/// Saved people (profiles), at most one "me" per owner.
const SAVED_PEOPLE: &str = r#"
CREATE TABLE profiles (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner      text        NOT NULL,
    person     json        NOT NULL,  -- as the client sent it
    is_me      boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,  -- whole milliseconds
    updated_at timestamptz NOT NULL
);
CREATE INDEX profiles_owner ON profiles (owner, id);
CREATE UNIQUE INDEX profiles_one_me ON profiles (owner) WHERE is_me;
"#;

/// A token stored before families is a family of its own.
const REFRESH_FAMILIES: &str = r#"
ALTER TABLE refresh_tokens ADD COLUMN family_id text NOT NULL DEFAULT '';
UPDATE refresh_tokens SET family_id = token_hash;
ALTER TABLE refresh_tokens ALTER COLUMN family_id DROP DEFAULT;
ALTER TABLE refresh_tokens ADD COLUMN rotated_at bigint;  -- unix seconds; NULL: not rotated
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
"#;

/// The schema version this build writes and understands.
pub const PG_SCHEMA_VERSION: i32 = PG_MIGRATIONS.len() as i32;

const INITIAL_SCHEMA: &str = r#"
-- ASCII-only case folding, the same on every server whatever its locale (SQLite's
-- NOCASE and LIKE fold exactly these 26 letters).
CREATE FUNCTION nps_ascii_lower(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_username_ascii_ci ON users (nps_ascii_lower(username));

CREATE TABLE readings (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner      text        NOT NULL,
    kind       text        NOT NULL,
    input      json        NOT NULL,  -- json, not jsonb: the text is kept as written, for search
    result     json        NOT NULL,
    summary    text        NOT NULL,
    locale     text        NOT NULL,
    favorite   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,  -- whole milliseconds
    deleted_at timestamptz            -- NULL while live; soft delete
);
CREATE INDEX readings_owner_live_newest
    ON readings (owner, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE daily_insights (
    date       date        NOT NULL,
    locale     text        NOT NULL,
    insight    json        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (date, locale)
);

CREATE TABLE refresh_tokens (
    token_hash text   PRIMARY KEY,
    user_id    text   NOT NULL,
    expires_at bigint NOT NULL  -- unix seconds
);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- ---- cross-node fan-out -------------------------------------------------------

-- One row, written once: the cluster's epoch (random, 1 ..= 2^53 - 1 so JavaScript
-- reads it exactly) and the broadcast stream's counters.
CREATE TABLE cluster (
    singleton       boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch           bigint      NOT NULL CHECK (epoch BETWEEN 1 AND 9007199254740991),
    broadcast_seq   bigint      NOT NULL DEFAULT 0,  -- seq of the newest broadcast
    broadcast_floor bigint      NOT NULL DEFAULT 0,  -- highest seq of a pruned broadcast
    created_at      timestamptz NOT NULL DEFAULT now()
);
INSERT INTO cluster (epoch) VALUES (1 + floor(random() * 9007199254740990)::bigint);

-- Every event's seq comes from this one sequence, taken under the locks described
-- in nps_append_events, so each user's events and the broadcasts commit in seq order.
CREATE SEQUENCE event_seq AS bigint;

-- One row per user who ever got an event: their newest seq, and the highest seq
-- of theirs that retention has removed (a resume from below it cannot be served).
-- Also the lock that orders one user's appends.
CREATE TABLE event_streams (
    user_id   text   PRIMARY KEY,
    last_seq  bigint NOT NULL DEFAULT 0,
    floor_seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    text,                  -- NULL: a broadcast to every user
    seq        bigint      NOT NULL,
    name       text        NOT NULL,
    payload    json        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX events_user_seq ON events (user_id, seq) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX events_broadcast_seq ON events (seq) WHERE user_id IS NULL;
CREATE INDEX events_created_at ON events (created_at);

-- One row per daily broadcast sent: whoever inserts it sends that day's broadcast.
CREATE TABLE daily_broadcasts (
    date       date        NOT NULL,
    locale     text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (date, locale)
);

-- Appends events for users (p_users[i] gets p_names[i] with p_payloads[i], seqs in
-- array order) and notifies channel nps_events with their ids, comma-separated, at
-- most 300 per notification (NOTIFY payloads are limited to 8000 bytes).
-- Locks, held until commit: a shared advisory lock that a broadcast takes
-- exclusively (so no user event straddles a broadcast), then the users'
-- event_streams rows in user_id order (so one user's events take seqs in commit
-- order, and concurrent batches cannot deadlock).
CREATE FUNCTION nps_append_events(p_users text[], p_names text[], p_payloads json[])
    RETURNS TABLE (event_id bigint, event_seq bigint)
    LANGUAGE plpgsql AS $$
DECLARE
    v_ids bigint[] := '{}';
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7957986985400860674);
    INSERT INTO event_streams (user_id)
        SELECT DISTINCT u FROM unnest(p_users) AS u ORDER BY 1
        ON CONFLICT (user_id) DO NOTHING;
    PERFORM 1 FROM event_streams WHERE user_id = ANY (p_users) ORDER BY user_id FOR UPDATE;
    FOR i IN 1 .. coalesce(array_length(p_users, 1), 0) LOOP
        event_seq := nextval('event_seq');
        INSERT INTO events (user_id, seq, name, payload)
            VALUES (p_users[i], event_seq, p_names[i], p_payloads[i])
            RETURNING id INTO event_id;
        v_ids := v_ids || event_id;
        RETURN NEXT;
    END LOOP;
    UPDATE event_streams s SET last_seq = e.max_seq
        FROM (SELECT user_id, max(seq) AS max_seq FROM events
              WHERE id = ANY (v_ids) GROUP BY user_id) e
        WHERE s.user_id = e.user_id;
    IF coalesce(array_length(v_ids, 1), 0) > 0 THEN
        FOR chunk IN 0 .. (array_length(v_ids, 1) - 1) / 300 LOOP
            PERFORM pg_notify('nps_events',
                              array_to_string(v_ids[chunk * 300 + 1 : chunk * 300 + 300], ','));
        END LOOP;
    END IF;
END;
$$;

-- Appends one broadcast (user_id NULL) and notifies nps_events with its id; takes
-- the advisory lock exclusively, so it waits for user events in flight and holds
-- back new ones until it commits.
CREATE FUNCTION nps_append_broadcast(p_name text, p_payload json,
                                     OUT event_id bigint, OUT event_seq bigint)
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7957986985400860674);
    event_seq := nextval('event_seq');
    UPDATE cluster SET broadcast_seq = event_seq;
    INSERT INTO events (user_id, seq, name, payload)
        VALUES (NULL, event_seq, p_name, p_payload)
        RETURNING id INTO event_id;
    PERFORM pg_notify('nps_events', event_id::text);
END;
$$;

-- Deletes events older than p_older_than and, per user (and for the broadcasts), all
-- but the newest p_keep; raises the floors of the streams that lost events. Returns
-- the number of events deleted.
CREATE FUNCTION nps_prune_events(p_older_than interval, p_keep integer)
    RETURNS bigint LANGUAGE sql AS $$
    WITH crowded AS (
        SELECT user_id FROM events GROUP BY user_id HAVING count(*) > p_keep
    ), doomed AS (
        SELECT id FROM events WHERE created_at < now() - p_older_than
        UNION
        SELECT id FROM (
            SELECT e.id, row_number() OVER (PARTITION BY e.user_id ORDER BY e.seq DESC) AS rank
            FROM events e JOIN crowded c ON e.user_id IS NOT DISTINCT FROM c.user_id
        ) ranked WHERE rank > p_keep
    ), gone AS (
        DELETE FROM events e USING doomed d WHERE e.id = d.id RETURNING e.user_id, e.seq
    ), floors AS (
        SELECT user_id, max(seq) AS max_seq, count(*) AS deleted FROM gone GROUP BY user_id
    ), user_floors AS (
        UPDATE event_streams s SET floor_seq = greatest(s.floor_seq, f.max_seq)
        FROM floors f WHERE s.user_id = f.user_id
    ), broadcast_floor AS (
        UPDATE cluster SET broadcast_floor = greatest(broadcast_floor, f.max_seq)
        FROM floors f WHERE f.user_id IS NULL
    )
    SELECT coalesce(sum(deleted), 0)::bigint FROM floors;
$$;
"#;

fn refuse_newer(found: i32) -> StoreError {
    StoreError::Invalid(
        Msg::new("error-store-schema-newer")
            .num("found", found)
            .num("supported", PG_SCHEMA_VERSION),
    )
}

/// Starts a transaction holding the migration lock (until it ends), so one node at
/// a time reads and migrates the schema.
async fn locked_transaction(client: &mut Client) -> Result<Transaction<'_>> {
    let tx = client.transaction().await.map_err(from_pg)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK_KEY])
        .await
        .map_err(from_pg)?;
    Ok(tx)
}

/// The one value of the one row `sql` (without parameters) returns.
async fn single_value<T>(tx: &Transaction<'_>, sql: &str) -> Result<T>
where
    T: for<'a> FromSql<'a>,
{
    tx.query_one(sql, &[])
        .await
        .map_err(from_pg)?
        .try_get(0)
        .map_err(from_pg)
}

/// Brings the database to [`PG_SCHEMA_VERSION`]. At the current version it
/// only reads; a newer version is refused.
pub(crate) async fn migrate(client: &mut Client) -> Result<()> {
    let tx = locked_transaction(client).await?;
    // Checked first, so a role without CREATE rights can open a migrated database.
    let exists: bool = single_value(
        &tx,
        "SELECT to_regclass('nps_schema_migrations') IS NOT NULL",
    )
    .await?;
    if !exists {
        tx.batch_execute(
            "CREATE TABLE nps_schema_migrations (
                 version    integer     PRIMARY KEY,
                 name       text        NOT NULL,
                 applied_at timestamptz NOT NULL DEFAULT now()
             )",
        )
        .await
        .map_err(from_pg)?;
    }
    tx.commit().await.map_err(from_pg)?;

    loop {
        let tx = locked_transaction(client).await?;
        // Read under the lock: another node may have migrated meanwhile.
        let version: i32 = single_value(
            &tx,
            "SELECT coalesce(max(version), 0) FROM nps_schema_migrations",
        )
        .await?;
        if version > PG_SCHEMA_VERSION {
            return Err(refuse_newer(version));
        }
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| PG_MIGRATIONS.get(v))
        else {
            return Ok(()); // up to date; the transaction rolls back, nothing written
        };
        tx.batch_execute(step.sql)
            .await
            .map_err(|e| StoreError::PgMigration {
                version: version + 1,
                name: step.name,
                message: describe(&e),
                source: e,
            })?;
        tx.execute(
            "INSERT INTO nps_schema_migrations (version, name) VALUES ($1, $2)",
            &[&(version + 1), &step.name],
        )
        .await
        .map_err(from_pg)?;
        tx.commit().await.map_err(from_pg)?;
    }
}
