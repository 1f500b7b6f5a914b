//! The sexagenary cycle: stems and branches of the year, the day and the hour.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::tokens::{self, ANIMAL_NAMES, ANIMAL_TOKENS, Animal, ELEMENT_NAMES, Element};
use crate::vocab::{self, POLARITY_NAMES, Word};

/// Two words joined by a separator (`JA-RA`, `Metal Dragon`), formatted on demand so
/// that a pillar allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joined {
    pub first: &'static str,
    pub separator: &'static str,
    pub second: &'static str,
}

impl fmt::Display for Joined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.first)?;
        f.write_str(self.separator)?;
        f.write_str(self.second)
    }
}

impl Serialize for Joined {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Joined {
    /// Reads two words joined by `separator`, checked against one table each.
    fn read<'de, D: Deserializer<'de>>(
        d: D,
        separator: &'static str,
        first: &'static [Word],
        second: &'static [Word],
    ) -> Result<Joined, D::Error> {
        let (first, second) = vocab::pair(d, separator, first, second)?;
        Ok(Joined {
            first,
            separator,
            second,
        })
    }
}

/// Reads `STEM-BRANCH` tokens (`BI-HO`).
fn gz_token<'de, D: Deserializer<'de>>(d: D) -> Result<Joined, D::Error> {
    Joined::read(d, "-", &STEM_TOKENS, &ANIMAL_TOKENS)
}

/// Reads `Element Animal` names (`Fire Horse`).
fn traditional_name<'de, D: Deserializer<'de>>(d: D) -> Result<Joined, D::Error> {
    Joined::read(d, " ", &ELEMENT_NAMES, &ANIMAL_NAMES)
}

/// `deserialize_with` functions reading stem words back (see [`crate::vocab`]).
pub mod words {
    use crate::ganzhi::{STEM_NAMES, STEM_TOKENS};

    crate::vocab::words! {
        /// A heavenly stem token (`JA` … `GU`).
        stem_token: STEM_TOKENS;
        /// A heavenly stem name (`Jiǎ` … `Guǐ`).
        stem_name: STEM_NAMES;
    }
}

fn gz(stem: Stem, branch: Animal) -> Joined {
    Joined {
        first: stem.token(),
        separator: "-",
        second: branch.token(),
    }
}

pub const STEM_TOKENS: [&str; 10] = ["JA", "YI", "BI", "DI", "WW", "JI", "GE", "XI", "RE", "GU"];
pub const STEM_NAMES: [&str; 10] = [
    "Jiǎ", "Yǐ", "Bǐng", "Dīng", "Wù", "Jǐ", "Gēng", "Xīn", "Rén", "Guǐ",
];

/// A heavenly stem, 0–9. Its element is stem div 2; even stems are Yang.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stem(u8);

crate::tokens::table_entry!(Stem, 10, STEM_TOKENS, STEM_NAMES);

impl Stem {
    pub fn element(self) -> Element {
        Element::from_index(i64::from(self.0 / 2))
    }
    pub fn polarity(self) -> &'static str {
        POLARITY_NAMES[usize::from(self.0 % 2)]
    }
}

/// Declares a pillar of the year or the day: its own key (`year`, `jdn`), then the
/// fields every such pillar carries for its stem and branch (indices, tokens, names,
/// element, polarity), then any fields of its own; with `filled`, which sets them all
/// from the stem and branch, and `stem`/`animal`, which read them back. The fields stay
/// flat (the JSON, the CLI and the UI read them as they are).
macro_rules! pillar {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            pub $key:ident: $key_ty:ty,
            $($(#[$own_meta:meta])* pub $own:ident: $own_ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        pub struct $name {
            pub $key: $key_ty,
            pub stem_index: usize,
            pub branch_index: usize,
            #[serde(deserialize_with = "words::stem_token")]
            pub stem_token: Word,
            #[serde(deserialize_with = "tokens::words::animal_token")]
            pub branch_token: Word,
            #[serde(deserialize_with = "gz_token")]
            pub gz_token: Joined,
            #[serde(deserialize_with = "words::stem_name")]
            pub stem_name: Word,
            #[serde(deserialize_with = "tokens::words::animal_name")]
            pub animal_name: Word,
            #[serde(deserialize_with = "tokens::words::element_name")]
            pub element: Word,
            #[serde(deserialize_with = "vocab::polarity_name")]
            pub polarity: Word,
            $($(#[$own_meta])* pub $own: $own_ty,)*
        }

        impl $name {
            // Inlined so that the full reading builds the pillar in place: as a call
            // it cost a 216-byte copy (seen with cachegrind once the crate's code
            // units moved).
            #[inline]
            fn filled($key: $key_ty, stem: Stem, branch: Animal $(, $own: $own_ty)*) -> Self {
                $name {
                    $key,
                    stem_index: stem.index(),
                    branch_index: branch.index(),
                    stem_token: stem.token(),
                    branch_token: branch.token(),
                    gz_token: gz(stem, branch),
                    stem_name: stem.name(),
                    animal_name: branch.name(),
                    element: stem.element().name(),
                    polarity: stem.polarity(),
                    $($own,)*
                }
            }
            pub fn stem(&self) -> Stem {
                Stem::from_index(self.stem_index as i64)
            }
            pub fn animal(&self) -> Animal {
                Animal::from_index(self.branch_index as i64)
            }
        }
    };
}

pillar! {
    /// The ganzhi of a (Gregorian) year, with no lunar-new-year boundary.
    pub struct GanzhiYear {
        pub year: i64,
        #[serde(deserialize_with = "traditional_name")]
        pub traditional_name: Joined,
    }
}

/// Stem and branch of a year: (year − 4) mod 10 and (year − 4) mod 12.
pub fn year_pillar(year: i64) -> (Stem, Animal) {
    (Stem::from_index(year - 4), Animal::from_index(year - 4))
}

impl GanzhiYear {
    // Inlined for the same reason as `filled`.
    #[inline]
    pub fn of(year: i64) -> Self {
        let (stem, branch) = year_pillar(year);
        let traditional_name = Joined {
            first: stem.element().name(),
            separator: " ",
            second: branch.name(),
        };
        GanzhiYear::filled(year, stem, branch, traditional_name)
    }
}

pillar! {
    /// The ganzhi of a day (its Julian Day Number).
    pub struct GanzhiDay {
        pub jdn: i64,
    }
}

/// Stem and branch of a day: g = (JDN + 49) mod 60.
pub fn day_pillar(jdn: i64) -> (Stem, Animal) {
    let g = (jdn + 49).rem_euclid(60);
    (Stem::from_index(g % 10), Animal::from_index(g % 12))
}

impl GanzhiDay {
    pub fn of(jdn: i64) -> Self {
        let (stem, branch) = day_pillar(jdn);
        GanzhiDay::filled(jdn, stem, branch)
    }
}

/// Stem and branch of an hour: branch ((hour + 1) div 2) mod 12, stem (day stem · 2 + branch) mod 10.
pub fn hour_pillar(day_stem: Stem, hour: u32) -> (Stem, Animal) {
    let branch = ((i64::from(hour) + 1) / 2).rem_euclid(12);
    (
        Stem::from_index(day_stem.index() as i64 * 2 + branch),
        Animal::from_index(branch),
    )
}

/// One hour's pillar as `moon_ganzhi.json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GanzhiHour {
    pub hour: u32,
    pub stem_index: usize,
    pub branch_index: usize,
    pub stem_token: &'static str,
    pub branch_token: &'static str,
}

impl GanzhiHour {
    pub fn of(day_stem: Stem, hour: u32) -> Self {
        let (stem, branch) = hour_pillar(day_stem, hour);
        GanzhiHour {
            hour,
            stem_index: stem.index(),
            branch_index: branch.index(),
            stem_token: stem.token(),
            branch_token: branch.token(),
        }
    }
}
