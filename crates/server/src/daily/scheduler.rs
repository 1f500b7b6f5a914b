//! Publishes the daily insight when the server's local date changes (local midnight
//! in the server's time zone, `TZ`), in each of [`crate::Config::daily_locales`].
//!
//! It does not sleep until a computed instant: a sleeping timer does not know about
//! daylight saving, a suspended laptop or a corrected clock. It wakes every
//! [`TICK`], reads the local date from the wall clock ([`crate::clock::now`]) and
//! compares it with the last date it published ([`DayWatch`]):
//!
//! - a later date is published once, whatever happened in between (a DST change, a
//!   3-hour jump forward over midnight, a resume from suspend);
//! - an earlier or the same date (the clock was set back) publishes nothing, so no
//!   day is published twice;
//! - after a gap of several days (a long suspend) only the current day is published:
//!   the days in between are over, and their insight is still there for the asking
//!   (`GET /api/oracle/daily?date=`).
//!
//! The day the server starts on counts as published by whoever ran before; the
//! first broadcast is the next midnight's (an admin can publish today's).

use std::future::Future;
use std::time::Duration;

use nps_engine::Date;
use tokio::time::MissedTickBehavior;
use tokio_util::sync::CancellationToken;

use crate::app::AppState;

/// How often the wall clock is read: every minute, so a new day is published at most
/// a minute late.
pub const TICK: Duration = Duration::from_secs(60);

/// Which local date to publish, fed the local date at every tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayWatch {
    last: Date,
}

impl DayWatch {
    /// Starts on `today`, taken as published already.
    pub fn new(today: Date) -> Self {
        Self { last: today }
    }

    /// The date to publish now: `today` if it is later than the last published date
    /// (which it becomes), else nothing.
    pub fn advance(&mut self, today: Date) -> Option<Date> {
        if today > self.last {
            self.last = today;
            Some(today)
        } else {
            None
        }
    }
}

/// Runs until the server shuts down: publishes every new local day in each of the
/// configured languages.
pub async fn run(state: AppState) {
    let locales = state.config().daily_locales.clone();
    if locales.is_empty() {
        return;
    }
    let shutdown = state.shutdown_token().clone();
    let local_date = || match crate::clock::now() {
        Ok(now) => Some(now.date),
        Err(e) => {
            tracing::error!(error = %e, "the local clock is out of range; daily insight waits");
            None
        }
    };
    let publish = move |date: Date| {
        let (state, locales) = (state.clone(), locales.clone());
        async move {
            for locale in locales {
                if let Err(e) = super::publish(&state, date, locale).await {
                    tracing::error!(error = %e, %date, %locale, "daily insight failed");
                }
            }
        }
    };
    watch_days(shutdown, TICK, local_date, publish).await;
}

/// The scheduler's loop over any source of the local date and any publisher, so a
/// test can drive it on tokio's paused clock with a wall clock of its own.
async fn watch_days<F, Fut>(
    shutdown: CancellationToken,
    tick: Duration,
    mut local_date: impl FnMut() -> Option<Date>,
    mut publish: F,
) where
    F: FnMut(Date) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut watch: Option<DayWatch> = None;
    let mut ticker = tokio::time::interval(tick);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = ticker.tick() => {}
        }
        let Some(today) = local_date() else {
            continue;
        };
        match &mut watch {
            None => watch = Some(DayWatch::new(today)),
            Some(w) => {
                if let Some(day) = w.advance(today) {
                    publish(day).await;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};
    use std::sync::{Arc, Mutex};
    use tokio::time::Instant;

    fn date(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    #[test]
    fn a_day_is_published_once_and_never_backwards() {
        let mut w = DayWatch::new(date("2026-03-28"));
        assert_eq!(w.advance(date("2026-03-28")), None);
        assert_eq!(w.advance(date("2026-03-29")), Some(date("2026-03-29")));
        assert_eq!(w.advance(date("2026-03-29")), None);
        // The clock is set back a day, then catches up: nothing twice.
        assert_eq!(w.advance(date("2026-03-28")), None);
        assert_eq!(w.advance(date("2026-03-29")), None);
        // A suspend over two midnights: the current day only.
        assert_eq!(w.advance(date("2026-04-01")), Some(date("2026-04-01")));
    }

    /// A wall clock that runs with tokio's (paused) clock and can be set.
    #[derive(Clone)]
    struct WallClock {
        base: Arc<Mutex<(NaiveDateTime, Instant)>>,
    }

    impl WallClock {
        fn at(s: &str) -> Self {
            let t = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
            Self {
                base: Arc::new(Mutex::new((t, Instant::now()))),
            }
        }

        fn now(&self) -> NaiveDateTime {
            let (t, since) = *self.base.lock().expect("lock");
            t + TimeDelta::from_std(since.elapsed()).expect("in range")
        }

        fn jump(&self, minutes: i64) {
            let now = self.now();
            *self.base.lock().expect("lock") = (now + TimeDelta::minutes(minutes), Instant::now());
        }

        fn date(&self) -> Date {
            let d: NaiveDate = self.now().date();
            Date::new(d.year(), d.month(), d.day()).expect("date")
        }
    }

    /// One step of a scenario, in minutes of the wall clock.
    enum Step {
        /// Time passes (the scheduler's ticks with it).
        Run(u64),
        /// The wall clock jumps (negative: back), as when NTP corrects it or the
        /// machine wakes up.
        Jump(i64),
    }
    use Step::{Jump, Run};

    /// A wall-clock start and the steps from there, each with the days published
    /// after it.
    type Scenario = (&'static str, &'static [(Step, &'static [&'static str])]);

    const DAY: u64 = 24 * 60;

    const SCENARIOS: &[Scenario] = &[
        // Midnight is published within a tick; a whole day later, the next one, once.
        (
            "2026-02-08 23:50",
            &[
                (Run(9), &[]),
                (Run(2), &["2026-02-09"]),
                (Run(DAY), &["2026-02-09", "2026-02-10"]),
            ],
        ),
        // A clock set back over midnight (00:03 → 23:33 the day before) crosses the
        // same midnight again: no day twice.
        (
            "2026-02-08 23:58",
            &[
                (Run(5), &["2026-02-09"]),
                (Jump(-30), &["2026-02-09"]),
                (Run(60), &["2026-02-09"]),
                (Run(DAY), &["2026-02-09", "2026-02-10"]),
            ],
        ),
        // A three-hour jump over midnight (22:31 → 01:31 the next day: a resume from
        // suspend, a corrected clock) skips no day.
        (
            "2026-02-08 22:30",
            &[
                (Run(1), &[]),
                (Jump(3 * 60), &[]),
                (Run(2), &["2026-02-09"]),
                (Run(120), &["2026-02-09"]),
            ],
        ),
        // Daylight saving: the wall clock of a zone that springs forward at 02:00 and
        // falls back at 03:00. The local date is what counts, not 24-hour intervals.
        (
            "2026-03-28 23:30",
            &[
                (Run(60), &["2026-03-29"]),
                (Run(90), &["2026-03-29"]),
                (Jump(60), &["2026-03-29"]), // 02:00 → 03:00
                (Run(22 * 60), &["2026-03-29", "2026-03-30"]),
                (Jump(-60), &["2026-03-29", "2026-03-30"]), // an autumn hour repeated
                (Run(3 * 60), &["2026-03-29", "2026-03-30"]),
            ],
        ),
    ];

    /// Runs the scheduler's loop from wall-clock time `at` through `steps`, checking
    /// the days published after each.
    async fn scenario((at, steps): &Scenario) {
        let clock = WallClock::at(at);
        let published = Arc::new(Mutex::new(Vec::<String>::new()));
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(watch_days(
            shutdown.clone(),
            TICK,
            {
                let clock = clock.clone();
                move || Some(clock.date())
            },
            {
                let published = published.clone();
                move |d: Date| {
                    published.lock().expect("lock").push(d.to_string());
                    async {}
                }
            },
        ));
        for (i, (step, days)) in steps.iter().enumerate() {
            match step {
                Run(minutes) => {
                    for _ in 0..*minutes {
                        tokio::time::sleep(Duration::from_secs(60)).await;
                    }
                }
                Jump(minutes) => clock.jump(*minutes),
            }
            assert_eq!(*published.lock().expect("lock"), *days, "{at}, step {i}");
        }
        shutdown.cancel();
        task.await.expect("no panic");
    }

    #[tokio::test(start_paused = true)]
    async fn each_local_date_is_published_once_whatever_the_clock_does() {
        for s in SCENARIOS {
            scenario(s).await;
        }
    }
}
