//! The Learn page's texts (`locales/*/learn.ftl`) against its catalog (`nps_i18n::learn`):
//! both languages complete and alike, everything renders, Persian stays Persian, and the
//! worked examples say what the engine computes.

use std::collections::BTreeSet;

use nps_engine::numerology::{self, NumerologyProfile, System};
use nps_engine::{Date, Fc60Stamp, Moment};
use nps_i18n::learn::{self, Entry, Family, Part};
use nps_i18n::{Args, Locale, Localizer, strip_isolation};

/// The rendered text of a learn message (without bidi isolation marks).
fn text(locale: Locale, id: &str) -> String {
    let rendered = Localizer::get()
        .format(locale, id, &Args::new())
        .unwrap_or_else(|e| panic!("{e}"));
    strip_isolation(&rendered)
}

fn entry_text(locale: Locale, family: Family, key: &str, part: Part) -> String {
    let entry = Entry::find(family, key).unwrap_or_else(|| panic!("no entry {key}"));
    text(locale, &entry.id(part))
}

/// The two-letter halves of FC60 tokens: animals, elements and weekdays.
const TOKEN_HALVES: [&str; 24] = [
    "RA", "OX", "TI", "RU", "DR", "SN", "HO", "GO", "MO", "RO", "DO", "PI", "WU", "FI", "ER", "MT",
    "WA", "SO", "LU", "MA", "ME", "JO", "VE", "SA",
];

/// Latin words a Persian learn text may contain besides FC60 tokens and single capital
/// letters (a letter named in a system's table or example, or `Z` for UTC).
const PERSIAN_LATIN_WORDS: [&str; 3] = ["FC60", "UTC", "ALICE"];

fn is_fc60_token(word: &str) -> bool {
    word.len() % 2 == 0
        && word
            .as_bytes()
            .chunks(2)
            .all(|half| TOKEN_HALVES.iter().any(|t| t.as_bytes() == half))
}

mod catalog {
    use super::*;

    #[test]
    fn both_locales_define_exactly_the_catalog_with_no_arguments() {
        let l = Localizer::get();
        let expected: BTreeSet<String> = learn::ids().into_iter().collect();
        assert_eq!(expected.len(), 284);
        for locale in Locale::ALL {
            // `None`: the message is missing.
            for id in &expected {
                assert_eq!(
                    l.variables(locale, id).map(BTreeSet::len),
                    Some(0),
                    "{locale}: {id} is missing or takes arguments"
                );
            }
            let extra: Vec<&str> = l
                .message_ids(locale)
                .filter(|id| id.starts_with("learn-") && !expected.contains(*id))
                .collect();
            assert!(extra.is_empty(), "{locale}: not in the catalog {extra:?}");
        }
    }

    #[test]
    fn every_family_has_its_entries() {
        let keys = |f: Family| f.keys().to_vec();
        assert_eq!(
            keys(Family::Number),
            [
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "11", "22", "33"
            ]
        );
        assert_eq!(keys(Family::Animal).len(), 12);
        assert_eq!(keys(Family::Element).len(), 5);
        assert_eq!(keys(Family::Weekday).len(), 7);
        assert_eq!(keys(Family::MoonPhase).len(), 8);
        assert_eq!(keys(Family::System), ["pythagorean", "chaldean", "abjad"]);
        // Every number the engine computes for a person has its entry: the gender
        // polarity among the figures, the other seven in the core family.
        let birth = Date::parse("1990-07-15").expect("a date");
        let person = NumerologyProfile::compute(System::Pythagorean, "Alice", birth, birth, None);
        let serde_json::Value::Object(numbers) = serde_json::to_value(person).expect("serializes")
        else {
            panic!("a profile serializes as an object");
        };
        assert_eq!(numbers.len(), 8);
        for field in numbers.keys() {
            let key = field.replace('_', "-");
            let family = if key == "polarity" {
                Family::Figure
            } else {
                Family::Core
            };
            assert!(
                keys(family).contains(&key.as_str()),
                "{} {key}",
                family.name()
            );
        }
        for key in [
            "weekday", "month", "day", "hour", "minute", "second", "chk", "j60", "y60",
        ] {
            assert!(keys(Family::Stamp).contains(&key), "stamp {key}");
        }
        for key in ["polarity", "confidence", "hour-animal"] {
            assert!(keys(Family::Figure).contains(&key), "figure {key}");
        }
    }

    #[test]
    fn every_message_renders_without_raw_ids_or_placeables() {
        for locale in Locale::ALL {
            for id in learn::ids() {
                let t = text(locale, &id);
                assert!(!t.trim().is_empty(), "{locale}: {id} is empty");
                assert!(
                    !t.contains(['{', '}', '$']),
                    "{locale}: {id} has an unfilled placeable: {t}"
                );
                assert!(!t.contains("learn-"), "{locale}: {id} shows an id: {t}");
                assert_eq!(t.trim(), t, "{locale}: {id} has spaces around it");
            }
        }
    }

    #[test]
    fn titles_and_lines_are_single_lines_and_bodies_are_paragraphs() {
        for locale in Locale::ALL {
            for entry in learn::entries() {
                let title = text(locale, &entry.id(Part::Title));
                let line = text(locale, &entry.id(Part::Line));
                let body = text(locale, &entry.id(Part::Body));
                assert!(
                    !title.contains('\n') && title.chars().count() <= 60,
                    "{title}"
                );
                assert!(
                    !line.contains('\n') && line.chars().count() <= 160,
                    "{line}"
                );
                assert!(
                    body.chars().count() > line.chars().count(),
                    "{locale}: {body}"
                );
            }
        }
    }
}

mod persian {
    use super::*;

    #[test]
    fn persian_has_no_latin_beyond_tokens_and_named_letters() {
        for id in learn::ids() {
            let t = text(Locale::Fa, &id);
            for word in t.split(|c: char| !c.is_ascii_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                let allowed = is_fc60_token(word)
                    || PERSIAN_LATIN_WORDS.contains(&word)
                    || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()));
                assert!(allowed, "fa {id}: Latin {word:?} in {t}");
            }
        }
    }

    #[test]
    fn persian_uses_persian_letters_digits_and_punctuation() {
        for id in learn::ids() {
            let t = text(Locale::Fa, &id);
            assert!(
                !t.contains(['ي', 'ك', 'ى']),
                "fa {id}: Arabic yeh or kaf in {t}"
            );
            assert!(
                !t.contains([',', ';', '?', '%']),
                "fa {id}: Latin punctuation in {t}"
            );
            assert!(
                t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "fa {id}: no Persian letter in {t}"
            );
        }
        // Digits other than in FC60 come out Persian, decimals with the Persian separator.
        let moon = text(Locale::Fa, "learn-section-moon-phase-intro");
        assert!(moon.contains("۲۹٫۵۳"), "{moon}");
        let rat = entry_text(Locale::Fa, Family::Animal, "RA", Part::Body);
        assert!(rat.contains("۲۳:۰۰ تا ۰۰:۵۹"), "{rat}");
    }

    #[test]
    fn english_has_arabic_script_only_where_it_explains_abjad() {
        let abjad_ids = [
            "learn-system-abjad-line",
            "learn-system-abjad-body",
            "learn-system-abjad-example",
            "learn-core-soul-urge-body",
        ];
        for id in learn::ids() {
            let t = text(Locale::En, &id);
            let arabic = t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            assert_eq!(arabic, abjad_ids.contains(&id.as_str()), "en {id}: {t}");
        }
    }

    #[test]
    fn shared_names_come_from_the_vocabulary() {
        // Titles and trait paragraphs are references, so a change there reaches the page.
        for (locale, rat, trait_start) in [
            (Locale::En, "Rat", "The Rat stands for"),
            (Locale::Fa, "موش", "موش نماد"),
        ] {
            assert_eq!(entry_text(locale, Family::Animal, "ra", Part::Title), rat);
            let body = entry_text(locale, Family::Animal, "ra", Part::Body);
            assert!(body.starts_with(trait_start), "{body}");
            assert_eq!(
                entry_text(locale, Family::Number, "7", Part::Line),
                text(locale, "number-7")
            );
            assert_eq!(
                entry_text(locale, Family::Core, "life-path", Part::Title),
                text(locale, "label-life-path")
            );
        }
        assert_eq!(
            entry_text(Locale::Fa, Family::Weekday, "VE", Part::Title),
            "جمعه · زهره"
        );
    }

    #[test]
    fn persian_uses_one_term_per_idea() {
        // The terms of the table in locales/CATALOG.md, as titles and in the text.
        let fa = |family, key, part| entry_text(Locale::Fa, family, key, part);
        assert_eq!(fa(Family::Core, "soul-urge", Part::Title), "خواستهٔ دل");
        assert_eq!(fa(Family::Stamp, "chk", Part::Title), "کد وارسی");
        assert_eq!(fa(Family::Stamp, "j60", Part::Title), "روز ژولینی");
        assert!(fa(Family::Core, "soul-urge", Part::Example).contains("خواستهٔ دل"));
        assert!(fa(Family::Stamp, "example", Part::Body).contains("کد وارسی"));
        for id in learn::ids() {
            let t = text(Locale::Fa, &id);
            for other in ["اشتیاق روح", "رقم کنترل"] {
                assert!(!t.contains(other), "fa {id}: {other:?} in {t}");
            }
        }
    }
}

mod examples {
    use super::*;

    fn assert_says(family: Family, key: &str, part: Part, en: &str, fa: &str) {
        let en_text = entry_text(Locale::En, family, key, part);
        assert!(en_text.contains(en), "en {key}: {en:?} not in {en_text}");
        let fa_text = entry_text(Locale::Fa, family, key, part);
        assert!(fa_text.contains(fa), "fa {key}: {fa:?} not in {fa_text}");
    }

    #[test]
    fn the_numbers_of_alice_are_the_engines() {
        let birth = Date::parse("1990-07-15").expect("a date");
        assert_eq!(numerology::life_path(birth), 5);
        assert_says(
            Family::Core,
            "life-path",
            Part::Example,
            "life path 5",
            "مسیر زندگی ۵",
        );

        let p = System::Pythagorean;
        assert_eq!(numerology::letter_sums(p, "ALICE").total, 21);
        assert_eq!(numerology::expression(p, "ALICE"), 3);
        assert_says(
            Family::Core,
            "expression",
            Part::Example,
            "= 21, and 2 + 1 = 3",
            "= ۲۱ و ۲ + ۱ = ۳",
        );
        assert_eq!(numerology::soul_urge(p, "ALICE"), 6);
        assert_says(
            Family::Core,
            "soul-urge",
            Part::Example,
            "soul urge 6",
            "خواستهٔ دل ۶",
        );
        assert_eq!(numerology::personality(p, "ALICE"), 6);
        assert_says(
            Family::Core,
            "personality",
            Part::Example,
            "personality 6",
            "عدد شخصیت ۶",
        );
        assert_eq!(numerology::expression(System::Chaldean, "ALICE"), 4);
        assert_says(
            Family::System,
            "chaldean",
            Part::Example,
            "13, which reduces to 4",
            "۱۳ که به ۴ می‌رسد",
        );

        assert_eq!(numerology::letter_sums(System::Abjad, "علی").total, 110);
        assert_eq!(numerology::expression(System::Abjad, "علی"), 2);
        assert_eq!(numerology::soul_urge(System::Abjad, "علی"), 1);
        assert_says(
            Family::System,
            "abjad",
            Part::Example,
            "together 110, and 1 + 1 + 0 = 2",
            "روی هم ۱۱۰ و ۱ + ۱ + ۰ = ۲",
        );

        assert_eq!(numerology::digital_root(29), 11);
        assert_says(
            Family::Core,
            "reduction",
            Part::Example,
            "29 gives 2 + 9 = 11",
            "۲۹ می‌شود ۲ + ۹ = ۱۱",
        );
    }

    #[test]
    fn the_personal_cycle_of_9_february_2026_is_the_engines() {
        let birth = Date::parse("1990-07-15").expect("a date");
        let year = numerology::personal_year(birth, 2026);
        let month = numerology::personal_month(year, 2);
        let day = numerology::personal_day(month, 9);
        assert_eq!((year, month, day), (5, 7, 7));
        for (key, english, persian) in [
            ("personal-year", "personal year 5", "سال شخصی ۵"),
            ("personal-month", "personal month 7", "ماه شخصی ۷"),
            ("personal-day", "personal day 7", "روز شخصی ۷"),
            ("focus", "the focus is 7", "محور روز ۷"),
        ] {
            assert_says(Family::Core, key, Part::Example, english, persian);
        }
    }

    #[test]
    fn the_questions_add_up_as_the_engine_counts() {
        let why_now = numerology::letter_sums(System::Pythagorean, "Why now?").total;
        assert_eq!((why_now, numerology::digital_root(why_now)), (36, 9));
        let chera = numerology::letter_sums(System::Abjad, "چرا حالا؟").total;
        assert_eq!((chera, numerology::digital_root(chera)), (244, 1));
        // Each language's example tells both questions' sums.
        for (english, persian) in [("make 36, and 3 + 6 = 9", "۲۴۴"), ("Why now?", "۱ + ۰ = ۱")]
        {
            assert_says(Family::Core, "question", Part::Example, english, persian);
        }
    }

    #[test]
    fn the_stamp_example_is_the_engines() {
        let moment = Moment::parse("2026-11-27T09:30:00+03:30").expect("a moment");
        let stamp = Fc60Stamp::new(moment);
        assert_eq!(stamp.jdn(), 2_461_372);
        let [fc60, chk, j60, y60, tz60, day] = [
            stamp.fc60().to_string(),
            stamp.chk().to_string(),
            stamp.j60().to_string(),
            stamp.y60().to_string(),
            stamp.tz60().to_string(),
            stamp.dom_token().to_string(),
        ];
        let minute = stamp.minute_token().expect("a time").to_string();
        // Each token an entry shows (in both languages) is the engine's.
        for (computed, key, part, written) in [
            (&fc60, "example", Part::Body, "VE-DO-SNER ☀RO-HOWU-RAWU"),
            (&chk, "example", Part::Body, "GOWA"),
            (&y60, "example", Part::Body, "HOMT-ROFI"),
            (&chk, "chk", Part::Example, "GOWA"),
            (&j60, "j60", Part::Body, "TIFI-DRMT-MOER-DOER"),
            (&y60, "y60", Part::Body, "HOMT-ROFI"),
            (&tz60, "tz60", Part::Body, "+RAMT-HOWU"),
            (&day, "day", Part::Body, "SNER"),
            (&minute, "minute", Part::Body, "HOWU"),
        ] {
            assert_eq!(computed, written, "{key}");
            assert_says(Family::Stamp, key, part, written, written);
        }
        assert_says(Family::Stamp, "j60", Part::Body, "2461372", "۲۴۶۱۳۷۲");
        assert_says(
            Family::Stamp,
            "chk",
            Part::Example,
            "699 = 11 × 60 + 39",
            "۶۹۹ = ۱۱ × ۶۰ + ۳۹",
        );
    }
}
