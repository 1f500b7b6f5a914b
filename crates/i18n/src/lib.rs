//! Localization for NPS Oracle: one source of text (`locales/<lang>/*.ftl`, embedded at
//! compile time) for the CLI, the server and the wasm UI.
//!
//! # Layout
//! - [`Locale`]: the supported languages (`en`, `fa`), their direction and digits.
//! - [`Localizer`]: the Fluent bundles; [`Localizer::format`] renders one message.
//! - [`Args`]: message arguments — strings, already formatted for the locale.
//! - [`learn`]: the catalog of the Learn page's messages (entries, their ids, page order).
//! - [`format`]: locale-correct numbers (grouped, Persian digits, `۵۰٪`) and dates (Solar
//!   Hijri for Persian), through ICU4X; [`SolarHijri`] converts for date fields.
//!
//! Bidi isolation stays on (Persian mixed with Latin tokens needs it); compare text with
//! [`strip_isolation`].
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use unic_langid::LanguageIdentifier;

pub mod format;
pub mod learn;

pub use format::{DateStyle, SolarHijri};

mod files {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

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

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A locale tag that is not supported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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

/// Why a message could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormatError {
    #[error("message {id:?} is missing in locale {locale}")]
    Missing { locale: Locale, id: String },
    #[error("message {id:?} in locale {locale} failed to render: {detail}")]
    Render {
        locale: Locale,
        id: String,
        detail: String,
    },
}

/// Arguments of a message, by name. Values are strings already formatted for the locale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args(Vec<(String, String)>);

impl Args {
    pub fn new() -> Self {
        Args(Vec::new())
    }
    pub fn with(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.0.push((name.into(), value.into()));
        self
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The Fluent bundles of every locale, built once.
pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// (locale index, message id) → the variables the message uses.
    variables: Vec<std::collections::BTreeMap<String, BTreeSet<String>>>,
}

impl Localizer {
    /// The shared instance (embedded files, parsed on first use).
    pub fn get() -> &'static Localizer {
        static INSTANCE: OnceLock<Localizer> = OnceLock::new();
        INSTANCE.get_or_init(Localizer::build)
    }

    fn build() -> Localizer {
        let mut bundles = Vec::new();
        let mut variables = Vec::new();
        for locale in Locale::ALL {
            let lang: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            let mut vars = std::collections::BTreeMap::new();
            for (_, _, text) in files::FILES.iter().filter(|(l, _, _)| *l == locale.tag()) {
                // A syntax error is caught by the tests (`every_file_parses`); at run
                // time the entries that did parse are still served.
                let resource = match FluentResource::try_new((*text).to_string()) {
                    Ok(r) => r,
                    Err((r, _)) => r,
                };
                for entry in resource.entries() {
                    if let ast::Entry::Message(m) = entry {
                        let mut set = BTreeSet::new();
                        if let Some(p) = &m.value {
                            collect_variables(p, &mut set);
                        }
                        vars.insert(m.id.name.to_string(), set);
                    }
                }
                // Duplicates across files are reported by the tests, not fatal here.
                bundle.add_resource_overriding(resource);
            }
            bundles.push(bundle);
            variables.push(vars);
        }
        Localizer { bundles, variables }
    }

    /// Renders message `id` in `locale` with `args`.
    pub fn format(&self, locale: Locale, id: &str, args: &Args) -> Result<String, FormatError> {
        let bundle = &self.bundles[locale.index()];
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| FormatError::Missing {
                locale,
                id: id.to_string(),
            })?;
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args.iter() {
            fluent_args.set(k.to_string(), FluentValue::from(v.to_string()));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if let Some(e) = errors.first() {
            return Err(FormatError::Render {
                locale,
                id: id.to_string(),
                detail: e.to_string(),
            });
        }
        Ok(text.into_owned())
    }

    /// Renders a message without arguments, falling back to its id if it is missing
    /// (for labels; readings use [`Localizer::format`] and treat a miss as an error).
    pub fn text(&self, locale: Locale, id: &str) -> String {
        self.format(locale, id, &Args::new())
            .unwrap_or_else(|_| id.to_string())
    }

    /// Whether `locale` defines message `id`.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundles[locale.index()].has_message(id)
    }

    /// The ids defined in `locale`.
    pub fn message_ids(&self, locale: Locale) -> impl Iterator<Item = &str> {
        self.variables[locale.index()].keys().map(String::as_str)
    }

    /// The variables message `id` uses in `locale` (`None` if it is missing).
    pub fn variables(&self, locale: Locale, id: &str) -> Option<&BTreeSet<String>> {
        self.variables[locale.index()].get(id)
    }
}

fn collect_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => collect_inline(inline, out),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_variables(&v.value, out);
            }
        }
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, out);
            }
        }
        _ => {}
    }
}

/// `text` without the Unicode bidi isolation marks (U+2068, U+2069) Fluent puts around
/// placeables.
pub fn strip_isolation(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

/// The raw embedded files, for tests that check them.
pub fn embedded_files() -> &'static [(&'static str, &'static str, &'static str)] {
    files::FILES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_parse_from_tags() {
        assert_eq!("fa_IR.UTF-8".parse::<Locale>(), Ok(Locale::Fa));
        assert_eq!("en-US".parse::<Locale>(), Ok(Locale::En));
        assert!("de".parse::<Locale>().is_err());
    }

    #[test]
    fn persian_digits() {
        assert_eq!(Locale::Fa.digits("2026-02-09 12.5"), "۲۰۲۶-۰۲-۰۹ ۱۲.۵");
        assert_eq!(Locale::Fa.number(22.05), "۲۲٫۰۵");
        assert_eq!(Locale::En.number(42), "42");
    }
}
