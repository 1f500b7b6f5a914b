//! The files the CLI and `nps serve` create are private whatever the umask: the data
//! directory 0700; the database, its `-wal` and `-shm`, and the signing secret 0600.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use super::serve::{post, start};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `nps ARGS` under `umask 000`, where plain files would be 0666.
fn nps_umask_000(args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("umask 000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_nps"))
        .args(args)
        .env_remove("NPS_LOCALE")
        .env_remove("NPS_JWT_SECRET");
    command
}

#[test]
fn a_saved_reading_makes_a_private_directory_and_database() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new/nps-oracle");
    let status = nps_umask_000(&[
        "read",
        "time",
        "--save",
        "--data-dir",
        dir.to_str().unwrap(),
    ])
    .stdout(Stdio::null())
    .status()
    .unwrap();
    assert!(status.success());
    assert_eq!(mode(&tmp.path().join("new")), 0o700);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("nps.db")), 0o600);
    // And the same shell makes world-writable files: the umask really is 000.
    let probe = tmp.path().join("probe");
    let made = Command::new("sh")
        .arg("-c")
        .arg(format!("umask 000 && : > '{}'", probe.display()))
        .status()
        .unwrap();
    assert!(made.success());
    assert_eq!(mode(&probe), 0o666);
}

#[test]
fn a_running_server_keeps_database_wal_shm_and_secret_private() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let d = dir.to_str().unwrap();
    let (mut child, line) = start(nps_umask_000(&[
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--data-dir",
        d,
    ]));
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .to_string();
    let token = nps_umask_000(&["token", "--user", "local", "--data-dir", d])
        .output()
        .unwrap();
    let token = String::from_utf8(token.stdout).unwrap();
    let reply = post(
        &addr,
        "/api/oracle/reading",
        token.trim(),
        r#"{"request_id":"m"}"#,
    );
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let modes: Vec<(&str, u32)> = ["jwt-secret", "nps.db", "nps.db-wal", "nps.db-shm"]
        .into_iter()
        .map(|f| (f, mode(&dir.join(f))))
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(mode(&dir), 0o700);
    for (file, m) in modes {
        assert_eq!(m, 0o600, "{file}");
    }
}
