//! Close-to-tray: a tray icon (the notification area on Windows, the menu bar on
//! macOS, a StatusNotifierItem through libayatana-appindicator on Linux) with a menu
//! — Show NPS Oracle, Quit — shown while the setting `close_to_tray` is on. Then
//! closing the window hides it ([`close_hides`]): the app, its server and the daily
//! notification keep running until Quit (the tray's, the menu bar's or Ctrl+Q), which
//! stops the server as closing does when the setting is off. The tray's menu items
//! are `crate::menu::Command`s, handled by `crate::menu::on_event`.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Window, WindowEvent, Wry};

use crate::menu::Command;
use crate::settings::SettingsStore;
use crate::texts::Texts;

/// The tray icon's id.
pub const TRAY_ID: &str = "main";

/// The tray's menu, in order.
pub const TRAY_MENU: [Command; 2] = [Command::Show, Command::Quit];

/// Whether closing the window hides it instead of quitting: only when the setting is
/// on *and* the tray icon exists — a hidden window with no tray icon to bring it
/// back would look like a crash with the app still running.
pub fn close_hides(close_to_tray: bool, tray_exists: bool) -> bool {
    close_to_tray && tray_exists
}

/// Makes the tray icon (hidden until [`show_tray`]). `None`, with a log line, when
/// the system has no tray (then closing quits, whatever the setting).
pub fn build(app: &AppHandle, texts: Texts) -> Option<TrayIcon> {
    match try_build(app, texts) {
        Ok(tray) => {
            tracing::info!("tray icon ready");
            Some(tray)
        }
        Err(error) => {
            tracing::warn!(%error, "no tray icon: closing the window will quit");
            None
        }
    }
}

fn try_build(app: &AppHandle, texts: Texts) -> tauri::Result<TrayIcon> {
    let items = TRAY_MENU
        .iter()
        .map(|c| MenuItem::with_id(app, c.id(), texts.get(c.label()), true, None::<&str>))
        .collect::<tauri::Result<Vec<_>>>()?;
    let refs: Vec<&dyn tauri::menu::IsMenuItem<Wry>> = items
        .iter()
        .map(|i| i as &dyn tauri::menu::IsMenuItem<Wry>)
        .collect();
    let menu = Menu::with_items(app, &refs)?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip(texts.get("desktop-window-title"))
        .menu(&menu)
        // A left click shows the window (Windows, macOS); the menu is on the right.
        .show_menu_on_left_click(false)
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                if let Some(w) = tray.app_handle().get_webview_window(crate::WINDOW_LABEL) {
                    crate::menu::show_window(&w);
                }
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    let tray = builder.build(app)?;
    tray.set_visible(false)?;
    Ok(tray)
}

/// Shows or hides the tray icon (it is there while close-to-tray is on).
pub fn show_tray(app: &AppHandle, visible: bool) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        if let Err(error) = tray.set_visible(visible) {
            tracing::warn!(%error, visible, "cannot show or hide the tray icon");
        }
    }
}

/// Closing the window: hidden instead when [`close_hides`] (the app runs on, in the
/// tray); otherwise it closes, which ends the app.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle();
    let to_tray = app
        .try_state::<SettingsStore>()
        .is_some_and(|s| s.get().close_to_tray);
    if close_hides(to_tray, app.tray_by_id(TRAY_ID).is_some()) {
        api.prevent_close();
        match window.hide() {
            Ok(()) => tracing::info!("window hidden in the tray"),
            Err(error) => tracing::error!(%error, "cannot hide the window"),
        }
    }
}

#[cfg(test)]
mod tests {
    use nps_i18n::Locale;

    use super::*;

    #[test]
    fn closing_hides_only_with_the_setting_and_a_tray() {
        assert!(close_hides(true, true));
        assert!(!close_hides(true, false));
        assert!(!close_hides(false, true));
        assert!(!close_hides(false, false));
    }

    #[test]
    fn the_tray_menu_in_both_languages() {
        let labels = |locale| {
            TRAY_MENU
                .iter()
                .map(|c| Texts::new(locale).get(c.label()))
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(Locale::En), ["Show NPS Oracle", "Quit"]);
        assert_eq!(labels(Locale::Fa), ["نمایش پیشگوی NPS", "خروج"]);
        assert_eq!(TRAY_MENU.map(Command::id), ["show", "quit"]);
    }
}
