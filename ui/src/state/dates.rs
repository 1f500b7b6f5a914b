//! What a date field holds, read in the page's language: a Gregorian `year-month-day`
//! typed in English (`1990-07-15`, `1990/7/15`), a Solar Hijri `year/month/day` typed in
//! Persian (`۱۴۰۵/۹/۶`, `1405/09/06`). Either way the request carries the Gregorian
//! `YYYY-MM-DD` the API expects; an impossible day is an error that says why (never an
//! emptied field, as the browser's date widget does with February 30).

use nps_i18n::{DateStyle, Locale, LocaleFormat, SolarHijri};

use super::forms::{normalize_digits, parse_date};
use crate::i18n::{t, tf};

/// Solar Hijri years from here on are read as Gregorian years in Persian mode: the
/// Solar Hijri year 1700 is 2321 CE, so a year of 1700 or more typed today is a
/// Gregorian one (`2026/11/27`).
pub const GREGORIAN_YEARS_FROM: i32 = 1700;

/// An English date field reads years from here on (a four-digit year first, so that
/// `27/11/2026` is refused rather than read as the year 27).
pub const ENGLISH_YEARS_FROM: i32 = 1000;

/// Why a typed date is not a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateInputError {
    /// Not three numbers (year, month, day).
    Format,
    /// A month outside 1–12.
    Month(u32),
    /// A day the month does not have: its message id, the year, the month's length.
    Day {
        month_id: String,
        year: i32,
        days: u32,
    },
}

impl DateInputError {
    /// The error as the field shows it, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::Format => match locale {
                Locale::En => t(locale, "ui-error-date-format-gregorian"),
                Locale::Fa => t(locale, "ui-error-date-format"),
            },
            Self::Month(m) => tf(
                locale,
                "ui-error-date-month",
                &[("month", locale.number(m))],
            ),
            Self::Day {
                month_id,
                year,
                days,
            } => tf(
                locale,
                "ui-error-date-day",
                &[
                    ("month", t(locale, month_id)),
                    ("year", locale.number(year)),
                    ("days", locale.number(days)),
                ],
            ),
        }
    }
}

/// The Gregorian `YYYY-MM-DD` of what a date field holds in `locale`: `Ok(None)` when it
/// is empty. Both read `year/month/day` (separators `/`, `-` or `.`; Persian, Arabic or
/// ASCII digits): English as a Gregorian day with a year from [`ENGLISH_YEARS_FROM`],
/// Persian as a Solar Hijri day, or as a Gregorian one from [`GREGORIAN_YEARS_FROM`].
pub fn parse_date_input(locale: Locale, text: &str) -> Result<Option<String>, DateInputError> {
    let text = normalize_digits(text.trim());
    if text.is_empty() {
        return Ok(None);
    }
    let (y, m, d) = three_numbers(&text).ok_or(DateInputError::Format)?;
    let (year, month, day) = match locale {
        Locale::En if y < ENGLISH_YEARS_FROM => return Err(DateInputError::Format),
        Locale::En => checked_gregorian(y, m, d)?,
        Locale::Fa if y >= GREGORIAN_YEARS_FROM => checked_gregorian(y, m, d)?,
        Locale::Fa => solar_hijri_to_gregorian(y, m, d)?,
    };
    Ok(Some(format!("{year:04}-{month:02}-{day:02}")))
}

/// What a Persian date field shows for a Gregorian `YYYY-MM-DD`: its Solar Hijri day in
/// Persian digits (`۱۴۰۵/۰۹/۰۶`); English shows the ISO date. Text that is no date stays
/// as it is.
pub fn date_input_text(locale: Locale, value: &str) -> String {
    match (locale, parse_date(value)) {
        (Locale::Fa, Some((y, m, d))) => locale.date(y, m, d, DateStyle::Numeric),
        _ => value.to_string(),
    }
}

fn three_numbers(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split(['/', '-', '.']).map(|p| {
        let p = p.trim();
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    });
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || y == 0 {
        return None;
    }
    Some((i32::try_from(y).ok()?, m, d))
}

fn check_month(month: u32) -> Result<u8, DateInputError> {
    u8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(DateInputError::Month(month))
}

fn checked_gregorian(y: i32, m: u32, d: u32) -> Result<(i32, u32, u32), DateInputError> {
    check_month(m)?;
    let days = nps_engine::calendar::days_in_month(y, m);
    if d == 0 || d > days {
        return Err(DateInputError::Day {
            month_id: format!("month-gregorian-{m}"),
            year: y,
            days,
        });
    }
    Ok((y, m, d))
}

fn solar_hijri_to_gregorian(y: i32, m: u32, d: u32) -> Result<(i32, u32, u32), DateInputError> {
    let month = check_month(m)?;
    let days = SolarHijri::days_in_month(y, month).ok_or(DateInputError::Format)?;
    let day = u8::try_from(d)
        .ok()
        .filter(|d| (1..=days).contains(d))
        .ok_or_else(|| DateInputError::Day {
            month_id: format!("month-solar-hijri-{m}"),
            year: y,
            days: u32::from(days),
        })?;
    SolarHijri {
        year: y,
        month,
        day,
    }
    .to_gregorian()
    .filter(|(gy, gm, gd)| nps_engine::Date::new(*gy, *gm, *gd).is_ok())
    .ok_or(DateInputError::Format)
}
