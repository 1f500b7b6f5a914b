//! The sign-in form: username, password and the reason of the last failure.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::alert::{error_html, sign_in_error_text};
use crate::error::SignInError;
use crate::hooks::use_locale;
use crate::i18n::t;

#[derive(Properties, PartialEq)]
pub struct LoginFormProps {
    pub busy: bool,
    pub error: Option<SignInError>,
    /// `(username, password)` as typed.
    pub on_submit: Callback<(String, String)>,
}

#[function_component(LoginForm)]
pub fn login_form(props: &LoginFormProps) -> Html {
    let locale = use_locale();
    let username = use_state(String::new);
    let password = use_state(String::new);
    let onsubmit = {
        let (username, password) = (username.clone(), password.clone());
        props.on_submit.reform(move |e: SubmitEvent| {
            e.prevent_default();
            ((*username).clone(), (*password).clone())
        })
    };
    let bind = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
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
            { error_html(props.error.as_ref().map(|e| sign_in_error_text(locale, e))) }
            <div class="actions">
                <button type="submit" class="primary" data-testid="login-submit" disabled={props.busy}>
                    { t(locale, "ui-login-submit") }
                </button>
            </div>
        </form>
    }
}
