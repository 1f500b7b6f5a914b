//! The command line, as clap derives it.

use clap::{Args, Parser, Subcommand};
use nps_i18n::Locale;

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
    /// A reading with its text, in the chosen language; --save keeps it in your history.
    Read {
        #[command(subcommand)]
        kind: ReadKind,
        #[command(flatten)]
        common: ReadArgs,
    },
    /// Serve the HTTP API and /ws/oracle (and the web UI with --ui-dir).
    Serve(ServeArgs),
    /// Print a token signed with the server's secret.
    Token(TokenArgs),
    /// Manage logins.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Connect to /ws/oracle and print every event as one JSON line.
    Watch(WatchArgs),
    /// Your saved readings: list, show, delete, favorite.
    History {
        #[command(subcommand)]
        action: Option<HistoryAction>,
        #[command(flatten)]
        storage: StorageArgs,
        /// Print JSON instead of text.
        #[arg(long, global = true)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct StorageArgs {
    /// Where the history database lives (default: the platform's data directory).
    #[arg(long, global = true, env = "NPS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Print the typed result as JSON.
    #[arg(long, global = true)]
    pub json: bool,
    /// Store the reading in your local history.
    #[arg(long, global = true)]
    pub save: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Subcommand)]
pub enum ReadKind {
    /// The reading of a moment (default: now).
    Time {
        #[arg(long)]
        at: Option<String>,
    },
    /// The reading of a name.
    Name {
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        birth: Option<String>,
        #[arg(long, default_value = "auto")]
        system: String,
    },
    /// The reading of a question (up to 1,000 characters).
    Question {
        #[arg(long)]
        question: String,
        #[arg(long, default_value = "auto")]
        system: String,
    },
    /// The insight of a day (default: today).
    Daily {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// A birth date, for lucky hours and a personal focus.
        #[arg(long, value_name = "YYYY-MM-DD")]
        birth: Option<String>,
    },
    /// The full reading of a person (the flags of `nps full`).
    Full {
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        extra: FullArgs,
    },
    /// The compatibility of 2–5 people.
    Compatibility {
        /// "NAME;YYYY-MM-DD", given 2 to 5 times.
        #[arg(long = "person", value_name = "NAME;YYYY-MM-DD")]
        people: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// Your readings, newest first.
    List {
        /// Only this kind (time, name, question, daily, full, compatibility).
        #[arg(long)]
        kind: Option<String>,
        /// Only favorites.
        #[arg(long)]
        favorite: bool,
        /// Only readings whose input or summary contains this text.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// One reading, re-rendered in the chosen language.
    Show { id: i64 },
    /// Delete a reading.
    Delete { id: i64 },
    /// Mark or unmark a reading as a favorite.
    Favorite { id: i64 },
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

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. A loopback address also restricts Host and Origin to it.
    #[arg(long, env = "NPS_BIND", default_value = "127.0.0.1:8000")]
    pub bind: std::net::SocketAddr,
    #[command(flatten)]
    pub storage: StorageArgs,
    /// Serve the built web UI from this directory.
    #[arg(long, env = "NPS_UI_DIR", value_name = "DIR")]
    pub ui_dir: Option<std::path::PathBuf>,
    #[arg(long, default_value_t = 30)]
    pub heartbeat_secs: u64,
    #[arg(long, default_value_t = 10)]
    pub pong_timeout_secs: u64,
    /// A browser origin allowed besides the server's own (repeatable).
    #[arg(long, value_name = "ORIGIN")]
    pub allowed_origin: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The user the token is for (its `sub`).
    #[arg(long)]
    pub user: String,
    #[arg(long, default_value = "user")]
    pub role: String,
    /// Lifetime: 90s, 30m, 24h, 7d.
    #[arg(long, default_value = "24h", value_parser = crate::serve::parse_ttl)]
    pub ttl: std::time::Duration,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create a login; the password is read from the first line of stdin.
    Add {
        name: String,
        #[arg(long, default_value = "user")]
        role: String,
        #[command(flatten)]
        storage: StorageArgs,
    },
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// ws://HOST:PORT/ws/oracle
    #[arg(long)]
    pub url: String,
    /// An access token (`nps token --user NAME`).
    #[arg(long, env = "NPS_TOKEN", hide_env_values = true)]
    pub token: String,
}
