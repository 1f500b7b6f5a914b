//! The app's menu bar, laid out the platform's way and in the system's language.
//!
//! [`describe`] is the layout as data, one pure function with the platform as a
//! parameter (`Platform::current()` picks it with `cfg!(target_os)`), so both layouts
//! are unit-tested on any machine; [`menu`] turns it into Tauri menus.
//!
//! - **macOS**: the application menu, named after the app — About, Settings…, Hide,
//!   Hide Others, Show All, Quit — then Edit (the webview's undo, cut, copy, paste:
//!   without these menu items macOS delivers no ⌘C/⌘V to a web page), View, Window.
//! - **Windows and Linux**: File (Settings…, Quit), View, Help (About).
//!
//! Labels are `desktop-menu-*` in `locales/*/desktop.ftl`. The tray's menu
//! (`crate::tray`) uses the same [`Command`]s and [`on_event`].

use tauri::menu::{
    AboutMetadata, IsMenuItem, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu,
};
use tauri::{AppHandle, Manager, Wry};

use crate::texts::Texts;

/// The platforms whose menu conventions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    MacOs,
    Windows,
    Linux,
}

impl Platform {
    /// The platform this binary is built for.
    pub fn current() -> Self {
        if cfg!(target_os = "macos") {
            Platform::MacOs
        } else if cfg!(target_os = "windows") {
            Platform::Windows
        } else {
            Platform::Linux
        }
    }
}

/// What the shell itself does for a menu item (its id is the menu event's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// The tray's "Show NPS Oracle": the window back from the tray.
    Show,
    Settings,
    Quit,
    ZoomIn,
    ZoomOut,
    ActualSize,
    FullScreen,
}

impl Command {
    pub const ALL: [Command; 7] = [
        Command::Show,
        Command::Settings,
        Command::Quit,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ActualSize,
        Command::FullScreen,
    ];

    /// The menu item's id.
    pub fn id(self) -> &'static str {
        match self {
            Command::Show => "show",
            Command::Settings => "settings",
            Command::Quit => "quit",
            Command::ZoomIn => "zoom-in",
            Command::ZoomOut => "zoom-out",
            Command::ActualSize => "actual-size",
            Command::FullScreen => "full-screen",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Command::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Its label's message id.
    pub fn label(self) -> &'static str {
        match self {
            Command::Show => "desktop-menu-show",
            Command::Settings => "desktop-menu-settings",
            Command::Quit => "desktop-menu-quit",
            Command::ZoomIn => "desktop-menu-zoom-in",
            Command::ZoomOut => "desktop-menu-zoom-out",
            Command::ActualSize => "desktop-menu-actual-size",
            Command::FullScreen => "desktop-menu-full-screen",
        }
    }

    /// Its keyboard shortcut on `platform` (`CmdOrCtrl` is ⌘ on macOS, Ctrl elsewhere).
    pub fn shortcut(self, platform: Platform) -> &'static str {
        match self {
            // In the tray's menu only, which has no shortcuts.
            Command::Show => "",
            Command::Settings => "CmdOrCtrl+,",
            Command::Quit => "CmdOrCtrl+Q",
            Command::ZoomIn => "CmdOrCtrl+=",
            Command::ZoomOut => "CmdOrCtrl+-",
            Command::ActualSize => "CmdOrCtrl+0",
            Command::FullScreen if platform == Platform::MacOs => "Ctrl+Cmd+F",
            Command::FullScreen => "F11",
        }
    }
}

/// An item the system carries out (the webview's editing, the window, hiding the
/// app), with our label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemItem {
    Hide,
    HideOthers,
    ShowAll,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    SelectAll,
    Minimize,
    Zoom,
    CloseWindow,
}

impl SystemItem {
    /// Its label's message id.
    pub fn label(self) -> &'static str {
        match self {
            SystemItem::Hide => "desktop-menu-hide",
            SystemItem::HideOthers => "desktop-menu-hide-others",
            SystemItem::ShowAll => "desktop-menu-show-all",
            SystemItem::Undo => "desktop-menu-undo",
            SystemItem::Redo => "desktop-menu-redo",
            SystemItem::Cut => "desktop-menu-cut",
            SystemItem::Copy => "desktop-menu-copy",
            SystemItem::Paste => "desktop-menu-paste",
            SystemItem::SelectAll => "desktop-menu-select-all",
            SystemItem::Minimize => "desktop-menu-minimize",
            SystemItem::Zoom => "desktop-menu-zoom-window",
            SystemItem::CloseWindow => "desktop-menu-close-window",
        }
    }
}

/// One entry of a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The About box (name, version, licence).
    About,
    Command(Command),
    System(SystemItem),
    Separator,
}

impl Entry {
    /// The label's message id (`None` for a separator).
    pub fn label(self) -> Option<&'static str> {
        match self {
            Entry::About => Some("desktop-menu-about"),
            Entry::Command(c) => Some(c.label()),
            Entry::System(s) => Some(s.label()),
            Entry::Separator => None,
        }
    }
}

/// One menu of the bar: its title's message id and its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuDescription {
    pub title: &'static str,
    pub entries: Vec<Entry>,
}

/// The menu bar of `platform`, as data.
pub fn describe(platform: Platform) -> Vec<MenuDescription> {
    use Command as C;
    use Entry::{About, Separator};
    use SystemItem as S;
    let cmd = Entry::Command;
    let sys = Entry::System;
    let view = MenuDescription {
        title: "desktop-menu-view",
        entries: vec![
            cmd(C::ZoomIn),
            cmd(C::ZoomOut),
            cmd(C::ActualSize),
            Separator,
            cmd(C::FullScreen),
        ],
    };
    match platform {
        Platform::MacOs => vec![
            MenuDescription {
                title: "desktop-menu-app",
                entries: vec![
                    About,
                    Separator,
                    cmd(C::Settings),
                    Separator,
                    sys(S::Hide),
                    sys(S::HideOthers),
                    sys(S::ShowAll),
                    Separator,
                    cmd(C::Quit),
                ],
            },
            MenuDescription {
                title: "desktop-menu-edit",
                entries: vec![
                    sys(S::Undo),
                    sys(S::Redo),
                    Separator,
                    sys(S::Cut),
                    sys(S::Copy),
                    sys(S::Paste),
                    sys(S::SelectAll),
                ],
            },
            view,
            MenuDescription {
                title: "desktop-menu-window",
                entries: vec![
                    sys(S::Minimize),
                    sys(S::Zoom),
                    Separator,
                    sys(S::CloseWindow),
                ],
            },
        ],
        Platform::Windows | Platform::Linux => vec![
            MenuDescription {
                title: "desktop-menu-file",
                entries: vec![cmd(C::Settings), Separator, cmd(C::Quit)],
            },
            view,
            MenuDescription {
                title: "desktop-menu-help",
                entries: vec![About],
            },
        ],
    }
}

/// The menu bar of this platform, in the language of `texts`.
pub fn menu(app: &AppHandle, texts: Texts) -> tauri::Result<Menu<Wry>> {
    let platform = Platform::current();
    let submenus = describe(platform)
        .iter()
        .map(|m| submenu(app, texts, platform, m))
        .collect::<tauri::Result<Vec<_>>>()?;
    let items: Vec<&dyn IsMenuItem<Wry>> =
        submenus.iter().map(|s| s as &dyn IsMenuItem<Wry>).collect();
    Menu::with_items(app, &items)
}

fn submenu(
    app: &AppHandle,
    texts: Texts,
    platform: Platform,
    description: &MenuDescription,
) -> tauri::Result<Submenu<Wry>> {
    let menu = Submenu::new(app, texts.get(description.title), true)?;
    for entry in &description.entries {
        let label = entry.label().map(|id| texts.get(id));
        let text = label.as_deref();
        match *entry {
            Entry::About => menu.append(&PredefinedMenuItem::about(
                app,
                text,
                Some(about_metadata(texts)),
            )?)?,
            Entry::Command(c) => menu.append(&MenuItem::with_id(
                app,
                c.id(),
                text.unwrap_or_default(),
                true,
                Some(c.shortcut(platform)),
            )?)?,
            Entry::System(s) => menu.append(&system_item(app, s, text)?)?,
            Entry::Separator => menu.append(&PredefinedMenuItem::separator(app)?)?,
        }
    }
    Ok(menu)
}

fn system_item(
    app: &AppHandle,
    item: SystemItem,
    text: Option<&str>,
) -> tauri::Result<PredefinedMenuItem<Wry>> {
    match item {
        SystemItem::Hide => PredefinedMenuItem::hide(app, text),
        SystemItem::HideOthers => PredefinedMenuItem::hide_others(app, text),
        SystemItem::ShowAll => PredefinedMenuItem::show_all(app, text),
        SystemItem::Undo => PredefinedMenuItem::undo(app, text),
        SystemItem::Redo => PredefinedMenuItem::redo(app, text),
        SystemItem::Cut => PredefinedMenuItem::cut(app, text),
        SystemItem::Copy => PredefinedMenuItem::copy(app, text),
        SystemItem::Paste => PredefinedMenuItem::paste(app, text),
        SystemItem::SelectAll => PredefinedMenuItem::select_all(app, text),
        SystemItem::Minimize => PredefinedMenuItem::minimize(app, text),
        SystemItem::Zoom => PredefinedMenuItem::maximize(app, text),
        SystemItem::CloseWindow => PredefinedMenuItem::close_window(app, text),
    }
}

fn about_metadata(texts: Texts) -> AboutMetadata<'static> {
    AboutMetadata {
        name: Some(texts.get("desktop-window-title")),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some(texts.get("desktop-about-comments")),
        license: Some(env!("CARGO_PKG_LICENSE").into()),
        ..Default::default()
    }
}

/// The page zoom steps of Zoom In / Zoom Out, and their bounds.
pub const ZOOM_STEP: f64 = 0.1;
pub const ZOOM_MIN: f64 = 0.5;
pub const ZOOM_MAX: f64 = 3.0;

/// The zoom after `command` from `current` (bounded by [`ZOOM_MIN`], [`ZOOM_MAX`]).
pub fn next_zoom(current: f64, command: Command) -> f64 {
    let next = match command {
        Command::ZoomIn => current + ZOOM_STEP,
        Command::ZoomOut => current - ZOOM_STEP,
        Command::ActualSize => 1.0,
        _ => current,
    };
    // Whole tenths, so that steps add up to exactly 1.0 again.
    ((next * 10.0).round() / 10.0).clamp(ZOOM_MIN, ZOOM_MAX)
}

/// JavaScript that opens the UI's Settings page, on the app's own page origin only.
pub fn settings_script(page_origin: &str) -> String {
    let origin = serde_json::Value::from(page_origin).to_string();
    format!("if (window.location.origin === {origin}) {{ window.location.hash = '#/settings'; }}")
}

/// The page zoom of the window (1.0 = 100 %), kept for Zoom In / Out.
#[derive(Debug, Default)]
pub struct Zoom(std::sync::Mutex<Option<f64>>);

/// The shell's menu items (the menu bar's and the tray's): Quit ends the event loop
/// (like closing the window), Show brings the window back from the tray, Settings
/// opens the UI's Settings page, the View items zoom the page or toggle full screen.
pub fn on_event(app: &AppHandle, event: MenuEvent) {
    let Some(command) = Command::from_id(event.id().as_ref()) else {
        return;
    };
    let window = app.get_webview_window(crate::WINDOW_LABEL);
    match (command, window) {
        (Command::Quit, _) => app.exit(0),
        (_, None) => {}
        (Command::Show, Some(w)) => show_window(&w),
        (Command::Settings, Some(w)) => {
            let _ = w.show();
            let _ = w.set_focus();
            let _ = w.eval(settings_script(&crate::app_origin()));
        }
        (Command::FullScreen, Some(w)) => {
            let full = w.is_fullscreen().unwrap_or(false);
            let _ = w.set_fullscreen(!full);
        }
        (zoom, Some(w)) => {
            let state = app.state::<Zoom>();
            let mut level = state
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let next = next_zoom(level.unwrap_or(1.0), zoom);
            if w.set_zoom(next).is_ok() {
                *level = Some(next);
            }
        }
    }
}

/// Brings the main window back: out of the tray (hidden), the Dock or the taskbar
/// (minimized), and to the front.
pub fn show_window(window: &tauri::WebviewWindow) {
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
}

#[cfg(test)]
mod tests {
    use nps_i18n::{Locale, Localizer};

    use super::*;

    fn labels(menus: &[MenuDescription]) -> Vec<&'static str> {
        menus
            .iter()
            .flat_map(|m| {
                std::iter::once(m.title).chain(m.entries.iter().filter_map(|e| e.label()))
            })
            .collect()
    }

    fn titles(platform: Platform, texts: Texts) -> Vec<String> {
        describe(platform)
            .iter()
            .map(|m| texts.get(m.title))
            .collect()
    }

    #[test]
    fn macos_has_the_application_menu_then_edit_view_window() {
        let en = Texts::new(Locale::En);
        assert_eq!(
            titles(Platform::MacOs, en),
            ["NPS Oracle", "Edit", "View", "Window"]
        );
        let menus = describe(Platform::MacOs);
        let app = &menus[0].entries;
        assert_eq!(app.first(), Some(&Entry::About));
        assert_eq!(app.last(), Some(&Entry::Command(Command::Quit)));
        assert!(app.contains(&Entry::Command(Command::Settings)));
        assert!(app.contains(&Entry::System(SystemItem::Hide)));
        for item in [
            SystemItem::Cut,
            SystemItem::Copy,
            SystemItem::Paste,
            SystemItem::Undo,
        ] {
            assert!(menus[1].entries.contains(&Entry::System(item)), "{item:?}");
        }
        assert_eq!(
            menus[3].entries,
            [
                Entry::System(SystemItem::Minimize),
                Entry::System(SystemItem::Zoom),
                Entry::Separator,
                Entry::System(SystemItem::CloseWindow)
            ]
        );
        // About, Settings and Quit are in the application menu only.
        for rest in &menus[1..] {
            for e in [
                Entry::About,
                Entry::Command(Command::Settings),
                Entry::Command(Command::Quit),
            ] {
                assert!(!rest.entries.contains(&e), "{e:?} in {}", rest.title);
            }
        }
    }

    #[test]
    fn windows_and_linux_have_file_view_help() {
        for platform in [Platform::Windows, Platform::Linux] {
            let en = Texts::new(Locale::En);
            let fa = Texts::new(Locale::Fa);
            assert_eq!(titles(platform, en), ["File", "View", "Help"]);
            assert_eq!(titles(platform, fa), ["پرونده", "نما", "راهنما"]);
            let menus = describe(platform);
            assert_eq!(
                menus[0].entries,
                [
                    Entry::Command(Command::Settings),
                    Entry::Separator,
                    Entry::Command(Command::Quit)
                ]
            );
            assert_eq!(menus[2].entries, [Entry::About]);
            assert!(
                labels(&menus)
                    .iter()
                    .all(|l| !l.contains("hide") && !l.contains("undo")),
                "no macOS-only items"
            );
        }
        assert_eq!(describe(Platform::Windows), describe(Platform::Linux));
    }

    #[test]
    fn every_label_is_written_in_english_and_persian() {
        for platform in [Platform::MacOs, Platform::Windows, Platform::Linux] {
            for id in labels(&describe(platform)) {
                for locale in Locale::ALL {
                    assert!(Localizer::get().has(locale, id), "{locale} {id}");
                }
                let (en, fa) = (
                    Texts::new(Locale::En).get(id),
                    Texts::new(Locale::Fa).get(id),
                );
                assert_ne!(en, fa, "{id} is not translated");
            }
        }
        let fa = Texts::new(Locale::Fa);
        assert_eq!(fa.get("desktop-menu-settings"), "تنظیمات…");
        assert_eq!(fa.get("desktop-menu-copy"), "رونوشت");
        assert_eq!(
            Texts::new(Locale::En).get("desktop-menu-settings"),
            "Settings…"
        );
    }

    #[test]
    fn commands_have_ids_and_the_platform_shortcuts() {
        for c in Command::ALL {
            assert_eq!(Command::from_id(c.id()), Some(c));
        }
        assert_eq!(Command::from_id("about"), None);
        assert_eq!(Command::Quit.shortcut(Platform::Windows), "CmdOrCtrl+Q");
        assert_eq!(Command::FullScreen.shortcut(Platform::Linux), "F11");
        assert_eq!(Command::FullScreen.shortcut(Platform::MacOs), "Ctrl+Cmd+F");
        #[cfg(target_os = "linux")]
        assert_eq!(Platform::current(), Platform::Linux);
        #[cfg(windows)]
        assert_eq!(Platform::current(), Platform::Windows);
    }

    #[test]
    fn zoom_steps_by_tenths_within_bounds() {
        assert_eq!(next_zoom(1.0, Command::ZoomIn), 1.1);
        assert_eq!(next_zoom(1.1, Command::ZoomOut), 1.0);
        assert_eq!(next_zoom(2.4, Command::ActualSize), 1.0);
        assert_eq!(next_zoom(ZOOM_MAX, Command::ZoomIn), ZOOM_MAX);
        assert_eq!(next_zoom(ZOOM_MIN, Command::ZoomOut), ZOOM_MIN);
        let mut z = 1.0;
        for _ in 0..7 {
            z = next_zoom(z, Command::ZoomIn);
        }
        for _ in 0..7 {
            z = next_zoom(z, Command::ZoomOut);
        }
        assert_eq!(z, 1.0);
    }

    #[test]
    fn the_settings_script_is_guarded_by_the_origin() {
        assert_eq!(
            settings_script("nps://localhost"),
            "if (window.location.origin === \"nps://localhost\") { window.location.hash = '#/settings'; }"
        );
    }
}
