//! `nps`: NPS Oracle from the terminal. Parses flags, calls the libraries, prints, and
//! maps errors to exit codes (2 for bad input, with one line on stderr).

mod args;
mod commands;
mod read;
mod report;
mod serve;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let locale = cli.locale;
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let message = nps_i18n::Localizer::get()
                .format(
                    locale,
                    "cli-error",
                    &nps_i18n::Args::new().with("message", err.message(locale)),
                )
                .unwrap_or_else(|_| format!("error: {err}"));
            eprintln!("nps: {}", nps_i18n::strip_isolation(&message));
            ExitCode::from(err.exit_code())
        }
    }
}
