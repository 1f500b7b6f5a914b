//! [`PgStore`]: the connection pool, its bounds, and opening a database.

use std::time::Duration;

use deadpool_postgres::tokio_postgres::config::SslMode;
use deadpool_postgres::tokio_postgres::{self, NoTls};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod, Runtime};
use nps_protocol::text::Msg;

use super::append::Appender;
use super::errors::{from_pg, from_pool};
use super::schema;
use crate::{Result, StoreError};

/// The PostgreSQL-backed [`Store`](crate::Store), for a cluster of `nps serve`
/// nodes sharing one database.
///
/// Cheap to share: wrap it in an `Arc`. It keeps a bounded pool of connections
/// (see [`PgOptions`]); when the database is down or every connection stays
/// busy past the wait timeout, calls fail at once with
/// [`StoreError::Unavailable`] instead of hanging. Every write is one committed
/// transaction when the call returns.
pub struct PgStore {
    pub(crate) pool: Pool,
    /// Group commit for event appends.
    pub(crate) appender: Appender,
    /// For the dedicated `LISTEN` connections of event subscriptions.
    pub(crate) pg_config: tokio_postgres::Config,
    epoch: u64,
    /// See [`crate::MAX_READINGS_PER_OWNER`].
    pub(crate) max_readings_per_owner: u32,
}

/// Bounds of a [`PgStore`]'s connections. The defaults are the named
/// constants on [`PgStore`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PgOptions {
    /// Most connections open at once ([`PgStore::MAX_CONNECTIONS`]).
    pub max_connections: usize,
    /// How long a call waits for a free connection when all are busy
    /// ([`PgStore::WAIT_TIMEOUT`]); then it fails with `Unavailable`.
    pub wait_timeout: Duration,
    /// How long opening one connection may take ([`PgStore::CONNECT_TIMEOUT`]).
    pub connect_timeout: Duration,
    /// Server-side `statement_timeout` of every connection
    /// ([`PgStore::STATEMENT_TIMEOUT`]): a statement running longer (say, stuck
    /// behind a lock) is cancelled and the call fails with `Unavailable`.
    pub statement_timeout: Duration,
}

/// A snapshot of a [`PgStore`]'s pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PgPoolStatus {
    /// The bound ([`PgOptions::max_connections`]).
    pub max_connections: usize,
    /// Connections open (idle or in use).
    pub open: usize,
    /// Open connections not in use.
    pub idle: usize,
    /// Calls waiting for a connection.
    pub waiting: usize,
}

impl Default for PgOptions {
    fn default() -> Self {
        PgOptions {
            max_connections: PgStore::MAX_CONNECTIONS,
            wait_timeout: PgStore::WAIT_TIMEOUT,
            connect_timeout: PgStore::CONNECT_TIMEOUT,
            statement_timeout: PgStore::STATEMENT_TIMEOUT,
        }
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password: only where the database is.
        f.debug_struct("PgStore")
            .field("hosts", &self.pg_config.get_hosts())
            .field("ports", &self.pg_config.get_ports())
            .field("dbname", &self.pg_config.get_dbname())
            .field("max_connections", &self.pool.status().max_size)
            .field("epoch", &self.epoch)
            .finish()
    }
}

impl PgStore {
    /// Default pool size per process. Two nodes use 2 × (16 + 1 per event
    /// subscription) of PostgreSQL's default 100 `max_connections`.
    pub const MAX_CONNECTIONS: usize = 16;
    /// Default time a call waits for a free pooled connection.
    pub const WAIT_TIMEOUT: Duration = Duration::from_secs(5);
    /// Default time allowed to open one connection (TCP + startup + auth).
    pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
    /// Default server-side `statement_timeout` of every connection.
    pub const STATEMENT_TIMEOUT: Duration = Duration::from_secs(30);
    /// TCP keepalive idle time, interval and probe count on every connection, so a
    /// silently dead network path is noticed in about 15 + 3 × 5 = 30 s.
    pub const KEEPALIVE_IDLE: Duration = Duration::from_secs(15);
    /// See [`PgStore::KEEPALIVE_IDLE`].
    pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(5);
    /// See [`PgStore::KEEPALIVE_IDLE`].
    pub const KEEPALIVE_RETRIES: u32 = 3;

    /// Connects to `url` (`postgres://user:password@host:port/dbname`, or the
    /// `key=value` form) with the default pool bounds and migrates the schema.
    ///
    /// Fails with [`StoreError::Invalid`] for a malformed URL, one that demands
    /// TLS (not supported by this build: use a private network or a Unix
    /// socket), or a database whose schema is newer than this build;
    /// [`StoreError::Unavailable`] if the server cannot be reached.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with(url, PgOptions::default()).await
    }

    /// [`PgStore::connect`] with explicit pool bounds.
    pub async fn connect_with(url: &str, options: PgOptions) -> Result<Self> {
        let pg_config = parse_url(url, &options)?;
        if options.max_connections == 0 {
            return Err(StoreError::invalid("error-store-pool-empty"));
        }
        let manager = Manager::from_config(
            pg_config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(options.max_connections)
            .wait_timeout(Some(options.wait_timeout))
            .create_timeout(Some(options.connect_timeout))
            .recycle_timeout(Some(options.connect_timeout))
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| {
                StoreError::Invalid(
                    Msg::new("error-store-pool-settings").text("detail", e.to_string()),
                )
            })?;
        let mut client = pool.get().await.map_err(from_pool)?;
        schema::migrate(&mut client).await?;
        let epoch: i64 = client
            .query_one("SELECT epoch FROM cluster", &[])
            .await
            .map_err(from_pg)?
            .get(0);
        drop(client);
        Ok(PgStore {
            appender: Appender::start(pool.clone()),
            pool,
            pg_config,
            epoch: u64::try_from(epoch).unwrap_or(0),
            max_readings_per_owner: crate::MAX_READINGS_PER_OWNER,
        })
    }

    /// This store with another bound on the readings per owner (default
    /// [`crate::MAX_READINGS_PER_OWNER`]; at least 1).
    pub fn with_max_readings_per_owner(mut self, max: u32) -> Self {
        self.max_readings_per_owner = max.max(1);
        self
    }

    /// The cluster's epoch: chosen at random when the schema was created, the
    /// same on every node and across restarts (1 ..= 2^53 − 1).
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The pool right now (for a health report).
    pub fn pool_status(&self) -> PgPoolStatus {
        let status = self.pool.status();
        PgPoolStatus {
            max_connections: status.max_size,
            open: status.size,
            idle: status.available,
            waiting: status.waiting,
        }
    }

    /// A pooled connection, or `Unavailable`.
    pub(crate) async fn client(&self) -> Result<Object> {
        self.pool.get().await.map_err(from_pool)
    }
}

/// Parses the URL and applies the store's connection settings on top of it.
fn parse_url(url: &str, options: &PgOptions) -> Result<tokio_postgres::Config> {
    // The URL may hold a password: the message never repeats it.
    let mut config: tokio_postgres::Config = url.parse().map_err(|e: tokio_postgres::Error| {
        StoreError::Invalid(Msg::new("error-store-url").text("detail", e.to_string()))
    })?;
    if config.get_hosts().is_empty() {
        return Err(StoreError::invalid("error-store-url-host"));
    }
    if config.get_ssl_mode() == SslMode::Require {
        return Err(StoreError::invalid("error-store-url-tls"));
    }
    let statement_timeout = format!(
        "-c statement_timeout={}",
        options.statement_timeout.as_millis()
    );
    let server_options = match config.get_options() {
        // The operator's own options come last, so they win.
        Some(given) if !given.trim().is_empty() => format!("{statement_timeout} {given}"),
        _ => statement_timeout,
    };
    config.options(server_options);
    if config.get_application_name().is_none() {
        config.application_name("nps");
    }
    config
        .connect_timeout(options.connect_timeout)
        .keepalives(true)
        .keepalives_idle(PgStore::KEEPALIVE_IDLE)
        .keepalives_interval(PgStore::KEEPALIVE_INTERVAL)
        .keepalives_retries(PgStore::KEEPALIVE_RETRIES);
    Ok(config)
}

/// `url` with its password replaced by `***` (in the userinfo of a URL, and in a
/// `password=` parameter of the query or of the `key=value` form), for logs and
/// messages: a database URL is never shown with its password.
pub fn redact_url(url: &str) -> String {
    let mut out = match url.split_once("://") {
        Some((scheme, rest)) => {
            let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
            let (authority, tail) = rest.split_at(authority_end);
            match authority.rsplit_once('@') {
                Some((userinfo, host)) => {
                    let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
                    let hidden = if userinfo.contains(':') { ":***" } else { "" };
                    format!("{scheme}://{user}{hidden}@{host}{tail}")
                }
                None => url.to_owned(),
            }
        }
        None => url.to_owned(),
    };
    let mut from = 0;
    while let Some(found) = out[from..].find("password=") {
        let start = from + found + "password=".len();
        let end = out[start..]
            .find(['&', ' ', '\t', '\n'])
            .map_or(out.len(), |e| start + e);
        out.replace_range(start..end, "***");
        from = start + 3;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn redact_url_hides_every_form_of_password() {
        for (given, shown) in [
            (
                "postgres://nps:s3cret@db.example:5432/nps",
                "postgres://nps:***@db.example:5432/nps",
            ),
            (
                "postgresql://nps:p%40ss@10.0.0.1/nps?sslmode=disable&password=again",
                "postgresql://nps:***@10.0.0.1/nps?sslmode=disable&password=***",
            ),
            (
                "postgres://nps@127.0.0.1/nps",
                "postgres://nps@127.0.0.1/nps",
            ),
            (
                "postgresql:///nps?password=x1",
                "postgresql:///nps?password=***",
            ),
            (
                "host=127.0.0.1 user=nps password=s3cret dbname=nps",
                "host=127.0.0.1 user=nps password=*** dbname=nps",
            ),
        ] {
            assert_eq!(redact_url(given), shown);
        }
    }
}
