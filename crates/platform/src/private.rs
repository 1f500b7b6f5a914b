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
//! On Windows, [`restrict_to_owner`] is where the owner-only access list goes; until
//! then files get the default ACL of the user's profile directory.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Mode of a private directory on Unix: the owner only.
pub const PRIVATE_DIR_MODE: u32 = 0o700;
/// Mode of a private file on Unix: the owner may read and write it.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents; each directory created is private
/// ([`PRIVATE_DIR_MODE`]). An existing directory is fine and left unchanged.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, PRIVATE_DIR_MODE);
    builder.create(dir)?;
    restrict_to_owner(dir)
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

/// Writes `bytes` to the new private file `path` and syncs it to disk. On failure the
/// partial file is removed: the file is either complete or absent.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = create_private_file(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    written
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
/// **Windows:** nothing yet. This is the one function where the owner-only ACL (a DACL
/// with the current user's SID alone, inheritance cut) is to be set, for every caller
/// at once (issue 12, item 3).
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
    #[cfg(not(unix))]
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

    #[test]
    fn existing_files_are_narrowed_not_widened() {
        let tmp = tempfile::tempdir().unwrap();
        let wide = tmp.path().join("nps.db");
        std::fs::write(&wide, b"data").unwrap();
        std::fs::set_permissions(&wide, std::fs::Permissions::from_mode(0o644)).unwrap();
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
