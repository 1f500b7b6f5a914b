//! What the shell shows itself — the window title, the menu, the About box, start-up
//! errors, the page of a build without the UI — from `locales/*/desktop.ftl`, in the
//! system's language (`nps_platform::system_locale`: Persian on a Persian system,
//! English otherwise).

use nps_i18n::{Args, Locale, Localizer};

/// The shell's texts in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts(Locale);

impl Texts {
    /// In the system's language.
    pub fn system() -> Self {
        Texts(nps_platform::system_locale())
    }

    pub fn new(locale: Locale) -> Self {
        Texts(locale)
    }

    pub fn locale(self) -> Locale {
        self.0
    }

    /// Message `id` (its id if it is missing), without bidi isolation marks: window
    /// titles, menus and stderr show them as stray characters.
    pub fn get(self, id: &str) -> String {
        self.format(id, &[])
    }

    /// Message `id` with its arguments.
    pub fn format(self, id: &str, args: &[(&str, String)]) -> String {
        Localizer::get().plain(self.0, id, &Args::from_pairs(args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_text() {
        for id in [
            "desktop-window-title",
            "desktop-menu-app",
            "desktop-menu-about",
            "desktop-menu-quit",
            "desktop-about-comments",
            "desktop-placeholder-title",
            "desktop-placeholder-body",
            "desktop-error-no-display",
        ] {
            for locale in Locale::ALL {
                assert!(Localizer::get().has(locale, id), "{locale} {id}");
            }
        }
        let en = Texts::new(Locale::En);
        let fa = Texts::new(Locale::Fa);
        assert_eq!(en.get("desktop-menu-about"), "About NPS Oracle");
        assert_eq!(fa.get("desktop-menu-about"), "دربارهٔ پیشگوی NPS");
        assert_eq!(fa.get("desktop-menu-quit"), "خروج");
        assert_eq!(fa.get("desktop-window-title"), "پیشگوی NPS");
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let fa = Texts::new(Locale::Fa);
        let text = fa.format(
            "desktop-error-data-dir",
            &[("dir", "/home/علی".into()), ("error", "denied".into())],
        );
        assert_eq!(text, "ساختن پوشهٔ داده‌ها در /home/علی ممکن نیست: denied");
    }
}
