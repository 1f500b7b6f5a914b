//! The command line, as clap derives it.

use clap::{Args, Parser, Subcommand};
use nps_i18n::Locale;

#[derive(Debug, Parser)]
#[command(name = "nps", version, about = "NPS Oracle: numerology and FC60 readings, offline.")]
pub struct Cli {
    /// Language of the output: en or fa.
    #[arg(long, global = true, env = "NPS_LOCALE", default_value = "en", value_parser = parse_locale)]
    pub locale: Locale,
    #[command(subcommand)]
    pub command: Command,
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    s.parse().map_err(|e: nps_i18n::UnknownLocale| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The FC60 stamp of a moment (default: now, in the local time zone).
    Stamp {
        /// An ISO-8601 date-time with offset (2026-02-09T14:30:00+01:00) or a date (2026-02-09).
        when: Option<String>,
        /// Print one JSON object with the vectors' field names.
        #[arg(long)]
        json: bool,
    },
    /// The numerology profile of a name and birth date.
    Numerology {
        #[command(flatten)]
        person: PersonArgs,
        /// The day the personal year, month and day refer to (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every figure of a full reading.
    Full {
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        extra: FullArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct PersonArgs {
    /// Full name, in Latin or Persian/Arabic script.
    #[arg(long)]
    pub name: String,
    /// Birth date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub birth: String,
    /// male, female or other.
    #[arg(long)]
    pub gender: Option<String>,
    /// Mother's name (its number is shown as an influence).
    #[arg(long)]
    pub mother: Option<String>,
    /// pythagorean, chaldean, abjad or auto (Abjad for Persian/Arabic script).
    #[arg(long, default_value = "auto")]
    pub system: String,
}

#[derive(Debug, Args)]
pub struct FullArgs {
    /// The moment of the reading: ISO date-time with offset, or a date (default: now).
    #[arg(long)]
    pub at: Option<String>,
    /// Latitude in degrees (with --lon).
    #[arg(long, requires = "lon", allow_negative_numbers = true)]
    pub lat: Option<f64>,
    /// Longitude in degrees (with --lat).
    #[arg(long, requires = "lat", allow_negative_numbers = true)]
    pub lon: Option<f64>,
    /// A measured resting heart rate.
    #[arg(long)]
    pub bpm: Option<u32>,
}
