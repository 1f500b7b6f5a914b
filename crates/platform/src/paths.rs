//! The data directory: where the history database, the server's signing secret and
//! everything else NPS Oracle keeps on this computer live. The CLI, the server and the
//! desktop app agree on it, so `nps history` lists the app's readings.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The directory name under the platform's data directory.
pub const APP_DIR_NAME: &str = "nps-oracle";

/// The environment variable that names the data directory, overriding the platform's.
pub const DATA_DIR_ENV: &str = "NPS_DATA_DIR";

/// Neither `NPS_DATA_DIR` nor the platform names a data directory (no home directory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no data directory is known on this system; set {DATA_DIR_ENV}")]
pub struct NoDataDir;

/// The platform's data directory for NPS Oracle:
///
/// | platform | directory |
/// |---|---|
/// | Linux | `$XDG_DATA_HOME/nps-oracle`, else `~/.local/share/nps-oracle` |
/// | macOS | `~/Library/Application Support/nps-oracle` |
/// | Windows | `%APPDATA%\nps-oracle` (the roaming profile) |
///
/// On Windows `%APPDATA%` is the variable when it names an absolute directory (what a
/// user sees in Explorer's address bar and what `cmd` expands), else the Roaming
/// AppData known folder (`SHGetKnownFolderPath`, through `dirs`), which Windows sets
/// the variable from at logon. `None` when the system has no home directory.
pub fn default_data_dir() -> Option<PathBuf> {
    #[cfg(windows)]
    let base = windows_app_data(std::env::var_os("APPDATA"), dirs::data_dir());
    #[cfg(not(windows))]
    let base = dirs::data_dir();
    base.map(|d| d.join(APP_DIR_NAME))
}

/// `%APPDATA%` when it is an absolute path, else the known folder (Windows).
pub fn windows_app_data(
    variable: Option<OsString>,
    known_folder: Option<PathBuf>,
) -> Option<PathBuf> {
    variable
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or(known_folder)
}

/// `NPS_DATA_DIR` when it is set and not empty, else [`default_data_dir`]. Nothing is
/// created; see [`crate::create_private_dir`].
pub fn data_dir() -> Result<PathBuf, NoDataDir> {
    choose(std::env::var_os(DATA_DIR_ENV), default_data_dir())
}

/// `explicit` (a `--data-dir` flag) when given and not empty, else [`data_dir`].
pub fn data_dir_or(explicit: Option<&Path>) -> Result<PathBuf, NoDataDir> {
    match explicit.filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => Ok(dir.to_path_buf()),
        None => data_dir(),
    }
}

/// The choice of [`data_dir`], with its inputs passed in (so it is tested without
/// touching the process environment).
pub fn choose(env: Option<OsString>, platform: Option<PathBuf>) -> Result<PathBuf, NoDataDir> {
    match env.filter(|v| !v.is_empty()) {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => platform.ok_or(NoDataDir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins_unless_it_is_empty() {
        let platform = PathBuf::from("/home/u/.local/share/nps-oracle");
        let from_platform = || Some(platform.clone());
        assert_eq!(
            choose(Some("/tmp/x".into()), from_platform()),
            Ok(PathBuf::from("/tmp/x"))
        );
        assert_eq!(
            choose(Some("".into()), from_platform()),
            Ok(platform.clone())
        );
        assert_eq!(choose(None, from_platform()), Ok(platform.clone()));
        assert_eq!(choose(None, None), Err(NoDataDir));
        assert_eq!(choose(Some("".into()), None), Err(NoDataDir));
    }

    #[test]
    fn a_persian_path_is_kept_as_it_is() {
        let dir = "/home/علی/داده‌ها";
        assert_eq!(choose(Some(dir.into()), None), Ok(PathBuf::from(dir)));
    }

    #[test]
    fn an_explicit_directory_wins() {
        assert_eq!(
            data_dir_or(Some(Path::new("/srv/nps"))),
            Ok(PathBuf::from("/srv/nps"))
        );
    }

    #[cfg(windows)]
    #[test]
    fn windows_takes_an_absolute_appdata_else_the_known_folder() {
        let known = || Some(PathBuf::from(r"C:\Users\u\AppData\Roaming"));
        let persian = r"C:\Users\مریم\AppData\Roaming";
        assert_eq!(
            windows_app_data(Some(persian.into()), known()),
            Some(PathBuf::from(persian))
        );
        assert_eq!(windows_app_data(Some("".into()), known()), known());
        assert_eq!(
            windows_app_data(Some(r"relative\dir".into()), known()),
            known()
        );
        assert_eq!(windows_app_data(None, known()), known());
        assert_eq!(windows_app_data(None, None), None);
    }

    /// Today's Linux path, so existing users' data is found where it has always been.
    #[cfg(target_os = "linux")]
    #[test]
    fn linux_keeps_the_xdg_data_path() {
        let Some(home) = dirs::home_dir() else { return };
        let want = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
            Some(xdg) if Path::new(&xdg).is_absolute() => PathBuf::from(xdg).join("nps-oracle"),
            _ => home.join(".local/share/nps-oracle"),
        };
        assert_eq!(default_data_dir(), Some(want));
    }
}
