//! Where the CLI keeps its data: the `--data-dir` flag (or `NPS_DATA_DIR`, or the
//! platform's data directory, through `nps-platform`), the SQLite store and the
//! server's signing secret in it — or a cluster's PostgreSQL (`--database-url`,
//! `NPS_DATABASE_URL`) — and the small runtime the async store runs on.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use nps_server::secret::SecretError;
use nps_store::postgres::redact_url;
use nps_store::{PgStore, SqliteStore, Store};

use crate::error::{CliError, Message, Result};

/// The owner of everything the CLI stores: the person at this computer (the desktop
/// app's owner too, so `nps history` lists the app's readings).
pub const LOCAL_OWNER: &str = nps_server::accounts::LOCAL_USER;

#[derive(Debug, Args)]
pub struct StorageArgs {
    /// Where the history database lives (default: the platform's data directory).
    #[arg(long, global = true, env = "NPS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Keep users and readings in this PostgreSQL database (a cluster's) instead of
    /// the data directory: postgres://user:password@host:port/db.
    #[arg(
        long,
        global = true,
        env = "NPS_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
}

/// An open store and the runtime its calls run on (a PostgreSQL store's
/// connections belong to the runtime that opened them). Derefs to the store.
pub struct OpenStore {
    runtime: tokio::runtime::Runtime,
    store: Arc<dyn Store>,
}

impl OpenStore {
    /// Runs `work` (calls on this store) to completion.
    pub fn run<F: std::future::Future>(&self, work: F) -> F::Output {
        self.runtime.block_on(work)
    }
}

impl Deref for OpenStore {
    type Target = dyn Store;

    fn deref(&self) -> &dyn Store {
        &*self.store
    }
}

impl StorageArgs {
    /// The data directory: the flag, else the platform's.
    pub fn dir(&self) -> Result<PathBuf> {
        nps_platform::paths::data_dir_or(self.data_dir.as_deref())
            .map_err(|_| CliError::input(Message::new("cli-error-no-data-dir")))
    }

    /// The store: the PostgreSQL database of `--database-url`, else the SQLite one in
    /// the data directory (created, private, if missing).
    pub fn open(&self) -> Result<OpenStore> {
        let runtime = runtime()?;
        let store: Arc<dyn Store> = match &self.database_url {
            Some(url) => Arc::new(runtime.block_on(PgStore::connect(url)).map_err(|e| {
                CliError::Failure(
                    Message::new("cli-error-open-database")
                        .with("url", redact_url(url))
                        .with("error", e.to_string()),
                )
            })?),
            None => Arc::new(self.open_sqlite()?),
        };
        Ok(OpenStore { runtime, store })
    }

    /// The SQLite store in the data directory (created, private, if missing).
    pub fn open_sqlite(&self) -> Result<SqliteStore> {
        let dir = self.dir()?;
        SqliteStore::open_in_dir(&dir).map_err(|e| {
            CliError::Failure(
                Message::new("cli-error-open-store")
                    .with("dir", dir.display().to_string())
                    .with("error", e.to_string()),
            )
        })
    }

    /// The signing secret of `nps serve` and `nps token` (`NPS_JWT_SECRET`, else the
    /// one kept in the data directory, made on first use).
    pub fn signing_secret(&self) -> Result<Vec<u8>> {
        let dir = self.dir()?;
        nps_server::secret::jwt_secret(&dir).map_err(|e| {
            let path = |p: &std::path::Path| p.display().to_string();
            match e {
                SecretError::EnvTooShort => CliError::input(
                    Message::new("cli-error-secret-env")
                        .number("min", nps_server::config::MIN_JWT_SECRET_LEN as i64),
                ),
                SecretError::FileTooShort(p) => {
                    CliError::Failure(Message::new("cli-error-secret-short").with("file", path(&p)))
                }
                SecretError::Read(p, e) | SecretError::Write(p, e) => CliError::Failure(
                    Message::new("cli-error-secret-file")
                        .with("file", path(&p))
                        .with("error", e.to_string()),
                ),
                SecretError::Random(e) => CliError::failed("cli-error-random", e),
            }
        })
    }
}

/// The small current-thread runtime the CLI runs store calls on (the store's SQLite
/// work runs on its blocking pool). The store is async and the CLI is not: this is
/// the one place it gets a runtime for them.
fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::failed("cli-error-runtime", e))
}

/// Runs `work` (calls on a store that needs no runtime of its own, SQLite) to
/// completion.
pub fn block_on<F: std::future::Future>(work: F) -> Result<F::Output> {
    Ok(runtime()?.block_on(work))
}
