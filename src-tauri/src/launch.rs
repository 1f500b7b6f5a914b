//! The launch decisions of the shell as plain functions (no Tauri, no window), so
//! they are unit-tested: where the data lives, the per-launch secret, the script
//! that hands `{base_url, token}` to the UI, which URLs the window may show, and
//! the ready file of the smoke test.

use std::path::{Path, PathBuf};

use crate::DesktopError;

/// The directory name under the platform data directory (the CLI uses the same,
/// so `nps history` sees the app's readings).
pub const APP_DIR_NAME: &str = "nps-oracle";

/// `NPS_DATA_DIR` when set and not empty, else `<platform data dir>/nps-oracle`
/// (`~/.local/share/nps-oracle` on Linux).
pub fn data_dir(env_override: Option<std::ffi::OsString>) -> Result<PathBuf, DesktopError> {
    match env_override.filter(|v| !v.is_empty()) {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => dirs::data_dir()
            .map(|d| d.join(APP_DIR_NAME))
            .ok_or(DesktopError::NoDataDir),
    }
}

/// Creates `dir` (and parents) if missing; a new directory is private to the user
/// (0700 on Unix).
pub fn create_data_dir(dir: &Path) -> Result<(), DesktopError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| DesktopError::DataDir(dir.to_path_buf(), e))
}

/// The loopback port the app tries first. The web UI keeps its settings (language,
/// theme, the remote-server choice) in the webview's `localStorage`, which is per
/// origin — port included — so a stable port keeps them across launches. When the
/// port is taken, the app takes any free one (that launch starts with default
/// settings; nothing else changes).
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
/// `window.__NPS__ = {base_url, token}`, but only on the loopback server's own
/// origin — a page from anywhere else (which the window refuses to show anyway)
/// never sees the token. With `smoke_reading`, the page also asks for one time
/// reading through the API once loaded (the smoke test then finds it in history).
pub fn init_script(base_url: &str, token: &str, smoke_reading: bool) -> String {
    let origin = serde_json::Value::from(base_url).to_string();
    let token = serde_json::Value::from(token).to_string();
    let mut script = format!(
        "(function () {{\n  if (window.location.origin !== {origin}) return;\n  window.__NPS__ = {{ base_url: {origin}, token: {token} }};\n"
    );
    if smoke_reading {
        script.push_str(
            "  window.addEventListener('load', function () {\n    \
             fetch(window.__NPS__.base_url + '/api/oracle/reading', {\n      \
             method: 'POST',\n      \
             headers: { 'Authorization': 'Bearer ' + window.__NPS__.token, 'Content-Type': 'application/json' },\n      \
             body: JSON.stringify({ locale: 'en', request_id: 'desktop-smoke' })\n    \
             }).then(function (r) { console.log('nps-desktop smoke reading: HTTP ' + r.status); });\n  \
             });\n",
        );
    }
    script.push_str("})();\n");
    script
}

/// JavaScript that replaces the token of `window.__NPS__` on the loopback origin
/// (the shell re-mints it daily; the UI re-reads it after a 4002).
pub fn token_update_script(base_url: &str, token: &str) -> String {
    let origin = serde_json::Value::from(base_url).to_string();
    let token = serde_json::Value::from(token).to_string();
    format!(
        "if (window.location.origin === {origin} && window.__NPS__) {{ window.__NPS__.token = {token}; }}"
    )
}

/// Whether the window may navigate to `url`: only pages of the app's own loopback
/// server (scheme, host and port equal to `base_url`'s).
pub fn allowed_navigation(base_url: &tauri::Url, url: &tauri::Url) -> bool {
    url.scheme() == base_url.scheme()
        && url.host_str() == base_url.host_str()
        && url.port_or_known_default() == base_url.port_or_known_default()
}

/// The smoke test's ready file: the server's URL and this process id — never the
/// token.
pub fn ready_file_json(base_url: &str, pid: u32) -> String {
    serde_json::json!({ "base_url": base_url, "pid": pid }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_prefers_the_environment() {
        assert_eq!(
            data_dir(Some("/tmp/x".into())).unwrap(),
            PathBuf::from("/tmp/x")
        );
        let default = data_dir(Some("".into()));
        if let Ok(d) = default {
            assert!(d.ends_with(APP_DIR_NAME), "{d:?}");
        }
    }

    #[test]
    fn data_dir_is_created_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_data_dir(&dir).unwrap();
        assert!(dir.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
        create_data_dir(&dir).unwrap();
    }

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
    fn init_script_escapes_and_guards_the_origin() {
        let s = init_script("http://127.0.0.1:4321", "a\"b</script>", false);
        assert!(
            s.contains("window.location.origin !== \"http://127.0.0.1:4321\""),
            "{s}"
        );
        assert!(s.contains("token: \"a\\\"b</script>\""), "{s}");
        assert!(!s.contains("fetch("));
        let smoke = init_script("http://127.0.0.1:4321", "t", true);
        assert!(smoke.contains("/api/oracle/reading"));
        // The guard comes before the token is defined.
        assert!(smoke.find("return;").unwrap() < smoke.find("__NPS__ =").unwrap());
    }

    #[test]
    fn token_update_is_guarded_and_escaped() {
        let s = token_update_script("http://127.0.0.1:1", "x'\"y");
        assert!(
            s.starts_with("if (window.location.origin === \"http://127.0.0.1:1\""),
            "{s}"
        );
        assert!(s.contains("window.__NPS__.token = \"x'\\\"y\""), "{s}");
    }

    #[test]
    fn navigation_stays_on_the_loopback_server() {
        let base: tauri::Url = "http://127.0.0.1:4321".parse().unwrap();
        let ok = |u: &str| allowed_navigation(&base, &u.parse().unwrap());
        assert!(ok("http://127.0.0.1:4321/"));
        assert!(ok("http://127.0.0.1:4321/#/history"));
        assert!(!ok("http://127.0.0.1:4322/"));
        assert!(!ok("http://localhost:4321/"));
        assert!(!ok("https://127.0.0.1:4321/"));
        assert!(!ok("http://evil.example/"));
    }

    #[test]
    fn ready_file_has_no_token() {
        let v: serde_json::Value =
            serde_json::from_str(&ready_file_json("http://127.0.0.1:1", 42)).unwrap();
        assert_eq!(v["base_url"], "http://127.0.0.1:1");
        assert_eq!(v["pid"], 42);
        assert_eq!(v.as_object().unwrap().len(), 2);
    }
}
