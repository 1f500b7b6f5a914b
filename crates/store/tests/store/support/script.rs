//! `scripts/postgres.sh` for tests: run it, and a private throwaway server
//! ([`Cluster`]). Shared by the store's suite and the CLI's cluster tests (which
//! include this file with `#[path]`); std only.

use std::path::PathBuf;
use std::process::Command;

pub fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/postgres.sh")
}

pub fn run_script(args: &[&str]) -> String {
    let out = Command::new("bash")
        .arg(script())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running scripts/postgres.sh {args:?}: {e}"));
    assert!(
        out.status.success(),
        "scripts/postgres.sh {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A private throwaway server, stopped and removed on drop (and by the script's
/// watcher if the test process dies first).
pub struct Cluster {
    pub url: String,
}

impl Cluster {
    pub fn start() -> Cluster {
        let pid = std::process::id().to_string();
        let url = run_script(&["start", "--watch-pid", &pid, "--no-fsync"]);
        assert!(url.starts_with("postgres://"), "unexpected URL {url:?}");
        Cluster { url }
    }

    /// Stops the server, keeping its data.
    pub fn down(&self) {
        run_script(&["down", &self.url]);
    }

    /// Starts it again on the same port.
    pub fn up(&self) {
        run_script(&["up", &self.url]);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .args(["stop", &self.url])
            .output();
    }
}
