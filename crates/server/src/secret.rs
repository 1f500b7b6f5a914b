//! The signing secret of a server that keeps it on disk (`nps serve`, and `nps token`,
//! which signs with the same one): `NPS_JWT_SECRET`, or one generated once into
//! `<data-dir>/jwt-secret`, private to its owner (0600 on Unix, through
//! `nps-platform`). The desktop app draws a fresh secret per launch instead and keeps
//! it in memory.

use std::io;
use std::path::{Path, PathBuf};

use crate::config::MIN_JWT_SECRET_LEN;

/// The file in the data directory that keeps the generated secret.
pub const SECRET_FILE: &str = "jwt-secret";
/// The environment variable that gives the secret instead of the file.
pub const SECRET_ENV: &str = "NPS_JWT_SECRET";
/// Random bytes in a generated secret (written as 64 hex characters).
pub const GENERATED_SECRET_BYTES: usize = 32;

/// Why there is no usable secret.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// `NPS_JWT_SECRET` is set but shorter than [`MIN_JWT_SECRET_LEN`]: bad input.
    #[error("{SECRET_ENV} must be at least {MIN_JWT_SECRET_LEN} characters")]
    EnvTooShort,
    /// The secret file holds fewer than [`MIN_JWT_SECRET_LEN`] characters.
    #[error("{} is too short; delete it to make a new one", .0.display())]
    FileTooShort(PathBuf),
    #[error("cannot read {}: {source}", .0.display(), source = .1)]
    Read(PathBuf, #[source] io::Error),
    #[error("cannot write {}: {source}", .0.display(), source = .1)]
    Write(PathBuf, #[source] io::Error),
    #[error("no secure random numbers: {0}")]
    Random(String),
}

/// The secret: `NPS_JWT_SECRET` when set, else the one kept in `dir` (generated and
/// written there, private, on first use).
pub fn jwt_secret(dir: &Path) -> Result<Vec<u8>, SecretError> {
    load_or_create(dir, std::env::var(SECRET_ENV).ok())
}

/// [`jwt_secret`] with the environment's value passed in.
pub fn load_or_create(dir: &Path, from_env: Option<String>) -> Result<Vec<u8>, SecretError> {
    if let Some(secret) = from_env {
        if secret.len() < MIN_JWT_SECRET_LEN {
            return Err(SecretError::EnvTooShort);
        }
        return Ok(secret.into_bytes());
    }
    let path = dir.join(SECRET_FILE);
    if let Some(secret) = read(&path)? {
        return Ok(secret);
    }
    nps_platform::create_private_dir(dir).map_err(|e| SecretError::Write(dir.to_path_buf(), e))?;
    let secret =
        crate::accounts::random_hex(GENERATED_SECRET_BYTES).map_err(SecretError::Random)?;
    match nps_platform::write_private_file(&path, secret.as_bytes()) {
        Ok(()) => Ok(secret.into_bytes()),
        // Another process made it first (two commands started at once): use theirs.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            read(&path)?.ok_or_else(|| SecretError::Read(path.clone(), e))
        }
        Err(e) => Err(SecretError::Write(path, e)),
    }
}

/// The secret kept in `path`, if there is one; the file is narrowed to its owner if an
/// older version left it open.
fn read(path: &Path) -> Result<Option<Vec<u8>>, SecretError> {
    match std::fs::read_to_string(path) {
        Ok(text) if text.trim().len() >= MIN_JWT_SECRET_LEN => {
            nps_platform::restrict_to_owner(path)
                .map_err(|e| SecretError::Write(path.to_path_buf(), e))?;
            Ok(Some(text.trim().as_bytes().to_vec()))
        }
        Ok(_) => Err(SecretError::FileTooShort(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SecretError::Read(path.to_path_buf(), e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins_and_must_be_long_enough() {
        let tmp = tempfile::tempdir().unwrap();
        let long = "x".repeat(MIN_JWT_SECRET_LEN);
        assert_eq!(
            load_or_create(tmp.path(), Some(long.clone())).unwrap(),
            long.as_bytes()
        );
        assert!(matches!(
            load_or_create(tmp.path(), Some("short".into())),
            Err(SecretError::EnvTooShort)
        ));
        assert!(!tmp.path().join(SECRET_FILE).exists(), "nothing written");
    }

    #[test]
    fn a_secret_is_generated_once_privately_and_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let first = load_or_create(&dir, None).unwrap();
        assert_eq!(first.len(), 2 * GENERATED_SECRET_BYTES);
        assert!(first.iter().all(u8::is_ascii_hexdigit));
        assert_eq!(load_or_create(&dir, None).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&dir.join(SECRET_FILE)), 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_open_secret_file_is_narrowed() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(SECRET_FILE);
        std::fs::write(&path, "a".repeat(40)).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(
            load_or_create(tmp.path(), None).unwrap(),
            "a".repeat(40).as_bytes()
        );
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_short_file_is_refused_not_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(SECRET_FILE);
        std::fs::write(&path, "short\n").unwrap();
        assert!(matches!(
            load_or_create(tmp.path(), None),
            Err(SecretError::FileTooShort(p)) if p == path
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "short\n");
    }

    #[test]
    fn processes_starting_together_share_one_secret() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let secrets: Vec<Vec<u8>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| load_or_create(&dir, None).unwrap()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(secrets.windows(2).all(|w| w[0] == w[1]), "{secrets:?}");
    }
}
