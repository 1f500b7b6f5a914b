//! Small helpers every query uses: cached statements, the statement-and-run calls
//! built on them (errors mapped to [`StoreError`](crate::StoreError)), and snapshot reads.

use chrono::{DateTime, SecondsFormat, Utc};
use deadpool_postgres::tokio_postgres::types::ToSql;
use deadpool_postgres::tokio_postgres::{IsolationLevel, Row, Statement};
use deadpool_postgres::{GenericClient, Object, Transaction};

use super::errors::from_pg;
use crate::Result;

/// `sql` as a statement prepared once per connection (deadpool's statement
/// cache), which saves a parse round trip on every later call.
pub(crate) async fn prepared(client: &impl GenericClient, sql: &str) -> Result<Statement> {
    client.prepare_cached(sql).await.map_err(from_pg)
}

/// Parameters of a statement, `$1` first.
pub(crate) type Params<'a> = [&'a (dyn ToSql + Sync)];

/// Defines `name(client, sql, params)`: runs `sql`, prepared once per connection, with
/// the client's method of that name, its errors mapped by [`from_pg`].
macro_rules! run_prepared {
    ($($(#[$doc:meta])* $name:ident -> $out:ty;)*) => {$(
        $(#[$doc])*
        pub(crate) async fn $name(
            client: &impl GenericClient,
            sql: &str,
            params: &Params<'_>,
        ) -> Result<$out> {
            let statement = prepared(client, sql).await?;
            client.$name(&statement, params).await.map_err(from_pg)
        }
    )*};
}

run_prepared! {
    /// Runs `sql`: the number of rows it changed.
    execute -> u64;
    /// Runs `sql`: its one row (an error if there is not exactly one).
    query_one -> Row;
    /// Runs `sql`: its row, if any.
    query_opt -> Option<Row>;
    /// Runs `sql`: its rows.
    query -> Vec<Row>;
}

/// Starts a read-only `REPEATABLE READ` transaction on `client`, so several
/// queries see one snapshot.
pub(crate) async fn snapshot(client: &mut Object) -> Result<Transaction<'_>> {
    client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await
        .map_err(from_pg)
}

/// RFC 3339 UTC with milliseconds, as both backends report times.
pub(crate) fn rfc3339_ms(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}
