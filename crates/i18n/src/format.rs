//! Locale-correct numbers and dates, shared by the readings, the server, the CLI and the
//! wasm UI (ICU4X underneath).
//!
//! - Numbers: [`LocaleFormat::integer`], [`LocaleFormat::decimal`] and
//!   [`LocaleFormat::percent`] group and shape digits as the locale writes them
//!   (`1,477,947,600` / `۱٬۴۷۷٬۹۴۷٬۶۰۰`, `50%` / `۵۰٪`), through `icu_decimal`.
//!   [`Locale::number`] only shapes digits, for figures that must never be grouped
//!   (years, clock times, codes).
//! - Dates: [`LocaleFormat::date`] writes a Gregorian day in the locale's calendar —
//!   Solar Hijri for Persian (`۲۰ بهمن ۱۴۰۴`), Gregorian for English — in a
//!   [`DateStyle`]; month names come from `locales/*/calendar.ftl`.
//!
//! [`Locale`] is defined in `nps-protocol` (it crosses the wire), so these are methods
//! of the [`LocaleFormat`] trait; `use nps_i18n::LocaleFormat` brings them into scope.
//! - Conversion for date fields and pickers: [`SolarHijri`] (from and to Gregorian, month
//!   lengths), through `icu_calendar`'s arithmetic Persian calendar (no data needed).
//!
//! Only the `en` and `fa` decimal symbols are looked up; the compiled ICU data carries
//! the symbols of other locales too, which is what the size budget of the UI is
//! measured with (see the README).

use std::sync::OnceLock;

use fixed_decimal::Decimal;
use icu_calendar::Date as IcuDate;
use icu_calendar::cal::Persian;
use icu_decimal::DecimalFormatter;

use crate::{Args, Locale, Localizer};

/// How [`LocaleFormat::date`] writes a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Day, month name and year in the locale's calendar: `9 February 2026`,
    /// `۲۰ بهمن ۱۴۰۴`.
    Long,
    /// [`DateStyle::Long`], with the Gregorian date alongside where the locale's calendar
    /// is another one: `۲۰ بهمن ۱۴۰۴ (۹ فوریه ۲۰۲۶)`; English is as `Long`.
    LongWithGregorian,
    /// Numbers only, in the locale's calendar and digits: `2026-02-09`, `۱۴۰۴/۱۱/۲۰`.
    Numeric,
    /// The Gregorian day in the locale's words and digits whatever its calendar (the
    /// part a Persian reader sees alongside the Solar Hijri date): `9 February 2026`,
    /// `۹ فوریه ۲۰۲۶`.
    GregorianLong,
}

/// A day of the Solar Hijri (Persian) calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SolarHijri {
    pub year: i32,
    /// 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    pub day: u8,
}

impl SolarHijri {
    /// The Solar Hijri day of a Gregorian date; `None` if the Gregorian date does not exist.
    pub fn from_gregorian(year: i32, month: u32, day: u32) -> Option<SolarHijri> {
        let iso =
            IcuDate::try_new_iso(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()?;
        let p = iso.to_calendar(Persian);
        Some(SolarHijri {
            year: p.extended_year(),
            month: p.month().ordinal,
            day: p.day_of_month().0,
        })
    }

    /// The Gregorian `(year, month, day)` of this day; `None` if it does not exist (month
    /// 13, Esfand 30 in a common year …).
    pub fn to_gregorian(self) -> Option<(i32, u32, u32)> {
        let p = IcuDate::try_new_persian(self.year, self.month, self.day).ok()?;
        let iso = p.to_iso();
        Some((
            iso.extended_year(),
            u32::from(iso.month().ordinal),
            u32::from(iso.day_of_month().0),
        ))
    }

    /// The number of days of `month` (1–12) in Solar Hijri `year`: 31, 30, or 29/30 for
    /// Esfand; `None` for a month outside 1–12.
    pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
        IcuDate::try_new_persian(year, month, 1)
            .ok()
            .map(|d| d.days_in_month())
    }
}

fn formatter(locale: Locale) -> Option<&'static DecimalFormatter> {
    static FORMATTERS: OnceLock<[Option<DecimalFormatter>; 2]> = OnceLock::new();
    FORMATTERS
        .get_or_init(|| {
            Locale::ALL.map(|l| {
                let tag: icu_locale_core::Locale = l.tag().parse().ok()?;
                DecimalFormatter::try_new(tag.into(), Default::default()).ok()
            })
        })
        .get(locale as usize)
        .and_then(Option::as_ref)
}

/// Locale-correct numbers and dates, as methods of [`Locale`] (defined in `nps-protocol`;
/// bring this trait into scope: `use nps_i18n::LocaleFormat`).
pub trait LocaleFormat: Copy {
    /// A whole number, grouped and in the locale's digits: `1,477,947,600`,
    /// `۱٬۴۷۷٬۹۴۷٬۶۰۰`.
    fn integer(self, n: i64) -> String;

    /// A decimal number written in ASCII (`"14.5"`, `"-3"`), grouped and in the locale's
    /// digits and separators (`۱۴٫۵`). Text that is not a number is only digit-shaped.
    fn decimal(self, number: &str) -> String;

    /// A percentage of a number written in ASCII: `50%`, `۵۰٪` (the Persian percent sign
    /// after the digits, with nothing between them, so it is stored in reading order).
    fn percent(self, number: &str) -> String;

    /// The Gregorian day `year-month-day` written in this locale's calendar; an invalid
    /// date is written as its ISO numbers in the locale's digits.
    fn date(self, year: i32, month: u32, day: u32, style: DateStyle) -> String;
}

impl LocaleFormat for Locale {
    fn integer(self, n: i64) -> String {
        self.decimal(&n.to_string())
    }

    fn decimal(self, number: &str) -> String {
        match (formatter(self), number.trim().parse::<Decimal>()) {
            (Some(f), Ok(d)) => f.format_to_string(&d),
            _ => self.number(number),
        }
    }

    fn percent(self, number: &str) -> String {
        let value = self.decimal(number);
        match self {
            Locale::En => format!("{value}%"),
            Locale::Fa => format!("{value}٪"),
        }
    }

    fn date(self, year: i32, month: u32, day: u32, style: DateStyle) -> String {
        let iso = || self.number(format!("{year:04}-{month:02}-{day:02}"));
        let Some(sh) = SolarHijri::from_gregorian(year, month, day) else {
            return iso();
        };
        match (self, style) {
            (Locale::En, DateStyle::Numeric) => iso(),
            (Locale::En, _) | (Locale::Fa, DateStyle::GregorianLong) => {
                gregorian_long(self, year, month, day)
            }
            (Locale::Fa, DateStyle::Numeric) => {
                self.number(format!("{:04}/{:02}/{:02}", sh.year, sh.month, sh.day))
            }
            (Locale::Fa, DateStyle::Long) => solar_hijri_long(self, sh),
            (Locale::Fa, DateStyle::LongWithGregorian) => message(
                self,
                "date-with-gregorian",
                Args::new()
                    .with("local", solar_hijri_long(self, sh))
                    .with("gregorian", gregorian_long(self, year, month, day)),
            ),
        }
    }
}

fn gregorian_long(locale: Locale, year: i32, month: u32, day: u32) -> String {
    long_date(locale, year, day, &format!("month-gregorian-{month}"))
}

fn solar_hijri_long(locale: Locale, d: SolarHijri) -> String {
    long_date(
        locale,
        d.year,
        u32::from(d.day),
        &format!("month-solar-hijri-{}", d.month),
    )
}

fn long_date(locale: Locale, year: i32, day: u32, month_id: &str) -> String {
    message(
        locale,
        "date-long",
        Args::new()
            .with("day", locale.number(day))
            .with("month", Localizer::get().text(locale, month_id))
            .with("year", locale.number(year)),
    )
}

fn message(locale: Locale, id: &str, args: Args) -> String {
    Localizer::get().plain(locale, id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_shaped() {
        assert_eq!(Locale::En.integer(1_477_947_600), "1,477,947,600");
        assert_eq!(Locale::Fa.integer(1_477_947_600), "۱٬۴۷۷٬۹۴۷٬۶۰۰");
        assert_eq!(Locale::En.integer(999), "999");
        assert_eq!(Locale::Fa.decimal("14.5"), "۱۴٫۵");
        assert_eq!(Locale::En.decimal("12345.25"), "12,345.25");
        assert_eq!(Locale::Fa.decimal("not a number 7"), "not a number ۷");
    }

    #[test]
    fn percent_sign_follows_the_digits() {
        assert_eq!(Locale::En.percent("50"), "50%");
        assert_eq!(Locale::Fa.percent("50"), "۵۰٪");
        assert_eq!(Locale::Fa.percent("73.2"), "۷۳٫۲٪");
    }

    #[test]
    fn solar_hijri_conversion_both_ways() {
        // Nowruz 1405 falls on 21 March 2026 (the equinox is on 20 March after noon in Tehran).
        let cases = [
            ((2026, 2, 9), (1404, 11, 20)),
            ((2026, 3, 20), (1404, 12, 29)),
            ((2026, 3, 21), (1405, 1, 1)),
            ((1990, 7, 15), (1369, 4, 24)),
            ((2025, 3, 21), (1404, 1, 1)),
        ];
        for ((y, m, d), (sy, sm, sd)) in cases {
            let sh = SolarHijri::from_gregorian(y, m, d).unwrap();
            assert_eq!((sh.year, sh.month, sh.day), (sy, sm, sd), "{y}-{m}-{d}");
            assert_eq!(sh.to_gregorian(), Some((y, m, d)));
        }
        assert_eq!(SolarHijri::from_gregorian(2026, 2, 30), None);
        assert_eq!(SolarHijri::days_in_month(1404, 1), Some(31));
        assert_eq!(SolarHijri::days_in_month(1404, 7), Some(30));
        assert_eq!(
            SolarHijri::days_in_month(1403, 12),
            Some(30),
            "1403 is a leap year"
        );
        assert_eq!(SolarHijri::days_in_month(1404, 12), Some(29));
        assert_eq!(SolarHijri::days_in_month(1404, 13), None);
        let bad = SolarHijri {
            year: 1404,
            month: 12,
            day: 30,
        };
        assert_eq!(bad.to_gregorian(), None);
    }

    #[test]
    fn dates_in_each_locale() {
        for (locale, style, want) in [
            (Locale::En, DateStyle::Long, "9 February 2026"),
            (Locale::En, DateStyle::LongWithGregorian, "9 February 2026"),
            (Locale::En, DateStyle::Numeric, "2026-02-09"),
            (Locale::Fa, DateStyle::Long, "۲۰ بهمن ۱۴۰۴"),
            (
                Locale::Fa,
                DateStyle::LongWithGregorian,
                "۲۰ بهمن ۱۴۰۴ (۹ فوریه ۲۰۲۶)",
            ),
            (Locale::Fa, DateStyle::Numeric, "۱۴۰۴/۱۱/۲۰"),
            (Locale::Fa, DateStyle::GregorianLong, "۹ فوریه ۲۰۲۶"),
            (Locale::En, DateStyle::GregorianLong, "9 February 2026"),
        ] {
            assert_eq!(locale.date(2026, 2, 9, style), want, "{locale:?} {style:?}");
        }
        // Not a date: the numbers as given, in the locale's digits.
        assert_eq!(Locale::Fa.date(2026, 2, 30, DateStyle::Long), "۲۰۲۶-۰۲-۳۰");
    }
}
