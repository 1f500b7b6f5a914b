//! Typed inputs from flags: a person (`--name`, `--birth`, …), the extra inputs of a
//! full reading, and moments and dates that default to now (the clock of
//! `nps-platform`). Shared by `numerology`, `full` and `read`.

use clap::Args;
use nps_engine::numerology::validate_name;
use nps_engine::{Date, Gender, Moment, Profile, SystemChoice};

use crate::error::Result;

#[derive(Debug, Args)]
pub struct PersonArgs {
    /// Full name, in Latin or Persian/Arabic script.
    #[arg(long)]
    pub name: String,
    /// Birth date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub birth: String,
    /// male, female or other.
    #[arg(long)]
    pub gender: Option<String>,
    /// Mother's name (its number is shown as an influence).
    #[arg(long)]
    pub mother: Option<String>,
    /// pythagorean, chaldean, abjad or auto (Abjad for Persian/Arabic script).
    #[arg(long, default_value = "auto")]
    pub system: String,
}

#[derive(Debug, Args)]
pub struct FullArgs {
    /// The moment of the reading: ISO date-time with offset, or a date (default: now).
    #[arg(long)]
    pub at: Option<String>,
    /// Latitude in degrees (with --lon).
    #[arg(long, requires = "lon", allow_negative_numbers = true)]
    pub lat: Option<f64>,
    /// Longitude in degrees (with --lat).
    #[arg(long, requires = "lat", allow_negative_numbers = true)]
    pub lon: Option<f64>,
    /// A measured resting heart rate.
    #[arg(long)]
    pub bpm: Option<u32>,
}

/// A person, parsed and checked.
pub struct Person {
    pub name: String,
    pub birth: Date,
    pub gender: Option<Gender>,
    /// Trimmed; `None` when empty.
    pub mother: Option<String>,
    pub system: SystemChoice,
}

impl PersonArgs {
    pub fn parse(&self) -> Result<Person> {
        Ok(Person {
            name: validate_name(&self.name)?.to_string(),
            birth: Date::parse(&self.birth)?,
            gender: self.gender.as_deref().map(str::parse).transpose()?,
            mother: self
                .mother
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(String::from),
            system: self.system.parse()?,
        })
    }

    /// The engine's profile from these flags and those of `nps full`.
    pub fn profile(&self, extra: &FullArgs) -> Result<Profile> {
        let p = self.parse()?;
        let mut profile = Profile::new(p.name, p.birth);
        profile.mother = p.mother;
        profile.gender = p.gender;
        profile.system = p.system;
        profile.location = extra.lat.zip(extra.lon);
        profile.bpm = extra.bpm;
        Ok(profile)
    }
}

/// The moment now, on the local wall clock with its offset.
pub fn now() -> Result<Moment> {
    Ok(nps_platform::now()?)
}

/// `s` as an ISO date-time or date, else now.
pub fn moment_or_now(s: Option<&str>) -> Result<Moment> {
    match s {
        Some(s) => Ok(Moment::parse(s)?),
        None => now(),
    }
}

/// `s` as a date, else today.
pub fn date_or_today(s: Option<&str>) -> Result<Date> {
    match s {
        Some(s) => Ok(Date::parse(s)?),
        None => Ok(now()?.date),
    }
}

/// `s` as a date, if given.
pub fn optional_date(s: Option<&str>) -> Result<Option<Date>> {
    Ok(s.map(Date::parse).transpose()?)
}
