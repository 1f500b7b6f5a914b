//! Writing to the terminal: stdout through [`emit`] (a closed pipe ends the output
//! quietly), JSON, and one-line messages from `locales/` in the reader's language.

use std::io::Write;

use nps_i18n::Locale;
use serde::Serialize;

use crate::error::{CliError, Message, Result};

/// Writes to stdout. A closed pipe (`nps … | head`) ends the output quietly instead of
/// panicking; any other write error is reported.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::failed("cli-error-output", e))
        }
        _ => Ok(()),
    }
}

/// `println!` through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::output::emit(&format!("{}\n", format_args!($($arg)*))) };
}
pub(crate) use outln;

/// `value` as pretty JSON on its own line.
pub fn print_json(value: &impl Serialize) -> Result<()> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| CliError::failed("cli-error-output", e))?;
    outln!("{text}")
}

/// A message on its own line of stdout, in `locale`.
pub fn say(locale: Locale, message: Message) -> Result<()> {
    outln!("{}", message.render(locale))
}

/// A message on its own line of stderr, in `locale` (progress and notes that must not
/// mix with what a script reads from stdout).
pub fn note(locale: Locale, message: Message) {
    eprintln!("{}", message.render(locale));
}
