//! `nps read …` and `nps history …`: readings with text, and the local history.

use std::path::PathBuf;

use nps_engine::Date;
use nps_engine::numerology::SystemChoice;
use nps_i18n::{Args, Locale, LocaleFormat, Localizer, strip_isolation};
use nps_readings::{PlainText, Request, StoredResult, no_progress};
use nps_store::{NewReading, ReadingFilter, SignType, SqliteStore, Store, StoredReading};

use crate::args::{HistoryAction, ReadArgs, ReadKind, StorageArgs};
use crate::commands::{CliError, Result, emit, full_profile, moment_or_now, now, outln};

/// The owner of everything the CLI stores: the person at this computer.
pub const LOCAL_OWNER: &str = "local";

pub fn data_dir(args: &StorageArgs) -> Result<PathBuf> {
    match &args.data_dir {
        Some(d) => Ok(d.clone()),
        None => dirs::data_dir()
            .map(|d| d.join("nps-oracle"))
            .ok_or_else(|| CliError::Say("cli-error-no-data-dir", Args::new())),
    }
}

/// Runs `work` (store calls) to completion. The store is async and the CLI is not: this
/// is the one place it gets a runtime, a small current-thread one (the store's SQLite
/// work runs on the runtime's blocking pool).
pub fn block_on<F: std::future::Future>(work: F) -> Result<F::Output> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Internal(format!("cannot start the async runtime: {e}")))?;
    Ok(runtime.block_on(work))
}

fn open(args: &StorageArgs) -> Result<SqliteStore> {
    let dir = data_dir(args)?;
    SqliteStore::open_in_dir(&dir).map_err(|e| {
        CliError::Internal(format!("cannot open the history in {}: {e}", dir.display()))
    })
}

fn optional_date(s: Option<&str>) -> Result<Option<Date>> {
    Ok(s.map(Date::parse).transpose()?)
}

fn request(kind: &ReadKind) -> Result<Request> {
    Ok(match kind {
        ReadKind::Time { at } => Request::Time {
            at: moment_or_now(at.as_deref())?,
        },
        ReadKind::Name {
            name,
            birth,
            system,
        } => Request::Name {
            name: name.clone(),
            birth: optional_date(birth.as_deref())?,
            system: system.parse::<SystemChoice>()?,
            today: now()?.date,
        },
        ReadKind::Question { question, system } => Request::Question {
            question: question.clone(),
            system: system.parse::<SystemChoice>()?,
            at: now()?,
        },
        ReadKind::Daily { date, birth } => Request::Daily {
            date: match date {
                Some(d) => Date::parse(d)?,
                None => now()?.date,
            },
            birth: optional_date(birth.as_deref())?,
        },
        ReadKind::Full { person, extra } => Request::Full {
            profile: full_profile(person, extra)?,
            at: moment_or_now(extra.at.as_deref())?,
        },
        ReadKind::Compatibility { people } => Request::Compatibility {
            people: people
                .iter()
                .map(|p| {
                    let (name, birth) = p.rsplit_once(';').ok_or_else(|| {
                        CliError::Say(
                            "cli-error-person-format",
                            Args::new().with("value", p.clone()),
                        )
                    })?;
                    Ok((name.trim().to_string(), Date::parse(birth.trim())?))
                })
                .collect::<Result<_>>()?,
        },
    })
}

pub fn read(locale: Locale, kind: &ReadKind, common: &ReadArgs) -> Result<()> {
    let request = request(kind)?;
    let reading = nps_readings::run(&request, locale, &mut no_progress).map_err(|e| match e {
        e @ nps_readings::ReadingError::Invalid(_) => CliError::Reading(e),
        other => CliError::Internal(other.to_string()),
    })?;
    // The reading is stored before it is shown: what was reported is on disk.
    let saved = if common.save {
        let store = open(&common.storage)?;
        let row = NewReading {
            owner: LOCAL_OWNER.to_string(),
            kind: reading.kind,
            input: reading.input.clone(),
            result: reading.result.to_json()?,
            summary: reading.summary.clone(),
            locale: locale.to_string(),
        };
        let stored =
            block_on(store.insert_reading(row))?.map_err(|e| CliError::Internal(e.to_string()))?;
        Some(say(
            locale,
            "cli-saved",
            Args::new().with("id", locale.number(stored.id)),
        ))
    } else {
        None
    };
    if common.json {
        let text = serde_json::to_string_pretty(&reading)
            .map_err(|e| CliError::Internal(e.to_string()))?;
        outln!("{text}")?;
        if let Some(line) = saved {
            eprintln!("{line}");
        }
    } else {
        emit(&reading.result.text.to_plain())?;
        if let Some(line) = saved {
            outln!("\n{line}")?;
        }
    }
    Ok(())
}

fn say(locale: Locale, id: &str, args: Args) -> String {
    strip_isolation(
        &Localizer::get()
            .format(locale, id, &args)
            .unwrap_or_else(|_| id.to_string()),
    )
}

pub fn history(
    locale: Locale,
    action: Option<&HistoryAction>,
    storage: &StorageArgs,
    json: bool,
) -> Result<()> {
    let store = open(storage)?;
    block_on(history_with(locale, action, &store, json))?
}

async fn history_with(
    locale: Locale,
    action: Option<&HistoryAction>,
    store: &SqliteStore,
    json: bool,
) -> Result<()> {
    let list = HistoryAction::List {
        kind: None,
        favorite: false,
        search: None,
        limit: 20,
        offset: 0,
    };
    match action.unwrap_or(&list) {
        HistoryAction::List {
            kind,
            favorite,
            search,
            limit,
            offset,
        } => {
            let filter = ReadingFilter {
                kind: kind.as_deref().map(reading_kind).transpose()?,
                favorite: favorite.then_some(true),
                text: search.clone(),
                limit: Some(*limit),
                offset: Some(*offset),
                ..Default::default()
            };
            list_history(locale, store, &filter, json).await?;
        }
        HistoryAction::Show { id } => show_reading(locale, store, *id, json).await?,
        HistoryAction::Delete { id } => {
            if !store
                .delete_reading(LOCAL_OWNER, *id)
                .await
                .map_err(store_failure)?
            {
                return Err(not_found(locale, *id));
            }
            outln!(
                "{}",
                say(
                    locale,
                    "cli-history-deleted",
                    Args::new().with("id", locale.number(id))
                )
            )?;
        }
        HistoryAction::Favorite { id } => {
            let on = store
                .toggle_favorite(LOCAL_OWNER, *id)
                .await
                .map_err(store_failure)?
                .ok_or_else(|| not_found(locale, *id))?;
            let msg = if on {
                "cli-history-favorite-on"
            } else {
                "cli-history-favorite-off"
            };
            outln!(
                "{}",
                say(locale, msg, Args::new().with("id", locale.number(id)))
            )?;
        }
    }
    Ok(())
}

/// `nps history show ID`.
async fn show_reading(locale: Locale, store: &SqliteStore, id: i64, json: bool) -> Result<()> {
    let r = store
        .get_reading(LOCAL_OWNER, id)
        .await
        .map_err(store_failure)?
        .ok_or_else(|| not_found(locale, id))?;
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(|e| CliError::Internal(e.to_string()))?
        )
    } else {
        emit(&render_stored(&r, locale)?)
    }
}

/// `nps history list`.
async fn list_history(
    locale: Locale,
    store: &SqliteStore,
    filter: &ReadingFilter,
    json: bool,
) -> Result<()> {
    let page = store
        .list_readings(LOCAL_OWNER, filter)
        .await
        .map_err(store_failure)?;
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&page).map_err(|e| CliError::Internal(e.to_string()))?
        )?;
    } else if page.items.is_empty() {
        outln!("{}", say(locale, "cli-history-empty", Args::new()))?;
    } else {
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
    }
    Ok(())
}

/// A `--kind` value: one of the six kinds, else bad input.
fn reading_kind(name: &str) -> Result<SignType> {
    SignType::from_wire(name).ok_or_else(|| {
        CliError::Input(format!(
            "unknown reading kind {name:?}; expected one of {}",
            SignType::ALL.map(SignType::as_str).join(", ")
        ))
    })
}

/// Bad input the store refused is the user's (exit 2, its message in the chosen
/// language); anything else is not (exit 1).
pub(crate) fn store_failure(e: nps_store::StoreError) -> CliError {
    match e {
        nps_store::StoreError::Invalid(m) | nps_store::StoreError::Conflict(m) => {
            CliError::Reading(nps_readings::ReadingError::Invalid(m))
        }
        other => CliError::Internal(other.to_string()),
    }
}

/// When a reading was saved (`2026-02-09T14:30:05.123Z`), as a numeric date in the
/// locale's calendar and the UTC clock time: `2026-02-09 14:30`, `۱۴۰۴/۱۱/۲۰ ۱۴:۳۰`.
fn saved_at(locale: Locale, created_at: &str) -> String {
    let clock = created_at.get(11..16).unwrap_or_default();
    match created_at.get(..10).map(Date::parse) {
        Some(Ok(d)) => format!(
            "{} {}",
            locale.date(d.year(), d.month(), d.day(), nps_i18n::DateStyle::Numeric),
            locale.number(clock)
        ),
        _ => locale.number(created_at),
    }
}

fn not_found(locale: Locale, id: i64) -> CliError {
    CliError::Input(say(
        locale,
        "cli-history-not-found",
        Args::new().with("id", locale.number(id)),
    ))
}

/// A stored reading's text in `locale`: re-rendered from its messages, so a reading saved
/// in English can be shown in Persian.
fn render_stored(r: &StoredReading, locale: Locale) -> Result<String> {
    let damaged =
        |e: nps_readings::ReadingError| CliError::Internal(format!("reading {}: {e}", r.id));
    let mut result = StoredResult::from_json(r.kind, r.result.clone()).map_err(damaged)?;
    result.render_in(locale).map_err(damaged)?;
    Ok(result.text.to_plain())
}
