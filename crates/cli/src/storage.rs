//! Where the CLI keeps its data: the `--data-dir` flag (or `NPS_DATA_DIR`, or the
//! platform's data directory, through `nps-platform`), the SQLite store and the
//! server's signing secret in it, and the small runtime the async store runs on.

use std::path::PathBuf;

use clap::Args;
use nps_server::secret::SecretError;
use nps_store::SqliteStore;

use crate::error::{CliError, Message, Result};

/// The owner of everything the CLI stores: the person at this computer (the desktop
/// app's owner too, so `nps history` lists the app's readings).
pub const LOCAL_OWNER: &str = nps_server::accounts::LOCAL_USER;

#[derive(Debug, Args)]
pub struct StorageArgs {
    /// Where the history database lives (default: the platform's data directory).
    #[arg(long, global = true, env = "NPS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl StorageArgs {
    /// The data directory: the flag, else the platform's.
    pub fn dir(&self) -> Result<PathBuf> {
        nps_platform::paths::data_dir_or(self.data_dir.as_deref())
            .map_err(|_| CliError::input(Message::new("cli-error-no-data-dir")))
    }

    /// The store in the data directory (created, private, if missing).
    pub fn open(&self) -> Result<SqliteStore> {
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

/// Runs `work` (store calls) to completion. The store is async and the CLI is not: this
/// is the one place it gets a runtime for them, a small current-thread one (the store's
/// SQLite work runs on the runtime's blocking pool).
pub fn block_on<F: std::future::Future>(work: F) -> Result<F::Output> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::failed("cli-error-runtime", e))?;
    Ok(runtime.block_on(work))
}
