//! The WebView2 check on Windows. The app's window is a Microsoft Edge WebView2
//! control; without the WebView2 Runtime, Tauri cannot make the window and the app
//! would be left running with none, its server up and nothing on screen. So before
//! anything starts (no data directory, no server), [`require`] asks WebView2 for its
//! version. When there is none, it shows a native message box in the user's language
//! (English or Persian, `locales/*/desktop.ftl`, through the shell's [`Texts`] in the
//! system's language), writes the same text to stderr, and the app exits with
//! [`EXIT_NO_WEBVIEW`].
//!
//! On Linux and macOS the webview is part of the system (WebKitGTK, WKWebView) and
//! there is nothing to check. The installer normally puts the runtime in place
//! (`bundle.windows.webviewInstallMode`, see the root README); this is for the cases
//! it could not, such as a copied `nps-desktop.exe` or a runtime removed later.

use nps_i18n::Locale;

use crate::texts::Texts;

/// The exit status when the WebView2 Runtime is missing (1 is every other failure to
/// start).
pub const EXIT_NO_WEBVIEW: u8 = 3;

/// The title and the body of the "WebView2 is missing" message in `locale`.
pub fn missing_message(locale: Locale) -> (String, String) {
    let texts = Texts::new(locale);
    (
        texts.get("desktop-webview-missing-title"),
        texts.get("desktop-webview-missing-body"),
    )
}

/// Ok when the WebView2 Runtime is available; otherwise tells the user (message box
/// and stderr) and returns the exit status the app must end with.
#[cfg(windows)]
pub fn require(texts: Texts) -> Result<(), std::process::ExitCode> {
    match tauri::webview_version() {
        Ok(version) => {
            tracing::info!(%version, "WebView2 runtime");
            Ok(())
        }
        Err(e) => {
            tracing::error!(error = %e, "no WebView2 runtime");
            let locale = texts.locale();
            let (title, body) = missing_message(locale);
            eprintln!("nps-desktop: {title}\n{body}");
            let mut message = win_msgbox::error::<win_msgbox::Okay>(&body).title(&title);
            if locale.is_rtl() {
                message = message.right().rtl_reading();
            }
            if let Err(code) = message.show() {
                tracing::error!(code, "cannot show the message box");
            }
            Err(std::process::ExitCode::from(EXIT_NO_WEBVIEW))
        }
    }
}

#[cfg(test)]
mod tests {
    use nps_platform::locale::locale_from_tag;

    use super::*;

    #[test]
    fn the_system_locale_picks_the_message() {
        let persian = missing_message(Locale::Fa).0;
        let english = missing_message(Locale::En).0;
        for (tag, title) in [
            (Some("fa"), &persian),
            (Some("fa-IR"), &persian),
            (Some("fa_IR.UTF-8"), &persian),
            (Some("fa-AF"), &persian),
            (Some("en-US"), &english),
            (Some("en_GB.UTF-8"), &english),
            (Some("de-DE"), &english),
            (Some(""), &english),
            (None, &english),
        ] {
            assert_eq!(&missing_message(locale_from_tag(tag)).0, title, "{tag:?}");
        }
    }

    #[test]
    fn the_message_is_written_in_each_language() {
        let (title, body) = missing_message(Locale::En);
        assert_eq!(title, "NPS Oracle cannot open its window");
        assert!(body.contains("WebView2 Runtime"), "{body}");
        assert!(body.contains("installer again"), "{body}");
        assert_eq!(body.split("\n\n").count(), 3, "three paragraphs: {body}");

        let (title, body) = missing_message(Locale::Fa);
        assert_eq!(title, "پیشگوی NPS نمی‌تواند پنجره‌اش را باز کند");
        assert!(body.contains("WebView2 Runtime"), "{body}");
        assert!(body.contains("برنامهٔ نصب"), "{body}");
        assert_eq!(body.split("\n\n").count(), 3, "three paragraphs: {body}");
    }
}
