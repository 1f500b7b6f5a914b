//! `nps`: NPS Oracle from the terminal. Parses the flags, calls the command, and maps
//! its error to an exit code: 2 for bad input, 1 for anything else, with one line on
//! stderr in the chosen language.
//!
//! # Layout
//! - `args`: the command line (`Cli`, one `Command` variant per subcommand).
//! - `commands/*`: one module per subcommand, with its flags and its `run`.
//! - `inputs`: typed inputs from flags (a person, moments that default to now).
//! - `storage`: the data directory, the store and the signing secret in it.
//! - `report`: human-readable reports (aligned, localized rows).
//! - `output`: stdout, JSON, localized lines.
//! - `error`: `CliError`, its exit code and its localized line.
//!
//! Imports point one way: `main` → `args` → `commands/*` → `inputs`, `storage`,
//! `report`, `output` → `error`.

mod args;
mod commands;
mod error;
mod inputs;
mod output;
mod report;
mod storage;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::commands::{backup, full, history, numerology, read, serve, stamp, token, user, watch};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let locale = cli.locale;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("nps: {}", err.line(locale));
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(cli: Cli) -> error::Result<()> {
    let locale = cli.locale;
    match &cli.command {
        Command::Stamp(args) => stamp::run(locale, args),
        Command::Numerology(args) => numerology::run(locale, args),
        Command::Full(args) => full::run(locale, args),
        Command::Read(args) => read::run(locale, args),
        Command::Serve(args) => serve::run(locale, args),
        Command::Token(args) => token::run(locale, args),
        Command::User(args) => user::run(locale, args),
        Command::Watch(args) => watch::run(locale, args),
        Command::History(args) => history::run(locale, args),
        Command::Backup(args) => backup::run(locale, args),
    }
}
