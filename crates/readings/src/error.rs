//! [`ReadingError`]: why a reading failed, in the reader's language.

use nps_engine::EngineError;
use nps_i18n::{Args, FormatError, Locale, Localizer};
use thiserror::Error;

use crate::text::{Localized, Msg};

/// Why a reading failed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ReadingError {
    /// The input cannot be read (an invalid date, an empty name…): the caller's fault.
    /// The message is localizable (`locales/*/errors.ftl`); `Display` is English.
    #[error("{}", .0.english())]
    Invalid(Msg),
    #[error("the reading was cancelled")]
    Cancelled,
    /// A text is missing for a locale: a defect of this program, not of the input.
    #[error("text error: {0}")]
    Text(#[from] FormatError),
    /// Anything else that is not the input's fault (a damaged stored reading…).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<EngineError> for ReadingError {
    fn from(e: EngineError) -> Self {
        ReadingError::Invalid(Msg::from(&e))
    }
}

impl ReadingError {
    /// An invalid-input error with message `id` (see `locales/*/errors.ftl`).
    pub fn invalid(msg: Msg) -> Self {
        ReadingError::Invalid(msg)
    }

    /// The problem alone, in `locale` ("the name is empty"), for an error response.
    pub fn problem(&self, locale: Locale) -> String {
        match self {
            ReadingError::Invalid(m) => m.localized(locale),
            ReadingError::Cancelled => Localizer::get().text(locale, "progress-cancelled"),
            ReadingError::Text(e) => e.to_string(),
            ReadingError::Internal(e) => e.clone(),
        }
    }

    /// The error as a person reads it while a reading runs, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        if matches!(self, ReadingError::Cancelled) {
            return self.problem(locale);
        }
        let detail = self.problem(locale);
        Localizer::get()
            .format(
                locale,
                "progress-error",
                &Args::new().with("error", detail.clone()),
            )
            .map(|s| nps_i18n::strip_isolation(&s))
            .unwrap_or(detail)
    }
}
