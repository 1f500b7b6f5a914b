//! Times the reading pipeline: `cargo run --release -p nps-readings --example timing`.
use std::time::Instant;

use nps_engine::{Date, Gender, Moment, Profile};
use nps_i18n::Locale;
use nps_readings::{Request, no_progress, run};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let request = Request::Time {
        at: Moment::parse("2026-02-09T10:00:00Z")?,
    };
    let n = 2000;
    for locale in Locale::ALL {
        let _ = run(&request, locale, &mut no_progress)?;
        let t = Instant::now();
        let mut bytes = 0;
        for _ in 0..n {
            let r = run(&request, locale, &mut no_progress)?;
            bytes += serde_json::to_string(&r.result.to_json()?)?.len();
        }
        let per = t.elapsed() / n;
        println!(
            "{locale}: {per:?} per time reading incl. stored JSON ({} bytes)",
            bytes / n as usize
        );
        let t = Instant::now();
        for _ in 0..n {
            let _ = run(&request, locale, &mut no_progress)?;
        }
        println!(
            "{locale}: {:?} per time reading (run only)",
            t.elapsed() / n
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
        let _ = run(&full, locale, &mut no_progress)?;
        let t = Instant::now();
        for _ in 0..n {
            let _ = run(&full, locale, &mut no_progress)?;
        }
        println!(
            "{locale}: {:?} per full reading with all six inputs (run only)",
            t.elapsed() / n
        );
    }
    Ok(())
}
