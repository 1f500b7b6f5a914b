//! Times the reading pipeline: `cargo run --release -p nps-readings --example timing`.
use std::time::Instant;

use nps_engine::Moment;
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
            bytes += serde_json::to_string(&r.to_stored())?.len();
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
    Ok(())
}
