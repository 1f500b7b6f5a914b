//! `use_daily()`: the day's insight for the current language, fetched when signed in
//! and kept up to date by `daily_reading` events (and refetched after a resync).

use nps_protocol::{DailyReading, Event};
use yew::prelude::*;

use super::session::use_session;
use super::settings::use_locale;
use super::websocket::use_ws_event;
use crate::services::api;

/// The insight (`None` until it arrived) and whether the last update came live.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DailyState {
    /// The day's insight, as `daily_reading` broadcasts it (the fetched one has the same
    /// fields).
    pub daily: Option<DailyReading>,
    pub live: bool,
    /// Message id of the last failure.
    pub error: Option<&'static str>,
}

#[hook]
pub fn use_daily() -> UseStateHandle<DailyState> {
    let state = use_state(DailyState::default);
    let session = use_session();
    let locale = use_locale();
    let reload = use_state(|| 0u32);
    {
        let state = state.clone();
        let session = session.clone();
        let signed_in = session.signed_in();
        use_effect_with(
            (signed_in, locale, *reload),
            move |(signed_in, locale, _)| {
                if *signed_in {
                    let tag = locale.tag();
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = session
                            .call(|base, token| async move {
                                api::daily(&base, &token, None, tag).await
                            })
                            .await;
                        let mut next = (*state).clone();
                        match result {
                            Ok(d) => {
                                next.daily = Some(DailyReading {
                                    date: d.date,
                                    insight: d.insight,
                                    lucky_numbers: d.lucky_numbers,
                                    locale: d.locale,
                                });
                                next.error = None;
                            }
                            Err(e) => next.error = Some(e.message_id()),
                        }
                        state.set(next);
                    });
                }
            },
        );
    }
    {
        let state = state.clone();
        let reload = reload.clone();
        use_ws_event("daily_reading", move |envelope| {
            let Event::DailyReading(d) = envelope.event else {
                return;
            };
            let current = (*state).clone();
            if d.locale == locale.tag() {
                state.set(DailyState {
                    daily: Some(d),
                    live: true,
                    error: None,
                });
            } else if current.daily.as_ref().is_some_and(|c| c.date != d.date) {
                // A new day in another language: fetch it in ours.
                reload.set(*reload + 1);
            }
        });
    }
    {
        let reload = reload.clone();
        use_ws_event("resync_required", move |_| reload.set(*reload + 1));
    }
    state
}
