//! The Settings page's cards: preferences (language, default numerology system), the
//! account (who is signed in), the connection (this computer or a remote server, an
//! optional sign-in, "test connection" and "use this server", and how the last test
//! went), and, inside the desktop app only, the app's own settings (the daily
//! notification, close-to-tray).

use nps_i18n::Locale;
use nps_protocol::{DailyTime, DesktopSettings, SystemChoice};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::alert::sign_in_error_text;
use crate::hooks::{ConnectionTest, DesktopSave, SwitchRequest, use_locale};
use crate::i18n::{system_label, t, tf};
use crate::state::settings::Server;

#[derive(Properties, PartialEq)]
pub struct PreferencesCardProps {
    pub system: SystemChoice,
    pub on_locale: Callback<Locale>,
    pub on_system: Callback<SystemChoice>,
}

/// The language and the default numerology system, under one heading (each control
/// named once, by its label).
#[function_component(PreferencesCard)]
pub fn preferences_card(props: &PreferencesCardProps) -> Html {
    let locale = use_locale();
    let on_language = on_select(&props.on_locale);
    let on_system = on_select(&props.on_system);
    html! {
        <div class="card" data-testid="preferences-card">
            <h2>{ t(locale, "ui-settings-preferences") }</h2>
            <div class="field">
                <label for="s-language">{ t(locale, "ui-settings-language") }</label>
                <select id="s-language" onchange={on_language}>
                    { for Locale::ALL.into_iter().map(|l| html! {
                        <option value={l.tag()} lang={l.tag()} selected={locale == l}>{ t(locale, &format!("ui-language-name-{}", l.tag())) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="s-system">{ t(locale, "ui-settings-system") }</label>
                <select id="s-system" onchange={on_system}>
                    { for SystemChoice::ALL.into_iter().map(|s| html! {
                        <option value={s.as_str()} selected={props.system == s}>{ system_label(locale, s) }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}

/// A `<select>`'s `onchange` that emits the chosen value, parsed (never an unknown one).
fn on_select<T: std::str::FromStr + 'static>(callback: &Callback<T>) -> Callback<Event> {
    let callback = callback.clone();
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        if let Ok(value) = value.parse() {
            callback.emit(value);
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct AccountCardProps {
    /// The signed-in user's name; `None` before sign-in.
    pub username: Option<String>,
}

/// Who is signed in (or that nobody is).
#[function_component(AccountCard)]
pub fn account_card(props: &AccountCardProps) -> Html {
    let locale = use_locale();
    let text = match &props.username {
        Some(u) => tf(locale, "ui-signed-in-as", &[("username", u.clone())]),
        None => t(locale, "ui-settings-not-signed-in"),
    };
    html! {
        <div class="card">
            <h2>{ t(locale, "ui-settings-account") }</h2>
            <p data-testid="settings-user" dir="auto">{ text }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConnectionCardProps {
    /// The server in use (the form starts from it).
    pub server: Server,
    pub busy: bool,
    pub outcome: Option<ConnectionTest>,
    /// "Test connection" (`apply: false`) or "use this server" (`apply: true`).
    pub on_run: Callback<SwitchRequest>,
}

/// Which server, with an optional sign-in; test it or switch to it.
#[function_component(ConnectionCard)]
pub fn connection_card(props: &ConnectionCardProps) -> Html {
    let locale = use_locale();
    let remote = use_state(|| matches!(props.server, Server::Remote { .. }));
    let url = use_state(|| match &props.server {
        Server::Remote { url } => url.clone(),
        Server::ThisComputer => String::new(),
    });
    let username = use_state(String::new);
    let password = use_state(String::new);
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
    let run = |apply: bool| {
        let request = SwitchRequest {
            remote: *remote,
            url: (*url).clone(),
            username: (*username).clone(),
            password: (*password).clone(),
            apply,
        };
        props.on_run.reform(move |_| request.clone())
    };
    html! {
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
                <button type="button" class="secondary" data-testid="test-connection" disabled={props.busy} onclick={run(false)}>
                    { t(locale, "ui-test-connection") }
                </button>
                <button type="button" class="primary" disabled={props.busy} onclick={run(true)}>
                    { t(locale, "ui-use-server") }
                </button>
            </div>
            if let Some(outcome) = &props.outcome {
                { outcome_line("connection-test-result", test_outcome(locale, outcome)) }
            }
        </div>
    }
}

/// How the last test went: its class (`ok` or `error`) and its text.
fn test_outcome(locale: Locale, outcome: &ConnectionTest) -> (&'static str, String) {
    match outcome {
        ConnectionTest::Ok(version) => (
            "ok",
            tf(locale, "ui-test-ok", &[("version", version.clone())]),
        ),
        ConnectionTest::BadUrl => ("error", t(locale, "ui-error-url")),
        ConnectionTest::Failed(e) => {
            let message = ("message", sign_in_error_text(locale, e));
            ("error", tf(locale, "ui-test-failed", &[message]))
        }
    }
}

/// The status line of a card's last action (a connection test, a save): `class` is
/// `ok` or `error`.
fn outcome_line(testid: &'static str, (class, text): (&'static str, String)) -> Html {
    html! {
        <p {class} role="status" data-testid={testid}>{ text }</p>
    }
}

/// The time the time field offers when the notification is turned on.
const DEFAULT_DAILY_TIME: &str = "08:00";

#[derive(Properties, PartialEq)]
pub struct DesktopCardProps {
    pub settings: DesktopSettings,
    pub outcome: Option<DesktopSave>,
    pub on_save: Callback<DesktopSettings>,
}

/// The desktop app's own settings: the daily notification (off, or a local time) and
/// close-to-tray. Each change is saved at once.
#[function_component(DesktopCard)]
pub fn desktop_card(props: &DesktopCardProps) -> Html {
    let locale = use_locale();
    let current = &props.settings;
    let time = current
        .daily_notification
        .map_or_else(|| DEFAULT_DAILY_TIME.to_string(), |t| t.to_string());
    let changed = |edit: fn(&mut DesktopSettings, &HtmlInputElement)| {
        let (settings, save) = (current.clone(), props.on_save.clone());
        Callback::from(move |e: Event| {
            let mut next = settings.clone();
            edit(&mut next, &e.target_unchecked_into::<HtmlInputElement>());
            save.emit(next);
        })
    };
    let on_daily = changed(|s, input| {
        s.daily_notification = input
            .checked()
            .then(|| DailyTime::parse(DEFAULT_DAILY_TIME).ok())
            .flatten();
    });
    let on_time = changed(|s, input| {
        if let Ok(time) = DailyTime::parse(&input.value()) {
            s.daily_notification = Some(time);
        }
    });
    let on_tray = changed(|s, input| s.close_to_tray = input.checked());
    let outcome = props.outcome.as_ref().map(|o| match o {
        DesktopSave::Saved => ("ok", t(locale, "ui-settings-saved")),
        DesktopSave::Failed(message) => (
            "error",
            tf(locale, "ui-desktop-failed", &[("message", message.clone())]),
        ),
    });
    html! {
        <div class="card" data-testid="desktop-settings">
            <h2>{ t(locale, "ui-settings-desktop") }</h2>
            <label class="check">
                <input type="checkbox" id="s-daily" checked={current.daily_notification.is_some()} onchange={on_daily} />
                { t(locale, "ui-desktop-daily") }
            </label>
            <div class="field">
                <label for="s-daily-time">{ t(locale, "ui-desktop-daily-time") }</label>
                <input id="s-daily-time" type="time" dir="ltr" value={time}
                       disabled={current.daily_notification.is_none()} onchange={on_time} />
                <p class="hint">{ t(locale, "ui-desktop-daily-hint") }</p>
            </div>
            <label class="check">
                <input type="checkbox" id="s-tray" checked={current.close_to_tray} onchange={on_tray} />
                { t(locale, "ui-desktop-tray") }
            </label>
            <p class="hint">{ t(locale, "ui-desktop-tray-hint") }</p>
            if let Some(outcome) = outcome {
                { outcome_line("desktop-settings-result", outcome) }
            }
        </div>
    }
}
