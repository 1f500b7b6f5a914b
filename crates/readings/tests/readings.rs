//! The readings layer: every kind in both locales, the message catalog, progress, and bad
//! inputs.

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use nps_engine::numerology::SystemChoice;
use nps_engine::{Date, Gender, Moment, Profile};
use nps_i18n::{Locale, Localizer, strip_isolation};
use nps_protocol::RenderedSection;
use nps_readings::*;

/// The figures of a reading as they go over the wire.
fn figures(r: &Reading) -> serde_json::Value {
    serde_json::to_value(&r.result.figures).unwrap()
}

/// Runs a request that must succeed, without watching its progress.
fn read(request: &Request, locale: Locale) -> Reading {
    run(request, locale, &mut no_progress).unwrap()
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}
fn at(s: &str) -> Moment {
    Moment::parse(s).unwrap()
}

/// The rendered section `id` of a reading, which must have it.
fn rendered_section<'a>(r: &'a Reading, id: &str) -> &'a RenderedSection {
    r.result.text.sections.iter().find(|s| s.id == id).unwrap()
}

/// A question asked on 2026-01-01, its numerology system chosen by its script.
fn question(question: impl Into<String>) -> Request {
    Request::Question {
        question: question.into(),
        system: SystemChoice::Auto,
        at: at("2026-01-01"),
    }
}

/// The daily reading of `day` for no one in particular.
fn daily(day: &str) -> Request {
    Request::Daily {
        date: date(day),
        birth: None,
    }
}

/// Alice's full reading at 14:30 New York time on 2026-02-09.
fn alice_full() -> Request {
    Request::Full {
        profile: alice(),
        at: at("2026-02-09T14:30:00-05:00"),
    }
}

fn alice() -> Profile {
    let mut p = Profile::new("Alice Johnson", date("1990-07-15"));
    p.mother = Some("Barbara Johnson".into());
    p.gender = Some(Gender::Female);
    p.location = Some((40.7, -74.0));
    p.bpm = Some(68);
    p
}

/// A battery of requests wide enough to touch every family of messages: all hours, all
/// moon phases, all day animals, master numbers, Persian and Latin names, zero sums.
fn battery() -> Vec<Request> {
    let mut out = Vec::new();
    for day in 0..40 {
        let d = Date::from_jdn(date("2026-01-01").jdn() + day * 3).unwrap();
        for hour in [0, 6, 9, 12, 15, 19, 23] {
            out.push(Request::Time {
                at: at(&format!("{d}T{hour:02}:{:02}:00+03:30", (day * 7) % 60)),
            });
        }
        out.push(Request::Daily {
            date: d,
            birth: None,
        });
        out.push(Request::Daily {
            date: d,
            birth: Some(date("1985-03-21")),
        });
    }
    out.push(Request::Time {
        at: at("2026-02-09"),
    });
    let today = date("2026-02-09");
    for (name, birth, system) in [
        ("Alice Johnson", Some("1990-07-15"), SystemChoice::Auto),
        ("علی رضایی", Some("1985-03-21"), SystemChoice::Auto),
        ("Zoë Müller", None, SystemChoice::Chaldean),
        ("ظریف کریمی", None, SystemChoice::Abjad),
        (
            "Margaret Moore",
            Some("1977-11-14"),
            SystemChoice::Pythagorean,
        ),
        ("Bob", Some("2000-01-01"), SystemChoice::Pythagorean),
    ] {
        out.push(Request::Name {
            name: name.into(),
            birth: birth.map(date),
            system,
            today,
        });
    }
    // Names giving every expression number.
    for n in 1..=60 {
        out.push(Request::Name {
            name: format!("{}{}", "K".repeat(n % 7 + 1), "a".repeat(n / 7 + 1)),
            birth: None,
            system: SystemChoice::Pythagorean,
            today,
        });
    }
    for q in [
        "Will the garden bloom this spring?",
        "آیا این سفر برای من خوب است؟",
        "Is سلام the right word?",
        "kk",
        "What should I focus on?",
    ] {
        out.push(Request::Question {
            question: q.into(),
            system: SystemChoice::Auto,
            at: at("2026-02-09T14:30:00+01:00"),
        });
    }
    out.push(Request::Full {
        profile: alice(),
        at: at("2026-02-09T14:30:00+01:00"),
    });
    out.push(Request::Full {
        profile: Profile::new("James", date("2000-01-01")),
        at: at("2026-02-09"),
    });
    let mut persian = Profile::new("علی رضایی", date("1985-03-21"));
    persian.mother = Some("فاطمه احمدی".into());
    out.push(Request::Full {
        profile: persian,
        at: at("2026-03-20T09:00:00+03:30"),
    });
    let people = [
        ("Alice", "1990-07-15"),
        ("Bob", "1984-02-02"),
        ("Cyrus", "1996-03-03"),
        ("Dara", "1978-10-10"),
        ("Elham", "2002-12-24"),
    ];
    for n in 2..=5 {
        for shift in 0..people.len() {
            let group: Vec<(String, Date)> = (0..n)
                .map(|k| people[(k + shift) % people.len()])
                .map(|(a, b)| (a.to_string(), date(b)))
                .collect();
            out.push(Request::Compatibility { people: group });
        }
    }
    out
}

mod catalog {
    use super::*;

    #[test]
    fn both_locales_define_the_same_messages_with_the_same_arguments() {
        let l = Localizer::get();
        let en: BTreeSet<&str> = l.message_ids(Locale::En).collect();
        let fa: BTreeSet<&str> = l.message_ids(Locale::Fa).collect();
        assert!(en.len() > 300, "only {} English messages", en.len());
        let only_en: Vec<_> = en.difference(&fa).collect();
        let only_fa: Vec<_> = fa.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in fa: {only_en:?}");
        assert!(only_fa.is_empty(), "missing in en: {only_fa:?}");
        for id in &en {
            assert_eq!(
                l.variables(Locale::En, id),
                l.variables(Locale::Fa, id),
                "arguments of {id} differ"
            );
        }
    }

    #[test]
    fn every_file_parses_without_errors_or_duplicates() {
        let mut seen = BTreeSet::new();
        for (lang, file, text) in nps_i18n::embedded_files() {
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
                panic!("{lang}/{file}: {errors:?}");
            }
            for line in text.lines() {
                if let Some((id, _)) = line.split_once(" =") {
                    if !id.starts_with([' ', '#', '-']) && !id.is_empty() {
                        assert!(
                            seen.insert((lang.to_string(), id.to_string())),
                            "{lang}: {id} defined twice"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_a_reading_uses_exists_with_exactly_its_arguments() {
        let l = Localizer::get();
        let mut used = BTreeSet::new();
        for request in battery() {
            let reading = read(&request, Locale::En);
            for (id, args) in reading.result.interpretation.messages() {
                let args: BTreeSet<String> = args.into_iter().collect();
                for locale in Locale::ALL {
                    let vars = l.variables(locale, &id);
                    assert_eq!(
                        vars,
                        Some(&args),
                        "{locale}: {id} (from a {} reading)",
                        request.kind()
                    );
                }
                used.insert(id);
            }
        }
        // The battery reaches every meaning family: all animals, phases, numbers.
        for family in ["life-path", "expression", "advice", "caution", "number"] {
            for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22] {
                let id = format!("{family}-{n}");
                if family == "number" || family == "advice" || family == "caution" {
                    assert!(used.contains(&id), "the battery never uses {id}");
                }
            }
        }
        for i in 0..8 {
            assert!(
                used.contains(&format!("moon-phase-{i}")),
                "phase {i} unused"
            );
        }
        for a in [
            "ra", "ox", "ti", "ru", "dr", "sn", "ho", "go", "mo", "ro", "do", "pi",
        ] {
            assert!(used.contains(&format!("animal-{a}")), "animal {a} unused");
        }
    }
}

mod kinds {
    use super::*;

    fn check_text(reading: &Reading) {
        let text = &reading.result.text;
        assert!(!text.headline.is_empty());
        assert!(!text.sections.is_empty());
        let ids: BTreeSet<&str> = Localizer::get().message_ids(Locale::En).collect();
        for s in &text.sections {
            assert!(
                !s.title.is_empty() && !ids.contains(s.title.as_str()),
                "raw title {}",
                s.title
            );
            for p in &s.paragraphs {
                let p = strip_isolation(p);
                assert!(!p.is_empty());
                assert!(
                    !p.contains('{') && !p.contains('}'),
                    "unrendered placeable: {p}"
                );
                for word in p.split(|c: char| c.is_whitespace() || c == ':' || c == ',') {
                    assert!(
                        !ids.contains(word) || word.len() < 4,
                        "raw message id {word:?} in {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_kind_renders_in_both_locales() {
        let mut kinds = BTreeSet::new();
        for request in battery() {
            for locale in Locale::ALL {
                let reading = read(&request, locale);
                assert_eq!(reading.locale, locale);
                assert_eq!(
                    reading.result.text.direction,
                    if locale == Locale::Fa { "rtl" } else { "ltr" }
                );
                check_text(&reading);
                kinds.insert(reading.kind.as_str());
            }
        }
        assert_eq!(kinds.len(), 6, "{kinds:?}");
    }

    #[test]
    fn every_kind_reads_back_from_its_stored_json() {
        let mut kinds = BTreeSet::new();
        for request in battery() {
            let r = read(&request, Locale::Fa);
            // Through text, as storage keeps it.
            let text = serde_json::to_string(&r.result.to_json().unwrap()).unwrap();
            let back =
                StoredResult::from_json(r.kind, serde_json::from_str(&text).unwrap()).unwrap();
            assert_eq!(back, r.result, "a {} reading", r.kind);
            assert_eq!(back.figures.kind(), r.kind);
            kinds.insert(r.kind);
        }
        assert_eq!(kinds.len(), 6, "{kinds:?}");
    }

    #[test]
    fn letters_the_system_leaves_at_zero_are_named() {
        let chaldean = |name: &str| Request::Name {
            name: name.into(),
            birth: None,
            system: SystemChoice::Chaldean,
            today: date("2026-02-09"),
        };
        let zoe = chaldean("Zoë Müller");
        let en = read(&zoe, Locale::En);
        let letters = rendered_section(&en, "section-letters");
        assert_eq!(
            strip_isolation(letters.paragraphs.last().unwrap()),
            "These letters carry no value in the Chaldean system and were left out: Ë Ü."
        );
        let fa = read(&zoe, Locale::Fa);
        assert_eq!(
            strip_isolation(
                rendered_section(&fa, "section-letters")
                    .paragraphs
                    .last()
                    .unwrap()
            ),
            "این حروف در روش کلدانی ارزشی ندارند و شمرده نشدند: Ë Ü."
        );
        // A name every letter of which counts has no such line.
        let alice = read(&chaldean("Alice"), Locale::En);
        assert!(
            rendered_section(&alice, "section-letters")
                .paragraphs
                .iter()
                .all(|p| !p.contains("left out"))
        );
    }

    #[test]
    fn persian_text_uses_persian_digits_and_refers_to_the_figures() {
        let r = read(&alice_full(), Locale::Fa);
        assert_eq!(figures(&r)["numerology"]["life_path"]["number"], 5);
        let core = rendered_section(&r, "section-core");
        // The lens comes first, then the life path read through it.
        let life_path = strip_isolation(&core.paragraphs[1]);
        assert!(
            life_path.starts_with("عدد مسیر زندگی شما") && life_path.contains('۵'),
            "{life_path}"
        );
        for p in &core.paragraphs {
            assert!(
                !strip_isolation(p).chars().any(|c| c.is_ascii_digit()),
                "{p}"
            );
        }
        assert!(r.summary.contains("Alice Johnson"));
        let en = read(&alice_full(), Locale::En);
        assert_eq!(
            en.result.figures, r.result.figures,
            "figures do not depend on the language"
        );
        let core = rendered_section(&en, "section-core");
        assert!(strip_isolation(&core.paragraphs[1]).starts_with("Your life path is 5 ("));
    }

    #[test]
    fn name_reading_has_the_letter_breakdown() {
        let r = read(
            &Request::Name {
                name: "Ali".into(),
                birth: None,
                system: SystemChoice::Auto,
                today: date("2026-01-01"),
            },
            Locale::En,
        );
        let f = figures(&r);
        let letters = f["letters"].as_array().unwrap();
        let got: Vec<(String, u64)> = letters
            .iter()
            .map(|l| {
                (
                    l["letter"].as_str().unwrap().to_string(),
                    l["value"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, [("A".into(), 1), ("L".into(), 3), ("I".into(), 9)]);
        assert_eq!(letters[1]["element"], "Earth");
        assert_eq!(figures(&r)["expression"], 4);
        assert_eq!(figures(&r)["system"], "pythagorean");
    }

    #[test]
    fn question_reports_number_script_and_master() {
        let r = read(&question("kk"), Locale::En);
        // K = 2 in Pythagorean: 2 + 2 = 4.
        assert_eq!(figures(&r)["number"], 4);
        assert_eq!(figures(&r)["script"], "latin");
        assert_eq!(figures(&r)["is_master"], false);
        let fa = read(&question("سلام"), Locale::En);
        // س60 ل30 ا1 م40 = 131 → 5, Abjad chosen by auto.
        assert_eq!(
            (
                figures(&fa)["number"].as_u64(),
                figures(&fa)["system"].as_str()
            ),
            (Some(5), Some("abjad"))
        );
        assert_eq!(figures(&fa)["script"], "persian");
    }

    #[test]
    fn daily_has_lucky_numbers_hours_and_activities() {
        let r = read(&daily("2026-02-09"), Locale::En);
        assert!(!figures(&r)["lucky_numbers"].as_array().unwrap().is_empty());
        let f = figures(&r);
        let hours = f["lucky_hours"].as_array().unwrap();
        assert!(!hours.is_empty() && hours.len() <= 2, "{hours:?}");
        assert!(!figures(&r)["activities"].as_array().unwrap().is_empty());
        // 2026-02-09: universal year 2+0+2+6 = 10 → 1; month 1 + 2 = 3; day 3 + 9 = 12 → 3.
        assert_eq!(
            figures(&r)["moment"]["universal"],
            serde_json::json!({"year": 1, "month": 3, "day": 3})
        );
        assert_eq!(figures(&r)["focus_number"], 3);
    }

    #[test]
    fn daily_insight_is_the_first_line_of_the_day() {
        let r = read(&daily("2026-02-09"), Locale::En);
        let insight = daily_insight(&r).unwrap();
        assert!(insight.contains("Monday"), "{insight}");
        assert_eq!(
            insight,
            strip_isolation(&r.result.text.sections[0].paragraphs[0])
        );
        let time = read(
            &Request::Time {
                at: at("2026-02-09"),
            },
            Locale::En,
        );
        assert_eq!(daily_insight(&time), None);
    }

    #[test]
    fn a_stored_reading_renders_again_in_the_other_language() {
        let r = read(&alice_full(), Locale::En);
        let stored = r.result.to_json().unwrap();
        let mut back = StoredResult::from_json(SignType::Full, &stored).unwrap();
        assert_eq!(back, r.result, "the stored result reads back as it was");
        assert!(back.render_in(Locale::Fa).unwrap());
        assert!(!back.render_in(Locale::Fa).unwrap(), "already in Persian");
        let direct = read(&alice_full(), Locale::Fa);
        assert_eq!(back.text, direct.result.text);
        assert!(
            StoredResult::from_json(
                SignType::Full,
                &serde_json::value::to_raw_value(&serde_json::json!({"figures": {}})).unwrap()
            )
            .is_err()
        );
        // The figures are read as the kind stored beside them.
        let stored = r.result.to_json().unwrap();
        assert!(StoredResult::from_json(SignType::Time, &stored).is_err());
    }

    #[test]
    fn compatibility_scores_pairs_and_the_group() {
        let people = vec![
            ("Alice".to_string(), date("1990-07-15")),
            ("Bob".to_string(), date("1984-02-02")),
        ];
        let r = read(&Request::Compatibility { people }, Locale::En);
        let figures = figures(&r);
        let pair = &figures["pairs"][0];
        // 1990 is a Metal Horse, 1984 a Wood Rat: Horse and Rat are six apart (clash);
        // Metal controls Wood.
        assert_eq!(pair["animal_relation"], "clash");
        assert_eq!(pair["element_relation"], "controlling");
        assert_eq!(pair["parts"]["animal"], 0.2);
        assert_eq!(pair["parts"]["element"], 0.3);
        let p = &pair["parts"];
        let expected = 0.30 * p["life_path"].as_f64().unwrap()
            + 0.25 * 0.3
            + 0.20 * 0.2
            + 0.15 * p["moon"].as_f64().unwrap()
            + 0.10 * p["pattern"].as_f64().unwrap();
        assert!((pair["score"].as_f64().unwrap() - expected).abs() < 1e-12);
        assert_eq!(figures["group_harmony"], pair["score"]);
    }
}

mod progress {
    use super::*;

    fn steps_of(request: &Request) -> (Vec<Update>, Result<Reading, ReadingError>) {
        let mut seen = Vec::new();
        let result = run(request, Locale::En, &mut |u: Update| {
            seen.push(u);
            ControlFlow::Continue(())
        });
        (seen, result)
    }

    #[test]
    fn steps_are_monotonic_with_exactly_one_complete() {
        let (seen, result) = steps_of(&Request::Time {
            at: at("2026-02-09T14:30:00+01:00"),
        });
        assert!(result.is_ok());
        let got: Vec<(&str, u8)> = seen.iter().map(|u| (u.step.as_str(), u.progress)).collect();
        assert_eq!(
            got,
            [
                ("started", 0),
                ("calculating", 25),
                ("calculating", 50),
                ("ai_generating", 75),
                ("combining", 90),
                ("complete", 100)
            ]
        );
        for u in &seen {
            assert!(!u.message(Locale::Fa).is_empty() && u.message(Locale::Fa) != u.message_id);
        }
    }

    #[test]
    fn an_error_ends_without_complete() {
        let (seen, result) = steps_of(&Request::Name {
            name: "   ".into(),
            birth: None,
            system: SystemChoice::Auto,
            today: date("2026-01-01"),
        });
        assert!(matches!(result, Err(ReadingError::Invalid(_))));
        assert!(seen.iter().all(|u| u.step != Step::Complete));
    }

    #[test]
    fn cancelling_stops_the_reading_with_an_error() {
        let mut count = 0;
        let result = run(
            &Request::Time {
                at: at("2026-02-09"),
            },
            Locale::En,
            &mut |_u: Update| {
                count += 1;
                if count == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(result.unwrap_err(), ReadingError::Cancelled);
        assert_eq!(count, 3);
        assert_eq!(
            ReadingError::Cancelled.message(Locale::En),
            "The reading was cancelled."
        );
    }
}

mod bad_input {
    use super::*;

    #[test]
    fn every_engine_error_has_its_message_in_both_languages() {
        for e in nps_engine::EngineError::examples() {
            let msg = Msg::from(&e);
            for locale in Locale::ALL {
                let vars = Localizer::get().variables(locale, &msg.id);
                let args: BTreeSet<String> = msg.args.iter().map(|(n, _)| n.to_string()).collect();
                assert_eq!(vars, Some(&args), "{locale}: {}", msg.id);
            }
            // English reads like the engine's own sentence.
            let en = ReadingError::from(e.clone()).problem(Locale::En);
            assert!(!en.is_empty() && !en.starts_with("error-"), "{en}");
        }
        let e = ReadingError::from(nps_engine::EngineError::InvalidHour(24));
        assert_eq!(e.problem(Locale::En), "hour 24 is out of range (0–23)");
        assert_eq!(e.problem(Locale::Fa), "ساعت ۲۴ بیرون از بازه است (۰ تا ۲۳)");
    }

    fn invalid(request: Request) -> String {
        match run(&request, Locale::En, &mut no_progress) {
            Err(e @ ReadingError::Invalid(_)) => {
                // The same problem reads in Persian too, with Persian digits.
                let fa = e.problem(Locale::Fa);
                assert!(!fa.is_empty() && !fa.starts_with("error-"), "{fa}");
                e.to_string()
            }
            other => panic!("expected an invalid-input error, got {other:?}"),
        }
    }

    #[test]
    fn each_is_named() {
        let today = date("2026-01-01");
        let m = invalid(Request::Name {
            name: "".into(),
            birth: None,
            system: SystemChoice::Auto,
            today,
        });
        assert_eq!(m, "the name is empty");
        let m = invalid(Request::Name {
            name: "?!…".into(),
            birth: None,
            system: SystemChoice::Auto,
            today,
        });
        assert!(m.contains("no letters"), "{m}");
        // A script no system reads is refused, never read as zeros: in a name, a mother's
        // name, a compatibility partner, and a Latin name under Abjad.
        let m = invalid(Request::Name {
            name: "Иван Петров".into(),
            birth: None,
            system: SystemChoice::Auto,
            today,
        });
        assert_eq!(
            m,
            "none of the letters of “Иван Петров” count in the Pythagorean system, which reads \
             the Latin letters A to Z: write the name in Latin or Persian letters"
        );
        let unreadable = |system| Request::Name {
            name: "Latin Name".into(),
            birth: None,
            system,
            today,
        };
        assert_eq!(
            invalid(unreadable(SystemChoice::Abjad)),
            "none of the letters of “Latin Name” count in the Abjad system, which reads Persian \
             and Arabic letters: write the name in Persian letters, or choose the automatic system"
        );
        let e = run(
            &unreadable(SystemChoice::Abjad),
            Locale::Fa,
            &mut no_progress,
        )
        .unwrap_err();
        assert_eq!(
            strip_isolation(&e.problem(Locale::Fa)),
            "هیچ‌یک از حروف «Latin Name» در روش ابجد شمرده نمی‌شود، چون این روش حروف فارسی و \
             عربی را می‌خواند: نام را با حروف فارسی بنویسید یا روش خودکار را برگزینید"
        );
        let greek = vec![("Ali".to_string(), today), ("Ελένη".to_string(), today)];
        assert!(
            invalid(Request::Compatibility { people: greek }).contains("“Ελένη”"),
            "the partner's name is named"
        );
        let mut profile = Profile::new("Sara", date("1990-07-15"));
        profile.mother = Some("Мария".into());
        let m = invalid(Request::Full {
            profile,
            at: at("2026-01-01"),
        });
        assert!(m.contains("“Мария”"), "{m}");
        let m = invalid(question("a".repeat(1001)));
        assert!(m.contains("1001") && m.contains("1000"), "{m}");
        assert!(run(&question("a".repeat(1000)), Locale::En, &mut no_progress).is_ok());
        let m = invalid(question("   "));
        assert_eq!(m, "the question is empty");
        let one = vec![("Ali".to_string(), today)];
        assert!(invalid(Request::Compatibility { people: one }).contains("got 1"));
        let six = vec![("Ali".to_string(), today); 6];
        assert!(invalid(Request::Compatibility { people: six }).contains("got 6"));
        let bad_name = vec![("Ali".to_string(), today), ("".to_string(), today)];
        assert_eq!(
            invalid(Request::Compatibility { people: bad_name }),
            "the name is empty"
        );
        assert!(Date::parse("2026-02-30").is_err());
    }
}

/// Thirty people (Latin and Persian names, birth dates spread over sixty years) and the
/// optional inputs a full reading can be given.
mod people {
    use super::*;

    pub const NAMES: [&str; 30] = [
        "Alice Johnson",
        "Bob Smith",
        "Cyrus Tehrani",
        "Dara Ahmadi",
        "Elham Karimi",
        "Farhad Moradi",
        "Gita Rahimi",
        "Hamid Najafi",
        "Iris Brown",
        "Jamal Hosseini",
        "Kian Rostami",
        "Leila Sadeghi",
        "Maryam Kazemi",
        "Nima Jafari",
        "Omid Ghasemi",
        "Parisa Habibi",
        "Quentin Blake",
        "Reza Azizi",
        "Sara Mohammadi",
        "Taha Rezaei",
        "Uma Patel",
        "Vahid Ebrahimi",
        "Wendy Clark",
        "Xavier Ruiz",
        "Yasmin Farahani",
        "Zahra Soltani",
        "علی رضایی",
        "مریم احمدی",
        "حسین کریمی",
        "نرگس موسوی",
    ];

    /// Person `k` with `extra` (0–4) of the optional inputs, rotating which ones.
    pub fn person(k: usize, extra: usize) -> Profile {
        let birth = Date::from_jdn(date("1950-01-01").jdn() + (k as i64) * 731 + 17).unwrap();
        let mut p = Profile::new(NAMES[k % NAMES.len()], birth);
        for i in 0..extra {
            match (k + i) % 4 {
                0 => p.mother = Some(["Barbara Jones", "فاطمه احمدی", "Mina Rad"][k % 3].into()),
                1 => p.gender = Some([Gender::Female, Gender::Male, Gender::Other][k % 3]),
                2 => p.location = Some((35.7 - k as f64 * 2.9, 51.4 - k as f64 * 7.3)),
                _ => p.bpm = Some(55 + (k as u32 * 7) % 40),
            }
        }
        p
    }

    pub fn full(profile: Profile, at: Moment, locale: Locale) -> Reading {
        read(&Request::Full { profile, at }, locale)
    }

    pub fn words(r: &Reading) -> usize {
        strip_isolation(&r.result.text.to_plain())
            .split_whitespace()
            .count()
    }

    /// The sentences of a reading as a set: its headline and paragraphs (not the section
    /// titles), split at . ! ? ؟, with every digit replaced by # so numbers are ignored.
    pub fn sentences(r: &Reading) -> BTreeSet<String> {
        let text = &r.result.text;
        std::iter::once(&text.headline)
            .chain(text.sections.iter().flat_map(|s| s.paragraphs.iter()))
            .flat_map(|p| {
                split_sentences(&strip_isolation(p))
                    .into_iter()
                    .map(|s| {
                        s.chars()
                            .map(|c| if c.is_numeric() { '#' } else { c })
                            .collect::<String>()
                            .trim()
                            .to_string()
                    })
                    .filter(|s| s.chars().any(char::is_alphabetic))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Splits at . ! ? ؟ followed by a space or the end: a full stop inside a number
    /// ("22.1 days") does not end a sentence.
    fn split_sentences(text: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let ends = matches!(c, '.' | '!' | '?' | '؟')
                && chars.peek().is_none_or(|n| n.is_whitespace());
            if ends {
                out.push(String::new());
            } else if let Some(last) = out.last_mut() {
                last.push(c);
            }
        }
        out
    }

    /// The mean over all pairs of readings of (shared sentences / distinct sentences of
    /// the two) — the Jaccard index — and of (2 × shared / sum of sizes) — the Dice index.
    pub fn overlap(sets: &[BTreeSet<String>]) -> (f64, f64) {
        let (mut jaccard, mut dice, mut n) = (0.0, 0.0, 0.0);
        for i in 0..sets.len() {
            for j in i + 1..sets.len() {
                let shared = sets[i].intersection(&sets[j]).count() as f64;
                jaccard += shared / sets[i].union(&sets[j]).count() as f64;
                dice += 2.0 * shared / (sets[i].len() + sets[j].len()) as f64;
                n += 1.0;
            }
        }
        (jaccard / n, dice / n)
    }
}

/// Length follows the inputs (combinations.md §8), in both languages.
mod depth {
    use super::people::*;
    use super::*;

    const MOMENTS: [&str; 4] = [
        "2026-02-09T14:30:00+03:30",
        "2026-06-21T07:05:00+00:00",
        "2026-11-03",
        "2027-03-20T23:45:00-05:00",
    ];

    #[test]
    fn word_counts_per_tier_stay_in_their_ranges() {
        // One to three more inputs are the standard depth.
        let tiers = [
            (0, 300..=500),
            (1, 500..=800),
            (2, 500..=800),
            (3, 500..=800),
            (4, 800..=1200),
        ];
        for locale in Locale::ALL {
            for (extra, range) in tiers.clone() {
                let mut counts = Vec::new();
                for k in 0..NAMES.len() {
                    for at_s in MOMENTS {
                        counts.push(words(&full(person(k, extra), at(at_s), locale)));
                    }
                }
                counts.sort_unstable();
                let (min, med, max) = (
                    counts[0],
                    counts[counts.len() / 2],
                    counts[counts.len() - 1],
                );
                println!("{locale} extra inputs {extra}: min {min}, median {med}, max {max} words");
                assert!(
                    range.contains(&min) && range.contains(&max),
                    "{locale}, {extra} extra inputs: {min}–{max} words, outside {range:?}"
                );
            }
        }
    }

    #[test]
    fn the_message_has_three_to_five_sentences_and_60_to_120_words() {
        for locale in Locale::ALL {
            for extra in [0, 1, 4] {
                for k in 0..NAMES.len() {
                    let r = full(person(k, extra), at(MOMENTS[k % 4]), locale);
                    let message = rendered_section(&r, "section-message");
                    let text = strip_isolation(&message.paragraphs.join(" "));
                    let n = text.split_whitespace().count();
                    assert!(
                        (60..=120).contains(&n),
                        "{locale} {extra}: {n} words: {text}"
                    );
                    assert!((3..=5).contains(&message.paragraphs.len()), "{text}");
                    let advice = rendered_section(&r, "section-advice");
                    assert_eq!(advice.paragraphs.len(), 3);
                }
            }
        }
    }
}

/// Variety through meaning: readings differ because their figures mean different
/// things, and the same inputs always give the same bytes.
mod variety {
    use super::people::*;
    use super::*;

    #[test]
    fn two_people_at_the_same_minute_share_at_most_a_third_of_their_sentences() {
        let at = at("2026-02-09T14:30:00+03:30");
        for locale in Locale::ALL {
            for extra in [0, 1, 4] {
                let sets: Vec<_> = (0..NAMES.len())
                    .map(|k| sentences(&full(person(k, extra), at, locale)))
                    .collect();
                let (jaccard, dice) = overlap(&sets);
                println!(
                    "{locale}, {extra} extra inputs, 30 people at one minute: {:.1} % shared (Jaccard), {:.1} % (Dice)",
                    jaccard * 100.0,
                    dice * 100.0
                );
                assert!(jaccard <= 0.34, "{locale}: {jaccard}");
            }
        }
    }

    #[test]
    fn one_person_on_fourteen_days_shares_at_most_forty_percent() {
        for locale in Locale::ALL {
            for extra in 0..=4 {
                let mut worst: f64 = 0.0;
                let mut sum = (0.0, 0.0);
                for k in [0, 7, 14, 21, 28] {
                    let sets: Vec<_> = (0..14)
                        .map(|d| {
                            let day = Date::from_jdn(date("2026-02-09").jdn() + d).unwrap();
                            let at = at(&format!("{day}T14:30:00+03:30"));
                            sentences(&full(person(k, extra), at, locale))
                        })
                        .collect();
                    let (jaccard, dice) = overlap(&sets);
                    worst = worst.max(jaccard);
                    sum = (sum.0 + jaccard, sum.1 + dice);
                }
                println!(
                    "{locale}, {extra} extra inputs, one person on 14 days: {:.1} % shared on average (Jaccard; worst person {:.1} %), {:.1} % (Dice)",
                    sum.0 * 20.0,
                    worst * 100.0,
                    sum.1 * 20.0
                );
                // Every tier, the worst of the five people too: the lasting numbers are
                // read through the day's lens, so they do not repeat the same portrait.
                assert!(worst <= 0.40, "{locale}, {extra} extra inputs: {worst}");
            }
        }
    }

    /// The argument `name` of `m` when it is a nested message: its id.
    fn arg_id<'a>(m: &'a Msg, name: &str) -> &'a str {
        match m.args.iter().find(|(n, _)| n == name) {
            Some((_, nps_readings::text::Arg::Msg(inner))) => &inner.id,
            other => panic!("{} has no message argument {name}: {other:?}", m.id),
        }
    }

    #[test]
    fn the_strongest_signal_of_the_moment_chooses_the_side_each_core_number_is_read_from() {
        let mut lenses = BTreeSet::new();
        for k in [0, 3, 16] {
            for d in 0..14 {
                let day = Date::from_jdn(date("2026-02-09").jdn() + d).unwrap();
                let r = full(
                    person(k, 4),
                    at(&format!("{day}T14:30:00+03:30")),
                    Locale::En,
                );
                let core = &r.result.interpretation.sections[1];
                assert_eq!(core.id, "section-core");
                let lens_line = &core.lines[0];
                assert_eq!(lens_line.id, "core-lens");
                // The lens comes from the moment (the sky, an animal of the day …), never
                // from the person's lasting figures.
                let theme = arg_id(lens_line, "theme");
                assert!(
                    !theme.starts_with("cycle-") && !theme.starts_with("master-"),
                    "{theme}"
                );
                let lens = arg_id(lens_line, "facet").trim_start_matches("facet-");
                lenses.insert(lens.to_string());
                // Each core number is read from the lens; a number that repeats is read
                // from another side each time, so no facet text is said twice.
                let facets: Vec<(String, String)> = core.lines[1..5]
                    .iter()
                    .map(|m| {
                        let facet = m.id.trim_start_matches("core-facet-").to_string();
                        let text = arg_id(m, "text").to_string();
                        assert!(text.ends_with(&format!("-{facet}")), "{text} in {}", m.id);
                        (facet, text)
                    })
                    .collect();
                assert_eq!(facets[0].0, lens, "the life path is read through the lens");
                let texts: BTreeSet<&String> = facets.iter().map(|(_, t)| t).collect();
                assert_eq!(texts.len(), 4, "{facets:?}");
                for (facet, text) in &facets {
                    let number = text.trim_start_matches("facet-").split('-').next().unwrap();
                    let first = facets
                        .iter()
                        .find(|(_, t)| t.starts_with(&format!("facet-{number}-")))
                        .unwrap();
                    if first.1 == *text {
                        assert_eq!(facet, lens, "the first {number} is read through the lens");
                    }
                }
            }
        }
        // Over two weeks the lens turns to every side.
        assert_eq!(lenses.len(), 4, "{lenses:?}");
    }

    #[test]
    fn the_same_inputs_give_the_same_reading_byte_for_byte() {
        for locale in Locale::ALL {
            for request in battery().into_iter().step_by(7) {
                let a = read(&request, locale);
                let b = read(&request, locale);
                assert_eq!(
                    serde_json::to_string(&a.result).unwrap(),
                    serde_json::to_string(&b.result).unwrap()
                );
                assert_eq!(a.result.text.to_plain(), b.result.text.to_plain());
            }
            let p = person(3, 4);
            let at = at("2026-02-09T14:30:00+03:30");
            assert_eq!(
                full(p.clone(), at, locale).result.text,
                full(p, at, locale).result.text
            );
        }
    }
}

/// Regression tests for the meaning errors of the bilingual review
/// (`../shared/reviews/texts.md`).
mod review {
    use super::*;
    use nps_engine::tokens::Element;
    use nps_readings::text::Arg;

    fn element_of(arg: &Arg) -> Element {
        match arg {
            Arg::Msg(m) => Element::parse(m.id.trim_start_matches("element-")).unwrap(),
            other => panic!("not an element word: {other:?}"),
        }
    }

    #[test]
    fn a_reading_never_says_today_or_now() {
        for request in battery() {
            for locale in Locale::ALL {
                let text = run(&request, locale, &mut no_progress)
                    .unwrap()
                    .result
                    .text
                    .to_plain();
                let lower = text.to_lowercase();
                assert!(
                    !lower.contains("today") && !text.contains("امروز") && !text.contains("اکنون"),
                    "{locale} {}: {text}",
                    request.kind()
                );
            }
        }
    }

    #[test]
    fn element_cycle_sentences_name_the_feeding_or_restraining_element_first() {
        let mut seen = BTreeSet::new();
        for request in battery() {
            let reading = read(&request, Locale::Fa);
            let mut msgs = Vec::new();
            for s in &reading.result.interpretation.sections {
                for m in &s.lines {
                    m.walk_msgs(&mut msgs);
                }
            }
            for m in msgs {
                let (a, b) = match m.args.as_slice() {
                    [(_, a), (_, b)] if m.id.starts_with("compat-element-") => {
                        (element_of(a), element_of(b))
                    }
                    _ => continue,
                };
                match m.id.as_ref() {
                    "compat-element-generating" => assert_eq!(a.generates(), b, "{a:?} {b:?}"),
                    "compat-element-controlling" => assert_eq!(a.controls(), b, "{a:?} {b:?}"),
                    _ => {}
                }
                seen.insert(m.id.clone());
            }
        }
        assert!(
            seen.contains("compat-element-generating")
                && seen.contains("compat-element-controlling")
        );
        // Wood feeds Fire: the Persian sentence says «چوب … آتش را می‌پروراند», never the
        // reverse, whichever order the two people come in.
        for people in [
            vec![
                ("Ali".to_string(), date("1984-02-02")),
                ("Sara".to_string(), date("1986-05-05")),
            ],
            vec![
                ("Sara".to_string(), date("1986-05-05")),
                ("Ali".to_string(), date("1984-02-02")),
            ],
        ] {
            let r = read(&Request::Compatibility { people }, Locale::Fa);
            let text = strip_isolation(&r.result.text.to_plain());
            assert!(text.contains("چوب آتش را می‌پروراند"), "{text}");
            assert!(!text.contains("آتش چوب را می‌پروراند"), "{text}");
        }
    }

    #[test]
    fn a_compatibility_reading_about_others_never_addresses_the_reader() {
        for request in battery() {
            if let Request::Compatibility { .. } = request {
                let text = run(&request, Locale::Fa, &mut no_progress)
                    .unwrap()
                    .result
                    .text
                    .to_plain();
                assert!(!text.contains("خود شما"), "{text}");
            }
        }
        let neutral = Localizer::get()
            .format(
                Locale::Fa,
                "compat-animal-neutral",
                &nps_i18n::Args::new().with("a", "ببر").with("b", "خرگوش"),
            )
            .unwrap();
        assert!(neutral.contains("خود آن دو"), "{neutral}");
    }

    #[test]
    fn persian_number_lists_read_right_to_left_and_dates_are_solar_hijri() {
        let r = read(&daily("2026-02-09"), Locale::Fa);
        let day = &r.result.text.sections[0];
        let numbers = day
            .paragraphs
            .iter()
            .find(|p| p.contains("عددهای هم‌ساز"))
            .unwrap();
        assert!(
            numbers.contains('\u{2067}') && numbers.contains("۳"),
            "{numbers:?}"
        );
        assert_eq!(
            strip_isolation(&r.result.text.headline),
            "خوانش روزانه برای دوشنبه، ۲۰ بهمن ۱۴۰۴ (۹ فوریه ۲۰۲۶)"
        );
        assert!(
            !strip_isolation(&r.result.text.headline)
                .chars()
                .any(|c| c.is_ascii_digit())
        );
        let en = read(&daily("2026-02-09"), Locale::En);
        assert_eq!(
            strip_isolation(&en.result.text.headline),
            "A reading for Monday, 9 February 2026."
        );
    }

    #[test]
    fn numbers_are_grouped_and_percent_signs_follow_the_digits() {
        let profile = super::people::person(0, 4);
        let r = super::people::full(profile.clone(), at("2026-02-09T14:30:00+03:30"), Locale::Fa);
        let text = strip_isolation(&r.result.text.to_plain());
        assert!(text.contains('٬'), "the lifetime beats are grouped: {text}");
        assert!(
            text.contains("٪ روشن") && !text.contains("٪۰") && !text.contains(" ٪"),
            "{text}"
        );
        let en = super::people::full(profile, at("2026-02-09T14:30:00+03:30"), Locale::En);
        let en = strip_isolation(&en.result.text.to_plain());
        assert!(en.contains("% lit") && !en.contains(" %"), "{en}");
        assert!(en.split_whitespace().any(|w| w.matches(',').count() >= 2 && w.starts_with(|c: char| c.is_ascii_digit())), "{en}");
    }

    #[test]
    fn one_word_for_each_term_across_the_persian_files() {
        for (lang, file, text) in nps_i18n::embedded_files() {
            if *lang != "fa" {
                continue;
            }
            for stray in ["اشتیاق روح", "رقم کنترل", "همه چیز"] {
                assert!(!text.contains(stray), "fa/{file} still says {stray}");
            }
            // The UI still places its own percent sign (`٪{ $percent }`) until it passes
            // `Locale::percent` as one argument; every other file stores digits first.
            if *file != "ui.ftl" {
                assert!(
                    !text.contains("٪{"),
                    "fa/{file} puts the percent sign first"
                );
            }
        }
    }

    #[test]
    fn the_hour_animal_of_the_text_is_the_hour_branch_and_the_hint_explains_the_stamp() {
        let r = read(
            &Request::Time {
                at: at("2026-02-09T14:30:00+03:30"),
            },
            Locale::En,
        );
        // 14:00 is in the Goat's watch (13–15); on the stamp's twelve-hour wheel it is
        // hour 2, the Tiger.
        assert_eq!(
            figures(&r)["ganzhi_hour"]
                .as_str()
                .unwrap()
                .split('-')
                .nth(1),
            Some("GO")
        );
        let text = strip_isolation(&r.result.text.to_plain());
        assert!(text.contains("The hour belongs to the Goat"), "{text}");
        for locale in Locale::ALL {
            let hint = Localizer::get()
                .format(
                    locale,
                    "ui-stamp-hour-hint",
                    &nps_i18n::Args::new()
                        .with("hour", locale.number(14))
                        .with("stamp_animal", Localizer::get().text(locale, "animal-ti"))
                        .with("branch_animal", Localizer::get().text(locale, "animal-go")),
                )
                .unwrap();
            assert!(
                hint.contains(&Localizer::get().text(locale, "animal-go")),
                "{hint}"
            );
        }
    }
}

/// Every error message in both languages; the Persian ones are Persian.
mod errors {
    use super::*;

    /// Codes and formats a Persian error may show as they are: input formats, names of
    /// systems and fields the user types, units, and (in the store's errors) the
    /// database's name and settings an operator types.
    const CODES: [&str; 18] = [
        "sslmode=require",
        "PostgreSQL",
        "NUL",
        "TLS",
        "YYYY-MM-DD",
        "ISO-8601",
        "HH:MM:SS",
        "HH:MM",
        "±HH:MM",
        "UTC",
        "Z",
        "FC60",
        "WD-MO-DOM",
        "HALFHR-MIN-SEC",
        "request_id",
        "2026-02-06T01:15:00+08:00",
        "en",
        "fa",
    ];
    // "female" before "male", which it contains.
    const WORDS: [&str; 7] = [
        "pythagorean",
        "chaldean",
        "abjad",
        "auto",
        "female",
        "male",
        "other",
    ];

    #[test]
    fn every_error_renders_in_both_languages_and_the_persian_has_no_latin_letters() {
        let l = Localizer::get();
        let ids: Vec<&str> = l
            .message_ids(Locale::En)
            .filter(|id| id.starts_with("error-"))
            .collect();
        assert!(ids.len() >= 40, "{}", ids.len());
        // The store's refusals are among them (see nps-store's tests for the real calls).
        let store = ids
            .iter()
            .filter(|id| id.starts_with("error-store-"))
            .count();
        assert!(store >= 20, "{store} store errors");
        for id in ids {
            for locale in Locale::ALL {
                let vars = l.variables(locale, id).unwrap();
                let mut args = nps_i18n::Args::new();
                for v in vars {
                    args = args.with(v.clone(), locale.number(7));
                }
                let text = strip_isolation(&l.format(locale, id, &args).unwrap());
                assert!(
                    !text.is_empty() && !text.contains('{'),
                    "{locale} {id}: {text}"
                );
                if locale == Locale::Fa {
                    let mut rest = text.clone();
                    for code in CODES.iter().chain(WORDS.iter()) {
                        rest = rest.replace(code, "");
                    }
                    assert!(
                        !rest.chars().any(|c| c.is_ascii_alphabetic()),
                        "Latin letters in fa {id}: {text}"
                    );
                }
            }
        }
    }
}

/// A reading's summary: its strongest signals (the ranking's first, at most five),
/// as messages kept with the reading and rendered in its language.
mod summary {
    use super::*;
    use nps_protocol::SUMMARY_SIGNALS_MAX;

    fn kinds(r: &Reading) -> Vec<&str> {
        r.result
            .interpretation
            .summary
            .iter()
            .map(|s| s.kind.as_str())
            .collect()
    }

    #[test]
    fn a_full_reading_leads_with_its_five_strongest_signals_in_both_languages() {
        let en = read(&alice_full(), Locale::En);
        assert_eq!(en.result.interpretation.summary.len(), SUMMARY_SIGNALS_MAX);
        // Life path 5 in personal year 5 (2026) is an ordinary pair, so every signal here
        // ranks Medium and the kind order breaks the tie: the life cycle, the sky, the
        // personal day, then the stamp's repeated animals.
        assert_eq!(
            kinds(&en),
            [
                "life-cycle",
                "sky",
                "personal-day",
                "animal-pattern",
                "animal-pattern"
            ]
        );
        let fa = read(&alice_full(), Locale::Fa);
        assert_eq!(kinds(&fa), kinds(&en), "the same signals in any language");
        for (r, locale) in [(&en, Locale::En), (&fa, Locale::Fa)] {
            assert_eq!(r.result.text.summary.len(), SUMMARY_SIGNALS_MAX);
            for s in &r.result.text.summary {
                let (theme, text) = (strip_isolation(&s.theme), strip_isolation(&s.text));
                assert!(!theme.is_empty() && !text.contains('{'), "{locale}: {s:?}");
                if locale == Locale::Fa {
                    // "FC60" is the one Latin name Persian texts keep.
                    let rest = text.replace("FC60", "");
                    assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
                }
            }
        }
        // Kept with the stored reading, and rendered again in another language.
        let json = en.result.to_json().unwrap();
        let mut stored = StoredResult::from_json(SignType::Full, &json).unwrap();
        assert_eq!(
            stored.interpretation.summary,
            en.result.interpretation.summary
        );
        assert!(stored.render_in(Locale::Fa).unwrap());
        assert_eq!(stored.text.summary, fa.result.text.summary);
    }

    #[test]
    fn each_kind_summarizes_the_signals_it_has() {
        let q = read(&question("Should I take the new job?"), Locale::En);
        assert_eq!(
            kinds(&q),
            ["question", "sky"],
            "the question's own number first"
        );
        let number = q.result.figures.clone();
        let Figures::Question(f) = number else {
            panic!("a question")
        };
        let line = strip_isolation(&q.result.text.summary[0].text);
        assert!(
            line.starts_with(&format!("Read your question in the light of {}", f.number)),
            "{line}"
        );
        assert_eq!(kinds(&read(&daily("2026-02-09"), Locale::En)), ["sky"]);
        let for_someone = Request::Daily {
            date: date("2026-02-09"),
            birth: Some(date("1990-07-15")),
        };
        let day = read(&for_someone, Locale::En);
        assert!(kinds(&day).contains(&"personal-day"), "{:?}", kinds(&day));
        let name = |birth| Request::Name {
            name: "Alice Johnson".into(),
            birth,
            system: SystemChoice::Auto,
            today: date("2026-02-09"),
        };
        assert!(kinds(&read(&name(None), Locale::En)).is_empty());
        assert_eq!(
            kinds(&read(&name(Some(date("1990-07-15"))), Locale::En)),
            ["life-cycle"]
        );
        let time = read(
            &Request::Time {
                at: at("2026-02-09T14:30:00+01:00"),
            },
            Locale::En,
        );
        assert_eq!(kinds(&time)[0], "sky");
        let compat = Request::Compatibility {
            people: vec![
                ("Alice".into(), date("1990-07-15")),
                ("Bob".into(), date("1984-02-02")),
            ],
        };
        assert!(kinds(&read(&compat, Locale::En)).is_empty());
    }
}
