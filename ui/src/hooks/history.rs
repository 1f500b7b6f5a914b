//! `use_history()`: the History page's list. The first page is (re)loaded when a
//! filter changes, after a resync and when a reading of this user completed elsewhere;
//! "load more" appends the next page; delete and favorite go to the server and then
//! to the list.

use yew::prelude::*;

use super::callbacks::{dispatcher, with_session};
use super::session::{SessionHandle, use_session};
use super::websocket::use_ws_event;
use crate::state::history::{HistoryAction, HistoryState};

/// The list and what can be done with it.
#[derive(Clone, PartialEq)]
pub struct HistoryHandle {
    /// Filters, rows, total, loading, the last error, the pending delete.
    pub state: UseReducerHandle<HistoryState>,
    /// Changes the list without the server: a filter (which then reloads), asking for
    /// or cancelling a delete.
    pub dispatch: Callback<HistoryAction>,
    /// Appends the next page.
    pub load_more: Callback<()>,
    /// Deletes a reading (after the confirmation).
    pub delete: Callback<i64>,
    /// Sets a reading's favorite flag: `(reading_id, favorite)`.
    pub set_favorite: Callback<(i64, bool)>,
}

#[hook]
pub fn use_history() -> HistoryHandle {
    let session = use_session();
    let state = use_reducer(HistoryState::default);
    let reload = use_state(|| 0u32);
    {
        let (state, session) = (state.clone(), session.clone());
        use_effect_with((state.filters.clone(), *reload), move |_| {
            state.dispatch(HistoryAction::Loading);
            load_page(session, state, 0);
        });
    }
    {
        let reload = reload.clone();
        use_ws_event("resync_required", move |_| reload.set(*reload + 1));
    }
    {
        // A reading of this user finished elsewhere (another tab): show it.
        let reload = reload.clone();
        use_ws_event("reading_complete", move |_| reload.set(*reload + 1));
    }
    HistoryHandle {
        dispatch: dispatcher(&state),
        load_more: with_session(&session, &state, |session, state, ()| {
            let offset = state.next_offset();
            load_page(session, state, offset);
        }),
        delete: with_session(&session, &state, delete),
        set_favorite: with_session(
            &session,
            &state,
            |session, state, (id, favorite): (i64, bool)| {
                set_favorite(session, state, id, favorite)
            },
        ),
        state,
    }
}

type State = UseReducerHandle<HistoryState>;

/// Loads the page at `offset` with the current filters: the first page replaces the
/// list, a later one is appended.
fn load_page(session: SessionHandle, state: State, offset: u32) {
    let query = state.filters.query(offset);
    wasm_bindgen_futures::spawn_local(async move {
        match session.api().history(&query).await {
            Ok(page) => state.dispatch(HistoryAction::Loaded {
                page,
                append: offset > 0,
            }),
            Err(e) => state.dispatch(HistoryAction::Failed(e)),
        }
    });
}

fn delete(session: SessionHandle, state: State, id: i64) {
    wasm_bindgen_futures::spawn_local(async move {
        match session.api().delete(id).await {
            Ok(()) => state.dispatch(HistoryAction::Deleted(id)),
            Err(e) => state.dispatch(HistoryAction::Failed(e)),
        }
    });
}

fn set_favorite(session: SessionHandle, state: State, id: i64, favorite: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        match session.api().favorite(id, favorite).await {
            Ok(r) => state.dispatch(HistoryAction::Favorite {
                reading_id: r.reading_id,
                favorite: r.favorite,
            }),
            Err(e) => state.dispatch(HistoryAction::Failed(e)),
        }
    });
}
