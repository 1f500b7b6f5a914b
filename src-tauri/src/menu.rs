//! The app's menu, in the system's language: one menu named after the app with
//! **About NPS Oracle** (name, version, licence) and **Quit** (Ctrl+Q / Cmd+Q).

use tauri::menu::{AboutMetadata, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Wry};

use crate::texts::Texts;

/// The id of the Quit entry.
pub const QUIT: &str = "quit";

pub fn menu(app: &AppHandle, texts: Texts) -> tauri::Result<Menu<Wry>> {
    let about = PredefinedMenuItem::about(
        app,
        Some(&texts.get("desktop-menu-about")),
        Some(AboutMetadata {
            name: Some(texts.get("desktop-window-title")),
            version: Some(env!("CARGO_PKG_VERSION").into()),
            comments: Some(texts.get("desktop-about-comments")),
            license: Some(env!("CARGO_PKG_LICENSE").into()),
            ..Default::default()
        }),
    )?;
    let quit = MenuItem::with_id(
        app,
        QUIT,
        texts.get("desktop-menu-quit"),
        true,
        Some("CmdOrCtrl+Q"),
    )?;
    let separator = PredefinedMenuItem::separator(app)?;
    let app_menu = Submenu::with_items(
        app,
        texts.get("desktop-menu-app"),
        true,
        &[&about, &separator, &quit],
    )?;
    Menu::with_items(app, &[&app_menu])
}

/// Quit ends the event loop, like closing the window.
pub fn on_event(app: &AppHandle, event: MenuEvent) {
    if event.id() == QUIT {
        app.exit(0);
    }
}
