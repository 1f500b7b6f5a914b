//! [`PublishedDays`]: the (date, locale) pairs of the daily insight this process
//! has broadcast, so each goes out once.

use std::collections::{HashSet, VecDeque};
use std::sync::{Mutex, PoisonError};

use nps_engine::Date;
use nps_i18n::Locale;

/// How many (date, locale) pairs are remembered: 1,024, about 18 months of two
/// languages. Beyond, the oldest is forgotten (an admin could then publish that old
/// day again; the scheduler only ever moves forward).
pub const MAX_REMEMBERED: usize = 1024;

/// A bounded set of published (date, locale) pairs, oldest forgotten first.
#[derive(Debug, Default)]
pub struct PublishedDays {
    inner: Mutex<Remembered>,
}

#[derive(Debug, Default)]
struct Remembered {
    set: HashSet<(Date, Locale)>,
    order: VecDeque<(Date, Locale)>,
}

impl PublishedDays {
    /// True the first time it is asked for a pair (which it then remembers), false
    /// after.
    pub fn claim(&self, date: Date, locale: Locale) -> bool {
        let mut r = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if !r.set.insert((date, locale)) {
            return false;
        }
        r.order.push_back((date, locale));
        if r.order.len() > MAX_REMEMBERED {
            if let Some(oldest) = r.order.pop_front() {
                r.set.remove(&oldest);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> Date {
        Date::from_jdn(2_460_000 + i64::from(n)).expect("date")
    }

    #[test]
    fn once_per_date_and_locale() {
        let p = PublishedDays::default();
        assert!(p.claim(day(1), Locale::En));
        assert!(!p.claim(day(1), Locale::En));
        assert!(p.claim(day(1), Locale::Fa));
        assert!(p.claim(day(2), Locale::En));
        assert!(!p.claim(day(2), Locale::En));
    }

    #[test]
    fn bounded_oldest_forgotten_first() {
        let p = PublishedDays::default();
        for n in 0..=MAX_REMEMBERED as u32 {
            assert!(p.claim(day(n), Locale::En));
        }
        let r = p.inner.lock().expect("lock");
        assert_eq!(
            (r.set.len(), r.order.len()),
            (MAX_REMEMBERED, MAX_REMEMBERED)
        );
        drop(r);
        assert!(!p.claim(day(MAX_REMEMBERED as u32), Locale::En));
        assert!(p.claim(day(0), Locale::En), "the oldest was forgotten");
    }
}
