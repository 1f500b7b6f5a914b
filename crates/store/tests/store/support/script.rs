//! `scripts/postgres.sh` for tests: run it, a private throwaway server
//! ([`Cluster`]) and the server a test process shares ([`shared_server`]). Shared by the store's suite and the CLI's cluster tests (which
//! include this file with `#[path]`); std only.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// Overrides the throwaway server: a PostgreSQL URL whose user may create schemas
/// and databases.
pub const TEST_DATABASE_URL_ENV: &str = "NPS_TEST_DATABASE_URL";

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

/// The admin URL of the server all tests of this process share: the one
/// [`TEST_DATABASE_URL_ENV`] names, else a throwaway [`Cluster`] started on first use.
pub fn shared_server() -> &'static str {
    static SERVER: OnceLock<String> = OnceLock::new();
    SERVER.get_or_init(|| match std::env::var(TEST_DATABASE_URL_ENV) {
        Ok(url) if !url.trim().is_empty() => url,
        // Never dropped: the script's watcher removes it when this process exits.
        _ => std::mem::ManuallyDrop::new(Cluster::start()).url.clone(),
    })
}

/// `postgres://user@host:port/db?query` with `db` replaced.
pub fn replace_dbname(url: &str, dbname: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let authority_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|j| start + j))
        .unwrap_or(base.len());
    let mut out = format!("{}/{dbname}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}
