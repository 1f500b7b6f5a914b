//! Text for the UI from `locales/` (the Fluent files the server and the CLI use too),
//! through `nps-i18n`. Every human-readable string of the UI is a message id here; UI
//! messages live in `locales/<lang>/ui.ftl` and start with `ui-`.
//!
//! Dates: [`date`] writes a Gregorian day as a reader of the locale reads it — the
//! Solar Hijri date in Persian (month names from `locales/fa/calendar.ftl`) with the
//! Gregorian alongside, the ISO date in English. Every date the UI shows goes through it.
//!
//! Bidi isolation stays on: Fluent wraps each argument in U+2068/U+2069 so a Latin
//! token inside Persian text (or the reverse) keeps its own direction.

pub use nps_i18n::Locale;
use nps_i18n::{Args, DateStyle, LocaleFormat, Localizer};
use nps_protocol::SystemChoice;

/// Message `id` in `locale`; its id when missing (a test checks none is).
pub fn t(locale: Locale, id: &str) -> String {
    Localizer::get().text(locale, id)
}

/// Message `id` with arguments (values already formatted for the locale).
pub fn tf(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    Localizer::get().format_or_id(locale, id, &Args::from_pairs(args))
}

/// A number (a count, a figure) grouped and in the locale's digits and separators:
/// `1,000` / `۱٬۰۰۰`, `12.5` / `۱۲٫۵`. Identifiers, years and clock times are not
/// numbers to group: [`digits`] shapes them.
pub fn num(locale: Locale, n: impl std::fmt::Display) -> String {
    locale.decimal(&n.to_string())
}

/// Items one after another with the locale's separator: `3 · 9 · 20`, `۳، ۹، ۲۰` (a
/// middle dot beside Persian digits would read as the Persian zero).
pub fn list(locale: Locale, items: &[String]) -> String {
    items.join(&t(locale, "ui-list-separator"))
}

/// ASCII digits inside `text` shown in the locale's digits.
pub fn digits(locale: Locale, text: &str) -> String {
    locale.digits(text)
}

/// A Gregorian day as [`date`] writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownDate {
    /// In the locale's calendar and digits: `2026-11-27`, `۶ آذر ۱۴۰۵`.
    pub local: String,
    /// The Gregorian date in the locale's words, when the locale's calendar is another
    /// one (Persian): `۲۷ نوامبر ۲۰۲۶`.
    pub gregorian: Option<String>,
}

/// The Gregorian day `iso` (`YYYY-MM-DD`; a longer ISO date-time is cut to its day) as
/// a reader of `locale` reads it. English keeps the ISO date; Persian gets the Solar
/// Hijri date with the Gregorian alongside. Text that is no date is only digit-shaped.
pub fn date(locale: Locale, iso: &str) -> ShownDate {
    let day = iso.get(..10).unwrap_or(iso);
    let Some((y, m, d)) = gregorian_day(day) else {
        return ShownDate {
            local: digits(locale, iso),
            gregorian: None,
        };
    };
    match locale {
        Locale::En => ShownDate {
            local: locale.date(y, m, d, DateStyle::Numeric),
            gregorian: None,
        },
        Locale::Fa => ShownDate {
            local: locale.date(y, m, d, DateStyle::Long),
            gregorian: Some(locale.date(y, m, d, DateStyle::GregorianLong)),
        },
    }
}

/// `YYYY-MM-DD` as `(year, month, day)` when that Gregorian day exists (year 1–9999).
pub fn gregorian_day(text: &str) -> Option<(i32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    nps_engine::Date::new(year, month, day).ok()?;
    Some((year, month, day))
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
