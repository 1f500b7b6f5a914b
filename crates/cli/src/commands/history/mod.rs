//! `nps history [list|show|delete|favorite|export]`: the local history (the readings
//! saved with `nps read … --save`, and the desktop app's).

use clap::{Args, Subcommand};
use nps_i18n::Locale;

use crate::error::{CliError, Message, Result};
use crate::storage::StorageArgs;

mod change;
mod export;
mod list;
mod show;

pub use export::ExportArgs;
pub use list::ListArgs;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub action: Option<HistoryAction>,
    #[command(flatten)]
    pub storage: StorageArgs,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// Your readings, newest first.
    List(ListArgs),
    /// One reading, re-rendered in the chosen language.
    Show { id: i64 },
    /// Delete a reading.
    Delete { id: i64 },
    /// Mark or unmark a reading as a favorite.
    Favorite { id: i64 },
    /// Export a reading as PDF, PNG image card, Markdown or JSON, in the chosen language.
    Export(ExportArgs),
}

pub fn run(locale: Locale, args: &HistoryArgs) -> Result<()> {
    if let Some(HistoryAction::Export(export)) = &args.action {
        return export::run(locale, &args.storage, export);
    }
    let store = args.storage.open()?;
    store.run(async {
        match &args.action {
            None => list::run(locale, &*store, &ListArgs::default(), args.json).await,
            Some(HistoryAction::List(list)) => list::run(locale, &*store, list, args.json).await,
            Some(HistoryAction::Show { id }) => show::run(locale, &*store, *id, args.json).await,
            Some(HistoryAction::Delete { id }) => change::delete(locale, &*store, *id).await,
            Some(HistoryAction::Favorite { id }) => change::favorite(locale, &*store, *id).await,
            Some(HistoryAction::Export(_)) => Ok(()),
        }
    })
}

/// "There is no reading ID in your history": bad input.
fn not_found(id: i64) -> CliError {
    CliError::input(Message::new("cli-history-not-found").number("id", id))
}
