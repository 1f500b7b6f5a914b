//! `use_reading_progress()`: the progress of this client's readings, fed by the
//! WebSocket events whose `request_id` this client sent.

use yew::prelude::*;

use super::websocket::use_ws_event;
use crate::state::progress::{ProgressAction, ProgressState};

/// The state (`is_active`, `step`, `progress`, `message`, `error`, `last_reading`) and
/// its dispatcher: dispatch [`ProgressAction::Requested`] before sending a reading
/// request, then the HTTP outcome.
#[hook]
pub fn use_reading_progress() -> UseReducerHandle<ProgressState> {
    let state = use_reducer(ProgressState::default);
    let s = state.clone();
    use_ws_event("*", move |envelope| {
        if envelope.event.request_id().is_some() {
            s.dispatch(ProgressAction::Ws(envelope.event));
        }
    });
    state
}
