//! `nps backup --to FILE [--force]`: a consistent copy while `nps serve` writes, private,
//! never over an existing file without `--force`.

use std::path::Path;
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use super::nps;
use super::serve::{post, serve};

fn backup(data: &Path, to: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "backup",
        "--to",
        to.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
    ];
    args.extend(extra);
    nps(&args)
}

/// The ids of the local history in `data`, oldest first.
fn local_ids(data: &Path) -> Vec<i64> {
    let out = nps(&[
        "history",
        "list",
        "--json",
        "--limit",
        "200",
        "--data-dir",
        data.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

/// Readings are posted to a running server while the backup is taken: the backup is
/// one moment of the database (ids 1..=n, n at least what was answered before it).
#[test]
fn a_backup_while_the_server_writes_is_consistent_and_private() {
    const READINGS: usize = 40;
    let server = serve();
    let data = server.dir.path().to_path_buf();
    let d = data.to_str().unwrap();
    // A token for the CLI's own owner, so `nps history` lists what the server stored.
    let token = String::from_utf8(nps(&["token", "--user", "local", "--data-dir", d]).stdout)
        .unwrap()
        .trim()
        .to_string();
    let answered = Arc::new(AtomicUsize::new(0));
    let writer = std::thread::spawn({
        let (addr, answered) = (server.addr.clone(), Arc::clone(&answered));
        move || {
            for i in 0..READINGS {
                let body = format!(r#"{{"request_id":"b{i}"}}"#);
                let reply = post(&addr, "/api/oracle/reading", &token, &body);
                assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
                answered.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    while answered.load(Ordering::SeqCst) < 5 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let floor = answered.load(Ordering::SeqCst);
    let restored = tempfile::tempdir().unwrap();
    let to = restored.path().join("nps.db");
    let out = backup(&data, &to, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("The history was backed up to {}.\n", to.display())
    );
    writer.join().unwrap();

    let ids = local_ids(restored.path());
    let n = ids.len();
    assert!(
        (floor..=READINGS).contains(&n),
        "{n} readings in the backup; {floor} were answered before it"
    );
    assert_eq!(ids, (1..=n as i64).collect::<Vec<_>>());
    assert_eq!(
        local_ids(&data).len(),
        READINGS,
        "the server kept every reading"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&to).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn an_existing_file_needs_force_and_a_missing_history_is_bad_input() {
    let data = tempfile::tempdir().unwrap();
    let to = data.path().join("copy.db");
    let none = backup(&data.path().join("empty"), &to, &[]);
    assert_eq!(none.status.code(), Some(2));
    let err = String::from_utf8_lossy(&none.stderr);
    assert!(
        err.starts_with("nps: error: there is no history database in "),
        "{err}"
    );
    assert!(!data.path().join("empty").exists(), "nothing created");

    let d = data.path().to_str().unwrap();
    assert!(
        nps(&["read", "time", "--save", "--data-dir", d])
            .status
            .success()
    );
    std::fs::write(&to, b"an older backup").unwrap();
    let refused = backup(data.path(), &to, &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        format!(
            "nps: error: {} exists already; pass --force to replace it\n",
            to.display()
        )
    );
    assert_eq!(std::fs::read(&to).unwrap(), b"an older backup");

    let fa = nps(&[
        "--locale",
        "fa",
        "backup",
        "--to",
        to.to_str().unwrap(),
        "--data-dir",
        d,
    ]);
    assert_eq!(fa.status.code(), Some(2));
    let err = String::from_utf8_lossy(&fa.stderr);
    assert!(
        err.starts_with("nps: خطا: ") && err.contains("--force"),
        "{err}"
    );

    assert!(backup(data.path(), &to, &["--force"]).status.success());
    assert!(
        std::fs::read(&to)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );

    let itself = backup(data.path(), &data.path().join("nps.db"), &["--force"]);
    assert_eq!(
        itself.status.code(),
        Some(2),
        "a backup onto the database itself"
    );
    assert_eq!(local_ids(data.path()), vec![1]);
}
