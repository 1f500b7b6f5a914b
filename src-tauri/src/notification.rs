//! The daily reading as a native notification (`tauri-plugin-notification`: the
//! freedesktop notification service on Linux, the notification centre on macOS,
//! toasts on Windows), at the local time chosen in Settings, off by default.
//!
//! The day is read by the embedded server's library, as `GET /api/oracle/daily?
//! personal=true` reads it ([`nps_server::daily::for_owner`]): for the saved "me"
//! when there is one, else the day for everyone; in the language the UI last saved.
//! [`run_scheduler`] waits for the next fire time ([`crate::schedule`]) and follows
//! changes of the settings.

use jiff::Zoned;
use nps_protocol::{DailyResponse, DesktopSettings, Locale};
use nps_server::AppState;
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use tokio::sync::watch;

use crate::schedule::{next_fire, wait_until};
use crate::server::LOCAL_USER;
use crate::settings::texts_for;
use crate::texts::Texts;

/// What the notification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyNotice {
    pub title: String,
    pub body: String,
}

/// The notice of a day's reading in the language of `texts`: the reading's headline
/// (the date, in the calendar and digits of the language) as the title — naming the
/// person when it was read for one — then the day's insight and its lucky numbers.
pub fn daily_notice(day: &DailyResponse, texts: Texts) -> DailyNotice {
    let headline = nps_i18n::strip_isolation(&day.text.headline);
    let title = match &day.personal_for {
        Some(name) => texts.format(
            "desktop-daily-title-personal",
            &[("headline", headline), ("name", name.clone())],
        ),
        None => texts.format("desktop-daily-title", &[("headline", headline)]),
    };
    let separator = match texts.locale() {
        Locale::Fa => "، ",
        Locale::En => ", ",
    };
    let lucky = texts.format(
        "desktop-daily-lucky",
        &[("numbers", day.lucky_numbers.join(separator))],
    );
    DailyNotice {
        title,
        body: format!("{}\n{lucky}", day.insight),
    }
}

/// Reads today (the local date) for the local user and shows it.
pub async fn show_today(app: &AppHandle, state: &AppState, texts: Texts) {
    let day = match nps_platform::now() {
        Ok(now) => nps_server::daily::for_owner(state, LOCAL_USER, now.date, texts.locale(), true)
            .await
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    let notice = match day {
        Ok(day) => daily_notice(&day, texts),
        Err(error) => {
            tracing::error!(%error, "cannot read today for the daily notification");
            return;
        }
    };
    let shown = app
        .notification()
        .builder()
        .title(&notice.title)
        .body(&notice.body)
        .show();
    match shown {
        Ok(()) => tracing::info!(locale = %texts.locale(), "daily notification sent"),
        Err(error) => tracing::error!(%error, "cannot show the daily notification"),
    }
}

/// Shows the daily notification at the chosen time every day, following the
/// settings as they change (off: it waits for them to change). Ends when the
/// settings' sender is gone (the app is closing).
pub async fn run_scheduler(
    app: AppHandle,
    state: AppState,
    mut settings: watch::Receiver<DesktopSettings>,
) {
    loop {
        let current = settings.borrow_and_update().clone();
        let fire = current
            .daily_notification
            .map(|at| next_fire(at, &Zoned::now()));
        let fire = match fire {
            None => None,
            Some(Ok(fire)) => {
                tracing::info!(at = %fire, "daily notification planned");
                Some(fire.timestamp())
            }
            Some(Err(error)) => {
                tracing::error!(%error, "cannot plan the daily notification");
                None
            }
        };
        tokio::select! {
            changed = settings.changed() => {
                if changed.is_err() {
                    return;
                }
            }
            () = wait_until(fire.unwrap_or_default()), if fire.is_some() => {
                show_today(&app, &state, texts_for(&current)).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use nps_engine::Date;

    use super::*;

    fn day(personal: Option<&str>, locale: Locale) -> DailyResponse {
        let date = Date::parse("2026-11-27").unwrap();
        let mut day = nps_server::daily::compute(date, None, locale).unwrap();
        day.personal_for = personal.map(str::to_string);
        day
    }

    /// (language, the person, title, body) of 2026-11-27's notice, as shown by the
    /// Xvfb test's notification service.
    const NOTICES: [(Locale, Option<&str>, &str, &str); 4] = [
        (
            Locale::En,
            None,
            "Your day: A reading for Friday, 27 November 2026.",
            "This Friday (Waning Gibbous, a Snake day) invites a focus on expression, playfulness and creative spark.\nLucky numbers: 3, 6, 9, 20",
        ),
        (
            Locale::En,
            Some("Mina"),
            "Mina’s day: A reading for Friday, 27 November 2026.",
            "This Friday (Waning Gibbous, a Snake day) invites a focus on expression, playfulness and creative spark.\nLucky numbers: 3, 6, 9, 20",
        ),
        (
            Locale::Fa,
            None,
            "روز شما: خوانش روزانه برای جمعه، ۶ آذر ۱۴۰۵ (۲۷ نوامبر ۲۰۲۶)",
            "این جمعه، با کوژ کاهنده در آسمان و مار در روز، فرصتی است برای پرداختن به شادی، بیان و آفرینندگی.\nعددهای خوش‌یمن: ۳، ۶، ۹، ۲۰",
        ),
        (
            Locale::Fa,
            Some("مینا"),
            "روز مینا: خوانش روزانه برای جمعه، ۶ آذر ۱۴۰۵ (۲۷ نوامبر ۲۰۲۶)",
            "این جمعه، با کوژ کاهنده در آسمان و مار در روز، فرصتی است برای پرداختن به شادی، بیان و آفرینندگی.\nعددهای خوش‌یمن: ۳، ۶، ۹، ۲۰",
        ),
    ];

    #[test]
    fn the_notice_in_both_languages() {
        for (locale, person, title, body) in NOTICES {
            let notice = daily_notice(&day(person, locale), Texts::new(locale));
            assert_eq!(notice.title, title, "{locale} {person:?}");
            assert_eq!(notice.body, body, "{locale} {person:?}");
        }
    }
}
