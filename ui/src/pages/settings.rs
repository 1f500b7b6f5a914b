//! Settings: the language and the default numerology system, who is signed in, the
//! connection (this computer, or a remote server with a sign-in and a connection test),
//! and inside the desktop app its own settings (the daily notification, close-to-tray).

use yew::prelude::*;

use crate::components::settings::{AccountCard, ConnectionCard, DesktopCard, PreferencesCard};
use crate::hooks::{
    use_desktop_settings, use_locale, use_server_switch, use_session, use_settings,
};
use crate::i18n::t;
use crate::state::settings::SettingsAction;

#[function_component(SettingsPage)]
pub fn settings_page() -> Html {
    let locale = use_locale();
    let settings = use_settings();
    let switch = use_server_switch();
    let session = use_session();
    let username = session.signed_in().then(|| session.username()).flatten();
    let desktop = use_desktop_settings();
    let dispatch = {
        let settings = settings.clone();
        Callback::from(move |action| settings.dispatch(action))
    };
    html! {
        <section class="settings-page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">{ t(locale, "ui-settings-heading") }</h1>
            <PreferencesCard system={settings.system}
                             on_locale={dispatch.reform(SettingsAction::SetLocale)}
                             on_system={dispatch.reform(SettingsAction::SetSystem)} />
            <AccountCard {username} />
            <ConnectionCard server={settings.server.clone()} busy={switch.busy}
                            outcome={switch.outcome} on_run={switch.run} />
            if let Some(desktop) = desktop {
                if let Some(current) = desktop.settings {
                    <DesktopCard settings={current} outcome={desktop.outcome} on_save={desktop.save} />
                }
            }
        </section>
    }
}
