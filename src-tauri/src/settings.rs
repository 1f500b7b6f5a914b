//! The desktop shell's own settings ([`DesktopSettings`]: the daily notification's
//! time, close-to-tray, the language of both), in `desktop.json` in the app's data
//! directory — written whole or not at all, private to the user
//! (`nps_platform::replace_private_file`). A file that cannot be read or parsed gives
//! the defaults and a log line, never a failed launch. The UI reads and changes them
//! through the Tauri commands in `crate::commands`; the notification's scheduler
//! watches them ([`SettingsStore::watch`]).

use std::path::{Path, PathBuf};

use nps_i18n::Locale;
use nps_protocol::DesktopSettings;
use tokio::sync::watch;

use crate::texts::Texts;

/// The file, in the data directory.
pub const SETTINGS_FILE: &str = "desktop.json";
/// A settings file larger than this is not read (it is not ours): the defaults apply.
pub const MAX_SETTINGS_BYTES: u64 = 16 * 1024;

/// Why new settings were refused.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("unknown language {0:?}")]
    Locale(String),
    #[error("cannot save the desktop settings: {0}")]
    Save(#[from] std::io::Error),
}

impl SettingsError {
    /// What went wrong in the language of `texts`.
    pub fn message(&self, texts: Texts) -> String {
        match self {
            SettingsError::Locale(tag) => {
                texts.format("desktop-error-settings-locale", &[("locale", tag.clone())])
            }
            SettingsError::Save(e) => {
                texts.format("desktop-error-settings-save", &[("error", e.to_string())])
            }
        }
    }
}

/// The settings of this launch: the file, and their current value for whoever
/// watches them.
pub struct SettingsStore {
    path: PathBuf,
    current: watch::Sender<DesktopSettings>,
}

impl SettingsStore {
    /// Reads `desktop.json` in `data_dir` (the defaults if it is missing or bad).
    pub fn open(data_dir: &Path) -> Self {
        let path = data_dir.join(SETTINGS_FILE);
        let settings = read(&path);
        SettingsStore {
            path,
            current: watch::Sender::new(settings),
        }
    }

    pub fn get(&self) -> DesktopSettings {
        self.current.borrow().clone()
    }

    /// Checks, saves and publishes `settings`; on an error nothing changes.
    pub fn set(&self, settings: DesktopSettings) -> Result<DesktopSettings, SettingsError> {
        if let Some(tag) = &settings.locale {
            tag.parse::<Locale>()
                .map_err(|_| SettingsError::Locale(tag.clone()))?;
        }
        let json = serde_json::to_vec_pretty(&settings).map_err(std::io::Error::other)?;
        nps_platform::replace_private_file(&self.path, &json)?;
        tracing::info!(
            daily_notification = ?settings.daily_notification.map(|t| t.to_string()),
            close_to_tray = settings.close_to_tray,
            "desktop settings saved"
        );
        self.current.send_replace(settings.clone());
        Ok(settings)
    }

    /// Follows every change.
    pub fn watch(&self) -> watch::Receiver<DesktopSettings> {
        self.current.subscribe()
    }

    /// The language of the shell's own texts (notification, tray): the one the UI
    /// last saved, else the system's.
    pub fn texts(&self) -> Texts {
        texts_for(&self.current.borrow())
    }
}

/// The texts of `settings`' language, else the system's.
pub fn texts_for(settings: &DesktopSettings) -> Texts {
    settings
        .locale
        .as_deref()
        .and_then(|tag| tag.parse::<Locale>().ok())
        .map_or_else(Texts::system, Texts::new)
}

/// The settings in `path`; the defaults (and a log line) if it is missing, too large,
/// not JSON or not settings.
pub fn read(path: &Path) -> DesktopSettings {
    let bytes = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return DesktopSettings::default(),
        Ok(meta) if meta.len() > MAX_SETTINGS_BYTES => Err(format!(
            "{} bytes, more than {MAX_SETTINGS_BYTES}",
            meta.len()
        )),
        _ => std::fs::read(path).map_err(|e| e.to_string()),
    };
    let settings = bytes
        .and_then(|b| serde_json::from_slice::<DesktopSettings>(&b).map_err(|e| e.to_string()));
    settings.unwrap_or_else(|error| {
        tracing::warn!(file = %path.display(), %error, "desktop settings unreadable: the defaults apply");
        DesktopSettings::default()
    })
}

#[cfg(test)]
mod tests {
    use nps_protocol::DailyTime;

    use super::*;

    fn seven_thirty_in_persian() -> DesktopSettings {
        DesktopSettings {
            daily_notification: DailyTime::new(7, 30).ok(),
            close_to_tray: true,
            locale: Some("fa".into()),
        }
    }

    #[test]
    fn settings_are_saved_privately_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let store = SettingsStore::open(tmp.path());
        assert_eq!(store.get(), DesktopSettings::default());
        let mut watcher = store.watch();
        let saved = store.set(seven_thirty_in_persian()).unwrap();
        assert_eq!(saved, seven_thirty_in_persian());
        assert!(watcher.has_changed().unwrap());
        assert_eq!(*watcher.borrow_and_update(), seven_thirty_in_persian());
        assert_eq!(store.texts(), Texts::new(Locale::Fa));
        let path = tmp.path().join(SETTINGS_FILE);
        assert_eq!(read(&path), seven_thirty_in_persian());
        assert_eq!(
            SettingsStore::open(tmp.path()).get(),
            seven_thirty_in_persian()
        );
        // Private: `replace_private_file`'s own tests, and the Xvfb test's mode check.
    }

    #[test]
    fn an_unknown_language_is_refused_and_nothing_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let store = SettingsStore::open(tmp.path());
        let bad = DesktopSettings {
            locale: Some("de".into()),
            ..seven_thirty_in_persian()
        };
        let err = store.set(bad).unwrap_err();
        assert!(matches!(&err, SettingsError::Locale(tag) if tag == "de"));
        assert_eq!(err.message(Texts::new(Locale::En)), "unknown language: de");
        assert_eq!(err.message(Texts::new(Locale::Fa)), "زبان ناشناخته: de");
        assert_eq!(store.get(), DesktopSettings::default());
        assert!(!tmp.path().join(SETTINGS_FILE).exists());
    }

    #[test]
    fn a_bad_file_gives_the_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(SETTINGS_FILE);
        let cases: [&[u8]; 5] = [
            b"not json",
            br#"{"daily_notification":"7:30"}"#,
            br#"{"close_to_tray":"yes"}"#,
            b"[]",
            &[0xff, 0xfe, 0x00],
        ];
        for bytes in cases {
            std::fs::write(&path, bytes).unwrap();
            assert_eq!(read(&path), DesktopSettings::default(), "{bytes:?}");
        }
        std::fs::write(&path, vec![b' '; MAX_SETTINGS_BYTES as usize + 1]).unwrap();
        assert_eq!(read(&path), DesktopSettings::default());
        // A directory where the file should be: defaults too.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert_eq!(read(&path), DesktopSettings::default());
        // An older file without the newer fields keeps what it has.
        let old = tmp.path().join("old.json");
        std::fs::write(&old, br#"{"close_to_tray":true}"#).unwrap();
        assert!(read(&old).close_to_tray);
    }

    #[test]
    fn a_failed_save_changes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let store = SettingsStore::open(&tmp.path().join("missing-dir"));
        let err = store.set(seven_thirty_in_persian()).unwrap_err();
        assert!(matches!(err, SettingsError::Save(_)));
        assert_eq!(store.get(), DesktopSettings::default());
    }
}
