//! Times the reading pipeline: `cargo run --release -p nps-readings --example timing`.
use std::time::{Duration, Instant};

use nps_engine::{Date, Gender, Moment, Profile};
use nps_i18n::Locale;
use nps_readings::{ReadingError, Request, no_progress, run};

/// How many times each reading runs.
const RUNS: u32 = 2000;

/// The mean time of one `run` of `request` in `locale`, after one warm-up run.
fn time_run(request: &Request, locale: Locale) -> Result<Duration, ReadingError> {
    let _ = run(request, locale, &mut no_progress)?;
    let t = Instant::now();
    for _ in 0..RUNS {
        let _ = run(request, locale, &mut no_progress)?;
    }
    Ok(t.elapsed() / RUNS)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let request = Request::Time {
        at: Moment::parse("2026-02-09T10:00:00Z")?,
    };
    for locale in Locale::ALL {
        let _ = run(&request, locale, &mut no_progress)?;
        let t = Instant::now();
        let mut bytes = 0;
        for _ in 0..RUNS {
            let r = run(&request, locale, &mut no_progress)?;
            bytes += serde_json::to_string(&r.result.to_json()?)?.len();
        }
        let per = t.elapsed() / RUNS;
        println!(
            "{locale}: {per:?} per time reading incl. stored JSON ({} bytes)",
            bytes / RUNS as usize
        );
        println!(
            "{locale}: {:?} per time reading (run only)",
            time_run(&request, locale)?
        );
    }
    // A full reading with all six inputs: the deepest text, every signal.
    let mut profile = Profile::new("Alice Johnson", Date::parse("1990-07-15")?);
    profile.mother = Some("Barbara Johnson".into());
    profile.gender = Some(Gender::Female);
    profile.location = Some((35.7, 51.4));
    profile.bpm = Some(68);
    let full = Request::Full {
        profile,
        at: Moment::parse("2026-02-09T14:30:00+03:30")?,
    };
    for locale in Locale::ALL {
        println!(
            "{locale}: {:?} per full reading with all six inputs (run only)",
            time_run(&full, locale)?
        );
    }
    Ok(())
}
