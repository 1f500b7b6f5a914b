//! Ranked search over every name of every place.
//!
//! A query matches a name when, after [`normalize`] and with spaces ignored (so «خرم آباد»
//! finds «خرم‌آباد» and "newy" finds New York), the name equals it, starts with it, has a
//! word that starts with it, or contains it; the results are ranked in that order. Within
//! a rank, a match on the name in the asked locale comes before a match on the other
//! name or an alias, then larger places before smaller ones, then by name.

use std::cmp::Reverse;
use std::sync::OnceLock;

use nps_i18n::Locale;

use crate::{Place, all, normalize};

/// Characters of a query that are looked at; the rest is ignored. No place name is
/// longer (a test checks it), so the cut never hides a place.
pub const MAX_QUERY_CHARS: usize = 64;

/// The most results one search returns, whatever limit is asked for.
pub const MAX_RESULTS: usize = 50;

/// How well a query matches a name; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Exact,
    Prefix,
    WordPrefix,
    Contains,
}

/// Which of a place's names a key was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Name(Locale),
    Alias,
}

/// One name of a place, folded for matching.
struct Key {
    source: Source,
    /// The folded name without spaces.
    compact: String,
    /// Byte offsets in `compact` where the second, third, … word starts.
    word_starts: Vec<usize>,
}

impl Key {
    fn new(source: Source, name: &str) -> Key {
        let folded = normalize(name);
        let mut compact = String::with_capacity(folded.len());
        let mut word_starts = Vec::new();
        for (i, word) in folded.split(' ').enumerate() {
            if i > 0 {
                word_starts.push(compact.len());
            }
            compact.push_str(word);
        }
        Key {
            source,
            compact,
            word_starts,
        }
    }

    fn tier(&self, query: &str) -> Option<Tier> {
        if self.compact == query {
            Some(Tier::Exact)
        } else if self.compact.starts_with(query) {
            Some(Tier::Prefix)
        } else if self
            .word_starts
            .iter()
            .any(|&i| self.compact[i..].starts_with(query))
        {
            Some(Tier::WordPrefix)
        } else if self.compact.contains(query) {
            Some(Tier::Contains)
        } else {
            None
        }
    }
}

/// The folded names of every place, in the order of [`all`]; built on first use.
fn keys() -> &'static [Vec<Key>] {
    static KEYS: OnceLock<Vec<Vec<Key>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        all()
            .iter()
            .map(|place| {
                let mut keys = vec![
                    Key::new(Source::Name(Locale::En), place.name_en),
                    Key::new(Source::Name(Locale::Fa), place.name_fa),
                ];
                keys.extend(place.aliases().map(|a| Key::new(Source::Alias, a)));
                keys
            })
            .collect()
    })
}

/// The places whose English or Persian name (or an alias) matches `query`, best first,
/// at most `limit` of them (and never more than [`MAX_RESULTS`]). Only the first
/// [`MAX_QUERY_CHARS`] characters of `query` count; a query with no letters or digits
/// finds nothing.
pub fn search(query: &str, locale: Locale, limit: usize) -> Vec<&'static Place> {
    let limit = limit.min(MAX_RESULTS);
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let query = normalize(&query).replace(' ', "");
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<((Tier, bool), &'static Place)> = all()
        .iter()
        .zip(keys())
        .filter_map(|(place, keys)| {
            keys.iter()
                .filter_map(|key| {
                    let other_name = key.source != Source::Name(locale);
                    key.tier(&query).map(|tier| (tier, other_name))
                })
                .min()
                .map(|rank| (rank, place))
        })
        .collect();
    hits.sort_by(|(a_rank, a), (b_rank, b)| {
        (a_rank, Reverse(a.population), a.name(locale)).cmp(&(
            b_rank,
            Reverse(b.population),
            b.name(locale),
        ))
    });
    hits.into_iter()
        .take(limit)
        .map(|(_, place)| place)
        .collect()
}
