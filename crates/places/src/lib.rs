//! The offline place list of NPS Oracle: cities with their English and Persian names,
//! country, coordinates and IANA time zone, for the location picker.
//!
//! Pure and wasm-clean: the data (`data/places.tsv`) is embedded as it is and read on
//! first use; `build.rs` rejects the build if any line of it is wrong. The search folds case,
//! Latin accents, Arabic/Persian letter variants and ZWNJ (see [`normalize`]).
//!
//! ```
//! use nps_i18n::Locale;
//! let first = nps_places::search("teh", Locale::En, 5)[0];
//! assert_eq!((first.id, first.name(Locale::Fa)), ("ir-tehran", "تهران"));
//! ```
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod normalize;
mod row;
mod search;

pub use normalize::normalize;
pub use row::Capital;
pub use search::{MAX_QUERY_CHARS, MAX_RESULTS, search};

use std::sync::OnceLock;

use nps_i18n::Locale;

/// The place list, as written in the repository (checked by `build.rs`).
const DATA: &str = include_str!("../data/places.tsv");

/// One place of the list: a line of the embedded data file, which lives as long as the
/// program.
pub type Place = row::Row<'static>;

impl Place {
    /// The place's name in `locale`.
    pub fn name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.name_en,
            Locale::Fa => self.name_fa,
        }
    }

    /// Other spellings, in either script (`Esfahan`, «مومبای»): searched, not shown.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.aliases.split('|').filter(|a| !a.is_empty())
    }
}

/// Every place, in the order of the data file (Iran first, then the world by region).
pub fn all() -> &'static [Place] {
    static PLACES: OnceLock<Vec<Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        DATA.lines()
            .filter(|line| row::is_data(line))
            // `build.rs` has rejected the file if any line fails to parse.
            .filter_map(|line| row::parse(line).ok())
            .collect()
    })
}

/// The place with this id.
pub fn by_id(id: &str) -> Option<&'static Place> {
    all().iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_data_line_is_dropped() {
        let lines = DATA.lines().filter(|line| row::is_data(line)).count();
        assert_eq!(all().len(), lines);
        assert!(lines >= 300);
    }
}
