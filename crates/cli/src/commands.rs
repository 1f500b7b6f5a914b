//! One function per subcommand: parse the typed inputs, call the engine, print.

use std::fmt;

use nps_engine::full::FullReading;
use nps_engine::numerology::{NumerologyProfile, expression, polarity, validate_name};
use nps_engine::{
    Date, EngineError, Fc60Stamp, Gender, Moment, Profile, SystemChoice, TimeOfDay, UtcOffset,
};
use nps_i18n::{Args, Locale};
use serde::Serialize;

use crate::args::{Cli, Command, FullArgs, PersonArgs};
use crate::report::{Report, Words};

/// What can go wrong, and the exit code it maps to.
#[derive(Debug)]
pub enum CliError {
    /// Bad input: exit code 2.
    Input(String),
    /// Bad input described by a message of `locales/*/cli.ftl`: exit code 2, shown in
    /// the chosen language.
    Say(&'static str, Args),
    /// Input the engine refused: exit code 2, shown in the chosen language.
    Engine(EngineError),
    /// A reading refused its input: exit code 2, shown in the chosen language.
    Reading(nps_readings::ReadingError),
    /// Something that is not the user's fault: exit code 1.
    Internal(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) | CliError::Say(..) | CliError::Engine(_) => 2,
            CliError::Reading(nps_readings::ReadingError::Invalid(_)) => 2,
            CliError::Reading(_) | CliError::Internal(_) => 1,
        }
    }

    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            CliError::Engine(e) => nps_readings::ReadingError::from(e.clone()).problem(locale),
            CliError::Reading(e) => e.problem(locale),
            CliError::Say(id, args) => nps_i18n::Localizer::get()
                .format(locale, id, args)
                .map(|s| nps_i18n::strip_isolation(&s))
                .unwrap_or_else(|_| id.to_string()),
            CliError::Input(m) | CliError::Internal(m) => m.clone(),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl From<EngineError> for CliError {
    fn from(e: EngineError) -> Self {
        CliError::Engine(e)
    }
}

impl From<nps_readings::ReadingError> for CliError {
    fn from(e: nps_readings::ReadingError) -> Self {
        CliError::Reading(e)
    }
}

pub type Result<T> = std::result::Result<T, CliError>;

/// Writes to stdout. A closed pipe (`nps … | head`) ends the output quietly instead of
/// panicking; any other write error is reported.
pub fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::Internal(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// `println!` through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::commands::emit(&format!("{}\n", format_args!($($arg)*))) };
}
pub(crate) use outln;

pub fn run(cli: Cli) -> Result<()> {
    let locale = cli.locale;
    match cli.command {
        Command::Stamp { when, json } => stamp(locale, when.as_deref(), json),
        Command::Numerology {
            person,
            today,
            json,
        } => numerology(locale, &person, today.as_deref(), json),
        Command::Full {
            person,
            extra,
            json,
        } => full(locale, &person, &extra, json),
        Command::Serve(args) => crate::serve::serve(&args),
        Command::Token(args) => crate::serve::token(&args),
        Command::User { action } => crate::serve::user(&action),
        Command::Watch(args) => crate::serve::watch(locale, &args),
        Command::Read { kind, common } => crate::read::read(locale, &kind, &common),
        Command::History {
            action,
            storage,
            json,
        } => crate::read::history(locale, action.as_ref(), &storage, json),
    }
}

/// The moment now, on the local wall clock with its offset.
pub fn now() -> Result<Moment> {
    use chrono::{Datelike, Timelike};
    let now = chrono::Local::now();
    let offset = UtcOffset::from_minutes(now.offset().local_minus_utc() / 60)?;
    let date = Date::new(now.year(), now.month(), now.day())?;
    let time = TimeOfDay::new(now.hour(), now.minute(), now.second(), offset)?;
    Ok(Moment::at(date, time))
}

pub fn moment_or_now(s: Option<&str>) -> Result<Moment> {
    match s {
        Some(s) => Ok(Moment::parse(s)?),
        None => now(),
    }
}

fn print_json(value: &impl Serialize) -> Result<()> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| CliError::Internal(e.to_string()))?;
    outln!("{text}")?;
    Ok(())
}

fn stamp(locale: Locale, when: Option<&str>, json: bool) -> Result<()> {
    let stamp = Fc60Stamp::new(moment_or_now(when)?);
    if json {
        return print_json(&stamp);
    }
    let mut r = Report::new(locale);
    stamp_rows(&mut r, &stamp);
    emit(&r.render())?;
    Ok(())
}

fn stamp_rows(r: &mut Report, s: &Fc60Stamp) {
    let w = r.words();
    let wd = s.weekday();
    r.row("label-fc60", s.fc60().to_string())
        .row("label-iso", s.moment().to_string());
    if s.time().is_some() {
        r.row("label-tz60", s.tz60().to_string());
    }
    r.row(
        "label-y60",
        format!("{}  ({})", s.y60(), w.number(s.moment().date.year())),
    )
    .row("label-y2k", s.y2k().to_string())
    .row("label-j60", format!("{}  ({})", s.j60(), w.number(s.jdn())))
    .row("label-mjd60", s.mjd60().to_string())
    .row("label-rd60", s.rd60().to_string())
    .row("label-u60", s.u60().to_string())
    .row("label-chk", s.chk().to_string());
    let weekday = w.word(&format!("weekday-{}", wd.token().to_lowercase()), wd.name());
    let planet = w.word(
        &format!("planet-{}", wd.planet().to_lowercase()),
        wd.planet(),
    );
    r.row("label-weekday", weekday).row("label-planet", planet);
}

struct Person {
    name: String,
    birth: Date,
    gender: Option<Gender>,
    mother: Option<String>,
    system: SystemChoice,
}

fn person(p: &PersonArgs) -> Result<Person> {
    let name = validate_name(&p.name)?.to_string();
    Ok(Person {
        name,
        birth: Date::parse(&p.birth)?,
        gender: p.gender.as_deref().map(str::parse).transpose()?,
        mother: p
            .mother
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(String::from),
        system: p.system.parse()?,
    })
}

#[derive(Serialize)]
struct NumerologyOutput {
    #[serde(flatten)]
    profile: NumerologyProfile,
    #[serde(skip_serializing_if = "Option::is_none")]
    mother_influence: Option<u32>,
}

fn numerology(locale: Locale, args: &PersonArgs, today: Option<&str>, json: bool) -> Result<()> {
    let p = person(args)?;
    let today = match today {
        Some(t) => Date::parse(t)?,
        None => now()?.date,
    };
    let system = p.system.resolve(&p.name);
    let profile = NumerologyProfile::compute(system, &p.name, p.birth, today, p.gender);
    let mother_influence = p
        .mother
        .as_deref()
        .map(|m| expression(p.system.resolve(m), m));
    if json {
        return print_json(&NumerologyOutput {
            profile,
            mother_influence,
        });
    }
    let mut r = Report::new(locale);
    let w = r.words();
    r.row("label-name", p.name.clone())
        .row(
            "label-system",
            w.word(&format!("system-{system}"), &system.to_string()),
        )
        .row("label-life-path", w.number(profile.life_path))
        .row("label-expression", w.number(profile.expression))
        .row("label-soul-urge", w.number(profile.soul_urge))
        .row("label-personality", w.number(profile.personality))
        .row("label-personal-year", w.number(profile.personal_year))
        .row("label-personal-month", w.number(profile.personal_month))
        .row("label-personal-day", w.number(profile.personal_day));
    let label = polarity(p.gender).1;
    r.row(
        "label-polarity",
        w.word(&format!("polarity-{}", label.to_lowercase()), label),
    );
    if let Some(m) = mother_influence {
        r.row("label-mother-influence", w.number(m));
    }
    emit(&r.render())?;
    Ok(())
}

/// The engine's profile from the flags of `nps full`.
pub fn full_profile(args: &PersonArgs, extra: &FullArgs) -> Result<Profile> {
    let p = person(args)?;
    let mut profile = Profile::new(p.name, p.birth);
    profile.mother = p.mother;
    profile.gender = p.gender;
    profile.system = p.system;
    profile.location = extra.lat.zip(extra.lon);
    profile.bpm = extra.bpm;
    Ok(profile)
}

fn full(locale: Locale, args: &PersonArgs, extra: &FullArgs, json: bool) -> Result<()> {
    let profile = full_profile(args, extra)?;
    let at = moment_or_now(extra.at.as_deref())?;
    let reading = FullReading::compute(&profile, at)?;
    if json {
        return print_json(&reading);
    }
    emit(&full_report(locale, &reading).render())?;
    Ok(())
}

fn full_report(locale: Locale, f: &FullReading) -> Report {
    let mut r = Report::new(locale);
    let w = r.words();
    let n = &f.numerology;
    r.section("heading-person")
        .row("label-name", f.person.name.clone())
        .row("label-birthdate", w.date(f.person.birthdate))
        .row(
            "label-age",
            w.fmt(
                "value-age",
                Args::new()
                    .with("years", w.number(f.person.age_years))
                    .with("days", w.integer(f.person.age_days)),
            ),
        );
    r.section("heading-numerology")
        .row("label-life-path", w.number(n.life_path.number))
        .row("label-expression", w.number(n.expression))
        .row("label-soul-urge", w.number(n.soul_urge))
        .row("label-personality", w.number(n.personality))
        .row("label-personal-year", w.number(n.personal_year))
        .row("label-personal-month", w.number(n.personal_month))
        .row("label-personal-day", w.number(n.personal_day));
    let label = n.gender_polarity.label;
    r.row(
        "label-polarity",
        w.word(&format!("polarity-{}", label.to_lowercase()), label),
    );
    if let Some(m) = n.mother_influence {
        r.row("label-mother-influence", w.number(m));
    }
    r.section("heading-stamp");
    stamp_rows(&mut r, &f.fc60_stamp);
    let phase = w.word(&format!("moon-phase-{}", f.moon.phase), f.moon.phase_name);
    r.section("heading-moon")
        .row("label-phase", format!("{} {phase}", f.moon.emoji))
        .row(
            "label-moon-age",
            w.fmt(
                "value-moon-age",
                Args::new().with("days", w.number(f.moon.age)),
            ),
        )
        .row("label-illumination", w.percent(f.moon.illumination));
    let g = &f.ganzhi;
    let year = format!(
        "{}  {} {}",
        g.year.gz_token,
        w.word(
            &format!("element-{}", element_token(g.year.element)),
            g.year.element
        ),
        w.word(
            &format!("animal-{}", g.year.branch_token.to_lowercase()),
            g.year.animal_name
        )
    );
    let day = format!(
        "{}  {} {}",
        g.day.gz_token,
        w.word(
            &format!("element-{}", element_token(g.day.element)),
            g.day.element
        ),
        w.word(
            &format!("animal-{}", g.day.branch_token.to_lowercase()),
            g.day.animal_name
        )
    );
    r.section("heading-ganzhi")
        .row("label-ganzhi-year", year)
        .row("label-ganzhi-day", day);
    if let Some(h) = &g.hour {
        let hour = format!(
            "{}-{}  {}",
            h.stem_token,
            h.branch_token,
            w.word(
                &format!("animal-{}", h.branch_token.to_lowercase()),
                h.animal_name
            )
        );
        r.row("label-ganzhi-hour", hour);
    }
    let hb = &f.heartbeat;
    let source = w.text(if hb.bpm_source == "actual" {
        "value-bpm-actual"
    } else {
        "value-bpm-estimated"
    });
    r.section("heading-heartbeat")
        .row(
            "label-bpm",
            w.fmt(
                "value-bpm",
                Args::new()
                    .with("bpm", w.number(hb.bpm))
                    .with("source", source),
            ),
        )
        .row("label-beats-per-day", w.integer(hb.beats_per_day))
        .row("label-lifetime-beats", w.integer(hb.total_lifetime_beats))
        .row(
            "label-element",
            w.word(
                &format!("element-{}", element_token(hb.element)),
                hb.element,
            ),
        )
        .row("label-rhythm", hb.rhythm_token.to_string())
        .row("label-pulse-signature", hb.life_pulse_signature.to_string());
    if let Some(loc) = &f.location {
        r.section("heading-location")
            .row("label-latitude", w.number(loc.latitude))
            .row("label-longitude", w.number(loc.longitude))
            .row(
                "label-element",
                w.word(
                    &format!("element-{}", element_token(loc.element)),
                    loc.element,
                ),
            )
            .row(
                "label-timezone-estimate",
                w.fmt(
                    "value-utc-hours",
                    Args::new().with("hours", w.number(format!("{:+}", loc.timezone_estimate))),
                ),
            )
            .row(
                "label-hemispheres",
                format!(
                    "{}/{}  {}/{}",
                    w.text(&format!("hemisphere-{}", loc.lat_hemisphere.to_lowercase())),
                    w.text(&format!("hemisphere-{}", loc.lon_hemisphere.to_lowercase())),
                    w.word(
                        &format!("polarity-{}", loc.lat_polarity.to_lowercase()),
                        loc.lat_polarity
                    ),
                    w.word(
                        &format!("polarity-{}", loc.lon_polarity.to_lowercase()),
                        loc.lon_polarity
                    )
                ),
            );
    }
    r.section("heading-patterns");
    if f.patterns.detected.is_empty() {
        r.row("heading-patterns", w.text("value-none"));
    }
    for p in &f.patterns.detected {
        let line = serde_json::to_value(p)
            .ok()
            .map(|v| pattern_line(w, &v))
            .unwrap_or_default();
        r.row("heading-patterns", line);
    }
    let level = f.confidence.level.replace('_', "-");
    r.section("heading-confidence")
        .row("label-score", w.number(f.confidence.score))
        .row(
            "label-level",
            w.word(&format!("confidence-{level}"), f.confidence.level),
        );
    r
}

fn pattern_line(w: Words, v: &serde_json::Value) -> String {
    let strength = v["strength"].as_str().unwrap_or_default().replace('_', "-");
    let strength = w.word(&format!("strength-{strength}"), &strength);
    match v["type"].as_str() {
        Some("animal_repetition") => {
            let name = v["animal"].as_str().unwrap_or_default();
            let token = nps_engine::tokens::ANIMAL_NAMES
                .iter()
                .position(|a| *a == name)
                .map(|i| nps_engine::tokens::ANIMAL_TOKENS[i].to_lowercase())
                .unwrap_or_default();
            format!(
                "{} ×{} ({strength})",
                w.word(&format!("animal-{token}"), name),
                w.number(&v["occurrences"])
            )
        }
        Some("master_number") => format!("{} ({strength})", w.number(&v["number"])),
        _ => format!(
            "{} ×{} ({strength})",
            w.number(&v["number"]),
            w.number(&v["occurrences"])
        ),
    }
}

fn element_token(name: &str) -> String {
    nps_engine::tokens::ELEMENT_NAMES
        .iter()
        .position(|e| *e == name)
        .map(|i| nps_engine::tokens::ELEMENT_TOKENS[i].to_lowercase())
        .unwrap_or_default()
}
