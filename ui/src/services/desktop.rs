//! The desktop shell's Tauri commands, there only inside the desktop app: its own
//! settings (`nps_protocol::desktop`). Called through Tauri's IPC entry point
//! `window.__TAURI_INTERNALS__.invoke`, which the shell's webview defines for the
//! app's own pages; arguments and answers cross as JSON.

use js_sys::{Function, JSON, Promise, Reflect};
use nps_protocol::DesktopSettings;
use nps_protocol::desktop::{GET_DESKTOP_SETTINGS, SET_DESKTOP_SETTINGS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Tauri's `invoke` and its object, in the desktop app's window only.
fn tauri_invoke() -> Option<(JsValue, Function)> {
    let window = web_sys::window()?;
    let internals = Reflect::get(&window, &JsValue::from_str("__TAURI_INTERNALS__")).ok()?;
    let invoke = Reflect::get(&internals, &JsValue::from_str("invoke")).ok()?;
    Some((internals, invoke.dyn_into::<Function>().ok()?))
}

/// Whether this page runs inside the desktop app (its shell's hand-over and Tauri's
/// IPC are both there).
pub fn available() -> bool {
    tauri_invoke().is_some() && super::storage::shell_config().is_some()
}

/// Calls `command` with the JSON object `args`; its answer as JSON, or the shell's
/// one-line refusal.
async fn invoke(command: &str, args: &str) -> Result<String, String> {
    let (this, invoke) = tauri_invoke().ok_or_else(|| "no desktop shell".to_string())?;
    let args = JSON::parse(args).map_err(js_text)?;
    let promise: Promise = invoke
        .call2(&this, &JsValue::from_str(command), &args)
        .map_err(js_text)?
        .dyn_into()
        .map_err(js_text)?;
    let answer = JsFuture::from(promise).await.map_err(js_text)?;
    JSON::stringify(&answer).map(String::from).map_err(js_text)
}

fn js_text(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// The shell's settings.
pub async fn get_settings() -> Result<DesktopSettings, String> {
    let json = invoke(GET_DESKTOP_SETTINGS, "{}").await?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// Saves `settings`; the settings as the shell saved them.
pub async fn set_settings(settings: &DesktopSettings) -> Result<DesktopSettings, String> {
    let args = serde_json::json!({ "settings": settings }).to_string();
    let json = invoke(SET_DESKTOP_SETTINGS, &args).await?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}
