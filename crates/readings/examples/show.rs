//! Prints a full reading in both languages: `cargo run -p nps-readings --example show`.
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
    for locale in Locale::ALL {
        println!(
            "{}",
            run(&request, locale, &mut no_progress)?
                .result
                .text
                .to_plain()
        );
    }
    Ok(())
}
