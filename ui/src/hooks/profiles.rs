//! `use_profiles()`: the user's saved people — loaded once per signed-in session, and
//! saved, marked "me" and deleted through the server; the People page's editor.

use nps_protocol::{NewProfileRequest, ProfilePatch, SavedProfile};
use yew::prelude::*;

use super::callbacks::{dispatcher, with_session};
use super::session::{SessionHandle, use_session};
use crate::services::browser;
use crate::state::forms::FormAction;
use crate::state::people::{PeopleAction, PeopleState};

/// The saved people and what can be done with them.
#[derive(Clone, PartialEq)]
pub struct Profiles {
    /// The list, the editor, the pending delete, the last error.
    pub state: UseReducerHandle<PeopleState>,
    /// Changes without the server: open or close the editor, type, ask to delete.
    pub dispatch: Callback<PeopleAction>,
    /// Validates the editor and saves it (a new person, or the changes of one).
    pub save: Callback<()>,
    /// Deletes a person (after the confirmation).
    pub delete: Callback<i64>,
}

type State = UseReducerHandle<PeopleState>;

#[hook]
pub fn use_profiles() -> Profiles {
    let session = use_session();
    let state = use_reducer(PeopleState::default);
    {
        let (state, session) = (state.clone(), session.clone());
        // Again after signing in elsewhere or on another server.
        let key = (
            session.signed_in(),
            session.username(),
            session.base_url.clone(),
        );
        use_effect_with(key, move |(signed_in, _, _)| {
            if *signed_in {
                load(session, state);
            }
        });
    }
    Profiles {
        dispatch: dispatcher(&state),
        save: with_session(&session, &state, |session, state, ()| save(session, state)),
        delete: with_session(&session, &state, delete),
        state,
    }
}

fn load(session: SessionHandle, state: State) {
    state.dispatch(PeopleAction::Loading);
    wasm_bindgen_futures::spawn_local(async move {
        match session.api().profiles().await {
            Ok(list) => state.dispatch(PeopleAction::Loaded(list.items)),
            Err(e) => state.dispatch(PeopleAction::Failed(e)),
        }
    });
}

fn save(session: SessionHandle, state: State) {
    let Some(editor) = state.editor.clone() else {
        return;
    };
    let person = match editor.validated(&browser::today()) {
        Ok(person) => person,
        Err(errors) => {
            state.dispatch(PeopleAction::EditForm(FormAction::Errors(errors)));
            return;
        }
    };
    state.dispatch(PeopleAction::EditForm(FormAction::Errors(Vec::new())));
    state.dispatch(PeopleAction::Saving);
    wasm_bindgen_futures::spawn_local(async move {
        let api = session.api();
        let saved: Result<SavedProfile, _> = match editor.id {
            None => {
                let body = NewProfileRequest {
                    person,
                    is_me: editor.is_me,
                };
                api.create_profile(&body).await
            }
            Some(id) => {
                let patch = ProfilePatch {
                    person: Some(person),
                    is_me: Some(editor.is_me),
                };
                api.update_profile(id, &patch).await
            }
        };
        match saved {
            Ok(p) => state.dispatch(PeopleAction::Saved(p)),
            Err(e) => state.dispatch(PeopleAction::Failed(e)),
        }
    });
}

fn delete(session: SessionHandle, state: State, id: i64) {
    wasm_bindgen_futures::spawn_local(async move {
        match session.api().delete_profile(id).await {
            Ok(()) => state.dispatch(PeopleAction::Deleted(id)),
            Err(e) => state.dispatch(PeopleAction::Failed(e)),
        }
    });
}
