//! `use_daily()`: the day's insight for the current language (read for the user's
//! saved "me" when there is one), fetched when signed in and kept up to date by
//! `daily_reading` events (and refetched after a resync).

use nps_protocol::Event;
use yew::prelude::*;

use super::session::use_session;
use super::settings::use_locale;
use super::websocket::use_ws_event;
use crate::state::daily::{Broadcast, DailyAction, DailyState, insight};

#[hook]
pub fn use_daily() -> UseReducerHandle<DailyState> {
    let state = use_reducer(DailyState::default);
    let session = use_session();
    let locale = use_locale();
    let reload = use_state(|| 0u32);
    {
        let state = state.clone();
        let signed_in = session.signed_in();
        use_effect_with(
            (signed_in, locale, *reload),
            move |&(signed_in, locale, _)| {
                if signed_in {
                    wasm_bindgen_futures::spawn_local(async move {
                        match session.api().daily(None, locale).await {
                            Ok(d) => {
                                let personal_for = d.value.personal_for.clone();
                                state.dispatch(DailyAction::Fetched(insight(d.value), personal_for))
                            }
                            Err(e) => state.dispatch(DailyAction::Failed(e.message_id())),
                        }
                    });
                }
            },
        );
    }
    {
        let (state, reload) = (state.clone(), reload.clone());
        use_ws_event("daily_reading", move |envelope| {
            let Event::DailyReading(d) = envelope.event else {
                return;
            };
            match state.on_broadcast(&d, locale.tag()) {
                Broadcast::Show => state.dispatch(DailyAction::Live(d)),
                Broadcast::Refetch => reload.set(*reload + 1),
                Broadcast::Ignore => {}
            }
        });
    }
    {
        let reload = reload.clone();
        use_ws_event("resync_required", move |_| reload.set(*reload + 1));
    }
    state
}
