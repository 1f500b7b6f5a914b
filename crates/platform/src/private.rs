//! Files and directories only their owner can read: the data directory, the history
//! database (with SQLite's `-wal` and `-shm` files), the server's signing secret and
//! backups. Readings, logins and tokens are personal; nothing here is shared.
//!
//! On Unix a directory this module creates is mode 0700 and a file 0600, whatever the
//! process's umask (a umask only ever removes bits, and the modes are given at
//! creation). SQLite creates a database's `-wal` and `-shm` files with the database
//! file's own mode, so a database file created here keeps them private too.
//!
//! A directory that exists already is left as it is (it may be one the user chose for
//! other things too, such as `--data-dir ~/Documents`); the files inside are private
//! either way. A file that exists already is narrowed to 0600 by
//! [`ensure_private_file`] and [`restrict_to_owner`], so a database made by an older
//! version becomes private on its next open.
//!
//! On Windows the same functions give every directory and file they create or narrow
//! an owner-only access list ([`windows`]): a protected DACL with one entry, the
//! current user with full control. A directory's entry is inherited by what is made in
//! it, so SQLite's `-wal` and `-shm` in a private directory are private from their
//! first byte; [`restrict_to_owner`] makes them owner-only explicitly too.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// The owner-only access list on Windows (the workspace's one module with `unsafe`
/// code: Win32 calls through `windows-sys`).
#[cfg(windows)]
#[allow(unsafe_code)]
pub mod windows;

/// Mode of a private directory on Unix: the owner only.
pub const PRIVATE_DIR_MODE: u32 = 0o700;
/// Mode of a private file on Unix: the owner may read and write it.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents; each directory created is private
/// ([`PRIVATE_DIR_MODE`] on Unix, the owner-only access list on Windows). An existing
/// directory is fine and left unchanged.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .collect();
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, PRIVATE_DIR_MODE);
    builder.create(dir)?;
    // Outermost first, so no moment leaves a private directory under an open one.
    missing.iter().rev().try_for_each(|d| restrict_to_owner(d))
}

/// Creates the new file `path` (an existing one is an `AlreadyExists` error), private
/// from its first byte ([`PRIVATE_FILE_MODE`]), open for writing.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, PRIVATE_FILE_MODE);
    let file = options.open(path)?;
    restrict_to_owner(path)?;
    Ok(file)
}

/// Writes `bytes` to the new private file `path` and syncs it to disk, atomically: the
/// bytes go to a private temporary file beside it, which is then moved to `path` only
/// if nothing is there (`AlreadyExists` otherwise). So another process that finds
/// `path` — two commands started at once, each making the server's secret — always
/// reads it whole, never empty or half-written, however long making the file private
/// takes (on Windows, setting its access list). On failure nothing is left behind.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if path.exists() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    private_partial(path, bytes)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to the private file `path`, replacing what is there, atomically: the
/// same private, synced temporary file as [`write_private_file`], then renamed over
/// `path`. A reader finds the old contents or the new, never a mix; on failure the
/// old file stays as it was. For files the app rewrites (the desktop settings, an
/// exported reading).
pub fn replace_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    private_partial(path, bytes)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// `bytes` in a private, synced temporary file beside `path` (removed if dropped).
fn private_partial(path: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // 0600 on Unix whatever the umask (tempfile's mode).
    let mut partial = tempfile::Builder::new()
        .prefix(".nps-")
        .suffix(".partial")
        .tempfile_in(dir)?;
    restrict_to_owner(partial.path())?;
    partial.write_all(bytes)?;
    partial.as_file().sync_all()?;
    Ok(partial)
}

/// Makes sure the file `path` exists and is private: creates it empty if missing,
/// else narrows its mode (a file made before files were private). For files another
/// library fills in, such as a SQLite database. Something at `path` that is not a file
/// (a directory) is left unchanged, for the caller to refuse.
pub fn ensure_private_file(path: &Path) -> io::Result<()> {
    match create_private_file(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            if path.is_file() {
                restrict_to_owner(path)
            } else {
                Ok(())
            }
        }
        Err(e) => Err(e),
    }
}

/// Lets only the owner at an existing file or directory: on Unix a directory becomes
/// [`PRIVATE_DIR_MODE`] and a file [`PRIVATE_FILE_MODE`] when its mode allows more.
///
/// **Windows:** the access list becomes the owner-only one ([`windows`]): a protected
/// DACL (nothing inherited from the parent) whose one entry gives the current user full
/// control — inheritable into a directory. Every caller (the store, the server's
/// secret, backups, exports, the desktop's data directory) goes through here.
pub fn restrict_to_owner(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path)?;
        let wanted = if meta.is_dir() {
            PRIVATE_DIR_MODE
        } else {
            PRIVATE_FILE_MODE
        };
        let mode = meta.permissions().mode() & 0o777;
        if mode & !wanted != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & wanted))?;
        }
    }
    #[cfg(windows)]
    windows::restrict_to_owner(path)?;
    #[cfg(not(any(unix, windows)))]
    let _ = path;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn directories_are_created_private_with_their_parents() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        create_private_dir(&dir).unwrap();
    }

    #[test]
    fn an_existing_directory_is_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir(tmp.path()).unwrap();
        assert_eq!(mode(tmp.path()), 0o755);
    }

    #[test]
    fn new_files_are_private_and_never_replace_one() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("secret");
        write_private_file(&path, b"abc").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"abc");
        let again = write_private_file(&path, b"xyz").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"abc",
            "the first file is kept"
        );
    }

    /// A file `name` in `dir` holding `bytes`, mode 0644 (made before files were
    /// private).
    fn readable_by_all(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        path
    }

    #[test]
    fn a_replaced_file_is_private_whole_and_leaves_no_partial() {
        let tmp = tempfile::tempdir().unwrap();
        let path = readable_by_all(tmp.path(), "desktop.json", b"old");
        replace_private_file(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(mode(&path), 0o600);
        replace_private_file(&path, b"newer").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"newer");
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["desktop.json"]);
        let err = replace_private_file(&tmp.path().join("no/such/file"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn existing_files_are_narrowed_not_widened() {
        let tmp = tempfile::tempdir().unwrap();
        let wide = readable_by_all(tmp.path(), "nps.db", b"data");
        ensure_private_file(&wide).unwrap();
        assert_eq!(mode(&wide), 0o600);
        assert_eq!(std::fs::read(&wide).unwrap(), b"data", "contents untouched");
        let narrow = tmp.path().join("read-only");
        std::fs::write(&narrow, b"").unwrap();
        std::fs::set_permissions(&narrow, std::fs::Permissions::from_mode(0o400)).unwrap();
        restrict_to_owner(&narrow).unwrap();
        assert_eq!(mode(&narrow), 0o400);
        let missing = tmp.path().join("new.db");
        ensure_private_file(&missing).unwrap();
        assert_eq!(mode(&missing), 0o600);
        assert_eq!(std::fs::metadata(&missing).unwrap().len(), 0);
    }

    #[test]
    fn a_file_in_a_missing_directory_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let err = write_private_file(&tmp.path().join("no/such/file"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
