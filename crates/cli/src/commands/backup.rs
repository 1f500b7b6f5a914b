//! `nps backup --to FILE [--force]`: a copy of the history database, safe while a
//! server uses it (SQLite's online backup API), private (0600), and never over an
//! existing file unless `--force`. With `--database-url` (PostgreSQL) it refuses
//! (exit 2) and points to `pg_dump`.

use std::path::{Path, PathBuf};

use clap::Args;
use nps_i18n::Locale;
use nps_store::{DB_FILE_NAME, Overwrite, StoreError};

use crate::error::{CliError, Message, Result};
use crate::output::say;
use crate::storage::{StorageArgs, block_on};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write.
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

pub fn run(locale: Locale, args: &BackupArgs) -> Result<()> {
    if args.storage.database_url.is_some() {
        // PostgreSQL has its own tool, consistent while the cluster runs.
        return Err(CliError::input(Message::new("cli-backup-postgres")));
    }
    let file = || args.to.display().to_string();
    let exists = || CliError::input(Message::new("cli-backup-exists").with("file", file()));
    if args.to.exists() && !args.force {
        return Err(exists());
    }
    let dir = args.storage.dir()?;
    let database = dir.join(DB_FILE_NAME);
    if !database.is_file() {
        return Err(CliError::input(
            Message::new("cli-backup-no-database").with("dir", dir.display().to_string()),
        ));
    }
    if same_file(&database, &args.to) {
        return Err(CliError::input(
            Message::new("cli-backup-same-file").with("file", file()),
        ));
    }
    let store = args.storage.open_sqlite()?;
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    block_on(store.backup_to(&args.to, overwrite))?.map_err(|e| match e {
        StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => {
            exists()
        }
        other => CliError::Failure(
            Message::new("cli-error-backup")
                .with("file", file())
                .with("error", other.to_string()),
        ),
    })?;
    say(locale, Message::new("cli-backup-done").with("file", file()))
}

/// Whether `to` is the database itself (backing it up onto itself would replace it).
fn same_file(database: &Path, to: &Path) -> bool {
    match (database.canonicalize(), to.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
