//! The place list and its search, through the public API.

use std::collections::BTreeSet;

use nps_i18n::Locale;
use nps_places::{Capital, MAX_QUERY_CHARS, MAX_RESULTS, Place, all, by_id, normalize, search};

fn ids(places: &[&Place]) -> Vec<&'static str> {
    places.iter().map(|p| p.id).collect()
}

fn first(query: &str, locale: Locale) -> &'static str {
    search(query, locale, 5)
        .first()
        .map_or("(nothing)", |p| p.id)
}

mod data {
    use super::*;

    #[test]
    fn the_list_has_every_region_and_unique_ids() {
        let places = all();
        assert!(places.len() >= 300, "only {} places", places.len());
        let unique: BTreeSet<&str> = places.iter().map(|p| p.id).collect();
        assert_eq!(unique.len(), places.len(), "duplicate ids");
        let iranian = places.iter().filter(|p| p.country == "IR").count();
        assert!(iranian >= 90, "only {iranian} Iranian places");
        let countries: BTreeSet<&str> = places.iter().map(|p| p.country).collect();
        assert!(countries.len() >= 90, "only {} countries", countries.len());
    }

    #[test]
    fn every_place_is_well_formed() {
        for p in all() {
            assert!((-90.0..=90.0).contains(&p.latitude), "{}: latitude", p.id);
            assert!(
                (-180.0..=180.0).contains(&p.longitude),
                "{}: longitude",
                p.id
            );
            assert!(
                p.id.starts_with(&format!("{}-", p.country.to_ascii_lowercase())),
                "{}: id does not start with the country",
                p.id
            );
            assert!(
                p.time_zone.contains('/'),
                "{}: time zone {}",
                p.id,
                p.time_zone
            );
            assert!(p.population > 0, "{}: population", p.id);
            // Persian names are Persian: no Latin letters, no Arabic ي/ك.
            assert!(
                !p.name_fa
                    .chars()
                    .any(|c| c.is_ascii_alphabetic() || c == 'ي' || c == 'ك'),
                "{}: Persian name {:?}",
                p.id,
                p.name_fa
            );
            assert!(
                p.name_fa
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{}: Persian name {:?} has no Persian letter",
                p.id,
                p.name_fa
            );
            // Every Latin spelling folds to plain ASCII, so it can be typed without accents.
            for name in std::iter::once(p.name_en).chain(p.aliases()) {
                if name.chars().any(|c| c.is_ascii_alphabetic()) {
                    assert!(
                        normalize(name).is_ascii(),
                        "{}: {name:?} keeps an accent",
                        p.id
                    );
                }
            }
            for name in [p.name_en, p.name_fa].into_iter().chain(p.aliases()) {
                assert!(
                    name.chars().count() <= MAX_QUERY_CHARS,
                    "{}: {name:?} is longer than a query may be",
                    p.id
                );
            }
        }
    }

    #[test]
    fn every_iranian_province_capital_is_there() {
        // The 31 provinces' capitals, Tehran (the national capital) included.
        let expected: BTreeSet<&str> = [
            "ir-tehran",
            "ir-karaj",
            "ir-isfahan",
            "ir-mashhad",
            "ir-tabriz",
            "ir-shiraz",
            "ir-qom",
            "ir-ahvaz",
            "ir-kermanshah",
            "ir-rasht",
            "ir-kerman",
            "ir-urmia",
            "ir-zahedan",
            "ir-hamadan",
            "ir-arak",
            "ir-yazd",
            "ir-ardabil",
            "ir-zanjan",
            "ir-bandar-abbas",
            "ir-sanandaj",
            "ir-qazvin",
            "ir-khorramabad",
            "ir-sari",
            "ir-gorgan",
            "ir-bojnurd",
            "ir-birjand",
            "ir-bushehr",
            "ir-ilam",
            "ir-shahrekord",
            "ir-yasuj",
            "ir-semnan",
        ]
        .into_iter()
        .collect();
        assert_eq!(expected.len(), 31);
        let marked: BTreeSet<&str> = all()
            .iter()
            .filter(|p| p.country == "IR" && p.capital.is_some())
            .map(|p| p.id)
            .collect();
        assert_eq!(marked, expected);
        assert_eq!(
            by_id("ir-tehran").map(|p| p.capital),
            Some(Some(Capital::National))
        );
        assert_eq!(
            by_id("ir-yasuj").map(|p| p.capital),
            Some(Some(Capital::Province))
        );
    }

    #[test]
    fn facts_of_some_places() {
        let tehran = by_id("ir-tehran").expect("Tehran");
        assert_eq!(
            (
                tehran.name_en,
                tehran.name_fa,
                tehran.country,
                tehran.time_zone
            ),
            ("Tehran", "تهران", "IR", "Asia/Tehran")
        );
        assert!((tehran.latitude - 35.69).abs() < 0.05 && (tehran.longitude - 51.42).abs() < 0.05);
        let paris = by_id("fr-paris").expect("Paris");
        assert_eq!((paris.name_fa, paris.time_zone), ("پاریس", "Europe/Paris"));
        let new_york = by_id("us-new-york").expect("New York");
        assert_eq!(new_york.name_fa, "نیویورک");
        assert!(new_york.longitude < -73.0 && new_york.latitude > 40.0);
        let sydney = by_id("au-sydney").expect("Sydney");
        assert!(sydney.latitude < -33.0, "south is negative");
        assert_eq!(by_id("xx-nowhere"), None);
        assert_eq!(by_id(""), None);
    }
}

mod searching {
    use super::*;

    /// The first hit of each query, by what the query tests.
    #[test]
    fn each_query_finds_its_city_first() {
        for (query, locale, id) in [
            // Latin prefixes, in either interface language.
            ("teh", Locale::En, "ir-tehran"),
            ("TEHRAN", Locale::Fa, "ir-tehran"),
            ("new y", Locale::En, "us-new-york"),
            ("newy", Locale::En, "us-new-york"),
            ("shiraz", Locale::En, "ir-shiraz"),
            ("bandar abb", Locale::En, "ir-bandar-abbas"),
            ("bandar-e anz", Locale::En, "ir-bandar-e-anzali"),
            // Persian queries; a digit names no city.
            ("تهر", Locale::Fa, "ir-tehran"),
            ("شیراز", Locale::Fa, "ir-shiraz"),
            ("پاریس", Locale::Fa, "fr-paris"),
            ("نیو", Locale::Fa, "us-new-york"),
            ("۲", Locale::Fa, "(nothing)"),
            // Arabic yeh and kaf, as a keyboard set to Arabic types them.
            ("شيراز", Locale::Fa, "ir-shiraz"),
            ("كرمان", Locale::Fa, "ir-kerman"),
            ("كرمانشاه", Locale::Fa, "ir-kermanshah"),
            // ZWNJ, a space or nothing between the parts of a compound name.
            ("خرم\u{200C}آباد", Locale::Fa, "ir-khorramabad"),
            ("خرم آباد", Locale::Fa, "ir-khorramabad"),
            ("خرماباد", Locale::Fa, "ir-khorramabad"),
            ("بندر عباس", Locale::Fa, "ir-bandar-abbas"),
            ("قايم شهر", Locale::Fa, "ir-qaem-shahr"),
            // Latin case and accents do not matter.
            ("zurich", Locale::En, "ch-zurich"),
            ("ZÜRICH", Locale::En, "ch-zurich"),
            ("sao paulo", Locale::En, "br-sao-paulo"),
            ("chisinau", Locale::En, "md-chisinau"),
            ("izmir", Locale::En, "tr-izmir"),
            // Aliases are searched.
            ("esfahan", Locale::En, "ir-isfahan"),
            ("bombay", Locale::En, "in-mumbai"),
            ("مومبای", Locale::Fa, "in-mumbai"),
            ("köln", Locale::En, "de-cologne"),
        ] {
            assert_eq!(first(query, locale), id, "{query} ({locale:?})");
        }
    }

    #[test]
    fn ranking_is_exact_then_prefix_then_word_then_anywhere() {
        // Kerman is an exact match, Kermanshah only a prefix match.
        assert_eq!(
            ids(&search("kerman", Locale::En, 2)),
            ["ir-kerman", "ir-kermanshah"]
        );
        // "york": no name starts with it; New York has a word that does.
        assert_eq!(first("york", Locale::En), "us-new-york");
        // Only Abadan starts with "abad"; no word of a name does; the rest contain it, the
        // larger first.
        assert_eq!(
            ids(&search("abad", Locale::En, 5)),
            [
                "ir-abadan",
                "in-hyderabad",
                "in-ahmedabad",
                "pk-faisalabad",
                "pk-islamabad"
            ]
        );
        // "shahr": names that start with it (larger first), then names with a later word
        // that starts with it (Shahin Shahr among them: "shahin" is not "shahr…"), then
        // Eslamshahr, larger than those but only containing it.
        assert_eq!(
            ids(&search("shahr", Locale::En, 8)),
            [
                "ir-shahriar",
                "ir-shahrud",
                "ir-shahreza",
                "ir-shahrekord",
                "ir-khomeyni-shahr",
                "ir-qaem-shahr",
                "ir-shahin-shahr",
                "ir-eslamshahr",
            ]
        );
        // Within a prefix, the larger place first.
        assert_eq!(
            ids(&search("san", Locale::En, 3)),
            ["cl-santiago", "do-santo-domingo", "ye-sanaa"]
        );
    }

    #[test]
    fn nothing_is_found_for_an_empty_or_unknown_query() {
        assert!(search("", Locale::En, 10).is_empty());
        assert!(search("  -- ", Locale::En, 10).is_empty());
        assert!(search("\u{200C}", Locale::Fa, 10).is_empty());
        assert!(search("qqqq", Locale::En, 10).is_empty());
        assert!(search("teh", Locale::En, 0).is_empty());
    }
}

mod bounds {
    use super::*;

    #[test]
    fn the_limit_is_capped() {
        assert_eq!(search("a", Locale::En, 3).len(), 3);
        assert_eq!(search("a", Locale::En, 10_000).len(), MAX_RESULTS);
        assert_eq!(MAX_RESULTS, 50);
    }

    #[test]
    fn only_the_first_max_query_chars_characters_count() {
        assert_eq!(MAX_QUERY_CHARS, 64);
        // "teh", spaces up to the limit, then an "x": the x is cut off …
        let cut = format!("teh{}x", " ".repeat(MAX_QUERY_CHARS - 3));
        assert_eq!(cut.chars().count(), MAX_QUERY_CHARS + 1);
        assert_eq!(first(&cut, Locale::En), "ir-tehran");
        // … one space fewer and it counts, and nothing is called "tehx".
        let kept = format!("teh{}x", " ".repeat(MAX_QUERY_CHARS - 4));
        assert_eq!(kept.chars().count(), MAX_QUERY_CHARS);
        assert!(search(&kept, Locale::En, 5).is_empty());
        // A huge query is no problem.
        assert!(search(&"تهران".repeat(100_000), Locale::Fa, 5).is_empty());
    }

    #[test]
    fn normalize_is_what_search_compares() {
        assert_eq!(normalize("Bandar-e Anzalī"), "bandar e anzali");
        assert_eq!(normalize("بندر انزلي"), "بندر انزلی");
    }
}
