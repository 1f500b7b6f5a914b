//! The daily card's state behind `use_daily()`: the day's insight in the reader's
//! language, fetched and then kept current by `daily_reading` broadcasts.

use std::rc::Rc;

use nps_protocol::{DailyReading, DailyResponse};
use yew::Reducible;

/// The insight (`None` until it arrived) and whether the last update came live.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DailyState {
    /// The day's insight, as `daily_reading` broadcasts it (the fetched one has the same
    /// fields).
    pub daily: Option<DailyReading>,
    /// The insight shown came from a broadcast (not from the fetch).
    pub live: bool,
    /// Message id of the last failure.
    pub error: Option<&'static str>,
    /// The name of the saved "me" the shown day was read for; `None` for the day for
    /// everyone.
    pub personal_for: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DailyAction {
    /// `GET /api/oracle/daily` answered: the insight, and for whom it was read.
    Fetched(DailyReading, Option<String>),
    /// The fetch failed (a message id); what was shown stays.
    Failed(&'static str),
    /// A `daily_reading` broadcast in the reader's language.
    Live(DailyReading),
}

/// What a `daily_reading` broadcast means for a reader (see [`DailyState::on_broadcast`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Broadcast {
    /// In the reader's language: show it ([`DailyAction::Live`]).
    Show,
    /// A new day, in another language: fetch the reader's own.
    Refetch,
    /// Nothing new for this reader.
    Ignore,
}

impl DailyState {
    pub fn apply(&self, action: DailyAction) -> Self {
        match action {
            DailyAction::Fetched(daily, personal_for) => Self {
                daily: Some(daily),
                live: self.live,
                error: None,
                personal_for,
            },
            DailyAction::Failed(error) => Self {
                error: Some(error),
                ..self.clone()
            },
            DailyAction::Live(daily) => Self {
                daily: Some(daily),
                live: true,
                error: None,
                personal_for: None,
            },
        }
    }

    /// How a broadcast in `daily.locale` concerns a reader of `locale` (a tag). A day
    /// read for the reader's "me" is not replaced by the day for everyone: a new day is
    /// fetched for them instead.
    pub fn on_broadcast(&self, daily: &DailyReading, locale: &str) -> Broadcast {
        let new_day = self.daily.as_ref().is_some_and(|d| d.date != daily.date);
        if self.personal_for.is_some() {
            if new_day {
                Broadcast::Refetch
            } else {
                Broadcast::Ignore
            }
        } else if daily.locale == locale {
            Broadcast::Show
        } else if new_day {
            Broadcast::Refetch
        } else {
            Broadcast::Ignore
        }
    }
}

/// The insight part of the fetched answer (the figures and text are the result view's).
pub fn insight(d: DailyResponse) -> DailyReading {
    DailyReading {
        date: d.date,
        insight: d.insight,
        lucky_numbers: d.lucky_numbers,
        locale: d.locale,
    }
}

impl Reducible for DailyState {
    type Action = DailyAction;

    fn reduce(self: Rc<Self>, action: DailyAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}
