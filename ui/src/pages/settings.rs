//! Settings: the connection (this computer, or a remote server with a sign-in and a
//! connection test), the language and the default numerology system.

use nps_i18n::Locale;
use nps_protocol::SystemChoice;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::error_text;
use crate::hooks::{use_locale, use_session, use_settings};
use crate::i18n::{system_label, t, tf};
use crate::services::{api, browser, storage};
use crate::state::session::Tokens;
use crate::state::settings::{Server, SettingsAction, normalize_url, valid_server_url};

/// The result of "test connection" (rendered at view time, so it follows the language).
#[derive(Clone, PartialEq)]
enum Outcome {
    Ok(String),
    BadUrl,
    Failed(api::HttpError),
}

impl Outcome {
    fn text(&self, locale: Locale) -> String {
        match self {
            Self::Ok(version) => tf(locale, "ui-test-ok", &[("version", version.clone())]),
            Self::BadUrl => t(locale, "ui-error-url"),
            Self::Failed(e) => {
                let detail = if e.status == 401 {
                    t(locale, "ui-login-failed")
                } else {
                    error_text(locale, e)
                };
                tf(locale, "ui-test-failed", &[("message", detail)])
            }
        }
    }
}

#[function_component(SettingsPage)]
pub fn settings_page() -> Html {
    let locale = use_locale();
    let settings = use_settings();
    let session = use_session();
    let remote = use_state(|| matches!(settings.server, Server::Remote { .. }));
    let url = use_state(|| match &settings.server {
        Server::Remote { url } => url.clone(),
        Server::ThisComputer => String::new(),
    });
    let username = use_state(String::new);
    let password = use_state(String::new);
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);

    let bind = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| {
            s.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let set_mode = |value: bool| {
        let remote = remote.clone();
        Callback::from(move |_| remote.set(value))
    };
    let target = if *remote {
        normalize_url(&url)
    } else {
        storage::shell_config()
            .map(|c| c.base_url)
            .unwrap_or_else(browser::origin)
    };
    // Test: health, then (with a username) a sign-in; "use": the same, then switch.
    let run = |apply: bool| {
        let (settings, session, outcome, busy) = (
            settings.clone(),
            session.clone(),
            outcome.clone(),
            busy.clone(),
        );
        let (remote, url, username, password, target) = (
            *remote,
            (*url).clone(),
            (*username).clone(),
            (*password).clone(),
            target.clone(),
        );
        Callback::from(move |_| {
            if remote && !valid_server_url(&url) {
                outcome.set(Some(Outcome::BadUrl));
                return;
            }
            let (settings, session, outcome, busy) = (
                settings.clone(),
                session.clone(),
                outcome.clone(),
                busy.clone(),
            );
            let (url, username, password, target) = (
                url.clone(),
                username.clone(),
                password.clone(),
                target.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = async {
                    let health = api::health(&target).await?;
                    let tokens = if username.trim().is_empty() {
                        None
                    } else {
                        let r = api::login(&target, username.trim(), &password).await?;
                        Some(Tokens::from_response(&r, &target, browser::now_secs()))
                    };
                    Ok::<_, api::HttpError>((health, tokens))
                }
                .await;
                match result {
                    Ok((health, tokens)) => {
                        outcome.set(Some(Outcome::Ok(health.version)));
                        if apply {
                            if let Some(t) = &tokens {
                                storage::save_tokens(t);
                            }
                            let server = if remote {
                                Server::Remote {
                                    url: normalize_url(&url),
                                }
                            } else {
                                Server::ThisComputer
                            };
                            settings.dispatch(SettingsAction::SetServer(server));
                            if let Some(t) = tokens {
                                if t.base_url == session.base_url {
                                    session.sign_in(t);
                                }
                            }
                        }
                    }
                    Err(e) => outcome.set(Some(Outcome::Failed(e))),
                }
                busy.set(false);
            });
        })
    };
    let on_language = {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(l) = v.parse::<Locale>() {
                settings.dispatch(SettingsAction::SetLocale(l));
            }
        })
    };
    let on_system = {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(system) = v.parse::<SystemChoice>() {
                settings.dispatch(SettingsAction::SetSystem(system));
            }
        })
    };
    html! {
        <section class="settings-page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">{ t(locale, "ui-settings-heading") }</h1>
            <div class="card">
                <h2>{ t(locale, "ui-settings-language") }</h2>
                <div class="field">
                    <label for="s-language">{ t(locale, "ui-settings-language") }</label>
                    <select id="s-language" onchange={on_language}>
                        { for Locale::ALL.into_iter().map(|l| html! {
                            <option value={l.tag()} lang={l.tag()} selected={settings.locale == l}>{ t(locale, &format!("ui-language-name-{}", l.tag())) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="s-system">{ t(locale, "ui-settings-system") }</label>
                    <select id="s-system" onchange={on_system}>
                        { for SystemChoice::ALL.into_iter().map(|s| html! {
                            <option value={s.as_str()} selected={settings.system == s}>{ system_label(locale, s) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="card">
                <h2>{ t(locale, "ui-settings-connection") }</h2>
                <fieldset class="radio-group">
                    <legend class="visually-hidden">{ t(locale, "ui-settings-connection") }</legend>
                    <label class="check">
                        <input type="radio" name="server" checked={!*remote} onchange={set_mode(false)} />
                        { t(locale, "ui-server-this") }
                    </label>
                    <label class="check">
                        <input type="radio" name="server" checked={*remote} onchange={set_mode(true)} />
                        { t(locale, "ui-server-remote") }
                    </label>
                </fieldset>
                if *remote {
                    <div class="field">
                        <label for="s-url">{ t(locale, "ui-server-url") }</label>
                        <input id="s-url" type="url" dir="ltr" placeholder="https://example.org:8000"
                               value={(*url).clone()} oninput={bind(&url)} />
                    </div>
                }
                <div class="field-pair">
                    <div class="field">
                        <label for="s-username">{ t(locale, "ui-username") }</label>
                        <input id="s-username" autocomplete="username" dir="auto" value={(*username).clone()} oninput={bind(&username)} />
                    </div>
                    <div class="field">
                        <label for="s-password">{ t(locale, "ui-password") }</label>
                        <input id="s-password" type="password" autocomplete="current-password" value={(*password).clone()} oninput={bind(&password)} />
                    </div>
                </div>
                <div class="actions">
                    <button type="button" class="secondary" data-testid="test-connection" disabled={*busy} onclick={run(false)}>
                        { t(locale, "ui-test-connection") }
                    </button>
                    <button type="button" class="primary" disabled={*busy} onclick={run(true)}>
                        { t(locale, "ui-use-server") }
                    </button>
                </div>
                if let Some(o) = (*outcome).clone() {
                    <p class={if matches!(o, Outcome::Ok(_)) { "ok" } else { "error" }} role="status"
                       data-testid="connection-test-result">{ o.text(locale) }</p>
                }
            </div>
        </section>
    }
}
