//! Prints a full reading in both languages: `cargo run -p nps-readings --example show`.
//! The reading is made once and its text rendered again in each language, as the
//! history does for a stored reading.
use nps_engine::{Date, Moment, Profile};
use nps_i18n::Locale;
use nps_readings::{PlainText, Request, no_progress, run};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut profile = Profile::new("Alice Johnson", Date::parse("1990-07-15")?);
    profile.mother = Some("Barbara Johnson".into());
    let request = Request::Full {
        profile,
        at: Moment::parse("2026-02-09T14:30:00+01:00")?,
    };
    let mut result = run(&request, Locale::En, &mut no_progress)?.result;
    for locale in Locale::ALL {
        result.render_in(locale)?;
        println!("{}", result.text.to_plain());
    }
    Ok(())
}
