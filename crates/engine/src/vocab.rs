//! Reading the engine's fixed words back from JSON.
//!
//! Many figures hold words of the engine's fixed vocabulary (animal and element names,
//! tokens, moon phases, labels) as `&'static str`, so that computing them allocates
//! nothing. Deserializing such a field looks the text up in the field's table and returns
//! the table's own entry: text the engine could not have written is an error, and a
//! figure read back compares equal to the one computed.
//!
//! Fields of this kind are typed [`Word`] rather than `&'static str`, so that serde's
//! derive does not take them for text borrowed from the input (which would tie the
//! result to the input's lifetime); each names its table with
//! `#[serde(deserialize_with = "...")]`: the functions here for the labels, and those
//! next to the other tables (`tokens::words`, `ganzhi::words`, `moon`).
//!
//! This module is a leaf: the modules with tables use it, it uses none of them.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected};

/// A word of the engine's fixed vocabulary (see the module docs).
pub type Word = &'static str;

/// Yin and Yang, as stems and coordinates name them.
pub const POLARITY_NAMES: [Word; 2] = ["Yang", "Yin"];
/// The label of the gender polarity.
pub const GENDER_POLARITY_LABELS: [Word; 3] = ["Yang", "Yin", "Neutral"];
/// Where a heart rate comes from.
pub const BPM_SOURCES: [Word; 2] = ["actual", "estimated"];
/// Hemispheres of a latitude.
pub const LATITUDE_HEMISPHERES: [Word; 2] = ["N", "S"];
/// Hemispheres of a longitude.
pub const LONGITUDE_HEMISPHERES: [Word; 2] = ["E", "W"];
/// Levels of the confidence score.
pub const CONFIDENCE_LEVELS: [Word; 4] = ["low", "medium", "high", "very_high"];

struct OneOf(&'static [Word]);

impl<'de> de::Visitor<'de> for OneOf {
    type Value = Word;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {:?}", self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Word, E> {
        self.0
            .iter()
            .copied()
            .find(|w| *w == v)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// Deserializes a string that must be an entry of `table`, as that entry.
pub fn one_of<'de, D: Deserializer<'de>>(d: D, table: &'static [Word]) -> Result<Word, D::Error> {
    d.deserialize_str(OneOf(table))
}

struct OptionOneOf(&'static [Word]);

impl<'de> de::Visitor<'de> for OptionOneOf {
    type Value = Option<Word>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "null or one of {:?}", self.0)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<Word>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Word>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<Word>, D::Error> {
        one_of(d, self.0).map(Some)
    }
}

/// Deserializes `null` or a string that must be an entry of `table`.
pub fn option_one_of<'de, D: Deserializer<'de>>(
    d: D,
    table: &'static [Word],
) -> Result<Option<Word>, D::Error> {
    d.deserialize_option(OptionOneOf(table))
}

/// Defines one `deserialize_with` function per table: `name: TABLE;`.
macro_rules! words {
    ($($(#[$doc:meta])* $name:ident: $table:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name<'de, D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<$crate::vocab::Word, D::Error> {
                $crate::vocab::one_of(d, &$table)
            }
        )*
    };
}
pub(crate) use words;

words! {
    /// `Yang` or `Yin`.
    polarity_name: POLARITY_NAMES;
    /// `Yang`, `Yin` or `Neutral`.
    gender_polarity_label: GENDER_POLARITY_LABELS;
    /// `actual` or `estimated`.
    bpm_source: BPM_SOURCES;
    /// `N` or `S`.
    latitude_hemisphere: LATITUDE_HEMISPHERES;
    /// `E` or `W`.
    longitude_hemisphere: LONGITUDE_HEMISPHERES;
    /// `low`, `medium`, `high` or `very_high`.
    confidence_level: CONFIDENCE_LEVELS;
}

/// Serde for a value that is written as its `Display` text and read back with `$parse`
/// (`&str` to `Result<$ty, _>`): dates, moments and base-60 numbers are strings in JSON.
macro_rules! serde_as_text {
    ($ty:ty, $parse:expr) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::vocab::parsed(d, $parse)
            }
        }
    };
}
pub(crate) use serde_as_text;

/// Reads text with a `parse` function, turning its error into serde's.
pub(crate) fn parsed<'de, D, T, E>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse(&text).map_err(de::Error::custom)
}

/// Two words joined by `separator`, checked against one table each.
pub(crate) fn pair<'de, D: Deserializer<'de>>(
    d: D,
    separator: Word,
    first: &'static [Word],
    second: &'static [Word],
) -> Result<(Word, Word), D::Error> {
    parsed(d, |text| {
        let invalid = || format!("expected two words joined by {separator:?}, got {text:?}");
        let (a, b) = text.split_once(separator).ok_or_else(invalid)?;
        let find = |table: &'static [Word], w: &str| table.iter().copied().find(|t| *t == w);
        match (find(first, a), find(second, b)) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(invalid()),
        }
    })
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::json;

    use crate::full::GenderPolarity;
    use crate::ganzhi::{GanzhiDay, GanzhiYear};
    use crate::heartbeat::HeartbeatProfile;
    use crate::location::LocationSignature;
    use crate::moon::MoonInfo;
    use crate::numerology::{Gender, SystemChoice, polarity};
    use crate::patterns::{Confidence, Evidence, Pattern, Strength};
    use crate::{Date, Fc60Stamp, Moment};

    fn round_trip<T: serde::Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(v: &T) {
        let json = serde_json::to_value(v).unwrap();
        assert_eq!(&serde_json::from_value::<T>(json).unwrap(), v);
    }

    #[test]
    fn every_produced_word_reads_back() {
        for gender in [
            None,
            Some(Gender::Male),
            Some(Gender::Female),
            Some(Gender::Other),
        ] {
            let (polarity, label) = polarity(gender);
            round_trip(&GenderPolarity {
                gender,
                polarity,
                label,
            });
        }
        for mother in [false, true] {
            for n in 0..=6 {
                let e = Evidence {
                    mother,
                    moon: n > 0,
                    ganzhi: n > 1,
                    heartbeat: n > 2,
                    location: n > 3,
                    master_life_path: n > 4,
                    animal_repetition: n > 5,
                };
                round_trip(&Confidence::of(e));
            }
        }
        for (lat, lon) in [(40.7, -74.0), (-33.9, 151.2), (0.0, 0.0), (-89.0, -179.0)] {
            round_trip(&LocationSignature::new(lat, lon).unwrap());
        }
        for bpm in [None, Some(68)] {
            round_trip(&HeartbeatProfile::new(36, bpm));
        }
        let start = Date::parse("2026-01-01").unwrap().jdn();
        for jdn in start..start + 60 {
            round_trip(&MoonInfo::of_jdn(jdn));
            round_trip(&GanzhiDay::of(jdn));
        }
        for year in 1980..2040 {
            round_trip(&GanzhiYear::of(year));
        }
        round_trip(&Pattern::AnimalRepetition {
            animal: crate::Animal::from_index(9),
            occurrences: 3,
            strength: Strength::VeryHigh,
        });
        for choice in SystemChoice::ALL {
            round_trip(&choice);
            assert_eq!(json!(choice), json!(choice.as_str()));
            assert_eq!(choice.as_str().parse::<SystemChoice>().unwrap(), choice);
        }
    }

    #[test]
    fn moon_phase_index_is_restored() {
        let moon = MoonInfo::of_jdn(Date::parse("2026-02-01").unwrap().jdn());
        assert_ne!(moon.phase, 0, "a day that is not a new moon");
        let back: MoonInfo = serde_json::from_value(serde_json::to_value(moon).unwrap()).unwrap();
        assert_eq!(back.phase, moon.phase);
    }

    #[test]
    fn words_outside_the_tables_are_errors() {
        let mut moon = serde_json::to_value(MoonInfo::of_jdn(2_461_000)).unwrap();
        moon["phase_name"] = json!("Blue Moon");
        let e = serde_json::from_value::<MoonInfo>(moon)
            .unwrap_err()
            .to_string();
        assert!(e.contains("Blue Moon") && e.contains("New Moon"), "{e}");
        let mut year = serde_json::to_value(GanzhiYear::of(2026)).unwrap();
        year["gz_token"] = json!("BI+HO");
        assert!(serde_json::from_value::<GanzhiYear>(year.clone()).is_err());
        year["gz_token"] = json!("XX-HO");
        assert!(serde_json::from_value::<GanzhiYear>(year).is_err());
        let pattern = json!({"type": "animal_repetition", "animal": "Unicorn", "occurrences": 2, "strength": "high"});
        assert!(serde_json::from_value::<Pattern>(pattern).is_err());
    }

    #[test]
    fn a_stamp_reads_back_from_its_moment_and_must_match_it() {
        for text in [
            "2026-02-06T01:15:00+08:00",
            "2026-02-09",
            "1999-12-31T23:59:59-05:30",
        ] {
            round_trip(&Fc60Stamp::new(Moment::parse(text).unwrap()));
        }
        let mut json =
            serde_json::to_value(Fc60Stamp::new(Moment::parse("2026-02-09").unwrap())).unwrap();
        json["fc60"] = json!("SA-OX-OXWA");
        let e = serde_json::from_value::<Fc60Stamp>(json.clone())
            .unwrap_err()
            .to_string();
        assert!(e.contains("not the stamp of"), "{e}");
        json["iso"] = json!("2026-02-30");
        assert!(serde_json::from_value::<Fc60Stamp>(json).is_err());
    }
}
