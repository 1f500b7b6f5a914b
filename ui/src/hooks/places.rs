//! `use_place_search()`: the location picker's search — each change of the field's text
//! asks the server's offline city list (`GET /api/places`) in the page's language.

use nps_protocol::{PlaceHit, PlaceQuery};
use yew::prelude::*;

use super::callbacks::dispatcher;
use super::session::use_session;
use super::settings::use_locale;
use crate::state::places::{PlaceAction, PlaceSearch};

/// The picker's state and what can be done with it.
#[derive(Clone, PartialEq)]
pub struct PlaceSearchHandle {
    pub state: UseReducerHandle<PlaceSearch>,
    /// The field's new text: searched when not blank.
    pub typed: Callback<String>,
    /// Arrow keys, Escape.
    pub dispatch: Callback<PlaceAction>,
    /// A city chosen from the list.
    pub pick: Callback<PlaceHit>,
}

#[hook]
pub fn use_place_search() -> PlaceSearchHandle {
    let (session, locale) = (use_session(), use_locale());
    let state = use_reducer(PlaceSearch::default);
    let typed = {
        let state = state.clone();
        Callback::from(move |text: String| {
            // The number this query gets (the reducer counts the same way).
            let query = state.query.wrapping_add(1);
            let blank = text.trim().is_empty();
            let q = PlaceQuery {
                q: Some(text.clone()),
                locale: Some(locale.tag().to_string()),
                limit: None,
            };
            state.dispatch(PlaceAction::Typed(text));
            if blank {
                return;
            }
            let (state, session) = (state.clone(), session.clone());
            wasm_bindgen_futures::spawn_local(async move {
                state.dispatch(match session.api().places(&q).await {
                    Ok(list) => PlaceAction::Found {
                        query,
                        places: list.places,
                    },
                    Err(error) => PlaceAction::Failed { query, error },
                });
            });
        })
    };
    PlaceSearchHandle {
        dispatch: dispatcher(&state),
        pick: {
            let state = state.clone();
            Callback::from(move |place| state.dispatch(PlaceAction::Picked(place)))
        },
        typed,
        state,
    }
}
