//! [`Locale`]: the languages the app speaks, as every request, event and text names them
//! (`"en"`, `"fa"`), with their direction and digits. The texts themselves are in
//! `nps-i18n`, which re-exports this type.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fa,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fa];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fa => "fa",
        }
    }

    /// Whether the script runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Locale::Fa
    }

    /// `text` with ASCII digits shown in this locale's digits (Persian ۰–۹ for `fa`);
    /// everything else is left as it is.
    pub fn digits(self, text: &str) -> String {
        match self {
            Locale::En => text.to_string(),
            Locale::Fa => text.chars().map(persian_digit).collect(),
        }
    }

    /// A number formatted for this locale: Persian digits and the Persian decimal
    /// separator (٫) for `fa`.
    pub fn number(self, n: impl fmt::Display) -> String {
        let text = n.to_string();
        match self {
            Locale::En => text,
            Locale::Fa => text
                .chars()
                .map(|c| if c == '.' { '٫' } else { persian_digit(c) })
                .collect(),
        }
    }

    /// The position in [`Locale::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A locale tag that is not supported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {0:?} (expected en or fa)")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;
    /// Accepts `en`, `fa` and regional forms (`en-US`, `fa_IR.UTF-8`), any case.
    fn from_str(s: &str) -> Result<Self, UnknownLocale> {
        let lang = s
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" => Ok(Locale::En),
            "fa" | "per" | "fas" => Ok(Locale::Fa),
            _ => Err(UnknownLocale(s.to_string())),
        }
    }
}

fn persian_digit(c: char) -> char {
    match c.to_digit(10) {
        Some(d) if c.is_ascii_digit() => char::from_u32('۰' as u32 + d).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_parse_from_tags() {
        assert_eq!("fa_IR.UTF-8".parse::<Locale>(), Ok(Locale::Fa));
        assert_eq!("en-US".parse::<Locale>(), Ok(Locale::En));
        assert!("de".parse::<Locale>().is_err());
        assert_eq!(serde_json::to_value(Locale::Fa).ok(), Some("fa".into()));
    }

    #[test]
    fn persian_digits() {
        assert_eq!(Locale::Fa.digits("2026-02-09 12.5"), "۲۰۲۶-۰۲-۰۹ ۱۲.۵");
        assert_eq!(Locale::Fa.number(22.05), "۲۲٫۰۵");
        assert_eq!(Locale::En.number(42), "42");
        assert_eq!(
            Locale::ALL.map(Locale::index),
            [0, 1],
            "bundles are indexed by it"
        );
    }
}
