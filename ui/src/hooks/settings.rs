//! The settings context: a reducer kept in local storage; `<html lang dir>` follows
//! the language (and the document's title, set by the layout, follows it too).

use nps_i18n::Locale;
use yew::prelude::*;

use crate::i18n::dir;
use crate::services::{browser, storage};
use crate::state::settings::Settings;

#[derive(Properties, PartialEq)]
pub struct SettingsProviderProps {
    pub children: Children,
}

#[function_component(SettingsProvider)]
pub fn settings_provider(props: &SettingsProviderProps) -> Html {
    let settings = use_reducer(storage::load_settings);
    {
        let s = (*settings).clone();
        use_effect_with(s, |s| {
            storage::save_settings(s);
            browser::set_document_language(s.locale.tag(), dir(s.locale));
        });
    }
    html! {
        <ContextProvider<UseReducerHandle<Settings>> context={settings}>
            { props.children.clone() }
        </ContextProvider<UseReducerHandle<Settings>>>
    }
}

/// The settings and their dispatcher.
#[hook]
pub fn use_settings() -> UseReducerHandle<Settings> {
    use_context::<UseReducerHandle<Settings>>()
        .unwrap_or_else(|| panic!("use_settings outside SettingsProvider"))
}

/// The current language.
#[hook]
pub fn use_locale() -> Locale {
    use_context::<UseReducerHandle<Settings>>()
        .map(|s| s.locale)
        .unwrap_or_default()
}
