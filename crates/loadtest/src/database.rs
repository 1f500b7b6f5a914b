//! The cluster mode's PostgreSQL (`--database-url`): the URL is checked (a
//! PostgreSQL URL on loopback only, like the server's address), and each run
//! gets a database of its own, created before the nodes start and dropped
//! after they stop, so that no run sees another's events, users or
//! notifications (`LISTEN`/`NOTIFY` channels are per database, so a schema
//! would not do).
//!
//! The URL may hold a password: no message here repeats the URL, and the nodes
//! get it in their environment ([`DATABASE_URL_ENV`]), never on a command line.

use std::str::FromStr;

use tokio_postgres::NoTls;
use tokio_postgres::config::Host;

/// Environment variable carrying the run's database URL to each node.
pub const DATABASE_URL_ENV: &str = "NPS_LOADTEST_DATABASE_URL";

/// Prefix of the per-run database's name (then the parent's pid and a random
/// suffix); names made of `[a-z0-9_]` only, so they need no quoting.
const RUN_DATABASE_PREFIX: &str = "nps_loadtest_";

/// A checked `--database-url`: PostgreSQL, every host on loopback.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&nps_store::postgres::redact_url(&self.0))
    }
}

impl DatabaseUrl {
    /// Checks `url`: it parses as a PostgreSQL URL (or `key=value` string) and
    /// names only loopback hosts (`localhost`, `127.0.0.0/8`, `::1`) or Unix
    /// sockets.
    pub fn parse(url: &str) -> Result<Self, String> {
        let config = tokio_postgres::Config::from_str(url)
            .map_err(|e| format!("--database-url is not a PostgreSQL URL ({e})"))?;
        if config.get_hosts().is_empty() {
            return Err("--database-url names no host".into());
        }
        for host in config.get_hosts() {
            if let Host::Tcp(name) = host
                && !is_loopback_name(name)
            {
                return Err(format!(
                    "--database-url names the host {name}: the load test only talks to loopback \
                     addresses"
                ));
            }
        }
        if let Some(addr) = config.get_hostaddrs().iter().find(|a| !a.is_loopback()) {
            return Err(format!(
                "--database-url names the address {addr}: the load test only talks to loopback \
                 addresses"
            ));
        }
        Ok(Self(url.to_owned()))
    }
}

fn is_loopback_name(name: &str) -> bool {
    let bare = name.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `url` naming the database `dbname` instead of its own: the path of a
/// `postgres://` URL is replaced (its query kept); a `key=value` string gets a
/// `dbname=` at the end (the last one wins).
pub fn with_dbname(url: &str, dbname: &str) -> String {
    let scheme_end = ["postgres://", "postgresql://"]
        .iter()
        .find_map(|scheme| url.starts_with(scheme).then_some(scheme.len()));
    let Some(scheme_end) = scheme_end else {
        return format!("{url} dbname={dbname}");
    };
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(base, query)| (base, Some(query)));
    let authority_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    match query {
        Some(query) => format!("{}/{dbname}?{query}", &base[..authority_end]),
        None => format!("{}/{dbname}", &base[..authority_end]),
    }
}

/// The database of one run on the server of a [`DatabaseUrl`].
#[derive(Debug)]
pub struct RunDatabase {
    admin: DatabaseUrl,
    name: String,
}

impl RunDatabase {
    /// Creates `nps_loadtest_<pid>_<random>` on the server (the URL's user must
    /// be allowed to create databases).
    pub async fn create(admin: &DatabaseUrl) -> Result<Self, String> {
        let mut suffix = [0u8; 4];
        getrandom::fill(&mut suffix).map_err(|e| format!("no randomness: {e}"))?;
        let name = format!(
            "{RUN_DATABASE_PREFIX}{}_{}",
            std::process::id(),
            hex::encode(suffix)
        );
        execute(admin, &format!("CREATE DATABASE {name}"))
            .await
            .map_err(|e| format!("cannot create the run's database {name}: {e}"))?;
        Ok(Self {
            admin: admin.clone(),
            name,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The URL the nodes use: the admin URL naming this run's database.
    pub fn url(&self) -> String {
        with_dbname(&self.admin.0, &self.name)
    }

    /// Drops the database (after the nodes stopped; `FORCE` ends a straggler's
    /// connection).
    pub async fn drop_database(self) -> Result<(), String> {
        execute(
            &self.admin,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        )
        .await
        .map_err(|e| format!("cannot drop the run's database {}: {e}", self.name))
    }
}

/// Runs one statement on a fresh connection to `url`.
async fn execute(url: &DatabaseUrl, statement: &str) -> Result<(), tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(&url.0, NoTls).await?;
    let driver = tokio::spawn(connection);
    let result = client.batch_execute(statement).await;
    drop(client);
    let _ = driver.await;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_off_loopback_are_refused_and_passwords_never_repeated() {
        for good in [
            "postgres://postgres@127.0.0.1:5432/nps",
            "postgresql://u:secret@localhost/nps?application_name=x",
            "postgres://u@[::1]:5433/nps",
            "host=127.0.0.2 port=5432 user=postgres dbname=nps",
            "host=/var/run/postgresql user=postgres",
        ] {
            assert!(DatabaseUrl::parse(good).is_ok(), "{good}");
        }
        let refused = |url: &str| DatabaseUrl::parse(url).expect_err(url);
        assert_eq!(
            refused("postgres://u:hunter2@db.example:5432/nps"),
            "--database-url names the host db.example: the load test only talks to loopback \
             addresses"
        );
        assert_eq!(
            refused("postgres://u@127.0.0.1,10.0.0.7/nps"),
            "--database-url names the host 10.0.0.7: the load test only talks to loopback \
             addresses"
        );
        assert_eq!(
            refused("host=localhost hostaddr=192.0.2.1 user=u"),
            "--database-url names the address 192.0.2.1: the load test only talks to loopback \
             addresses"
        );
        assert_eq!(refused("user=u dbname=nps"), "--database-url names no host");
        let garbled = refused("postgres://u:hunter2@127.0.0.1:notaport/nps");
        assert!(garbled.starts_with("--database-url is not a PostgreSQL URL ("));
        assert!(!garbled.contains("hunter2"), "{garbled}");
        let debug = format!(
            "{:?}",
            DatabaseUrl::parse("postgres://u:hunter2@127.0.0.1/n")
        );
        assert!(!debug.contains("hunter2"), "{debug}");
    }

    #[test]
    fn the_run_database_replaces_the_urls_own() {
        assert_eq!(
            with_dbname("postgres://postgres@127.0.0.1:5432/nps", "run_1"),
            "postgres://postgres@127.0.0.1:5432/run_1"
        );
        assert_eq!(
            with_dbname("postgresql://u:p@localhost?sslmode=disable", "run_1"),
            "postgresql://u:p@localhost/run_1?sslmode=disable"
        );
        assert_eq!(
            with_dbname("host=127.0.0.1 dbname=nps", "run_1"),
            "host=127.0.0.1 dbname=nps dbname=run_1"
        );
        let parsed =
            tokio_postgres::Config::from_str(&with_dbname("host=127.0.0.1 dbname=nps", "run_1"))
                .expect("parses");
        assert_eq!(parsed.get_dbname(), Some("run_1"));
    }
}
