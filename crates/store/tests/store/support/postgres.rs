//! PostgreSQL for the tests, started with `scripts/postgres.sh`.
//!
//! - One throwaway server per test process, started on first use and removed by
//!   the script's watcher when the process exits (`start --watch-pid`). With
//!   `NPS_TEST_DATABASE_URL` set, that server is used instead (its user must be
//!   allowed to create schemas and databases).
//! - Each behavioural test gets its own schema on it ([`Scratch::schema`]: the
//!   URL sets `search_path`), so tests run in parallel without seeing each other.
//! - Tests of `LISTEN`/`NOTIFY` get their own database ([`Scratch::database`]):
//!   notification channels are per database.
//! - Tests that stop the server get a private one ([`Cluster`]).
//!
//! If the server cannot be started the test fails: PostgreSQL tests are never
//! skipped.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use nps_store::PgStore;
use tokio_postgres::NoTls;
use tokio_postgres::types::FromSqlOwned;

pub use super::script::{Cluster, replace_dbname, run_script, script, shared_server};

/// A name no other test (of this or a concurrent process) uses.
fn unique_name() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "nps_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Two stores on one database: two nodes of a cluster.
pub async fn two_nodes(url: &str) -> [Arc<PgStore>; 2] {
    let node = async || Arc::new(PgStore::connect(url).await.unwrap());
    [node().await, node().await]
}

/// Runs `tasks` copies of `work(node, t)` at once, task `t` on node `t % 2`; their
/// results in the order they finished.
pub async fn on_both_nodes<T, Fut>(
    nodes: &[Arc<PgStore>; 2],
    tasks: usize,
    work: impl Fn(Arc<PgStore>, usize) -> Fut,
) -> Vec<T>
where
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let mut set = tokio::task::JoinSet::new();
    for t in 0..tasks {
        set.spawn(work(Arc::clone(&nodes[t % 2]), t));
    }
    set.join_all().await
}

/// Connects a plain client (its connection driven by a spawned task).
pub async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .unwrap_or_else(|e| panic!("connecting to the test server: {e}"));
    tokio::spawn(connection);
    client
}

/// The one value of the one row `sql` returns, read over a fresh plain connection.
pub async fn query_value<T: FromSqlOwned>(url: &str, sql: &str) -> T {
    connect(url).await.query_one(sql, &[]).await.unwrap().get(0)
}

/// Runs `sql` on the shared server from a thread of its own (usable in `Drop`).
fn admin_cleanup(sql: String) {
    let url = shared_server().to_owned();
    let _ = std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            if let Ok((client, connection)) = tokio_postgres::connect(&url, NoTls).await {
                tokio::spawn(connection);
                let _ = client.batch_execute(&sql).await;
            }
        });
    })
    .join();
}

/// `url` with `key=value` added to its query string.
fn with_param(url: &str, param: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{param}")
}

/// A schema or a database of its own on the shared server, dropped (with all it
/// holds) when this is.
pub struct Scratch {
    drop_sql: String,
    /// Connects to it: with `search_path` set to the schema, or to the database.
    pub url: String,
}

impl Scratch {
    /// A schema: enough for everything but `LISTEN`/`NOTIFY`.
    pub async fn schema() -> Scratch {
        let name = unique_name();
        Scratch::create(
            format!("CREATE SCHEMA {name}"),
            format!("DROP SCHEMA IF EXISTS {name} CASCADE"),
            with_param(shared_server(), &format!("options=-csearch_path%3D{name}")),
        )
        .await
    }

    /// A database: its own notification channels.
    pub async fn database() -> Scratch {
        let name = unique_name();
        Scratch::create(
            format!("CREATE DATABASE {name}"),
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            replace_dbname(shared_server(), &name),
        )
        .await
    }

    /// Identifiers cannot be parameters; the names are test-generated ([a-z0-9_]).
    async fn create(create_sql: String, drop_sql: String, url: String) -> Scratch {
        connect(shared_server())
            .await
            .batch_execute(&create_sql)
            .await
            .unwrap();
        Scratch { drop_sql, url }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        admin_cleanup(std::mem::take(&mut self.drop_sql));
    }
}

/// `postgres://user[:password]@host…` with the user (and password) replaced by `user`.
pub fn replace_user(url: &str, user: &str) -> String {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let authority_end = url[start..]
        .find(['/', '?'])
        .map_or(url.len(), |j| start + j);
    let host_start = url[start..authority_end]
        .rfind('@')
        .map_or(start, |j| start + j + 1);
    format!("{}{user}@{}", &url[..start], &url[host_start..])
}
