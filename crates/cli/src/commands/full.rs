//! `nps full --name N --birth D [--at T] [--mother M] [--gender G] [--lat F --lon F]
//! [--bpm N] [--system S] [--json]`: every figure of a full reading, as the golden
//! vectors' JSON or as a report of sections.

use clap::Args;
use nps_engine::full::FullReading;
use nps_engine::patterns::{Pattern, Strength};
use nps_i18n::{Args as MessageArgs, Locale};

use super::numerology::profile_rows;
use super::stamp::stamp_rows;
use crate::error::Result;
use crate::inputs::{FullArgs, PersonArgs, moment_or_now};
use crate::output::{emit, print_json};
use crate::report::{Report, Words};

#[derive(Debug, Args)]
pub struct FullCommandArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    #[command(flatten)]
    pub extra: FullArgs,
    #[arg(long)]
    pub json: bool,
}

pub fn run(locale: Locale, args: &FullCommandArgs) -> Result<()> {
    let profile = args.person.profile(&args.extra)?;
    let at = moment_or_now(args.extra.at.as_deref())?;
    let reading = FullReading::compute(&profile, at)?;
    if args.json {
        return print_json(&reading);
    }
    emit(&full_report(locale, &reading).render())
}

/// The report: one section per part of the reading.
fn full_report(locale: Locale, f: &FullReading) -> Report {
    let mut r = Report::new(locale);
    person(&mut r, f);
    numerology(&mut r, f);
    r.section("heading-stamp");
    stamp_rows(&mut r, &f.fc60_stamp);
    moon(&mut r, f);
    ganzhi(&mut r, f);
    heartbeat(&mut r, f);
    location(&mut r, f);
    patterns(&mut r, f);
    confidence(&mut r, f);
    r
}

fn person(r: &mut Report, f: &FullReading) {
    let w = r.words();
    let age = w.fmt(
        "value-age",
        MessageArgs::new()
            .with("years", w.number(f.person.age_years))
            .with("days", w.integer(f.person.age_days)),
    );
    r.section("heading-person")
        .row("label-name", f.person.name.clone())
        .row("label-birthdate", w.date(f.person.birthdate))
        .row("label-age", age);
}

fn numerology(r: &mut Report, f: &FullReading) {
    let n = &f.numerology;
    let numbers = [
        n.life_path.number,
        n.expression,
        n.soul_urge,
        n.personality,
        n.personal_year,
        n.personal_month,
        n.personal_day,
    ];
    r.section("heading-numerology");
    profile_rows(r, numbers, n.gender_polarity.label, n.mother_influence);
}

fn moon(r: &mut Report, f: &FullReading) {
    let w = r.words();
    let phase = w.word(&format!("moon-phase-{}", f.moon.phase), f.moon.phase_name);
    let age = w.fmt(
        "value-moon-age",
        MessageArgs::new().with("days", w.number(f.moon.age)),
    );
    r.section("heading-moon")
        .row("label-phase", format!("{} {phase}", f.moon.emoji))
        .row("label-moon-age", age)
        .row("label-illumination", w.percent(f.moon.illumination));
}

fn ganzhi(r: &mut Report, f: &FullReading) {
    let w = r.words();
    let g = &f.ganzhi;
    let year = pillar(
        w,
        &g.year.gz_token,
        g.year.element,
        g.year.branch_token,
        g.year.animal_name,
    );
    let day = pillar(
        w,
        &g.day.gz_token,
        g.day.element,
        g.day.branch_token,
        g.day.animal_name,
    );
    r.section("heading-ganzhi")
        .row("label-ganzhi-year", year)
        .row("label-ganzhi-day", day);
    if let Some(h) = &g.hour {
        let hour = format!(
            "{}-{}  {}",
            h.stem_token,
            h.branch_token,
            animal(w, h.branch_token, h.animal_name)
        );
        r.row("label-ganzhi-hour", hour);
    }
}

/// A year or day pillar: `GZ-TOKEN  Element Animal`.
fn pillar(
    w: Words,
    token: &impl std::fmt::Display,
    element_name: &str,
    branch: &str,
    animal_name: &str,
) -> String {
    format!(
        "{token}  {} {}",
        element(w, element_name),
        animal(w, branch, animal_name)
    )
}

fn heartbeat(r: &mut Report, f: &FullReading) {
    let w = r.words();
    let hb = &f.heartbeat;
    let source = w.text(if hb.bpm_source == "actual" {
        "value-bpm-actual"
    } else {
        "value-bpm-estimated"
    });
    let bpm = w.fmt(
        "value-bpm",
        MessageArgs::new()
            .with("bpm", w.number(hb.bpm))
            .with("source", source),
    );
    r.section("heading-heartbeat")
        .row("label-bpm", bpm)
        .row("label-beats-per-day", w.integer(hb.beats_per_day))
        .row("label-lifetime-beats", w.integer(hb.total_lifetime_beats))
        .row("label-element", element(w, hb.element))
        .row("label-rhythm", hb.rhythm_token.to_string())
        .row("label-pulse-signature", hb.life_pulse_signature.to_string());
}

fn location(r: &mut Report, f: &FullReading) {
    let Some(loc) = &f.location else { return };
    let w = r.words();
    let utc = w.fmt(
        "value-utc-hours",
        MessageArgs::new().with("hours", w.number(format!("{:+}", loc.timezone_estimate))),
    );
    let polarity = |name: &str| w.word(&format!("polarity-{}", name.to_lowercase()), name);
    let hemisphere = |name: &str| w.text(&format!("hemisphere-{}", name.to_lowercase()));
    let hemispheres = format!(
        "{}/{}  {}/{}",
        hemisphere(loc.lat_hemisphere),
        hemisphere(loc.lon_hemisphere),
        polarity(loc.lat_polarity),
        polarity(loc.lon_polarity)
    );
    r.section("heading-location")
        .row("label-latitude", w.number(loc.latitude))
        .row("label-longitude", w.number(loc.longitude))
        .row("label-element", element(w, loc.element))
        .row("label-timezone-estimate", utc)
        .row("label-hemispheres", hemispheres);
}

fn patterns(r: &mut Report, f: &FullReading) {
    let w = r.words();
    r.section("heading-patterns");
    if f.patterns.detected.is_empty() {
        r.row("heading-patterns", w.text("value-none"));
    }
    for p in &f.patterns.detected {
        r.row("heading-patterns", pattern_line(w, p));
    }
}

fn confidence(r: &mut Report, f: &FullReading) {
    let w = r.words();
    let level = f.confidence.level.replace('_', "-");
    r.section("heading-confidence")
        .row("label-score", w.number(f.confidence.score))
        .row(
            "label-level",
            w.word(&format!("confidence-{level}"), f.confidence.level),
        );
}

/// One detected pattern: `Ox ×2 (high)`, `11 (very high)`, `5 ×3 (medium)`.
fn pattern_line(w: Words, p: &Pattern) -> String {
    let strength = |s: Strength| {
        let english = match s {
            Strength::Medium => "medium",
            Strength::High => "high",
            Strength::VeryHigh => "very-high",
        };
        w.word(nps_readings::signals::strength_id(s), english)
    };
    match p {
        Pattern::AnimalRepetition {
            animal: a,
            occurrences,
            strength: s,
        } => format!(
            "{} ×{} ({})",
            animal(w, a.token(), a.name()),
            w.number(occurrences),
            strength(*s)
        ),
        Pattern::MasterNumber {
            number,
            strength: s,
        } => format!("{} ({})", w.number(number), strength(*s)),
        Pattern::NumberRepetition {
            number,
            occurrences,
            strength: s,
        } => format!(
            "{} ×{} ({})",
            w.number(number),
            w.number(occurrences),
            strength(*s)
        ),
    }
}

/// An animal by its token (`OX`) in the report's language (English name as fallback).
fn animal(w: Words, token: &str, english: &str) -> String {
    w.word(&format!("animal-{}", token.to_lowercase()), english)
}

/// An element by its English name (`Wood`) in the report's language.
fn element(w: Words, name: &str) -> String {
    let token = nps_engine::tokens::ELEMENT_NAMES
        .iter()
        .position(|e| *e == name)
        .map(|i| nps_engine::tokens::ELEMENT_TOKENS[i].to_lowercase())
        .unwrap_or_default();
    w.word(&format!("element-{token}"), name)
}
