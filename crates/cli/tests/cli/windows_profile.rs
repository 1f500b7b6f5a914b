//! A Windows user whose profile path is in Persian (`C:\Users\مریم\AppData\Roaming`):
//! with no `--data-dir` and no `NPS_DATA_DIR`, `nps.exe` keeps its data in
//! `%APPDATA%\nps-oracle` there — the store opens, the signing secret is written, a
//! saved reading is listed back. Runs under Wine in `scripts/test-windows.sh`.
#![cfg(windows)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// `nps ARGS` with `%APPDATA%` = `app_data` and nothing else naming a data directory.
fn nps_with_app_data(app_data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nps"))
        .args(args)
        .env("APPDATA", app_data)
        .env_remove("NPS_DATA_DIR")
        .env_remove("NPS_JWT_SECRET")
        .env_remove("NPS_LOCALE")
        .output()
        .expect("nps.exe runs")
}

fn succeeded(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn a_persian_profile_path_holds_the_store_the_secret_and_the_history() {
    let tmp = tempfile::tempdir().unwrap();
    let roaming = tmp
        .path()
        .join("Users")
        .join("مریم")
        .join("AppData")
        .join("Roaming");
    std::fs::create_dir_all(&roaming).unwrap();
    let data = roaming.join("nps-oracle");

    let saved: Value = serde_json::from_str(&succeeded(&nps_with_app_data(
        &roaming,
        &["read", "name", "--name", "مریم", "--save", "--json"],
    )))
    .unwrap();
    assert!(
        data.join("nps.db").is_file(),
        "no nps.db in {}",
        data.display()
    );

    let token = succeeded(&nps_with_app_data(&roaming, &["token", "--user", "local"]));
    assert_eq!(token.trim().split('.').count(), 3, "a JWT: {token}");
    let secret = std::fs::read_to_string(data.join("jwt-secret")).unwrap();
    assert!(
        secret.trim().len() >= 32,
        "secret of {} bytes",
        secret.len()
    );

    let list: Value = serde_json::from_str(&succeeded(&nps_with_app_data(
        &roaming,
        &["history", "list", "--json"],
    )))
    .unwrap();
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["items"][0]["kind"], "name", "{list}");
    assert_eq!(list["items"][0]["input"]["name"], "مریم", "{list}");
    let shown: Value = serde_json::from_str(&succeeded(&nps_with_app_data(
        &roaming,
        &["history", "show", "1", "--json"],
    )))
    .unwrap();
    // The abjad sum of مریم: 40 + 200 + 10 + 40.
    assert_eq!(saved["figures"]["letter_sum"], 290, "{saved}");
    assert_eq!(shown["result"]["figures"]["letter_sum"], 290, "{shown}");
    assert_eq!(
        shown["result"]["figures"]["expression"],
        saved["figures"]["expression"]
    );
    // Nothing went anywhere else: the profile holds exactly the app's folder.
    let entries: Vec<_> = std::fs::read_dir(&roaming)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, vec![std::ffi::OsString::from("nps-oracle")]);
}
