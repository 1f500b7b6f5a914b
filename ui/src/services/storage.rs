//! The browser's local storage: settings and the signed-in tokens (per server), and the
//! desktop shell's hand-over object `window.__NPS__ = {base_url, token}`.

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::state::session::Tokens;
use crate::state::settings::Settings;

const SETTINGS_KEY: &str = "nps.settings";
const TOKENS_KEY: &str = "nps.tokens";

/// The saved settings; without any, the defaults in the browser's language (Persian
/// for `fa…`), as `static/locale.js` chose for the loading screen.
pub fn load_settings() -> Settings {
    LocalStorage::get(SETTINGS_KEY).unwrap_or_else(|_| Settings {
        locale: crate::state::settings::locale_of_language(&crate::services::browser::language()),
        ..Settings::default()
    })
}

pub fn save_settings(settings: &Settings) {
    // Storage may be full or disabled (private mode): the app still works.
    let _ = LocalStorage::set(SETTINGS_KEY, settings);
}

/// The tokens kept for `base_url`, if any.
pub fn load_tokens(base_url: &str) -> Option<Tokens> {
    LocalStorage::get::<Tokens>(TOKENS_KEY)
        .ok()
        .filter(|t| t.base_url == base_url)
}

pub fn save_tokens(tokens: &Tokens) {
    let _ = LocalStorage::set(TOKENS_KEY, tokens);
}

pub fn clear_tokens() {
    LocalStorage::delete(TOKENS_KEY);
}

/// What the desktop shell injected before the page loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellConfig {
    pub base_url: String,
    pub token: Option<String>,
}

/// The base URL of this computer's server: the desktop shell's, else the page's
/// origin.
pub fn this_computer_url() -> String {
    shell_config()
        .map(|c| c.base_url)
        .unwrap_or_else(super::browser::origin)
}

/// `window.__NPS__`, if present.
pub fn shell_config() -> Option<ShellConfig> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("__NPS__")).ok()?;
    if !value.is_object() {
        return None;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    Some(ShellConfig {
        base_url: field("base_url")?,
        token: field("token"),
    })
}
