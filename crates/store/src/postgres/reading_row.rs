//! Inserting one reading, shared by [`Store::insert_reading`](crate::Store::insert_reading)
//! and the group commit (`append`), which inserts a cluster's readings together with
//! their events.

use chrono::{DateTime, Utc};
use deadpool_postgres::GenericClient;
use deadpool_postgres::tokio_postgres::types::{Json, ToSql};

use super::errors::from_pg;
use super::sql::{self, prepared, rfc3339_ms};
use crate::Result;
use crate::model::NewReading;

/// Inserts `r` (stamped now, by the database's clock) on `client`, which may be a
/// transaction: its id and `created_at`, or `None` when the owner keeps `max` readings
/// and none of them is soft-deleted (nothing is written then; soft-deleted ones are
/// purged for room first).
pub(crate) async fn insert_row(
    client: &impl GenericClient,
    r: &NewReading,
    max: u32,
) -> Result<Option<(i64, String)>> {
    // Inserted only while the owner has fewer rows than the bound (the bound-th
    // row does not exist: an index walk of at most the bound).
    let statement = prepared(
        client,
        "INSERT INTO readings (owner, kind, input, result, summary, locale, created_at) \
         SELECT $1, $2, $3, $4, $5, $6, date_trunc('milliseconds', statement_timestamp()) \
         WHERE NOT EXISTS (SELECT 1 FROM readings WHERE owner = $1 OFFSET $7 LIMIT 1) \
         RETURNING id, created_at",
    )
    .await?;
    let bound = i64::from(max) - 1;
    // The result's text goes as it is (the column is `json`, which keeps it).
    let result = Json(&r.result);
    let params: [&(dyn ToSql + Sync); 7] = [
        &r.owner,
        &r.kind.as_str(),
        &r.input,
        &result,
        &r.summary,
        &r.locale,
        &bound,
    ];
    let mut row = client
        .query_opt(&statement, &params)
        .await
        .map_err(from_pg)?;
    if row.is_none() {
        // Full: make room from the owner's soft-deleted readings, then try once more.
        sql::execute(
            client,
            "DELETE FROM readings WHERE owner = $1 AND deleted_at IS NOT NULL",
            &[&r.owner],
        )
        .await?;
        row = client
            .query_opt(&statement, &params)
            .await
            .map_err(from_pg)?;
    }
    row.map(|row| {
        let id: i64 = row.try_get(0).map_err(from_pg)?;
        let created_at: DateTime<Utc> = row.try_get(1).map_err(from_pg)?;
        Ok((id, rfc3339_ms(created_at)))
    })
    .transpose()
}
