//! `nps history [list] [--kind K] [--favorite] [--search TEXT] [--limit N] [--offset N]`.

use clap::Args;
use nps_engine::Date;
use nps_i18n::{DateStyle, Locale, LocaleFormat, Localizer, strip_isolation};
use nps_store::{ReadingFilter, SignType, Store};

use crate::error::{CliError, Message, Result};
use crate::output::{outln, print_json, say};
use crate::storage::LOCAL_OWNER;

/// Readings listed when `--limit` is not given.
pub const DEFAULT_LIST_LIMIT: u32 = 20;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this kind (time, name, question, daily, full, compatibility).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only favorites.
    #[arg(long)]
    pub favorite: bool,
    /// Only readings whose input or summary contains this text.
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long, default_value_t = DEFAULT_LIST_LIMIT)]
    pub limit: u32,
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
}

impl Default for ListArgs {
    /// `nps history` alone: the newest [`DEFAULT_LIST_LIMIT`] readings.
    fn default() -> Self {
        ListArgs {
            kind: None,
            favorite: false,
            search: None,
            limit: DEFAULT_LIST_LIMIT,
            offset: 0,
        }
    }
}

pub async fn run(locale: Locale, store: &dyn Store, args: &ListArgs, json: bool) -> Result<()> {
    let filter = ReadingFilter {
        kind: args.kind.as_deref().map(reading_kind).transpose()?,
        favorite: args.favorite.then_some(true),
        text: args.search.clone(),
        limit: Some(args.limit),
        offset: Some(args.offset),
        ..Default::default()
    };
    let page = store.list_readings(LOCAL_OWNER, &filter).await?;
    if json {
        return print_json(&page);
    }
    if page.items.is_empty() {
        return say(locale, Message::new("cli-history-empty"));
    }
    for r in &page.items {
        let star = if r.favorite { "★" } else { " " };
        outln!(
            "{star} {:>5}  {}  {:<13} {}",
            locale.number(r.id),
            saved_at(locale, &r.created_at),
            Localizer::get().text(locale, &format!("kind-{}", r.kind.as_str())),
            strip_isolation(&r.summary)
        )?;
    }
    Ok(())
}

/// A `--kind` value: one of the six kinds, else bad input.
fn reading_kind(name: &str) -> Result<SignType> {
    SignType::from_wire(name).ok_or_else(|| {
        CliError::input(
            Message::new("cli-error-kind")
                .with("kind", name)
                .with("kinds", SignType::ALL.map(SignType::as_str).join(", ")),
        )
    })
}

/// When a reading was saved (`2026-02-09T14:30:05.123Z`), as a numeric date in the
/// locale's calendar and the UTC clock time: `2026-02-09 14:30`, `۱۴۰۴/۱۱/۲۰ ۱۴:۳۰`.
fn saved_at(locale: Locale, created_at: &str) -> String {
    let clock = created_at.get(11..16).unwrap_or_default();
    match created_at.get(..10).map(Date::parse) {
        Some(Ok(d)) => format!(
            "{} {}",
            locale.date(d.year(), d.month(), d.day(), DateStyle::Numeric),
            locale.number(clock)
        ),
        _ => locale.number(created_at),
    }
}
