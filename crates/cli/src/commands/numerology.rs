//! `nps numerology --name N --birth D [--today D] [--json]`: a numerology profile.

use clap::Args;
use nps_engine::numerology::{NumerologyProfile, expression, polarity};
use nps_i18n::Locale;
use serde::Serialize;

use crate::error::Result;
use crate::inputs::{PersonArgs, date_or_today};
use crate::output::{emit, print_json};
use crate::report::Report;

#[derive(Debug, Args)]
pub struct NumerologyArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// The day the personal year, month and day refer to (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// `--json`: the vectors' fields, and the mother's influence when a mother is named.
#[derive(Serialize)]
struct NumerologyOutput {
    #[serde(flatten)]
    profile: NumerologyProfile,
    #[serde(skip_serializing_if = "Option::is_none")]
    mother_influence: Option<u32>,
}

pub fn run(locale: Locale, args: &NumerologyArgs) -> Result<()> {
    let p = args.person.parse()?;
    let today = date_or_today(args.today.as_deref())?;
    let system = p.system.resolve(&p.name);
    let profile = NumerologyProfile::compute(system, &p.name, p.birth, today, p.gender);
    let mother_influence = p
        .mother
        .as_deref()
        .map(|m| expression(p.system.resolve(m), m));
    if args.json {
        return print_json(&NumerologyOutput {
            profile,
            mother_influence,
        });
    }
    let mut r = Report::new(locale);
    let w = r.words();
    r.row("label-name", p.name.clone()).row(
        "label-system",
        w.word(&format!("system-{system}"), &system.to_string()),
    );
    let numbers = [
        profile.life_path,
        profile.expression,
        profile.soul_urge,
        profile.personality,
        profile.personal_year,
        profile.personal_month,
        profile.personal_day,
    ];
    profile_rows(&mut r, numbers, polarity(p.gender).1, mother_influence);
    emit(&r.render())
}

/// The labels of a profile's numbers, in the order [`profile_rows`] takes them.
const NUMBER_LABELS: [&str; 7] = [
    "label-life-path",
    "label-expression",
    "label-soul-urge",
    "label-personality",
    "label-personal-year",
    "label-personal-month",
    "label-personal-day",
];

/// The rows of a numerology profile (also in `nps full`): its seven numbers (life path,
/// expression, soul urge, personality, personal year, month and day), its polarity and
/// the mother's influence when a mother was named.
pub fn profile_rows(r: &mut Report, numbers: [u32; 7], polarity: &str, mother: Option<u32>) {
    let w = r.words();
    for (label, number) in NUMBER_LABELS.into_iter().zip(numbers) {
        r.row(label, w.number(number));
    }
    r.row(
        "label-polarity",
        w.word(&format!("polarity-{}", polarity.to_lowercase()), polarity),
    );
    if let Some(m) = mother {
        r.row("label-mother-influence", w.number(m));
    }
}
