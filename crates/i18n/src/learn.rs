//! The catalog of the Learn page (`locales/<lang>/learn.ftl`): every entry, in page
//! order, and the ids of its messages, so the UI builds the page and links a figure or a
//! token to its entry without spelling ids by hand.
//!
//! Ids are `learn-<family>-<key>-<part>`: `learn-number-7-line`, `learn-animal-ra-body`,
//! `learn-core-life-path-example`. Keys are lower case; [`Entry::find`] accepts a token as
//! the engine writes it (`RA`, `VE`). The page itself has `learn-title` and
//! `learn-intro`; each family is a section with `learn-section-<family>-title` and
//! `-intro`. No learn message takes arguments.

/// A group of entries: one section of the page, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// The numbers 0–9, 11, 22 and 33.
    Number,
    /// The numbers of a person and of a date, and how they are computed.
    Core,
    /// The FC60 stamp and its companion fields.
    Stamp,
    /// The twelve animals, by token (`ra` … `pi`).
    Animal,
    /// The five elements, by token (`wu` … `wa`).
    Element,
    /// The seven weekdays and their planets, by weekday token (`so` … `sa`).
    Weekday,
    /// The eight moon phases, `0` (new) to `7` (waning crescent).
    MoonPhase,
    /// The numerology systems.
    System,
    /// Other figures of a reading.
    Figure,
}

/// A piece of an entry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A short heading.
    Title,
    /// One line, for a tooltip beside a figure.
    Line,
    /// A paragraph.
    Body,
    /// A worked example (only where [`Entry::has_example`]).
    Example,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Title, Part::Line, Part::Body, Part::Example];

    fn suffix(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Line => "line",
            Part::Body => "body",
            Part::Example => "example",
        }
    }
}

impl Family {
    /// Every family, in page order.
    pub const ALL: [Family; 9] = [
        Family::Number,
        Family::Core,
        Family::Stamp,
        Family::Animal,
        Family::Element,
        Family::Weekday,
        Family::MoonPhase,
        Family::System,
        Family::Figure,
    ];

    /// The family's part of an id, also the page anchor of its section.
    pub fn name(self) -> &'static str {
        match self {
            Family::Number => "number",
            Family::Core => "core",
            Family::Stamp => "stamp",
            Family::Animal => "animal",
            Family::Element => "element",
            Family::Weekday => "weekday",
            Family::MoonPhase => "moon-phase",
            Family::System => "system",
            Family::Figure => "figure",
        }
    }

    /// The keys of the family's entries, in page order.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Family::Number => &[
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "11", "22", "33",
            ],
            Family::Core => &[
                "reduction",
                "life-path",
                "expression",
                "soul-urge",
                "personality",
                "personal-year",
                "personal-month",
                "personal-day",
                "universal",
                "moment",
                "focus",
                "mother",
                "question",
            ],
            Family::Stamp => &[
                "overview", "tokens", "weekday", "month", "day", "half", "hour", "minute",
                "second", "tz60", "y60", "j60", "chk", "example",
            ],
            Family::Animal => &[
                "ra", "ox", "ti", "ru", "dr", "sn", "ho", "go", "mo", "ro", "do", "pi",
            ],
            Family::Element => &["wu", "fi", "er", "mt", "wa"],
            Family::Weekday => &["so", "lu", "ma", "me", "jo", "ve", "sa"],
            Family::MoonPhase => &["0", "1", "2", "3", "4", "5", "6", "7"],
            Family::System => &["pythagorean", "chaldean", "abjad"],
            Family::Figure => &[
                "polarity",
                "confidence",
                "ganzhi",
                "hour-animal",
                "patterns",
                "heartbeat",
                "location",
            ],
        }
    }

    /// The id of the section's heading.
    pub fn title_id(self) -> String {
        format!("learn-section-{}-title", self.name())
    }

    /// The id of the section's opening paragraph.
    pub fn intro_id(self) -> String {
        format!("learn-section-{}-intro", self.name())
    }

    /// The entries of the family, in page order.
    pub fn entries(self) -> impl Iterator<Item = Entry> {
        self.keys()
            .iter()
            .map(move |&key| Entry { family: self, key })
    }
}

/// One entry of the page, e.g. the Rat or the life path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    pub family: Family,
    pub key: &'static str,
}

impl Entry {
    /// The entry of `family` for `key`, which may be written as the engine writes tokens
    /// (`RA`, `VE`) or as a number (`7`, `11`).
    pub fn find(family: Family, key: &str) -> Option<Entry> {
        let key = key.trim().to_ascii_lowercase();
        family
            .keys()
            .iter()
            .find(|k| **k == key)
            .map(|&key| Entry { family, key })
    }

    /// The entry that explains number `n` (0–9, 11, 22, 33).
    pub fn number(n: u32) -> Option<Entry> {
        Entry::find(Family::Number, &n.to_string())
    }

    /// Whether the entry has a worked example: every [`Family::Core`] and
    /// [`Family::System`] entry, and the stamp's tokens and checksum.
    pub fn has_example(self) -> bool {
        match self.family {
            Family::Core | Family::System => true,
            Family::Stamp => matches!(self.key, "tokens" | "chk"),
            _ => false,
        }
    }

    /// The parts this entry has, in reading order.
    pub fn parts(self) -> impl Iterator<Item = Part> {
        Part::ALL
            .into_iter()
            .filter(move |p| *p != Part::Example || self.has_example())
    }

    /// The message id of one part, e.g. `learn-animal-ra-line`.
    pub fn id(self, part: Part) -> String {
        format!(
            "learn-{}-{}-{}",
            self.family.name(),
            self.key,
            part.suffix()
        )
    }

    /// The entry's anchor on the page, e.g. `animal-ra`.
    pub fn anchor(self) -> String {
        format!("{}-{}", self.family.name(), self.key)
    }
}

/// Every entry, in page order.
pub fn entries() -> impl Iterator<Item = Entry> {
    Family::ALL.into_iter().flat_map(Family::entries)
}

/// Every id of the Learn page, in page order: the page, then each section's heading and
/// opening and its entries' parts.
pub fn ids() -> Vec<String> {
    let mut ids = vec!["learn-title".to_string(), "learn-intro".to_string()];
    for family in Family::ALL {
        ids.push(family.title_id());
        ids.push(family.intro_id());
        for entry in family.entries() {
            ids.extend(entry.parts().map(|part| entry.id(part)));
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_pattern() {
        let rat = Entry::find(Family::Animal, "RA").expect("the Rat");
        assert_eq!(rat.id(Part::Line), "learn-animal-ra-line");
        assert_eq!(rat.anchor(), "animal-ra");
        assert_eq!(rat.parts().count(), 3);
        let friday = Entry::find(Family::Weekday, " VE ").expect("Friday");
        assert_eq!(friday.id(Part::Body), "learn-weekday-ve-body");
        assert_eq!(
            Entry::number(11).map(|e| e.id(Part::Title)),
            Some("learn-number-11-title".to_string())
        );
        assert_eq!(Entry::number(10), None);
        assert_eq!(Entry::find(Family::Animal, "cat"), None);
        let life_path = Entry::find(Family::Core, "life-path").expect("life path");
        assert_eq!(life_path.id(Part::Example), "learn-core-life-path-example");
        assert_eq!(
            Family::MoonPhase.title_id(),
            "learn-section-moon-phase-title"
        );
    }

    #[test]
    fn the_catalog_has_every_entry_once() {
        let counts: Vec<usize> = Family::ALL.iter().map(|f| f.keys().len()).collect();
        assert_eq!(counts, [13, 13, 14, 12, 5, 7, 8, 3, 7]);
        let all = ids();
        let unique: std::collections::BTreeSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
        // 2 for the page, 2 per section, 3 per entry, plus 18 examples.
        assert_eq!(all.len(), 2 + 2 * 9 + 3 * 82 + 18);
        assert_eq!(entries().filter(|e| e.has_example()).count(), 18);
    }
}
