//! Small helpers every query uses: cached statements and snapshot reads.

use deadpool_postgres::tokio_postgres::{IsolationLevel, Statement};
use deadpool_postgres::{GenericClient, Object, Transaction};

use super::errors::from_pg;
use crate::Result;

/// `sql` as a statement prepared once per connection (deadpool's statement
/// cache), which saves a parse round trip on every later call.
pub(crate) async fn prepared(client: &impl GenericClient, sql: &str) -> Result<Statement> {
    client.prepare_cached(sql).await.map_err(from_pg)
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
