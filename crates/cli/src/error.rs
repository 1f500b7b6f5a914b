//! [`CliError`]: what can go wrong, the exit code it maps to (2 for bad input, 1 for
//! everything else) and its one line of text in the reader's language.

use std::fmt;

use nps_engine::EngineError;
use nps_export::ExportError;
use nps_i18n::{Args, Locale, Localizer, strip_isolation};
use nps_readings::ReadingError;
use nps_store::StoreError;

/// Exit code of bad input (ripgrep's and most tools' convention).
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code of every other failure.
pub const EXIT_FAILURE: u8 = 1;

/// A message of `locales/*/*.ftl` with its arguments, rendered in the reader's locale
/// when it is shown (`Display` renders it in English, for logs). Numbers are kept as
/// numbers and written in the locale's digits then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Text(String),
    Number(i64),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `$name`, a text shown as it is.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Value::Text(value.into())));
        self
    }

    /// Adds the argument `$name`, a number shown in the locale's digits.
    pub fn number(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, Value::Number(value.into())));
        self
    }

    /// The text in `locale`, without bidi isolation marks (a terminal shows them as
    /// stray characters); the id itself if the message is missing.
    pub fn render(&self, locale: Locale) -> String {
        let args = self.args.iter().fold(Args::new(), |args, (name, value)| {
            args.with(
                *name,
                match value {
                    Value::Text(text) => text.clone(),
                    Value::Number(n) => locale.number(n),
                },
            )
        });
        Localizer::get()
            .format(locale, self.id, &args)
            .map(|s| strip_isolation(&s))
            .unwrap_or_else(|_| self.id.to_string())
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::En))
    }
}

/// What can go wrong in a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input (a flag's value, a missing reading, an existing file): exit 2.
    #[error("{0}")]
    Input(Message),
    /// Not the user's fault (a file that cannot be written, a runtime): exit 1.
    #[error("{0}")]
    Failure(Message),
    /// Input the engine refused: exit 2.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// A reading refused its input (exit 2) or failed (exit 1).
    #[error(transparent)]
    Reading(#[from] ReadingError),
    /// The store refused the input (exit 2) or failed (exit 1).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A document too large to export (exit 2), or the export failed (exit 1).
    #[error(transparent)]
    Export(#[from] ExportError),
}

pub type Result<T> = std::result::Result<T, CliError>;

impl CliError {
    pub fn exit_code(&self) -> u8 {
        let bad_input = match self {
            CliError::Input(_) | CliError::Engine(_) => true,
            CliError::Failure(_) => false,
            CliError::Reading(e) => matches!(e, ReadingError::Invalid(_)),
            CliError::Store(e) => matches!(e, StoreError::Invalid(_)),
            CliError::Export(e) => e.is_bad_input(),
        };
        if bad_input {
            EXIT_BAD_INPUT
        } else {
            EXIT_FAILURE
        }
    }

    /// What went wrong, in `locale`, on one line.
    pub fn message(&self, locale: Locale) -> String {
        let text = match self {
            CliError::Input(m) | CliError::Failure(m) => m.render(locale),
            CliError::Engine(e) => ReadingError::from(e.clone()).problem(locale),
            CliError::Reading(e) => e.problem(locale),
            // What the store refused (a username rule …), in the chosen language.
            CliError::Store(StoreError::Invalid(why)) => {
                ReadingError::Invalid(why.clone()).problem(locale)
            }
            CliError::Store(e) => Message::new("cli-error-store")
                .with("error", e.to_string())
                .render(locale),
            CliError::Export(e) if e.is_bad_input() => {
                Message::new("export-error-too-large").render(locale)
            }
            CliError::Export(e) => Message::new("cli-error-export")
                .with("error", e.to_string())
                .render(locale),
        };
        text.replace(['\r', '\n'], " ")
    }

    /// The line `nps` prints on stderr: `error: …` in `locale`.
    pub fn line(&self, locale: Locale) -> String {
        Message::new("cli-error")
            .with("message", self.message(locale))
            .render(locale)
    }

    /// Bad input described by message `id`.
    pub fn input(message: Message) -> Self {
        CliError::Input(message)
    }

    /// A failure described by `id`, with the underlying error as `$error`.
    pub fn failed(id: &'static str, error: impl fmt::Display) -> Self {
        CliError::Failure(Message::new(id).with("error", error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_whose_fault_it_is() {
        let input = CliError::Input(Message::new("cli-error-empty-user"));
        assert_eq!(input.exit_code(), EXIT_BAD_INPUT);
        assert_eq!(
            CliError::failed("cli-error-runtime", "x").exit_code(),
            EXIT_FAILURE
        );
        assert_eq!(
            CliError::from(StoreError::Invalid(nps_protocol::Msg::new(
                "error-store-owner-empty"
            )))
            .exit_code(),
            EXIT_BAD_INPUT
        );
        assert_eq!(
            CliError::from(ReadingError::Internal("x".into())).exit_code(),
            EXIT_FAILURE
        );
        let too_big = ExportError::TooManyPages { pages: 90, max: 80 };
        assert_eq!(CliError::from(too_big).exit_code(), EXIT_BAD_INPUT);
    }

    #[test]
    fn messages_are_one_line_in_either_language() {
        let e = CliError::failed("cli-error-runtime", "line one\nline two");
        assert_eq!(
            e.line(Locale::En),
            "error: cannot start the async runtime: line one line two"
        );
        let fa = e.line(Locale::Fa);
        assert!(fa.starts_with("خطا: "), "{fa}");
        assert!(!fa.contains('\n'));
    }
}
