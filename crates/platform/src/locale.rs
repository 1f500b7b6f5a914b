//! The system's language, for what the desktop app shows outside its web page (the
//! menu, the About box, start-up messages): Persian when the system's locale is
//! Persian, English otherwise.

use nps_protocol::Locale;

/// The locale of this system (`sys-locale`: `LC_ALL`/`LC_MESSAGES`/`LANG` on Unix,
/// the user's UI language on Windows and macOS), as one of ours.
pub fn system_locale() -> Locale {
    locale_from_tag(sys_locale::get_locale().as_deref())
}

/// `fa`, `fa-IR`, `fa_IR.UTF-8` … are Persian; every other tag, or none, is English.
pub fn locale_from_tag(tag: Option<&str>) -> Locale {
    tag.and_then(|t| t.parse().ok()).unwrap_or(Locale::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_tags_are_persian() {
        for tag in ["fa", "fa-IR", "fa_IR.UTF-8", "FA-af"] {
            assert_eq!(locale_from_tag(Some(tag)), Locale::Fa, "{tag}");
        }
    }

    #[test]
    fn everything_else_is_english() {
        for tag in [
            Some("en-US"),
            Some("de_DE.UTF-8"),
            Some("C"),
            Some(""),
            None,
        ] {
            assert_eq!(locale_from_tag(tag), Locale::En, "{tag:?}");
        }
    }
}
