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

/// One of the twelve animals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Animal(u8);

impl Animal {
    /// The animal with index `i mod 12` (floor modulo, so negative indices wrap).
    pub fn from_index(i: i64) -> Self {
        Animal(i.rem_euclid(12) as u8)
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn token(self) -> &'static str {
        ANIMAL_TOKENS[self.index()]
    }
    pub fn name(self) -> &'static str {
        ANIMAL_NAMES[self.index()]
    }
    /// Parses a two-letter animal token, accepting lower case.
    pub fn parse(token: &str) -> Result<Self> {
        position_ignoring_case(&ANIMAL_TOKENS, token)
            .map(Animal)
            .ok_or_else(|| EngineError::UnknownAnimal(token.to_string()))
    }
    /// All twelve, in order.
    pub fn all() -> impl Iterator<Item = Animal> {
        (0..12u8).map(Animal)
    }
}

/// One of the five elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Element(u8);

impl Element {
    pub const WOOD: Element = Element(0);
    pub const FIRE: Element = Element(1);
    pub const EARTH: Element = Element(2);
    pub const METAL: Element = Element(3);
    pub const WATER: Element = Element(4);

    /// The element with index `i mod 5`.
    pub fn from_index(i: i64) -> Self {
        Element(i.rem_euclid(5) as u8)
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn token(self) -> &'static str {
        ELEMENT_TOKENS[self.index()]
    }
    pub fn name(self) -> &'static str {
        ELEMENT_NAMES[self.index()]
    }
    /// Parses a two-letter element token, accepting lower case.
    pub fn parse(token: &str) -> Result<Self> {
        position_ignoring_case(&ELEMENT_TOKENS, token)
            .map(Element)
            .ok_or_else(|| EngineError::UnknownElement(token.to_string()))
    }
    /// The element this one feeds in the generating cycle (Wood → Fire → Earth → Metal → Water → Wood).
    pub fn generates(self) -> Element {
        Element((self.0 + 1) % 5)
    }
    /// The element this one restrains in the controlling cycle (Wood → Earth → Water → Fire → Metal → Wood).
    pub fn controls(self) -> Element {
        Element((self.0 + 2) % 5)
    }
    pub fn all() -> impl Iterator<Item = Element> {
        (0..5u8).map(Element)
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

/// Serializes an [`Animal`] as its English name and reads it back
/// (`#[serde(with = "nps_engine::tokens::animal_by_name")]`).
pub mod animal_by_name {
    use serde::{Deserializer, Serializer};

    use crate::tokens::{Animal, words};

    pub fn serialize<S: Serializer>(a: &Animal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(a.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Animal, D::Error> {
        let name = words::animal_name(d)?;
        Ok(Animal::all()
            .find(|a| a.name() == name)
            .unwrap_or(Animal::from_index(0)))
    }
}

/// Serializes an [`Element`] as its English name and reads it back
/// (`#[serde(with = "nps_engine::tokens::element_by_name")]`).
pub mod element_by_name {
    use serde::{Deserializer, Serializer};

    use crate::tokens::{Element, words};

    pub fn serialize<S: Serializer>(e: &Element, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(e.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Element, D::Error> {
        let name = words::element_name(d)?;
        Ok(Element::all()
            .find(|e| e.name() == name)
            .unwrap_or(Element::EARTH))
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

impl Weekday {
    /// The weekday of a Julian Day Number: (JDN + 1) mod 7.
    pub fn from_jdn(jdn: i64) -> Self {
        Weekday((jdn + 1).rem_euclid(7) as u8)
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn token(self) -> &'static str {
        WEEKDAY_TOKENS[self.index()]
    }
    pub fn name(self) -> &'static str {
        WEEKDAY_NAMES[self.index()]
    }
    pub fn planet(self) -> &'static str {
        PLANET_NAMES[self.index()]
    }
    /// Parses a weekday token, accepting lower case.
    pub fn parse(token: &str) -> Result<Self> {
        position_ignoring_case(&WEEKDAY_TOKENS, token)
            .map(Weekday)
            .ok_or_else(|| EngineError::UnknownWeekday(token.to_string()))
    }
}

/// Where `token` stands in `table`, ignoring ASCII case (the parsers of every
/// vocabulary accept lower case).
fn position_ignoring_case(table: &[&str], token: &str) -> Option<u8> {
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
