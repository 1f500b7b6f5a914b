//! The callbacks a hook's handle is made of: the reducer's own actions, and the work
//! that goes to the server with the session and then reports to the reducer.

use yew::prelude::*;

use super::session::SessionHandle;

/// The reducer's actions as a callback (a handle's `dispatch`).
pub(crate) fn dispatcher<R: Reducible + 'static>(
    state: &UseReducerHandle<R>,
) -> Callback<R::Action> {
    let state = state.clone();
    Callback::from(move |action| state.dispatch(action))
}

/// A callback that starts `work` with the session and the reducer's state, each call
/// with handles of its own (the work is async and outlives the call).
pub(crate) fn with_session<R, In>(
    session: &SessionHandle,
    state: &UseReducerHandle<R>,
    work: impl Fn(SessionHandle, UseReducerHandle<R>, In) + 'static,
) -> Callback<In>
where
    R: Reducible + 'static,
    In: 'static,
{
    let (session, state) = (session.clone(), state.clone());
    Callback::from(move |input| work(session.clone(), state.clone(), input))
}
