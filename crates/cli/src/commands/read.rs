//! `nps read KIND … [--json] [--save]`: a reading with its text in the chosen
//! language; `--save` stores it in the local history first.

use clap::{Args, Subcommand};
use nps_engine::{Date, SystemChoice};
use nps_i18n::Locale;
use nps_readings::{PlainText, Reading, Request, no_progress};
use nps_store::NewReading;

use crate::error::{CliError, Message, Result};
use crate::inputs::{FullArgs, PersonArgs, date_or_today, moment_or_now, now, optional_date};
use crate::output::{emit, note, outln, print_json};
use crate::storage::{LOCAL_OWNER, StorageArgs};

#[derive(Debug, Args)]
pub struct ReadArgs {
    #[command(subcommand)]
    pub kind: ReadKind,
    /// Print the typed result as JSON.
    #[arg(long, global = true)]
    pub json: bool,
    /// Store the reading in your local history.
    #[arg(long, global = true)]
    pub save: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Subcommand)]
pub enum ReadKind {
    /// The reading of a moment (default: now).
    Time {
        #[arg(long)]
        at: Option<String>,
    },
    /// The reading of a name.
    Name {
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        birth: Option<String>,
        #[arg(long, default_value = "auto")]
        system: String,
    },
    /// The reading of a question (up to 1,000 characters).
    Question {
        #[arg(long)]
        question: String,
        #[arg(long, default_value = "auto")]
        system: String,
    },
    /// The insight of a day (default: today).
    Daily {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// A birth date, for lucky hours and a personal focus.
        #[arg(long, value_name = "YYYY-MM-DD")]
        birth: Option<String>,
    },
    /// The full reading of a person (the flags of `nps full`).
    Full {
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        extra: FullArgs,
    },
    /// The compatibility of 2–5 people.
    Compatibility {
        /// "NAME;YYYY-MM-DD", given 2 to 5 times.
        #[arg(long = "person", value_name = "NAME;YYYY-MM-DD")]
        people: Vec<String>,
    },
}

pub fn run(locale: Locale, args: &ReadArgs) -> Result<()> {
    let request = request(&args.kind)?;
    let reading = nps_readings::run(&request, locale, &mut no_progress)?;
    // The reading is stored before it is shown: what was reported is on disk.
    let saved = if args.save {
        Some(save(locale, &reading, &args.storage)?)
    } else {
        None
    };
    let saved = saved.map(|id| Message::new("cli-saved").number("id", id));
    if args.json {
        print_json(&reading)?;
        if let Some(line) = saved {
            note(locale, line);
        }
        Ok(())
    } else {
        emit(&reading.result.text.to_plain())?;
        match saved {
            Some(line) => outln!("\n{}", line.render(locale)),
            None => Ok(()),
        }
    }
}

/// Stores `reading` as the local owner's; returns its id.
fn save(locale: Locale, reading: &Reading, storage: &StorageArgs) -> Result<i64> {
    let store = storage.open()?;
    let row = NewReading {
        owner: LOCAL_OWNER.to_string(),
        kind: reading.kind,
        input: reading.input.clone(),
        result: reading.result.to_json()?.into(),
        summary: reading.summary.clone(),
        locale: locale.to_string(),
    };
    Ok(store.run(store.insert_reading(row))?.id)
}

/// The library's request from the flags.
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
            date: date_or_today(date.as_deref())?,
            birth: optional_date(birth.as_deref())?,
        },
        ReadKind::Full { person, extra } => Request::Full {
            profile: person.profile(extra)?,
            at: moment_or_now(extra.at.as_deref())?,
        },
        ReadKind::Compatibility { people } => Request::Compatibility {
            people: people.iter().map(|p| person_of(p)).collect::<Result<_>>()?,
        },
    })
}

/// One `--person "NAME;YYYY-MM-DD"`.
fn person_of(value: &str) -> Result<(String, Date)> {
    let (name, birth) = value.rsplit_once(';').ok_or_else(|| {
        CliError::input(Message::new("cli-error-person-format").with("value", value))
    })?;
    Ok((name.trim().to_string(), Date::parse(birth.trim())?))
}
