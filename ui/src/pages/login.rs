//! The sign-in screen (a server without a token).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::error_html;
use crate::hooks::{use_locale, use_session};
use crate::i18n::{t, tf};
use crate::services::{api, browser};
use crate::state::session::Tokens;

#[function_component(LoginPage)]
pub fn login_page() -> Html {
    let locale = use_locale();
    let session = use_session();
    let username = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (session, username, password, error, busy) = (
            session.clone(),
            username.clone(),
            password.clone(),
            error.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (u, p) = ((*username).trim().to_string(), (*password).clone());
            if u.is_empty() || p.is_empty() {
                error.set(Some(t(locale, "ui-login-failed")));
                return;
            }
            busy.set(true);
            let (session, error, busy) = (session.clone(), error.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let base = session.base_url.clone();
                match api::login(&base, &u, &p).await {
                    Ok(r) => {
                        error.set(None);
                        session.sign_in(Tokens::from_response(&r, &base, browser::now_secs()));
                    }
                    Err(e) if e.status == 401 => error.set(Some(t(locale, "ui-login-failed"))),
                    Err(e) => error.set(Some(super::error_text(locale, &e))),
                }
                busy.set(false);
            });
        })
    };
    let bind = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <section class="card login" aria-labelledby="login-heading">
            <h1 id="login-heading">{ t(locale, "ui-login-heading") }</h1>
            <p class="muted">{ tf(locale, "ui-login-intro", &[("server", session.base_url.clone())]) }</p>
            <form {onsubmit} data-testid="login-form">
                <div class="field">
                    <label for="login-username">{ t(locale, "ui-username") }</label>
                    <input id="login-username" name="username" autocomplete="username" dir="auto"
                           value={(*username).clone()} oninput={bind(&username)} required=true />
                </div>
                <div class="field">
                    <label for="login-password">{ t(locale, "ui-password") }</label>
                    <input id="login-password" name="password" type="password" autocomplete="current-password"
                           value={(*password).clone()} oninput={bind(&password)} required=true />
                </div>
                { error_html((*error).clone()) }
                <div class="actions">
                    <button type="submit" class="primary" data-testid="login-submit" disabled={*busy}>
                        { t(locale, "ui-login-submit") }
                    </button>
                </div>
            </form>
        </section>
    }
}
