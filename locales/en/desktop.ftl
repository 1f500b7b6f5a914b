## The desktop app (src-tauri): messages it shows itself, before or outside its window.
## Every id starts with `desktop-`. The language is the system's (English unless it is
## Persian).

desktop-window-title = NPS Oracle
# The application menu: its title, the About entry and Quit.
desktop-menu-app = NPS Oracle
desktop-menu-about = About NPS Oracle
desktop-menu-quit = Quit
# The menu bar: on macOS the application menu (named after the app: desktop-menu-app),
# Edit, View and Window; on Windows and Linux File, View and Help.
desktop-menu-file = File
desktop-menu-edit = Edit
desktop-menu-view = View
desktop-menu-window = Window
desktop-menu-help = Help
desktop-menu-settings = Settings…
desktop-menu-hide = Hide NPS Oracle
desktop-menu-hide-others = Hide Others
desktop-menu-show-all = Show All
desktop-menu-undo = Undo
desktop-menu-redo = Redo
desktop-menu-cut = Cut
desktop-menu-copy = Copy
desktop-menu-paste = Paste
desktop-menu-select-all = Select All
desktop-menu-zoom-in = Zoom In
desktop-menu-zoom-out = Zoom Out
desktop-menu-actual-size = Actual Size
desktop-menu-full-screen = Full Screen
desktop-menu-minimize = Minimize
# macOS's Window ▸ Zoom: the window fills the screen's free space (not the page zoom).
desktop-menu-zoom-window = Zoom
desktop-menu-close-window = Close Window
# The About box's line under the name and version.
desktop-about-comments = Numerology and FC60 oracle readings, offline, in English and Persian.
# The page shown by a build made without the web UI (a developer's build).
desktop-placeholder-title = The web UI is missing
desktop-placeholder-body = This build of NPS Oracle does not carry its web UI. Run scripts/build-ui.sh, then build nps-desktop again.

# Why the app could not start, on stderr: "nps-desktop: " and one of these.
desktop-error-no-display = no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Without a display, serve the same UI with “nps serve --ui-dir ui/dist” and open the address it prints.
desktop-error-no-data-dir = no data directory is known on this system; set NPS_DATA_DIR
desktop-error-data-dir = cannot create the data directory { $dir }: { $error }
desktop-error-random = no secure random numbers: { $error }
desktop-error-runtime = cannot start the async runtime: { $error }
desktop-error-bind = cannot listen on loopback: { $error }
desktop-error-server = cannot start the server: { $error }
desktop-error-token = cannot make the local token: { $error }
desktop-error-test-file = cannot use the test file { $file }: { $error }
desktop-error-window = the window could not be made: { $error }

# A native message box on Windows when the WebView2 Runtime, which draws the app's
# window, is missing (src-tauri/src/webview_runtime.rs).
desktop-webview-missing-title = NPS Oracle cannot open its window
desktop-webview-missing-body =
    NPS Oracle draws its window with the Microsoft Edge WebView2 Runtime, which is not installed for this Windows user.

    Run the NPS Oracle installer again: it installs the runtime and needs no internet connection. You can also install the “WebView2 Runtime” from Microsoft’s website (developer.microsoft.com/microsoft-edge/webview2).

    Until then, the nps command gives the same readings in a terminal.

# The tray icon's menu (while "close to tray" is on in Settings): Show brings the
# window back; Quit is desktop-menu-quit.
desktop-menu-show = Show NPS Oracle

# The daily notification, at the time chosen in Settings. $headline is the day's
# reading's headline (its date); $name the saved "me" it was read for.
desktop-daily-title = Your day: { $headline }
desktop-daily-title-personal = { $name }’s day: { $headline }
# The notification's second line; $numbers is already a list ("3, 7, 21").
desktop-daily-lucky = Lucky numbers: { $numbers }

# The Settings page could not save the desktop settings.
desktop-error-settings-locale = unknown language: { $locale }
desktop-error-settings-save = cannot save the desktop settings: { $error }
