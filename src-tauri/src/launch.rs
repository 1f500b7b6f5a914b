//! The launch decisions of the shell as plain functions (no Tauri, no window), so
//! they are unit-tested — the per-launch secret, the loopback ports to try, the script
//! that hands `{base_url, token}` to the UI, which URLs the window may show — and
//! [`Launch`], what a launch starts with, read from the environment.

use std::path::PathBuf;

use crate::error::DesktopError;
use crate::test_hooks::TestHooks;

/// What a launch starts with.
#[derive(Debug)]
pub struct Launch {
    /// `NPS_DATA_DIR`, else the platform's (`nps-platform`, shared with the `nps` CLI,
    /// so `nps history` lists the app's readings); created private.
    pub data_dir: PathBuf,
    /// The loopback ports to try, in order ([`ports_to_try`]).
    pub ports: Vec<u16>,
    /// What the smoke test asks for (nothing, outside it).
    pub test_hooks: TestHooks,
}

impl Launch {
    /// Checks that a window can be shown, then finds and creates the data directory.
    pub fn from_env() -> Result<Self, DesktopError> {
        let env = |k: &str| std::env::var(k).ok();
        if !has_display(env("DISPLAY").as_deref(), env("WAYLAND_DISPLAY").as_deref()) {
            return Err(DesktopError::NoDisplay);
        }
        let data_dir = nps_platform::data_dir().map_err(|_| DesktopError::NoDataDir)?;
        nps_platform::create_private_dir(&data_dir)
            .map_err(|e| DesktopError::DataDir(data_dir.clone(), e))?;
        Ok(Launch {
            data_dir,
            ports: ports_to_try(env("NPS_DESKTOP_PORT").as_deref()),
            test_hooks: TestHooks::from_env()?,
        })
    }
}

/// The scheme of the app's own pages: the window shows the web UI from
/// `nps://localhost/` (`https://nps.localhost/` on Windows), served from memory by
/// the shell, never from a port — so the page's origin, and with it the UI's
/// `localStorage` (language, theme, the remote-server choice, sign-ins), is the same
/// at every launch. See the README ("A stable page origin").
pub const APP_SCHEME: &str = "nps";

/// The URL of the app's start page, as the platform's webview names a page of
/// [`APP_SCHEME`].
pub fn app_url() -> tauri::Url {
    let url = if cfg!(windows) {
        "https://nps.localhost/"
    } else {
        "nps://localhost/"
    };
    // Both literals are valid URLs.
    tauri::Url::parse(url).unwrap_or_else(|_| unreachable!("a valid literal URL"))
}

/// The origin of the app's pages (`location.origin`), one of
/// `nps_server::config::DESKTOP_ORIGINS`.
pub fn app_origin() -> String {
    // Not `Url::origin()`: the URL standard makes a custom scheme's origin opaque
    // ("null"), while the webviews name it `scheme://host`.
    let url = app_url();
    format!(
        "{}://{}",
        url.scheme(),
        url.host_str().unwrap_or("localhost")
    )
}

/// The loopback port the app tries first. The page's origin does not depend on it
/// ([`APP_SCHEME`]); a fixed port only makes the server easy to find (`nps watch`,
/// logs). When it is taken, the app takes any free one and nothing else changes.
pub const PREFERRED_PORT: u16 = 47_615;

/// The ports to try, in order: `NPS_DESKTOP_PORT` (`0` = any free port) or
/// [`PREFERRED_PORT`], then any free port.
pub fn ports_to_try(env_port: Option<&str>) -> Vec<u16> {
    let first = match env_port.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => p.parse().unwrap_or(PREFERRED_PORT),
        None => PREFERRED_PORT,
    };
    if first == 0 { vec![0] } else { vec![first, 0] }
}

/// A fresh random 256-bit signing secret; it lives in memory for one launch only.
pub fn fresh_secret() -> Result<Vec<u8>, DesktopError> {
    let mut secret = vec![0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| DesktopError::Random(e.to_string()))?;
    Ok(secret)
}

/// Whether a window can be shown: on Linux and the BSDs an X11 or Wayland display
/// must be named in the environment.
pub fn has_display(display: Option<&str>, wayland: Option<&str>) -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    display.is_some_and(|d| !d.is_empty()) || wayland.is_some_and(|w| !w.is_empty())
}

/// The JavaScript run in the window before the page's own scripts: defines
/// `window.__NPS__ = {base_url, token}` (the loopback server's URL and its token),
/// but only on the app's own page origin `page_origin` — a page from anywhere else
/// (which the window refuses to show anyway) never sees the token. Nothing else:
/// test scripts come from the smoke test itself (`test_hooks`, debug builds only).
pub fn init_script(page_origin: &str, base_url: &str, token: &str) -> String {
    let origin = serde_json::Value::from(page_origin).to_string();
    let base_url = serde_json::Value::from(base_url).to_string();
    let token = serde_json::Value::from(token).to_string();
    format!(
        "(function () {{\n  if (window.location.origin !== {origin}) return;\n  window.__NPS__ = {{ base_url: {base_url}, token: {token} }};\n}})();\n"
    )
}

/// JavaScript that replaces the token of `window.__NPS__` on the app's page origin
/// (the shell re-mints it daily; the UI re-reads it after a 4002).
pub fn token_update_script(page_origin: &str, token: &str) -> String {
    let origin = serde_json::Value::from(page_origin).to_string();
    let token = serde_json::Value::from(token).to_string();
    format!(
        "if (window.location.origin === {origin} && window.__NPS__) {{ window.__NPS__.token = {token}; }}"
    )
}

/// Whether the window may navigate to `url`: only the app's own pages (scheme, host
/// and port equal to `app_url`'s).
pub fn allowed_navigation(app_url: &tauri::Url, url: &tauri::Url) -> bool {
    url.scheme() == app_url.scheme()
        && url.host_str() == app_url.host_str()
        && url.port_or_known_default() == app_url.port_or_known_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports() {
        assert_eq!(ports_to_try(None), vec![PREFERRED_PORT, 0]);
        assert_eq!(ports_to_try(Some("")), vec![PREFERRED_PORT, 0]);
        assert_eq!(ports_to_try(Some("0")), vec![0]);
        assert_eq!(ports_to_try(Some("5000")), vec![5000, 0]);
        assert_eq!(ports_to_try(Some("nonsense")), vec![PREFERRED_PORT, 0]);
    }

    #[test]
    fn secrets_are_fresh_and_long_enough() {
        let a = fresh_secret().unwrap();
        let b = fresh_secret().unwrap();
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(a.len() >= nps_server::config::MIN_JWT_SECRET_LEN);
    }

    #[test]
    fn display_detection() {
        if cfg!(target_os = "linux") {
            assert!(!has_display(None, None));
            assert!(!has_display(Some(""), Some("")));
            assert!(has_display(Some(":99"), None));
            assert!(has_display(None, Some("wayland-0")));
        }
    }

    #[test]
    fn the_app_page_has_a_fixed_origin_every_server_allows() {
        let origin = app_origin();
        if cfg!(windows) {
            assert_eq!(origin, "https://nps.localhost");
        } else {
            assert_eq!(origin, "nps://localhost");
            assert_eq!(app_url().as_str(), "nps://localhost/");
        }
        assert!(nps_server::config::DESKTOP_ORIGINS.contains(&origin.as_str()));
    }

    #[test]
    fn init_script_escapes_and_guards_the_origin() {
        let s = init_script("nps://localhost", "http://127.0.0.1:4321", "a\"b</script>");
        assert!(
            s.contains("window.location.origin !== \"nps://localhost\""),
            "{s}"
        );
        assert!(s.contains("base_url: \"http://127.0.0.1:4321\""), "{s}");
        assert!(s.contains("token: \"a\\\"b</script>\""), "{s}");
        // The guard comes before the token is defined, and nothing else runs.
        assert!(s.find("return;").unwrap() < s.find("__NPS__ =").unwrap());
        assert!(
            !s.contains("fetch(") && !s.contains("addEventListener"),
            "{s}"
        );
        assert_eq!(s.lines().count(), 4, "{s}");
    }

    #[test]
    fn token_update_is_guarded_and_escaped() {
        let s = token_update_script("nps://localhost", "x'\"y");
        assert!(
            s.starts_with("if (window.location.origin === \"nps://localhost\""),
            "{s}"
        );
        assert!(s.contains("window.__NPS__.token = \"x'\\\"y\""), "{s}");
    }

    #[test]
    fn navigation_stays_on_the_app_pages() {
        let app: tauri::Url = "nps://localhost/".parse().unwrap();
        let ok = |u: &str| allowed_navigation(&app, &u.parse().unwrap());
        assert!(ok("nps://localhost/"));
        assert!(ok("nps://localhost/#/history"));
        assert!(!ok("nps://evil.example/"));
        // Not even the loopback server's own pages: the app's page is nps://.
        assert!(!ok("http://127.0.0.1:4321/"));
        assert!(!ok("tauri://localhost/"));
        assert!(!ok("http://evil.example/"));
    }
}
