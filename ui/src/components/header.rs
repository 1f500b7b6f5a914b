//! The header: app name, navigation, language toggle, the connection status and who
//! is signed in. On a narrow screen (a phone) it stays one row: the navigation folds
//! into a "Menu" button (`aria-expanded`; Escape or choosing a page closes it) and
//! the status keeps only its dot (its text stays for screen readers).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::{
    use_locale, use_session, use_settings, use_websocket_connection, use_ws_client,
};
use crate::i18n::{t, tf};
use crate::route::Route;
use crate::state::settings::SettingsAction;
use crate::ws::Status;

/// The coloured dot and text of the connection status (`data-status`).
#[derive(Properties, PartialEq)]
pub struct StatusIndicatorProps {
    pub status: Status,
    /// Signed in: a disconnected client is reconnecting by itself.
    #[prop_or_default]
    pub reconnecting: bool,
}

#[function_component(StatusIndicator)]
pub fn status_indicator(props: &StatusIndicatorProps) -> Html {
    let locale = use_locale();
    let client = use_ws_client();
    // While waiting out the backoff: try at once (connect() cancels the wait).
    let retry_now = (props.reconnecting && props.status == Status::Disconnected)
        .then_some(client)
        .flatten()
        .map(|client| Callback::from(move |_: MouseEvent| client.connect()));
    let id = match props.status {
        Status::Disconnected if props.reconnecting => "ui-status-reconnecting",
        other => match other {
            Status::Connected => "ui-status-connected",
            Status::Connecting => "ui-status-connecting",
            Status::Disconnected => "ui-status-disconnected",
            Status::Error => "ui-status-error",
        },
    };
    let text = t(locale, id);
    html! {
        <>
        <div class="status" role="status" aria-live="polite"
             data-testid="connection-status"
             data-status={props.status.as_str()}
             title={t(locale, "ui-status-label")}>
            <span class="status-dot" aria-hidden="true"></span>
            <span class="status-text">{ text }</span>
        </div>
        if let Some(onclick) = retry_now {
            <button type="button" class="link-button" data-testid="retry-now" {onclick}>
                { t(locale, "ui-retry-now") }
            </button>
        }
        </>
    }
}

#[function_component(Header)]
pub fn header() -> Html {
    let locale = use_locale();
    let session = use_session();
    let status = use_websocket_connection();
    let sign_out = {
        let session = session.clone();
        Callback::from(move |_| session.sign_out())
    };
    html! {
        <header class="app-header">
            <a class="skip" href="#main">{ t(locale, "ui-skip-to-content") }</a>
            <div class="brand">
                <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
                    <circle cx="12" cy="12" r="10" />
                    <path d="M12 2 a10 10 0 0 1 0 20 a6 10 0 0 0 0 -20 Z" />
                </svg>
                <span class="brand-name">{ t(locale, "ui-app-name") }</span>
            </div>
            <MainNav />
            <div class="header-tools">
                // No connection to speak of before sign-in.
                if session.signed_in() {
                    <StatusIndicator status={status} reconnecting=true />
                }
                <LanguageToggle />
                if let Some(user) = session.signed_in().then(|| session.username()).flatten() {
                    <span class="user-name" data-testid="header-user" dir="auto"
                          title={tf(locale, "ui-signed-in-as", &[("username", user.clone())])}>
                        <span class="visually-hidden">{ tf(locale, "ui-signed-in-as", &[("username", user.clone())]) }</span>
                        <span aria-hidden="true">{ user }</span>
                    </span>
                }
                if session.signed_in() && !session.state.from_shell {
                    <button type="button" class="link-button sign-out" onclick={sign_out}>
                        { t(locale, "ui-sign-out") }
                    </button>
                }
            </div>
        </header>
    }
}

/// The other language's name, in that language: switches to it.
#[function_component(LanguageToggle)]
fn language_toggle() -> Html {
    let locale = use_locale();
    let settings = use_settings();
    let onclick = Callback::from(move |_| settings.dispatch(SettingsAction::ToggleLocale));
    // Named by what it shows, in that language, then what it does (so the name spoken
    // contains the label seen).
    html! {
        <button type="button" class="language-toggle" data-testid="language-toggle" {onclick}>
            <span lang={crate::i18n::other(locale).tag()}>{ t(locale, "ui-language-switch") }</span>
            <span class="visually-hidden">{ " " }{ t(locale, "ui-language-switch-label") }</span>
        </button>
    }
}

/// The pages: a row of links, or on a phone a "Menu" button that shows them (closed
/// again by Escape, which gives focus back to the button, or by choosing a page).
#[function_component(MainNav)]
fn main_nav() -> Html {
    let locale = use_locale();
    let route = use_route::<Route>();
    let menu_open = use_state(|| false);
    {
        // Choosing a page closes the menu.
        let menu_open = menu_open.clone();
        use_effect_with(route.clone(), move |_| menu_open.set(false));
    }
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let close_on_escape = {
        let menu_open = menu_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *menu_open {
                menu_open.set(false);
                crate::services::browser::focus_first(".menu-button");
            }
        })
    };
    let link = |to: Route, id: &str| {
        let current = route.as_ref() == Some(&to)
            || (to == Route::History && matches!(route, Some(Route::Reading { .. })))
            || (to == Route::Learn && matches!(route, Some(Route::LearnEntry { .. })));
        html! {
            <li>
                <Link<Route> to={to} classes={classes!(current.then_some("current"))}>
                    { t(locale, id) }
                </Link<Route>>
            </li>
        }
    };
    html! {
        <nav class={classes!("main-nav", menu_open.then_some("open"))}
             aria-label={t(locale, "ui-nav-label")} onkeydown={close_on_escape}>
            <button type="button" class="menu-button" data-testid="menu-button"
                    aria-expanded={menu_open.to_string()} aria-controls="main-nav-list"
                    onclick={toggle_menu}>
                <svg class="menu-icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M4 6h16M4 12h16M4 18h16" />
                </svg>
                <span class="menu-label">{ t(locale, "ui-menu") }</span>
            </button>
            <ul id="main-nav-list">
                { link(Route::Oracle, "ui-nav-oracle") }
                { link(Route::History, "ui-nav-history") }
                { link(Route::People, "ui-nav-people") }
                { link(Route::Learn, "ui-nav-learn") }
                { link(Route::Settings, "ui-nav-settings") }
            </ul>
        </nav>
    }
}
