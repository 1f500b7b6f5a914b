//! `nps stamp [WHEN] [--json]`: the FC60 stamp of a moment (default: now).

use clap::Args;
use nps_engine::Fc60Stamp;
use nps_i18n::Locale;

use crate::error::Result;
use crate::inputs::moment_or_now;
use crate::output::{emit, print_json};
use crate::report::Report;

#[derive(Debug, Args)]
pub struct StampArgs {
    /// An ISO-8601 date-time with offset (2026-02-09T14:30:00+01:00) or a date (2026-02-09).
    pub when: Option<String>,
    /// Print one JSON object with the vectors' field names.
    #[arg(long)]
    pub json: bool,
}

pub fn run(locale: Locale, args: &StampArgs) -> Result<()> {
    let stamp = Fc60Stamp::new(moment_or_now(args.when.as_deref())?);
    if args.json {
        return print_json(&stamp);
    }
    let mut r = Report::new(locale);
    stamp_rows(&mut r, &stamp);
    emit(&r.render())
}

/// The rows of a stamp (also the stamp section of `nps full`).
pub fn stamp_rows(r: &mut Report, s: &Fc60Stamp) {
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
