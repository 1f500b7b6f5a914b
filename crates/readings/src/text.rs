//! Rendering reading texts: the messages of [`nps_protocol::text`] (plain data, kept with a
//! stored reading) in one language, with the Fluent files of `locales/`.

use nps_i18n::{Args, DateStyle, FormatError, Locale, LocaleFormat, Localizer};
pub use nps_protocol::text::{
    Arg, Interpretation, Msg, RenderedSection, RenderedSignal, RenderedText, Section,
};

/// Renders messages in a locale.
pub trait Render {
    type Output;
    /// Renders in `locale`; a missing message or argument is an error, never a fallback
    /// text.
    fn render(&self, locale: Locale) -> Result<Self::Output, FormatError>;
}

impl Render for Msg {
    type Output = String;

    fn render(&self, locale: Locale) -> Result<String, FormatError> {
        let mut args = Args::new();
        for (name, value) in &self.args {
            args = args.with(name.clone(), render_arg(value, locale)?);
        }
        Localizer::get().format(locale, &self.id, &args)
    }
}

fn render_arg(arg: &Arg, locale: Locale) -> Result<String, FormatError> {
    Ok(match arg {
        Arg::Text(t) => t.clone(),
        Arg::Number(n) => locale.number(n),
        Arg::Msg(m) => m.render(locale)?,
        Arg::List(items) => {
            let joined = render_all(items, locale)?.join(separator(locale));
            if locale.is_rtl() {
                format!("\u{2067}{joined}\u{2069}")
            } else {
                joined
            }
        }
        Arg::Series(items) => phrase(items, "list-and", locale)?,
        Arg::Or(items) => phrase(items, "list-or", locale)?,
        Arg::Int(n) => locale.integer(*n),
        Arg::Percent(p) => locale.percent(p),
        Arg::Date(iso) => match nps_engine::Date::parse(iso) {
            Ok(d) => locale.date(d.year(), d.month(), d.day(), DateStyle::LongWithGregorian),
            Err(_) => locale.number(iso),
        },
    })
}

fn render_all(items: &[Arg], locale: Locale) -> Result<Vec<String>, FormatError> {
    items.iter().map(|a| render_arg(a, locale)).collect()
}

/// "a, b and c" or "a, b or c": the items joined, the last one by message `frame`.
fn phrase(items: &[Arg], frame: &str, locale: Locale) -> Result<String, FormatError> {
    let mut all = render_all(items, locale)?;
    Ok(match all.pop() {
        None => String::new(),
        Some(last) if all.is_empty() => last,
        Some(last) => Localizer::get().format(
            locale,
            frame,
            &Args::new()
                .with("head", all.join(separator(locale)))
                .with("last", last),
        )?,
    })
}

fn separator(locale: Locale) -> &'static str {
    if locale.is_rtl() { "، " } else { ", " }
}

impl Render for Interpretation {
    type Output = RenderedText;

    fn render(&self, locale: Locale) -> Result<RenderedText, FormatError> {
        let headline = match &self.headline {
            Some(h) => h.render(locale)?,
            None => String::new(),
        };
        let mut sections = Vec::new();
        for s in &self.sections {
            sections.push(RenderedSection {
                id: s.id.clone(),
                title: Localizer::get().format(locale, &s.id, &Args::new())?,
                paragraphs: s
                    .lines
                    .iter()
                    .map(|m| m.render(locale))
                    .collect::<Result<_, _>>()?,
            });
        }
        let summary = self
            .summary
            .iter()
            .map(|s| {
                Ok(RenderedSignal {
                    kind: s.kind.clone(),
                    theme: s.theme.render(locale)?,
                    text: s.text.render(locale)?,
                })
            })
            .collect::<Result<_, FormatError>>()?;
        Ok(RenderedText {
            locale,
            direction: if locale.is_rtl() { "rtl" } else { "ltr" }.to_string(),
            headline,
            summary,
            sections,
        })
    }
}

/// A message as a person reads it, for errors (which must never fail themselves).
pub trait Localized {
    /// The message in `locale` without isolation marks, or its id if it cannot be
    /// rendered.
    fn localized(&self, locale: Locale) -> String;

    /// The message in English (the `Display` of errors).
    fn english(&self) -> String {
        self.localized(Locale::En)
    }
}

impl Localized for Msg {
    fn localized(&self, locale: Locale) -> String {
        self.render(locale)
            .map(|s| nps_i18n::strip_isolation(&s))
            .unwrap_or_else(|_| self.id.to_string())
    }
}

/// A rendered text as plain text for a terminal.
pub trait PlainText {
    /// The headline, then each section's title and paragraphs. Bidi isolation marks are
    /// removed (terminals show them as noise).
    fn to_plain(&self) -> String;
}

impl PlainText for RenderedText {
    fn to_plain(&self) -> String {
        let mut out = nps_i18n::strip_isolation(&self.headline);
        out.push('\n');
        for s in &self.sections {
            out.push('\n');
            out.push_str(&nps_i18n::strip_isolation(&s.title));
            out.push('\n');
            for p in &s.paragraphs {
                out.push_str("  ");
                out.push_str(&nps_i18n::strip_isolation(p));
                out.push('\n');
            }
        }
        out
    }
}
