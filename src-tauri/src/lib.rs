//! NPS Oracle desktop shell (DESIGN §6): a Tauri 2 window on the server library,
//! which runs inside the app on `127.0.0.1:<port>`.
//!
//! The webview loads the web UI (embedded in this binary) from the app's own scheme,
//! `nps://localhost/` (`https://nps.localhost/` on Windows): an origin without a port,
//! the same at every launch, so the UI's `localStorage` survives a taken port and
//! remote servers can allow the app by name. The UI calls the loopback server
//! cross-origin (CORS); the server's loopback checks (peer, `Host`, `Origin` = its own
//! or the app's; 403 on HTTP, 4003 on `/ws/oracle`) refuse every other page. The UI
//! gets `window.__NPS__ = {base_url, token}` from an initialization script injected
//! before the page loads, on the app's origin only; the token never appears in a URL.
//! The signing secret is fresh for every launch and lives in memory only.
//!
//! One tokio runtime, built here and handed to Tauri (`tauri::async_runtime::set`),
//! runs the server and everything else. Closing the window (unless close-to-tray is
//! on: then it hides), SIGTERM/Ctrl-C, or a Quit menu entry ends the event loop; then the server is shut down gracefully —
//! `serve` returns only after in-flight requests (and so in-flight readings) are
//! finished and stored.
//!
//! # Layout
//! - `lib.rs`: [`run`] and its steps — launch settings, the runtime, the app, the
//!   window, the server's stop.
//! - `launch`: the launch decisions as plain functions (secret, ports, init script,
//!   navigation) and `Launch`, read from the environment (data directory through
//!   `nps-platform`).
//! - `server`: `LocalServer` — the embedded server, its token, its stop.
//! - `assets`: the web UI embedded with `rust-embed`, and the app scheme's answers.
//! - `menu`, `texts`: the menu bar (a pure per-platform description, then Tauri menus)
//!   and every text the shell shows, from `locales/` in the system's language.
//! - `settings`, `commands`: the shell's own settings (`desktop.json` in the data
//!   directory: the daily notification's time, close-to-tray) and the two Tauri
//!   commands the UI's Settings page reads and changes them with.
//! - [`schedule`], `notification`: the daily reading as a native notification at the
//!   chosen local time (the next fire time is a pure, DST-safe function).
//! - `tray`: the tray icon and its menu, and closing the window to the tray.
//! - `test_hooks`: the ready file and (debug builds only) the injected test script
//!   and the "notify now" of the smoke test.
//! - `error`: `DesktopError`.
//! - [`webview_runtime`]: on Windows, a clear message and exit 3 when the WebView2
//!   Runtime is missing.

mod assets;
mod commands;
mod error;
mod launch;
mod menu;
mod notification;
pub mod schedule;
mod server;
mod settings;
mod test_hooks;
mod texts;
mod tray;
pub mod webview_runtime;

use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tauri::webview::PageLoadEvent;
use tauri::{App, Manager, RunEvent, WebviewUrl, WebviewWindowBuilder};

pub use error::DesktopError;
pub use launch::{
    APP_SCHEME, Launch, PREFERRED_PORT, allowed_navigation, app_origin, app_url, fresh_secret,
    has_display, init_script, ports_to_try,
};
pub use server::{LOCAL_TOKEN_TTL, LOCAL_USER, LocalServer};
pub use test_hooks::ready_file_json;
pub use texts::Texts;

/// Window label, title and sizes.
pub const WINDOW_LABEL: &str = "main";
const WINDOW_SIZE: (f64, f64) = (1100.0, 780.0);
const WINDOW_MIN_SIZE: (f64, f64) = (720.0, 540.0);

/// Where the running server's stop handle waits for the end of the event loop.
type ServerSlot = Arc<Mutex<Option<server::Running>>>;

/// Builds and runs the app; returns when the window is closed and the server has
/// stopped.
pub fn run() -> ExitCode {
    nps_platform::init_logging("info");
    let texts = Texts::system();
    #[cfg(windows)]
    if let Err(code) = webview_runtime::require(texts) {
        return code;
    }
    match run_app(texts) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            tracing::error!(error = %e, "cannot start");
            eprintln!("nps-desktop: {}", e.message(texts));
            ExitCode::FAILURE
        }
    }
}

/// The steps of a launch: settings, runtime, app; the event loop; the server's stop.
fn run_app(texts: Texts) -> Result<i32, DesktopError> {
    let started = Instant::now();
    let launch = Launch::from_env()?;
    let runtime = shared_runtime()?;
    let server = ServerSlot::default();
    let app = build_app(launch, texts, Arc::clone(&server), started)?;
    let code = app.run_return(|_app, event| match event {
        RunEvent::ExitRequested { code, .. } => tracing::info!(?code, "closing"),
        // macOS: a click on the Dock icon brings back a window closed to the tray.
        #[cfg(target_os = "macos")]
        RunEvent::Reopen { .. } => {
            if let Some(w) = _app.get_webview_window(WINDOW_LABEL) {
                menu::show_window(&w);
            }
        }
        _ => {}
    });
    // The event loop is over: stop the server and wait for in-flight work.
    let running = server.lock().ok().and_then(|mut slot| slot.take());
    if let Some(running) = running {
        running.stop(&runtime);
    }
    runtime.shutdown_timeout(Duration::from_secs(2));
    Ok(code)
}

/// One multi-thread runtime for the server and everything else, shared with Tauri.
fn shared_runtime() -> Result<tokio::runtime::Runtime, DesktopError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("nps-desktop")
        .build()
        .map_err(DesktopError::Runtime)?;
    tauri::async_runtime::set(runtime.handle().clone());
    Ok(runtime)
}

/// The Tauri app: single instance, the menu, and [`setup`] once it starts.
fn build_app(
    launch: Launch,
    texts: Texts,
    server: ServerSlot,
    started: Instant,
) -> Result<App, DesktopError> {
    Ok(tauri::Builder::default()
        // First, so that a second launch hands over before starting a server.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window(WINDOW_LABEL) {
                menu::show_window(&w);
            }
        }))
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(tauri::generate_handler![
            commands::get_desktop_settings,
            commands::set_desktop_settings
        ])
        .on_window_event(tray::on_window_event)
        // The app's pages (the web UI, from memory) under its own fixed origin.
        .register_asynchronous_uri_scheme_protocol(APP_SCHEME, move |_ctx, request, responder| {
            responder.respond(assets::page(texts, &request));
        })
        .manage(menu::Zoom::default())
        .menu(move |app| menu::menu(app, texts))
        .on_menu_event(menu::on_event)
        .setup(move |app| Ok(setup(app, &launch, texts, &server, started)?))
        .build(tauri::generate_context!())?)
}

/// Starts the server, opens the window on it, and keeps it going: the ready file for
/// the smoke test, the daily token refresh, SIGTERM/Ctrl-C as a close; the shell's
/// settings, the tray icon and the daily notification.
fn setup(
    app: &mut App,
    launch: &Launch,
    texts: Texts,
    slot: &ServerSlot,
    started: Instant,
) -> Result<(), DesktopError> {
    let local = LocalServer::start(launch.data_dir.clone(), &launch.ports)?;
    tracing::info!(
        base_url = %local.base_url,
        data_dir = %launch.data_dir.display(),
        "embedded server listening"
    );
    // Before the window: its page may ask for the settings at once.
    start_desktop_integration(app, launch, &local);
    open_window(app, &local, launch, texts, started)?;
    launch.test_hooks.server_ready(&local.base_url)?;
    tauri::async_runtime::spawn(server::refresh_token_periodically(
        app.handle().clone(),
        WINDOW_LABEL,
        app_origin(),
        local.secret.clone(),
    ));
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        nps_server::shutdown_signal().await;
        handle.exit(0);
    });
    if let Ok(mut slot) = slot.lock() {
        *slot = Some(local.running);
    }
    Ok(())
}

/// The shell's settings (managed state, for the commands), the tray icon (shown while
/// close-to-tray is on) and the daily notification's scheduler.
fn start_desktop_integration(app: &App, launch: &Launch, local: &LocalServer) {
    let store = settings::SettingsStore::open(&launch.data_dir);
    let handle = app.handle();
    if tray::build(handle, store.texts()).is_some() {
        tray::show_tray(handle, store.get().close_to_tray);
    }
    tauri::async_runtime::spawn(notification::run_scheduler(
        handle.clone(),
        local.state.clone(),
        store.watch(),
    ));
    if launch.test_hooks.notify_now() {
        let (handle, state, texts) = (handle.clone(), local.state.clone(), store.texts());
        tauri::async_runtime::spawn(async move {
            notification::show_today(&handle, &state, texts).await;
        });
    }
    app.manage(store);
}

/// The window on the app's own page (`nps://localhost/`, a fixed origin) with the
/// app's init script (and the smoke test's, in a debug build that was given one),
/// navigation kept to the app's pages.
fn open_window(
    app: &App,
    local: &LocalServer,
    launch: &Launch,
    texts: Texts,
    started: Instant,
) -> Result<(), DesktopError> {
    let url = app_url();
    let allowed = url.clone();
    let mut window = WebviewWindowBuilder::new(app, WINDOW_LABEL, WebviewUrl::CustomProtocol(url))
        // Windows names the app's pages https://nps.localhost (a secure context).
        .use_https_scheme(true)
        .title(texts.get("desktop-window-title"))
        .inner_size(WINDOW_SIZE.0, WINDOW_SIZE.1)
        .min_inner_size(WINDOW_MIN_SIZE.0, WINDOW_MIN_SIZE.1)
        .initialization_script(init_script(&app_origin(), &local.base_url, &local.token));
    if let Some(script) = launch.test_hooks.script() {
        window = window.initialization_script(script);
    }
    window
        .on_navigation(move |u| {
            let ok = allowed_navigation(&allowed, u);
            if !ok {
                tracing::warn!(url = %u, "navigation away from the app refused");
            }
            ok
        })
        .on_page_load(move |_, payload| {
            if payload.event() == PageLoadEvent::Finished {
                let ms = started.elapsed().as_millis() as u64;
                tracing::info!(ms, "page loaded");
            }
        })
        .build()?;
    Ok(())
}
