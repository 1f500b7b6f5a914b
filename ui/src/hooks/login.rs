//! `use_login()`: signs in on the session's server with a username and a password.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::session::use_session;
use crate::error::SignInError;
use crate::services::browser;
use crate::state::session::{Tokens, sign_in_fields};

/// A sign-in under way or failed, and how to start one.
#[derive(Clone, PartialEq)]
pub struct Login {
    pub busy: bool,
    pub error: Option<SignInError>,
    /// Signs in with `(username, password)`; on success the session is signed in.
    pub submit: Callback<(String, String)>,
}

#[hook]
pub fn use_login() -> Login {
    let session = use_session();
    let busy = use_state(|| false);
    let error = use_state(|| None::<SignInError>);
    let submit = {
        let (busy, error) = (busy.clone(), error.clone());
        Callback::from(move |(username, password): (String, String)| {
            let Some((username, password)) = sign_in_fields(&username, &password) else {
                error.set(Some(SignInError::Refused));
                return;
            };
            busy.set(true);
            let (session, busy, error) = (session.clone(), busy.clone(), error.clone());
            spawn_local(async move {
                match session.api().login(&username, &password).await {
                    Ok(r) => {
                        error.set(None);
                        let now = browser::now_secs();
                        session.sign_in(Tokens::from_response(&r, &session.base_url, now));
                    }
                    Err(e) => error.set(Some(e.into())),
                }
                busy.set(false);
            });
        })
    };
    Login {
        busy: *busy,
        error: (*error).clone(),
        submit,
    }
}
