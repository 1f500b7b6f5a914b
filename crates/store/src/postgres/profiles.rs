//! Saved people (profiles) on PostgreSQL. Changes that mark a "me" take a per-owner
//! advisory lock, so two nodes marking different people at once end with one "me"
//! rather than a unique-index error.

use deadpool_postgres::tokio_postgres::Row;
use deadpool_postgres::{GenericClient, Transaction};

use super::connection::PgStore;
use super::errors::from_pg;
use super::sql;
use super::sql::rfc3339_ms;
use crate::model::{MAX_PROFILES_PER_OWNER, NewProfile, ProfileChange, StoredProfile};
use crate::{Result, validate};

/// `profiles` columns in [`profile_from_row`]'s order.
macro_rules! profile_columns {
    () => {
        "id, owner, person, is_me, created_at, updated_at"
    };
}

/// The database's clock, to the millisecond, as every timestamp of the schema.
macro_rules! now_ms {
    () => {
        "date_trunc('milliseconds', statement_timestamp())"
    };
}

fn profile_from_row(row: &Row) -> Result<StoredProfile> {
    Ok(StoredProfile {
        id: row.try_get(0).map_err(from_pg)?,
        owner: row.try_get(1).map_err(from_pg)?,
        person: row.try_get(2).map_err(from_pg)?,
        is_me: row.try_get(3).map_err(from_pg)?,
        created_at: rfc3339_ms(row.try_get(4).map_err(from_pg)?),
        updated_at: rfc3339_ms(row.try_get(5).map_err(from_pg)?),
    })
}

/// Serializes the owner's "me" changes (lock released at commit or rollback).
async fn lock_owner(tx: &Transaction<'_>, owner: &str) -> Result<()> {
    sql::execute(
        tx,
        "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS locked",
        &[&owner],
    )
    .await
    .map(drop)
}

/// Unmarks the owner's "me", if any, before another is marked.
async fn unmark_me(client: &impl GenericClient, owner: &str) -> Result<()> {
    sql::execute(
        client,
        "UPDATE profiles SET is_me = false WHERE owner = $1 AND is_me",
        &[&owner],
    )
    .await
    .map(drop)
}

impl PgStore {
    pub(super) async fn list_profiles_pg(&self, owner: &str) -> Result<Vec<StoredProfile>> {
        validate::owner(owner)?;
        let rows = sql::query(
            &self.client().await?,
            concat!(
                "SELECT ",
                profile_columns!(),
                " FROM profiles WHERE owner = $1 ORDER BY is_me DESC, id"
            ),
            &[&owner],
        )
        .await?;
        rows.iter().map(profile_from_row).collect()
    }

    pub(super) async fn insert_profile_pg(&self, p: NewProfile) -> Result<StoredProfile> {
        validate::owner(&p.owner)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(from_pg)?;
        lock_owner(&tx, &p.owner).await?;
        let bound = i64::from(MAX_PROFILES_PER_OWNER) - 1;
        let full = sql::query_opt(
            &tx,
            "SELECT 1 FROM profiles WHERE owner = $1 OFFSET $2 LIMIT 1",
            &[&p.owner, &bound],
        )
        .await?
        .is_some();
        if full {
            return Err(validate::profiles_full(MAX_PROFILES_PER_OWNER));
        }
        if p.is_me {
            unmark_me(&tx, &p.owner).await?;
        }
        let row = sql::query_one(
            &tx,
            concat!(
                "INSERT INTO profiles (owner, person, is_me, created_at, updated_at) \
                 VALUES ($1, $2, $3, ",
                now_ms!(),
                ", ",
                now_ms!(),
                ") RETURNING ",
                profile_columns!()
            ),
            &[&p.owner, &p.person, &p.is_me],
        )
        .await?;
        let saved = profile_from_row(&row)?;
        tx.commit().await.map_err(from_pg)?;
        Ok(saved)
    }

    pub(super) async fn update_profile_pg(
        &self,
        owner: &str,
        id: i64,
        change: ProfileChange,
    ) -> Result<Option<StoredProfile>> {
        validate::owner(owner)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(from_pg)?;
        lock_owner(&tx, owner).await?;
        let exists = sql::query_opt(
            &tx,
            "SELECT 1 FROM profiles WHERE id = $1 AND owner = $2",
            &[&id, &owner],
        )
        .await?
        .is_some();
        if !exists {
            return Ok(None);
        }
        if change.is_me == Some(true) {
            unmark_me(&tx, owner).await?;
        }
        // Each NULL parameter keeps its column.
        let row = sql::query_one(
            &tx,
            concat!(
                "UPDATE profiles SET person = coalesce($1, person), \
                 is_me = coalesce($2, is_me), updated_at = ",
                now_ms!(),
                " WHERE id = $3 AND owner = $4 RETURNING ",
                profile_columns!()
            ),
            &[&change.person, &change.is_me, &id, &owner],
        )
        .await?;
        let saved = profile_from_row(&row)?;
        tx.commit().await.map_err(from_pg)?;
        Ok(Some(saved))
    }

    pub(super) async fn delete_profile_pg(&self, owner: &str, id: i64) -> Result<bool> {
        validate::owner(owner)?;
        let deleted = sql::execute(
            &self.client().await?,
            "DELETE FROM profiles WHERE id = $1 AND owner = $2",
            &[&id, &owner],
        )
        .await?;
        Ok(deleted == 1)
    }
}
