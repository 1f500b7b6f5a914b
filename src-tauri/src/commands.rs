//! The Tauri commands the UI calls inside the desktop app: its Settings page reads
//! and changes the shell's own settings ([`DesktopSettings`], see `crate::settings`).
//!
//! Why commands and not the loopback API: these settings belong to the shell, not to
//! the server — the UI may be talking to a remote `nps serve`, which must neither
//! know nor store them, and the embedded server is the same library every `nps serve`
//! runs. Tauri lets only the app's own pages call the app's commands (the page's
//! origin `nps://localhost` is a scheme the app registered, which Tauri counts as
//! local; the window cannot navigate elsewhere), and the capability grants no plugin
//! permission. The names are `nps_protocol::desktop::{GET,SET}_DESKTOP_SETTINGS`.

use nps_protocol::DesktopSettings;
use tauri::{AppHandle, State};

use crate::settings::SettingsStore;

/// The settings as saved (the defaults when there is no file).
#[tauri::command]
pub fn get_desktop_settings(store: State<'_, SettingsStore>) -> DesktopSettings {
    store.get()
}

/// Checks and saves `settings`, shows or hides the tray icon, and returns them as
/// saved; a refusal is one line in the settings' language (nothing changed).
#[tauri::command]
pub fn set_desktop_settings(
    app: AppHandle,
    store: State<'_, SettingsStore>,
    settings: DesktopSettings,
) -> Result<DesktopSettings, String> {
    let texts = crate::settings::texts_for(&settings);
    let saved = store.set(settings).map_err(|e| e.message(texts))?;
    crate::tray::show_tray(&app, saved.close_to_tray);
    Ok(saved)
}
