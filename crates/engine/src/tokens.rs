//! The fixed vocabularies: animals, elements, TOKEN60, weekdays and planets.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{EngineError, Result};

/// The twelve animals (earthly branches), index 0–11.
pub const ANIMAL_TOKENS: [&str; 12] = [
    "RA", "OX", "TI", "RU", "DR", "SN", "HO", "GO", "MO", "RO", "DO", "PI",
];
/// English names of the animals, same order as [`ANIMAL_TOKENS`].
pub const ANIMAL_NAMES: [&str; 12] = [
    "Rat", "Ox", "Tiger", "Rabbit", "Dragon", "Snake", "Horse", "Goat", "Monkey", "Rooster", "Dog",
    "Pig",
];
/// The five elements (phases), index 0–4.
pub const ELEMENT_TOKENS: [&str; 5] = ["WU", "FI", "ER", "MT", "WA"];
/// English names of the elements, same order as [`ELEMENT_TOKENS`].
pub const ELEMENT_NAMES: [&str; 5] = ["Wood", "Fire", "Earth", "Metal", "Water"];

/// TOKEN60(n) = ANIMALS[n div 5] + ELEMENTS[n mod 5], precomputed so that a token is a
/// table look-up and never an allocation.
const TOKENS60: [&str; 60] = [
    "RAWU", "RAFI", "RAER", "RAMT", "RAWA", "OXWU", "OXFI", "OXER", "OXMT", "OXWA", "TIWU", "TIFI",
    "TIER", "TIMT", "TIWA", "RUWU", "RUFI", "RUER", "RUMT", "RUWA", "DRWU", "DRFI", "DRER", "DRMT",
    "DRWA", "SNWU", "SNFI", "SNER", "SNMT", "SNWA", "HOWU", "HOFI", "HOER", "HOMT", "HOWA", "GOWU",
    "GOFI", "GOER", "GOMT", "GOWA", "MOWU", "MOFI", "MOER", "MOMT", "MOWA", "ROWU", "ROFI", "ROER",
    "ROMT", "ROWA", "DOWU", "DOFI", "DOER", "DOMT", "DOWA", "PIWU", "PIFI", "PIER", "PIMT", "PIWA",
];

/// [`TOKENS60`] as byte arrays, for writers that copy fixed-size tokens.
pub(crate) const TOKENS60_BYTES: [[u8; 4]; 60] = {
    let mut out = [[0u8; 4]; 60];
    let mut i = 0;
    while i < 60 {
        let b = TOKENS60[i].as_bytes();
        out[i] = [b[0], b[1], b[2], b[3]];
        i += 1;
    }
    out
};

/// An entry of one of the fixed tables (animals, elements, weekdays, stems), known by
/// its position.
pub trait TableEntry: Copy + 'static {
    /// The English names, in table order.
    const NAMES: &'static [&'static str];
    /// The entry at `position` of the table (`position < NAMES.len()`).
    fn at(position: usize) -> Self;
    /// Where this entry stands in the table.
    fn position(self) -> usize;
}

/// The methods every entry of a fixed table shares: its index, its token and its
/// English name, looked up in the table's `TOKENS` and `NAMES` arrays (`$len` entries),
/// and the entry at any index, wrapped into the table. Given the [`EngineError`] variant
/// for a token not in the table, also `parse`.
macro_rules! table_entry {
    ($ty:ident, $len:literal, $tokens:ident, $names:ident) => {
        impl $crate::tokens::TableEntry for $ty {
            const NAMES: &'static [&'static str] = &$names;
            fn at(position: usize) -> Self {
                $ty(position as u8)
            }
            fn position(self) -> usize {
                self.0 as usize
            }
        }

        impl $ty {
            /// The entry with index `i` mod the table's length (floor modulo, so negative
            /// indices wrap).
            pub fn from_index(i: i64) -> Self {
                $ty(i.rem_euclid($len) as u8)
            }
            pub fn index(self) -> usize {
                <$ty as $crate::tokens::TableEntry>::position(self)
            }
            pub fn token(self) -> &'static str {
                $tokens[self.index()]
            }
            pub fn name(self) -> &'static str {
                $names[self.index()]
            }
            /// All of them, in order.
            pub fn all() -> impl Iterator<Item = $ty> {
                (0..$len).map($ty)
            }
        }
    };
    ($ty:ident, $len:literal, $tokens:ident, $names:ident, $unknown:ident) => {
        $crate::tokens::table_entry!($ty, $len, $tokens, $names);

        impl $ty {
            /// Parses a two-letter token, accepting lower case.
            pub fn parse(token: &str) -> $crate::error::Result<Self> {
                $crate::tokens::position_ignoring_case(&$tokens, token)
                    .map($ty)
                    .ok_or_else(|| $crate::error::EngineError::$unknown(token.to_string()))
            }
        }
    };
}
pub(crate) use table_entry;

/// One of the twelve animals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Animal(u8);

table_entry!(Animal, 12, ANIMAL_TOKENS, ANIMAL_NAMES, UnknownAnimal);

/// One of the five elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Element(u8);

table_entry!(Element, 5, ELEMENT_TOKENS, ELEMENT_NAMES, UnknownElement);

impl Element {
    pub const WOOD: Element = Element(0);
    pub const FIRE: Element = Element(1);
    pub const EARTH: Element = Element(2);
    pub const METAL: Element = Element(3);
    pub const WATER: Element = Element(4);

    /// The element this one feeds in the generating cycle (Wood → Fire → Earth → Metal → Water → Wood).
    pub fn generates(self) -> Element {
        Element((self.0 + 1) % 5)
    }
    /// The element this one restrains in the controlling cycle (Wood → Earth → Water → Fire → Metal → Wood).
    pub fn controls(self) -> Element {
        Element((self.0 + 2) % 5)
    }
}

/// A base-60 digit shown as its four-letter token (`RAWU` … `PIWA`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token60(u8);

impl Token60 {
    /// TOKEN60(n) for 0 ≤ n ≤ 59; anything else is an error.
    pub fn new(n: i128) -> Result<Self> {
        if (0..60).contains(&n) {
            Ok(Token60(n as u8))
        } else {
            Err(EngineError::Token60Range(n))
        }
    }
    /// TOKEN60(n mod 60), for values that are reduced by definition.
    pub fn wrapping(n: i64) -> Self {
        Token60(n.rem_euclid(60) as u8)
    }
    pub fn value(self) -> u8 {
        self.0
    }
    pub fn as_str(self) -> &'static str {
        TOKENS60[self.0 as usize]
    }
    pub fn animal(self) -> Animal {
        Animal(self.0 / 5)
    }
    pub fn element(self) -> Element {
        Element(self.0 % 5)
    }
    /// Parses one four-letter token; each two-letter half may be lower case.
    pub fn parse(token: &str) -> Result<Self> {
        let len = token.chars().count();
        if len != 4 || token.len() != 4 {
            return Err(EngineError::TokenLength {
                token: token.to_string(),
                len,
            });
        }
        let animal = Animal::parse(&token[..2])?;
        let element = Element::parse(&token[2..])?;
        Ok(Token60(animal.0 * 5 + element.0))
    }
}

impl fmt::Display for Token60 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Token60 {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Token60 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        crate::vocab::parsed(d, Token60::parse)
    }
}

/// `deserialize_with` functions reading the words of these tables back (see
/// [`crate::vocab`]).
pub mod words {
    use crate::tokens::{
        ANIMAL_NAMES, ANIMAL_TOKENS, ELEMENT_NAMES, PLANET_NAMES, WEEKDAY_NAMES, WEEKDAY_TOKENS,
    };
    use crate::vocab::{Word, option_one_of};

    crate::vocab::words! {
        /// An animal token (`RA` … `PI`).
        animal_token: ANIMAL_TOKENS;
        /// An animal name (`Rat` … `Pig`).
        animal_name: ANIMAL_NAMES;
        /// An element name (`Wood` … `Water`).
        element_name: ELEMENT_NAMES;
        /// A weekday token (`SO` … `SA`).
        weekday_token: WEEKDAY_TOKENS;
        /// A weekday name (`Sunday` … `Saturday`).
        weekday_name: WEEKDAY_NAMES;
        /// The planet of a weekday (`Sun` … `Saturn`).
        planet_name: PLANET_NAMES;
    }

    /// `null` or an element name.
    pub fn option_element_name<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Word>, D::Error> {
        option_one_of(d, &ELEMENT_NAMES)
    }
}

/// Serializes a [`TableEntry`] (an [`Animal`], an [`Element`], …) as its English name
/// and reads it back (`#[serde(with = "nps_engine::tokens::by_name")]`); a name not in
/// the table is an error.
pub mod by_name {
    use serde::{Deserializer, Serializer};

    use crate::tokens::TableEntry;
    use crate::vocab::one_of;

    pub fn serialize<T: TableEntry, S: Serializer>(entry: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(T::NAMES[entry.position()])
    }

    pub fn deserialize<'de, T: TableEntry, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        let name = one_of(d, T::NAMES)?;
        let position = T::NAMES.iter().position(|n| *n == name).unwrap_or(0);
        Ok(T::at(position))
    }
}

/// Weekday tokens, Sunday first.
pub const WEEKDAY_TOKENS: [&str; 7] = ["SO", "LU", "MA", "ME", "JO", "VE", "SA"];
/// English weekday names, Sunday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
/// The planet that rules each weekday, Sunday first.
pub const PLANET_NAMES: [&str; 7] = [
    "Sun", "Moon", "Mars", "Mercury", "Jupiter", "Venus", "Saturn",
];

/// A day of the week, 0 = Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekday(u8);

table_entry!(Weekday, 7, WEEKDAY_TOKENS, WEEKDAY_NAMES, UnknownWeekday);

impl Weekday {
    /// The weekday of a Julian Day Number: (JDN + 1) mod 7.
    pub fn from_jdn(jdn: i64) -> Self {
        Weekday::from_index(jdn + 1)
    }
    pub fn planet(self) -> &'static str {
        PLANET_NAMES[self.index()]
    }
}

/// Where `token` stands in `table`, ignoring ASCII case (the parsers of every
/// vocabulary accept lower case).
pub(crate) fn position_ignoring_case(table: &[&str], token: &str) -> Option<u8> {
    table
        .iter()
        .position(|t| t.eq_ignore_ascii_case(token))
        .map(|i| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_table_matches_the_definition() {
        for n in 0..60 {
            let t = Token60::new(n).unwrap();
            let expected = format!(
                "{}{}",
                ANIMAL_TOKENS[(n / 5) as usize],
                ELEMENT_TOKENS[(n % 5) as usize]
            );
            assert_eq!(t.as_str(), expected);
            assert_eq!(Token60::parse(&expected.to_lowercase()).unwrap(), t);
        }
    }

    #[test]
    fn cycles_follow_the_reference() {
        assert_eq!(Element::WOOD.generates(), Element::FIRE);
        assert_eq!(Element::WATER.generates(), Element::WOOD);
        assert_eq!(Element::WOOD.controls(), Element::EARTH);
        assert_eq!(Element::EARTH.controls(), Element::WATER);
        assert_eq!(Element::WATER.controls(), Element::FIRE);
        assert_eq!(Element::FIRE.controls(), Element::METAL);
        assert_eq!(Element::METAL.controls(), Element::WOOD);
    }
}
