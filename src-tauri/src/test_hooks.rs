//! What the smoke test (`scripts/test-desktop.sh`) asks of the app through the
//! environment, and nothing else uses:
//!
//! - `NPS_DESKTOP_READY_FILE=PATH`: once the server listens, the app writes
//!   `{"base_url", "pid"}` there — never the token.
//! - `NPS_DESKTOP_TEST_SCRIPT=PATH` (**debug builds only**): the JavaScript in that
//!   file runs in the window after the app's own initialization script (so it finds
//!   `window.__NPS__`), before the page's scripts. The smoke test uses it to run one
//!   reading through the API as the page would. A release build ignores the variable:
//!   the production window runs the app's own script alone.
//! - `NPS_DESKTOP_NOTIFY_NOW=1` (**debug builds only**): the daily notification is
//!   shown once right after the start, as the scheduler shows it at the chosen time
//!   (`crate::notification::show_today`), so the smoke test need not wait for a
//!   clock time. A release build ignores it.

use std::path::PathBuf;

use crate::error::DesktopError;

/// The variable naming the ready file.
pub const READY_FILE_ENV: &str = "NPS_DESKTOP_READY_FILE";
/// The variable naming the test script (debug builds only).
pub const TEST_SCRIPT_ENV: &str = "NPS_DESKTOP_TEST_SCRIPT";
/// The variable asking for the daily notification at once (debug builds only).
pub const NOTIFY_NOW_ENV: &str = "NPS_DESKTOP_NOTIFY_NOW";

/// The smoke test's requests.
#[derive(Debug, Default)]
pub struct TestHooks {
    ready_file: Option<PathBuf>,
    script: Option<String>,
    notify_now: bool,
}

impl TestHooks {
    pub fn from_env() -> Result<Self, DesktopError> {
        Ok(TestHooks {
            ready_file: std::env::var_os(READY_FILE_ENV).map(PathBuf::from),
            script: test_script(std::env::var_os(TEST_SCRIPT_ENV).map(PathBuf::from))?,
            notify_now: notify_now(std::env::var_os(NOTIFY_NOW_ENV).as_deref()),
        })
    }

    /// Whether to show the daily notification right after the start.
    pub fn notify_now(&self) -> bool {
        self.notify_now
    }

    /// The extra script to run in the window, if the test gave one.
    pub fn script(&self) -> Option<&str> {
        self.script.as_deref()
    }

    /// Writes the ready file, if the test asked for one.
    pub fn server_ready(&self, base_url: &str) -> Result<(), DesktopError> {
        let Some(path) = &self.ready_file else {
            return Ok(());
        };
        std::fs::write(path, ready_file_json(base_url, std::process::id()))
            .map_err(|e| DesktopError::TestFile(path.clone(), e))
    }
}

/// The contents of the test script file (debug builds).
#[cfg(debug_assertions)]
fn test_script(path: Option<PathBuf>) -> Result<Option<String>, DesktopError> {
    path.map(|p| std::fs::read_to_string(&p).map_err(|e| DesktopError::TestFile(p, e)))
        .transpose()
}

/// Release builds run no test script, whatever the environment says.
#[cfg(not(debug_assertions))]
fn test_script(path: Option<PathBuf>) -> Result<Option<String>, DesktopError> {
    if path.is_some() {
        tracing::warn!("{TEST_SCRIPT_ENV} is ignored by a release build");
    }
    Ok(None)
}

/// `NPS_DESKTOP_NOTIFY_NOW=1` in a debug build.
fn notify_now(value: Option<&std::ffi::OsStr>) -> bool {
    let asked = value.is_some_and(|v| v == "1");
    if asked && !cfg!(debug_assertions) {
        tracing::warn!("{NOTIFY_NOW_ENV} is ignored by a release build");
    }
    asked && cfg!(debug_assertions)
}

/// The ready file: the server's URL and this process id — never the token.
pub fn ready_file_json(base_url: &str, pid: u32) -> String {
    serde_json::json!({ "base_url": base_url, "pid": pid }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_file_has_no_token() {
        let v: serde_json::Value =
            serde_json::from_str(&ready_file_json("http://127.0.0.1:1", 42)).unwrap();
        assert_eq!(v["base_url"], "http://127.0.0.1:1");
        assert_eq!(v["pid"], 42);
        assert_eq!(v.as_object().unwrap().len(), 2);
    }

    #[test]
    fn the_test_script_is_read_in_debug_builds_only() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("t.js");
        std::fs::write(&path, "console.log('t');").unwrap();
        let script = test_script(Some(path)).unwrap();
        if cfg!(debug_assertions) {
            assert_eq!(script.as_deref(), Some("console.log('t');"));
            let missing = test_script(Some(tmp.path().join("missing.js")));
            assert!(matches!(missing, Err(DesktopError::TestFile(..))));
        } else {
            assert_eq!(script, None);
        }
        assert_eq!(test_script(None).unwrap(), None);
    }

    #[test]
    fn notify_now_is_a_debug_build_hook() {
        let one = std::ffi::OsStr::new("1");
        assert_eq!(notify_now(Some(one)), cfg!(debug_assertions));
        assert!(!notify_now(Some(std::ffi::OsStr::new("yes"))));
        assert!(!notify_now(None));
    }

    #[test]
    fn the_ready_file_is_written_only_when_asked() {
        let tmp = tempfile::tempdir().unwrap();
        TestHooks::default()
            .server_ready("http://127.0.0.1:9")
            .unwrap();
        let path = tmp.path().join("ready.json");
        let hooks = TestHooks {
            ready_file: Some(path.clone()),
            ..TestHooks::default()
        };
        hooks.server_ready("http://127.0.0.1:9").unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(v["base_url"], "http://127.0.0.1:9");
    }
}
