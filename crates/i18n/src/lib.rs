//! Localization for NPS Oracle: one source of text (`locales/<lang>/*.ftl`, embedded at
//! compile time) for the CLI, the server and the wasm UI.
//!
//! # Layout
//! - [`Locale`]: the supported languages (`en`, `fa`), their direction and digits
//!   (defined in `nps-protocol`, where every wire type lives; re-exported here).
//! - [`Localizer`]: the Fluent bundles; [`Localizer::format`] renders one message.
//! - [`Args`]: message arguments — strings, already formatted for the locale.
//! - [`learn`]: the catalog of the Learn page's messages (entries, their ids, page order).
//! - [`format`]: locale-correct numbers (grouped, Persian digits, `۵۰٪`) and dates (Solar
//!   Hijri for Persian), through ICU4X ([`LocaleFormat`], methods of [`Locale`]);
//!   [`SolarHijri`] converts for date fields.
//!
//! Bidi isolation stays on (Persian mixed with Latin tokens needs it); compare text with
//! [`strip_isolation`].
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use thiserror::Error;
use unic_langid::LanguageIdentifier;

pub mod format;
pub mod learn;

pub use format::{DateStyle, LocaleFormat, SolarHijri};
pub use nps_protocol::{Locale, UnknownLocale};

mod files {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
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
    /// The arguments of `(name, value)` pairs, as callers that build them in a slice
    /// write them.
    pub fn from_pairs(pairs: &[(&str, String)]) -> Self {
        Args(
            pairs
                .iter()
                .map(|(name, value)| (name.to_string(), value.clone()))
                .collect(),
        )
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
        self.format_or_id(locale, id, &Args::new())
    }

    /// Renders a message with arguments, falling back to its id if it is missing or
    /// fails to render (for what is shown, where a test checks no message is missing).
    pub fn format_or_id(&self, locale: Locale, id: &str, args: &Args) -> String {
        self.format(locale, id, args)
            .unwrap_or_else(|_| id.to_string())
    }

    /// [`Localizer::format_or_id`] without the bidi isolation marks: for plain text
    /// that shows them as stray characters (window titles, menus, stderr, PDF pages).
    pub fn plain(&self, locale: Locale, id: &str, args: &Args) -> String {
        strip_isolation(&self.format_or_id(locale, id, args))
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
