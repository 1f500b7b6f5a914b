//! The geometry of the result's charts, computed here and only drawn by the components
//! (`components::charts`): the personal-year cycle (nine years around the reading's),
//! the compatibility matrix (every pair's score, coloured by its harmony band) and the
//! moon over the month (the phase of every day of the reading's month, in the reader's
//! calendar). Pure functions, unit-tested natively with exact figures.
//!
//! Right to left, a chart reads from the right: time runs leftward, as Persian text does
//! ([`mirror`]).

use nps_engine::Date;
use nps_engine::moon::{MoonInfo, SYNODIC_MONTH};
use nps_engine::numerology::personal_year;
use nps_i18n::{Locale, SolarHijri};
use nps_protocol::figures::{CompatibilityFigures, harmony_level};

/// Years shown before and after the reading's year in the cycle chart: 4 + 1 + 4 = nine,
/// one whole cycle of personal years.
pub const CYCLE_YEARS_AROUND: i32 = 4;
/// The width of a year's bar and the gap between bars, in SVG units.
pub const CYCLE_BAR_WIDTH: f64 = 28.0;
pub const CYCLE_BAR_GAP: f64 = 8.0;
/// The height of one step of the cycle (a personal year 9 stands 9 steps high).
pub const CYCLE_STEP: f64 = 10.0;
/// Room above the bars for the year's number, and below them for the year.
pub const CYCLE_TOP: f64 = 18.0;
pub const CYCLE_BOTTOM: f64 = 20.0;

/// The x of a box of `width` at `x` in a chart `total` wide, mirrored when `rtl`.
pub fn mirror(x: f64, width: f64, total: f64, rtl: bool) -> f64 {
    if rtl { total - x - width } else { x }
}

/// One year of the personal-year cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct YearBar {
    pub year: i32,
    /// The personal year (1–9, or a master number 11, 22, 33).
    pub number: u32,
    pub x: f64,
    pub y: f64,
    pub height: f64,
    /// The reading's year.
    pub current: bool,
}

/// The personal-year cycle chart: its size and bars (in time order).
#[derive(Clone, Debug, PartialEq)]
pub struct CycleChart {
    pub width: f64,
    pub height: f64,
    /// The y of the bars' common base line.
    pub base: f64,
    pub bars: Vec<YearBar>,
}

/// The nine personal years of someone born on `birth` around `year` (the current one
/// marked). A bar stands as many steps high as the year's place in the cycle (a master
/// year at its base number's place: 11 at 2, 22 at 4, 33 at 6).
pub fn personal_year_cycle(birth: Date, year: i32, rtl: bool) -> CycleChart {
    let count = 2 * CYCLE_YEARS_AROUND + 1;
    let width = CYCLE_BAR_GAP + f64::from(count) * (CYCLE_BAR_WIDTH + CYCLE_BAR_GAP);
    let base = CYCLE_TOP + 9.0 * CYCLE_STEP;
    let bars = (0..count)
        .map(|i| {
            let y_of = year - CYCLE_YEARS_AROUND + i;
            let number = personal_year(birth, y_of);
            let height = f64::from(cycle_place(number)) * CYCLE_STEP;
            let x = CYCLE_BAR_GAP + f64::from(i) * (CYCLE_BAR_WIDTH + CYCLE_BAR_GAP);
            YearBar {
                year: y_of,
                number,
                x: mirror(x, CYCLE_BAR_WIDTH, width, rtl),
                y: base - height,
                height,
                current: y_of == year,
            }
        })
        .collect();
    CycleChart {
        width,
        height: base + CYCLE_BOTTOM,
        base,
        bars,
    }
}

/// The place of a number in the nine-year cycle (a master number at its base's).
fn cycle_place(n: u32) -> u32 {
    match n {
        11 => 2,
        22 => 4,
        33 => 6,
        n => n.min(9),
    }
}

// ---- compatibility ----------------------------------------------------------------------

/// One cell of the compatibility matrix: a pair's score and its band
/// (one of `HARMONY_LEVELS`, the same bands that name the group).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    pub percent: u32,
    pub level: &'static str,
}

/// The compatibility matrix: row `i`, column `j` is the pair of people `i` and `j`
/// (the same both ways); the diagonal is empty.
pub fn compatibility_matrix(c: &CompatibilityFigures) -> Vec<Vec<Option<MatrixCell>>> {
    let n = c.people.len();
    let mut rows = vec![vec![None; n]; n];
    for p in &c.pairs {
        if p.a >= n || p.b >= n || p.a == p.b {
            continue;
        }
        let cell = score_cell(p.percent);
        rows[p.a][p.b] = Some(cell.clone());
        rows[p.b][p.a] = Some(cell);
    }
    rows
}

/// A score out of 100 with its band.
pub fn score_cell(percent: u32) -> MatrixCell {
    let percent = percent.min(100);
    MatrixCell {
        percent,
        level: harmony_level(percent),
    }
}

// ---- the moon over the month ------------------------------------------------------------

/// The horizontal room of one day in the moon chart, and a moon's radius.
pub const MOON_DAY_WIDTH: f64 = 22.0;
pub const MOON_RADIUS: f64 = 8.0;
/// The chart's height: the moon, then the day's number under it.
pub const MOON_CHART_HEIGHT: f64 = 44.0;

/// One day of the month with its moon.
#[derive(Clone, Debug, PartialEq)]
pub struct MoonDay {
    /// The Gregorian day.
    pub date: Date,
    /// The day of the month in the reader's calendar.
    pub day: u32,
    /// The left edge of the day's room.
    pub x: f64,
    /// 0 = new moon … 7.
    pub phase: usize,
    /// Percent lit.
    pub illumination: f64,
    pub waxing: bool,
    /// The reading's day.
    pub marked: bool,
}

/// A month of moons.
#[derive(Clone, Debug, PartialEq)]
pub struct MoonMonth {
    /// The month's message id (`month-gregorian-11`, `month-solar-hijri-9`) and year, in
    /// the reader's calendar.
    pub month_id: String,
    pub year: i32,
    pub width: f64,
    pub days: Vec<MoonDay>,
}

/// The month around `day` in `locale`'s calendar (Solar Hijri for Persian, Gregorian
/// for English), with the moon of every day; `day` marked.
pub fn moon_month(locale: Locale, day: Date, rtl: bool) -> Option<MoonMonth> {
    let (month_id, year, day_of_month, length) = match locale {
        Locale::Fa => {
            let sh = SolarHijri::from_gregorian(day.year(), day.month(), day.day())?;
            (
                format!("month-solar-hijri-{}", sh.month),
                sh.year,
                u32::from(sh.day),
                u32::from(SolarHijri::days_in_month(sh.year, sh.month)?),
            )
        }
        Locale::En => (
            format!("month-gregorian-{}", day.month()),
            day.year(),
            day.day(),
            nps_engine::calendar::days_in_month(day.year(), day.month()),
        ),
    };
    let first = day.jdn() - i64::from(day_of_month) + 1;
    let width = f64::from(length) * MOON_DAY_WIDTH;
    let days = (0..length)
        .map(|i| {
            let jdn = first + i64::from(i);
            let moon = MoonInfo::of_jdn(jdn);
            let date = Date::from_jdn(jdn).ok()?;
            let x = f64::from(i) * MOON_DAY_WIDTH;
            Some(MoonDay {
                date,
                day: i + 1,
                x: mirror(x, MOON_DAY_WIDTH, width, rtl),
                phase: moon.phase,
                illumination: moon.illumination.clamp(0.0, 100.0),
                waxing: moon.age < SYNODIC_MONTH / 2.0,
                marked: i + 1 == day_of_month,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(MoonMonth {
        month_id,
        year,
        width,
        days,
    })
}

/// The days of `days` grouped into runs of the same phase, in day order:
/// `(first day, last day, phase)` — the moon chart's text alternative.
pub fn phase_runs(days: &[MoonDay]) -> Vec<(u32, u32, usize)> {
    let mut runs: Vec<(u32, u32, usize)> = Vec::new();
    let mut ordered: Vec<&MoonDay> = days.iter().collect();
    ordered.sort_by_key(|d| d.day);
    for d in ordered {
        match runs.last_mut() {
            Some(run) if run.2 == d.phase && run.1 + 1 == d.day => run.1 = d.day,
            _ => runs.push((d.day, d.day, d.phase)),
        }
    }
    runs
}
