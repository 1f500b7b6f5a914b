//! Text for the UI from `locales/` (the Fluent files the server and the CLI use too),
//! through `nps-i18n`. Every human-readable string of the UI is a message id here; UI
//! messages live in `locales/<lang>/ui.ftl` and start with `ui-`.
//!
//! Bidi isolation stays on: Fluent wraps each argument in U+2068/U+2069 so a Latin
//! token inside Persian text (or the reverse) keeps its own direction.

pub use nps_i18n::Locale;
use nps_i18n::{Args, Localizer};
use nps_protocol::SystemChoice;

/// Message `id` in `locale`; its id when missing (a test checks none is).
pub fn t(locale: Locale, id: &str) -> String {
    Localizer::get().text(locale, id)
}

/// Message `id` with arguments (values already formatted for the locale).
pub fn tf(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    let args = args
        .iter()
        .fold(Args::new(), |a, (k, v)| a.with(*k, v.clone()));
    Localizer::get()
        .format(locale, id, &args)
        .unwrap_or_else(|_| id.to_string())
}

/// A number in the locale's digits (Persian digits and decimal separator for `fa`).
pub fn num(locale: Locale, n: impl std::fmt::Display) -> String {
    locale.number(n)
}

/// ASCII digits inside `text` shown in the locale's digits.
pub fn digits(locale: Locale, text: &str) -> String {
    locale.digits(text)
}

/// The other language (the header's toggle).
pub fn other(locale: Locale) -> Locale {
    match locale {
        Locale::En => Locale::Fa,
        Locale::Fa => Locale::En,
    }
}

/// `ltr` or `rtl`, for `<html dir>`.
pub fn dir(locale: Locale) -> &'static str {
    if locale.is_rtl() { "rtl" } else { "ltr" }
}

/// The name of a numerology system choice, for a `<select>`.
pub fn system_label(locale: Locale, system: SystemChoice) -> String {
    match system {
        SystemChoice::Auto => t(locale, "ui-system-auto"),
        other => t(locale, &format!("system-{}", other.as_str())),
    }
}

/// Whether `locale` defines `id` (used by tests and to skip optional labels).
pub fn has(locale: Locale, id: &str) -> bool {
    Localizer::get().has(locale, id)
}
