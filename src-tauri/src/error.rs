//! [`DesktopError`]: why the app could not start, in English for logs and in the
//! system's language for the line on stderr.

use std::path::PathBuf;

use crate::texts::Texts;

/// Why the app could not start.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error(
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Without a display, serve the same UI with `nps serve --ui-dir ui/dist` and open the URL it prints"
    )]
    NoDisplay,
    #[error("no data directory is known on this system; set NPS_DATA_DIR")]
    NoDataDir,
    #[error("cannot create the data directory {}: {source}", .0.display(), source = .1)]
    DataDir(PathBuf, std::io::Error),
    #[error("no secure random numbers: {0}")]
    Random(String),
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    #[error("cannot listen on loopback: {0}")]
    Bind(std::io::Error),
    #[error("cannot start the server: {0}")]
    Server(#[from] nps_server::ConfigError),
    #[error("cannot mint the local token: {0}")]
    Token(#[from] nps_server::AuthError),
    /// The ready file or the injected test script of the smoke test.
    #[error("cannot use the test file {}: {source}", .0.display(), source = .1)]
    TestFile(PathBuf, std::io::Error),
    #[error("the window could not be made: {0}")]
    Window(String),
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
}

impl DesktopError {
    /// What went wrong in the language of `texts`, on one line.
    pub fn message(&self, texts: Texts) -> String {
        let error = |e: &dyn std::fmt::Display| ("error", e.to_string());
        let path = |name, p: &PathBuf| (name, p.display().to_string());
        let text = match self {
            DesktopError::NoDisplay => texts.get("desktop-error-no-display"),
            DesktopError::NoDataDir => texts.get("desktop-error-no-data-dir"),
            DesktopError::DataDir(dir, e) => {
                texts.format("desktop-error-data-dir", &[path("dir", dir), error(e)])
            }
            DesktopError::Random(e) => texts.format("desktop-error-random", &[error(e)]),
            DesktopError::Runtime(e) => texts.format("desktop-error-runtime", &[error(e)]),
            DesktopError::Bind(e) => texts.format("desktop-error-bind", &[error(e)]),
            DesktopError::Server(e) => texts.format("desktop-error-server", &[error(e)]),
            DesktopError::Token(e) => texts.format("desktop-error-token", &[error(e)]),
            DesktopError::TestFile(file, e) => {
                texts.format("desktop-error-test-file", &[path("file", file), error(e)])
            }
            DesktopError::Window(e) => texts.format("desktop-error-window", &[error(e)]),
            DesktopError::Tauri(e) => texts.format("desktop-error-window", &[error(e)]),
        };
        text.replace(['\r', '\n'], " ")
    }
}

#[cfg(test)]
mod tests {
    use nps_i18n::Locale;

    use super::*;

    #[test]
    fn start_up_errors_speak_the_system_language() {
        let en = DesktopError::NoDisplay.message(Texts::new(Locale::En));
        assert!(en.starts_with("no display: "), "{en}");
        let fa = DesktopError::NoDisplay.message(Texts::new(Locale::Fa));
        assert!(fa.starts_with("نمایشگری در کار نیست"), "{fa}");
        let bind = DesktopError::Bind(std::io::Error::other("taken"));
        assert_eq!(
            bind.message(Texts::new(Locale::En)),
            "cannot listen on loopback: taken"
        );
    }
}
