//! Numerology in three systems: Pythagorean and Chaldean over Latin letters, Abjad over
//! Persian/Arabic letters.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::error::{EngineError, Result};
use crate::tokens::{self, Element};
use crate::vocab::Word;

/// How letters become numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum System {
    #[default]
    Pythagorean,
    Chaldean,
    Abjad,
}

impl System {
    /// Its name in flags and on the wire: `pythagorean`, `chaldean`, `abjad`.
    pub const fn as_str(self) -> &'static str {
        match self {
            System::Pythagorean => "pythagorean",
            System::Chaldean => "chaldean",
            System::Abjad => "abjad",
        }
    }

    /// The message id (errors.ftl) of a name none of whose letters this system counts.
    pub const fn unreadable_id(self) -> &'static str {
        match self {
            System::Pythagorean => "error-name-unreadable-pythagorean",
            System::Chaldean => "error-name-unreadable-chaldean",
            System::Abjad => "error-name-unreadable-abjad",
        }
    }
}

/// A system as a person chooses it: one of the three, or `auto` (Abjad for text with
/// Persian/Arabic letters, else Pythagorean).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SystemChoice {
    #[default]
    Auto,
    Pythagorean,
    Chaldean,
    Abjad,
}

impl SystemChoice {
    /// Every choice, `auto` first (the order a person is offered them).
    pub const ALL: [SystemChoice; 4] = [
        SystemChoice::Auto,
        SystemChoice::Pythagorean,
        SystemChoice::Chaldean,
        SystemChoice::Abjad,
    ];

    /// The name on the wire and in flags: `auto`, `pythagorean`, `chaldean`, `abjad`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SystemChoice::Auto => "auto",
            SystemChoice::Pythagorean => "pythagorean",
            SystemChoice::Chaldean => "chaldean",
            SystemChoice::Abjad => "abjad",
        }
    }

    /// The system to use for `text`.
    pub fn resolve(self, text: &str) -> System {
        match self {
            SystemChoice::Pythagorean => System::Pythagorean,
            SystemChoice::Chaldean => System::Chaldean,
            SystemChoice::Abjad => System::Abjad,
            SystemChoice::Auto if has_arabic_script(text) => System::Abjad,
            SystemChoice::Auto => System::Pythagorean,
        }
    }
}

impl FromStr for SystemChoice {
    type Err = EngineError;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Ok(SystemChoice::Auto),
            "pythagorean" => Ok(SystemChoice::Pythagorean),
            "chaldean" => Ok(SystemChoice::Chaldean),
            "abjad" => Ok(SystemChoice::Abjad),
            _ => Err(EngineError::UnknownSystem(s.to_string())),
        }
    }
}

impl fmt::Display for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `text` contains a letter of the Arabic script (Persian letters included).
pub fn has_arabic_script(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
            && c.is_alphabetic()
    })
}

const CHALDEAN: [u32; 26] = [
    1, 2, 3, 4, 5, 8, 3, 5, 1, 1, 2, 3, 4, 5, 7, 8, 1, 2, 3, 4, 6, 6, 6, 5, 1, 7,
];

fn latin_value(system: System, c: char) -> u32 {
    if !c.is_ascii_uppercase() {
        return 0;
    }
    let pos = (c as u32) - ('A' as u32);
    match system {
        System::Pythagorean => pos % 9 + 1,
        System::Chaldean => CHALDEAN[pos as usize],
        System::Abjad => 0,
    }
}

/// The Abjad value of one Persian/Arabic character; 0 for anything else (diacritics,
/// tatweel, ZWNJ/ZWJ, Latin letters…).
pub fn abjad_value(c: char) -> u32 {
    match c {
        'ا' | 'آ' | 'أ' | 'إ' | 'ٱ' => 1,
        'ب' | 'پ' => 2,
        'ج' | 'چ' => 3,
        'د' => 4,
        'ه' => 5,
        'و' => 6,
        'ز' | 'ژ' => 7,
        'ح' => 8,
        'ط' => 9,
        'ي' | 'ی' => 10,
        'ک' | 'ك' | 'گ' => 20,
        'ل' => 30,
        'م' => 40,
        'ن' => 50,
        'س' => 60,
        'ع' => 70,
        'ف' => 80,
        'ص' => 90,
        'ق' => 100,
        'ر' => 200,
        'ش' => 300,
        'ت' => 400,
        'ث' => 500,
        'خ' => 600,
        'ذ' => 700,
        'ض' => 800,
        'ظ' => 900,
        'غ' => 1000,
        _ => 0,
    }
}

/// The letters that count towards the soul urge under Abjad.
fn is_abjad_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ی' | 'آ' | 'أ' | 'إ' | 'ٱ')
}

fn is_latin_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y')
}

/// One letter of a name with its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterValue {
    /// The letter as counted (upper-cased for the Latin systems).
    pub letter: String,
    pub value: u32,
    pub vowel: bool,
    /// The element of the letter's reduced value: 1 & 6 Wood, 2 & 7 Fire, 3 & 8 Earth,
    /// 4 & 9 Metal, 5 Water (masters reduce first); `None` for a letter worth 0.
    #[serde(deserialize_with = "tokens::words::option_element_name")]
    pub element: Option<Word>,
}

/// Calls `f(letter, value, is_vowel)` for each letter of `name` as `system` counts
/// them: Latin systems walk the full Unicode upper-case mapping (ß → SS), Abjad walks
/// the original characters.
fn for_each_letter(system: System, name: &str, mut f: impl FnMut(char, u32, bool)) {
    match system {
        System::Abjad => {
            for c in name.chars() {
                let v = abjad_value(c);
                if v > 0 || c.is_alphabetic() {
                    f(c, v, is_abjad_vowel(c));
                }
            }
        }
        _ => {
            for c in name.chars() {
                if c.is_ascii() {
                    // The common case, without the Unicode case tables.
                    if c.is_ascii_alphabetic() {
                        let u = c.to_ascii_uppercase();
                        f(u, latin_value(system, u), is_latin_vowel(u));
                    }
                    continue;
                }
                for u in c.to_uppercase() {
                    if u.is_alphabetic() {
                        f(u, latin_value(system, u), is_latin_vowel(u));
                    }
                }
            }
        }
    }
}

/// Letter sums of a name: all letters, vowels, consonants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LetterSums {
    pub total: u64,
    pub vowels: u64,
    pub consonants: u64,
}

pub fn letter_sums(system: System, name: &str) -> LetterSums {
    let mut sums = LetterSums::default();
    for_each_letter(system, name, |_, v, vowel| {
        sums.total += u64::from(v);
        if vowel {
            sums.vowels += u64::from(v);
        } else {
            sums.consonants += u64::from(v);
        }
    });
    sums
}

/// The per-letter breakdown of a name.
pub fn letter_breakdown(system: System, name: &str) -> Vec<LetterValue> {
    let mut out = Vec::new();
    for_each_letter(system, name, |c, value, vowel| {
        out.push(LetterValue {
            letter: c.to_string(),
            value,
            vowel,
            element: number_element(u64::from(value)).map(Element::name),
        })
    });
    out
}

/// The element of a number's reduced value (see [`LetterValue::element`]).
pub fn number_element(n: u64) -> Option<Element> {
    let mut r = n;
    while r > 9 {
        r = digit_sum(r);
    }
    (r > 0).then(|| Element::from_index((r as i64 - 1) % 5))
}

pub fn digit_sum(mut n: u64) -> u64 {
    let mut s = 0;
    while n > 0 {
        s += n % 10;
        n /= 10;
    }
    s
}

/// Sums digits until 1–9, stopping at the master numbers 11, 22 and 33 at any stage; 0 stays 0.
pub fn digital_root(mut n: u64) -> u32 {
    while n > 9 && !is_master(n) {
        n = digit_sum(n);
    }
    n as u32
}

/// [`digital_root`] over all integers: a negative number is already "below 10" and is
/// returned unchanged, as the reference framework does.
pub fn digital_root_signed(n: i64) -> i64 {
    match u64::try_from(n) {
        Ok(u) => i64::from(digital_root(u)),
        Err(_) => n,
    }
}

pub fn is_master(n: u64) -> bool {
    matches!(n, 11 | 22 | 33)
}

pub fn expression(system: System, name: &str) -> u32 {
    digital_root(letter_sums(system, name).total)
}
pub fn soul_urge(system: System, name: &str) -> u32 {
    digital_root(letter_sums(system, name).vowels)
}
pub fn personality(system: System, name: &str) -> u32 {
    digital_root(letter_sums(system, name).consonants)
}

/// dr(dr(day) + dr(month) + dr(digit sum of year)).
pub fn life_path(birth: Date) -> u32 {
    let y = digital_root(digit_sum(birth.year().unsigned_abs().into()));
    digital_root(
        u64::from(digital_root(birth.day().into()))
            + u64::from(digital_root(birth.month().into()))
            + u64::from(y),
    )
}

/// dr(dr(birth month) + dr(birth day) + dr(digit sum of the current year)).
pub fn personal_year(birth: Date, current_year: i32) -> u32 {
    let y = digital_root(digit_sum(current_year.unsigned_abs().into()));
    digital_root(
        u64::from(digital_root(birth.month().into()))
            + u64::from(digital_root(birth.day().into()))
            + u64::from(y),
    )
}

pub fn personal_month(personal_year: u32, current_month: u32) -> u32 {
    digital_root(u64::from(personal_year) + u64::from(current_month))
}

pub fn personal_day(personal_month: u32, current_day: u32) -> u32 {
    digital_root(u64::from(personal_month) + u64::from(current_day))
}

/// Gender as the polarity figure uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    /// Any other answer: polarity 0, Neutral.
    Other,
}

impl FromStr for Gender {
    type Err = EngineError;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "male" | "m" => Ok(Gender::Male),
            "female" | "f" => Ok(Gender::Female),
            "other" => Ok(Gender::Other),
            _ => Err(EngineError::UnknownGender(s.to_string())),
        }
    }
}

/// +1 Yang for male, −1 Yin for female, 0 Neutral otherwise.
pub fn polarity(gender: Option<Gender>) -> (i32, &'static str) {
    match gender {
        Some(Gender::Male) => (1, "Yang"),
        Some(Gender::Female) => (-1, "Yin"),
        Some(Gender::Other) | None => (0, "Neutral"),
    }
}

/// The numbers of one person in one system, named as in `vectors/numerology.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumerologyProfile {
    pub life_path: u32,
    pub expression: u32,
    pub soul_urge: u32,
    pub personality: u32,
    pub personal_year: u32,
    pub personal_month: u32,
    pub personal_day: u32,
    pub polarity: i32,
}

impl NumerologyProfile {
    /// Numbers of `name` born on `birth`, as of `today`.
    pub fn compute(
        system: System,
        name: &str,
        birth: Date,
        today: Date,
        gender: Option<Gender>,
    ) -> Self {
        let sums = letter_sums(system, name);
        let personal_year = personal_year(birth, today.year());
        let personal_month = personal_month(personal_year, today.month());
        NumerologyProfile {
            life_path: life_path(birth),
            expression: digital_root(sums.total),
            soul_urge: digital_root(sums.vowels),
            personality: digital_root(sums.consonants),
            personal_year,
            personal_month,
            personal_day: personal_day(personal_month, today.day()),
            polarity: polarity(gender).0,
        }
    }
}

/// Checks a name for a reading under `system`: [`validate_name`], and at least one
/// letter the system counts. A name in a script no system reads (Cyrillic, Greek, Han…)
/// or a Latin name under Abjad would otherwise give all-zero numbers that look like a
/// reading; the error says which letters the system reads instead. Returns it trimmed.
pub fn readable_name(system: System, name: &str) -> Result<&str> {
    let name = validate_name(name)?;
    let mut counted = false;
    for_each_letter(system, name, |_, value, _| counted |= value > 0);
    if counted {
        Ok(name)
    } else {
        Err(EngineError::NameUnreadable {
            name: name.to_string(),
            system: system.as_str(),
            unreadable_id: system.unreadable_id(),
        })
    }
}

/// Checks a person's name: not empty, and with at least one letter of any script.
/// Returns it trimmed.
pub fn validate_name(name: &str) -> Result<&str> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(EngineError::EmptyName);
    }
    if !trimmed.chars().any(char::is_alphabetic) {
        return Err(EngineError::NameWithoutLetters(trimmed.to_string()));
    }
    Ok(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masters_stop_at_any_stage() {
        assert_eq!(digital_root(29), 11);
        assert_eq!(digital_root(0), 0);
        assert_eq!(digital_root(38), 11);
        assert_eq!(digital_root(99), 9);
        assert_eq!(digital_root(22), 22);
    }

    #[test]
    fn full_case_mapping() {
        // ß upper-cases to SS: two S letters, each worth 1 in Pythagorean.
        assert_eq!(letter_sums(System::Pythagorean, "ß").total, 2);
        assert_eq!(letter_sums(System::Pythagorean, "ﬁ").total, 6 + 9);
    }

    #[test]
    fn auto_picks_abjad_for_persian() {
        assert_eq!(SystemChoice::Auto.resolve("علی"), System::Abjad);
        assert_eq!(SystemChoice::Auto.resolve("Ali"), System::Pythagorean);
        assert!("klingon".parse::<SystemChoice>().is_err());
    }

    #[test]
    fn a_name_needs_a_letter_its_system_counts() {
        assert_eq!(readable_name(System::Pythagorean, " Zoë "), Ok("Zoë"));
        assert_eq!(readable_name(System::Abjad, "علی"), Ok("علی"));
        // Some letters counted is enough (the rest count 0, as the contract says).
        assert_eq!(
            readable_name(System::Abjad, "Mixed علی Name"),
            Ok("Mixed علی Name")
        );
        for (system, name) in [
            (System::Pythagorean, "Иван Петров"),
            (System::Chaldean, "Ωμέγα"),
            (System::Abjad, "Alice"),
            (System::Pythagorean, "李小龍"),
        ] {
            let err = readable_name(system, name).unwrap_err();
            assert_eq!(
                err,
                EngineError::NameUnreadable {
                    name: name.to_string(),
                    system: system.as_str(),
                    unreadable_id: system.unreadable_id(),
                }
            );
            assert_eq!(err.fluent().0, system.unreadable_id());
        }
        assert_eq!(
            readable_name(System::Pythagorean, "  "),
            Err(EngineError::EmptyName)
        );
    }

    #[test]
    fn names_need_letters() {
        assert_eq!(validate_name("   "), Err(EngineError::EmptyName));
        assert!(matches!(
            validate_name("!!! ..."),
            Err(EngineError::NameWithoutLetters(_))
        ));
        assert_eq!(validate_name(" Ali "), Ok("Ali"));
    }
}
