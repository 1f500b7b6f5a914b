//! `nps token --user NAME [--role R] [--ttl 24h]`: a token signed with the server's
//! secret (the same one `nps serve` uses for this data directory).

use std::time::Duration;

use clap::Args;
use nps_i18n::Locale;

use crate::error::{CliError, Message, Result};
use crate::output::outln;
use crate::storage::StorageArgs;

/// The shortest lifetime `--ttl` accepts.
pub const MIN_TOKEN_TTL: Duration = Duration::from_secs(1);
/// The longest lifetime `--ttl` accepts: a year (366 days).
pub const MAX_TOKEN_TTL: Duration = Duration::from_secs(366 * 86_400);

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The user the token is for (its `sub`).
    #[arg(long)]
    pub user: String,
    #[arg(long, default_value = "user")]
    pub role: String,
    /// Lifetime: 90s, 30m, 24h, 7d.
    #[arg(long, default_value = "24h")]
    pub ttl: String,
    #[command(flatten)]
    pub storage: StorageArgs,
}

pub fn run(_locale: Locale, args: &TokenArgs) -> Result<()> {
    let user = args.user.trim();
    if user.is_empty() {
        return Err(CliError::input(Message::new("cli-error-token-user")));
    }
    let ttl = parse_ttl(&args.ttl)?;
    let secret = args.storage.signing_secret()?;
    let token = nps_server::mint_token(&secret, user, user, &args.role, ttl)
        .map_err(|e| CliError::failed("cli-error-token", e))?;
    outln!("{token}")
}

/// A lifetime: `humantime`'s durations (`90s`, `30m`, `24h`, `7d`, `1h 30m`) or a bare
/// number of seconds, from [`MIN_TOKEN_TTL`] to [`MAX_TOKEN_TTL`].
pub fn parse_ttl(text: &str) -> Result<Duration> {
    let text = text.trim();
    let bad = || CliError::input(Message::new("cli-error-ttl").with("value", text));
    let ttl = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        Duration::from_secs(text.parse().map_err(|_| bad())?)
    } else {
        humantime::parse_duration(text).map_err(|_| bad())?
    };
    if !(MIN_TOKEN_TTL..=MAX_TOKEN_TTL).contains(&ttl) {
        return Err(bad());
    }
    Ok(ttl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetimes_in_every_unit_and_bare_seconds() {
        for (text, secs) in [
            ("90s", 90),
            ("30m", 1800),
            ("24h", 86_400),
            ("7d", 604_800),
            ("1h 30m", 5400),
            ("3600", 3600),
            (" 1s ", 1),
            ("366d", 366 * 86_400),
        ] {
            assert_eq!(
                parse_ttl(text).unwrap(),
                Duration::from_secs(secs),
                "{text}"
            );
        }
    }

    #[test]
    fn nonsense_zero_and_over_a_year_are_refused() {
        for text in [
            "forever",
            "",
            "0",
            "0s",
            "367d",
            "24x",
            "-5m",
            "99999999999999999999",
        ] {
            let err = parse_ttl(text).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{text}");
            assert!(err.message(Locale::En).contains("--ttl"), "{text}");
        }
    }
}
