//! Private files whatever the umask: this test process runs with umask 000, under which
//! plain `create_dir`/`File::create` give 0777/0666. (A file of its own: the umask is
//! the process's.)
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rustix::fs::Mode;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn private_even_under_a_permissive_umask() {
    rustix::process::umask(Mode::empty());
    let tmp = tempfile::tempdir().unwrap();

    // What the standard library does under this umask, for contrast.
    let open = tmp.path().join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::write(open.join("f"), b"").unwrap();
    assert_eq!(mode(&open), 0o777);
    assert_eq!(mode(&open.join("f")), 0o666);

    let dir = tmp.path().join("data/nps-oracle");
    nps_platform::create_private_dir(&dir).unwrap();
    assert_eq!(mode(&tmp.path().join("data")), 0o700);
    assert_eq!(mode(&dir), 0o700);

    let secret = dir.join("jwt-secret");
    nps_platform::write_private_file(&secret, b"0123456789abcdef0123456789abcdef").unwrap();
    assert_eq!(mode(&secret), 0o600);

    let db = dir.join("nps.db");
    nps_platform::ensure_private_file(&db).unwrap();
    assert_eq!(mode(&db), 0o600);

    let file = nps_platform::create_private_file(&dir.join("backup.db")).unwrap();
    drop(file);
    assert_eq!(mode(&dir.join("backup.db")), 0o600);
}
