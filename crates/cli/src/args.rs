//! The command line as clap derives it: the global `--locale` and one variant per
//! subcommand, whose flags live beside its code in `commands/`.

use clap::{Parser, Subcommand};
use nps_i18n::Locale;

use crate::commands::backup::BackupArgs;
use crate::commands::full::FullCommandArgs;
use crate::commands::history::HistoryArgs;
use crate::commands::numerology::NumerologyArgs;
use crate::commands::read::ReadArgs;
use crate::commands::serve::ServeArgs;
use crate::commands::stamp::StampArgs;
use crate::commands::token::TokenArgs;
use crate::commands::user::UserArgs;
use crate::commands::watch::WatchArgs;

#[derive(Debug, Parser)]
#[command(
    name = "nps",
    version,
    about = "NPS Oracle: numerology and FC60 readings, offline."
)]
pub struct Cli {
    /// Language of the output: en or fa.
    #[arg(long, global = true, env = "NPS_LOCALE", default_value = "en", value_parser = parse_locale)]
    pub locale: Locale,
    #[command(subcommand)]
    pub command: Command,
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    s.parse()
        .map_err(|e: nps_i18n::UnknownLocale| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The FC60 stamp of a moment (default: now, in the local time zone).
    Stamp(StampArgs),
    /// The numerology profile of a name and birth date.
    Numerology(NumerologyArgs),
    /// Every figure of a full reading.
    Full(FullCommandArgs),
    /// A reading with its text, in the chosen language; --save keeps it in your history.
    Read(ReadArgs),
    /// Serve the HTTP API and /ws/oracle (and the web UI with --ui-dir).
    Serve(ServeArgs),
    /// Print a token signed with the server's secret.
    Token(TokenArgs),
    /// Manage logins.
    User(UserArgs),
    /// Connect to /ws/oracle and print every event as one JSON line.
    Watch(WatchArgs),
    /// Your saved readings: list, show, delete, favorite, export.
    History(HistoryArgs),
    /// Copy the history database to a file, safely while a server uses it.
    Backup(BackupArgs),
}
