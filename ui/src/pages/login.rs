//! The sign-in screen (a server without a token).

use yew::prelude::*;

use crate::components::login::LoginForm;
use crate::hooks::{use_locale, use_login, use_session};
use crate::i18n::{t, tf};

#[function_component(LoginPage)]
pub fn login_page() -> Html {
    let locale = use_locale();
    let session = use_session();
    let login = use_login();
    html! {
        <section class="card login" aria-labelledby="login-heading">
            <h1 id="login-heading">{ t(locale, "ui-login-heading") }</h1>
            if session.state.ended {
                <p class="notice" role="status" data-testid="session-ended">{ t(locale, "ui-session-ended") }</p>
            }
            <p class="muted">{ tf(locale, "ui-login-intro", &[("server", session.base_url.clone())]) }</p>
            <LoginForm busy={login.busy} error={login.error} on_submit={login.submit} />
        </section>
    }
}
