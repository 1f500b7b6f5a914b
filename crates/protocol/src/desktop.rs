//! What the desktop app's shell and the UI inside it exchange (Tauri commands, not
//! HTTP): the shell's own settings, kept in the app's data directory. A browser (or a
//! remote `nps serve`) never sees these.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The Tauri command that returns the [`DesktopSettings`].
pub const GET_DESKTOP_SETTINGS: &str = "get_desktop_settings";
/// The Tauri command that saves new [`DesktopSettings`] (argument `settings`) and
/// returns them as saved.
pub const SET_DESKTOP_SETTINGS: &str = "set_desktop_settings";

/// The desktop shell's settings. A missing field takes its default, so a file written
/// by an older version still reads.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct DesktopSettings {
    /// The local time of the daily reading's notification; `None` (the default): off.
    pub daily_notification: Option<DailyTime>,
    /// Closing the window hides it in the tray; the app and its server keep running
    /// until Quit. Default off: closing quits.
    pub close_to_tray: bool,
    /// The language of the notification and the tray's menu (`en`, `fa`), as the UI
    /// last had it; `None`: the system's.
    pub locale: Option<String>,
}

/// A local time of day, minute precision, written `HH:MM` (24-hour).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(try_from = "String", into = "String")]
pub struct DailyTime {
    hour: u8,
    minute: u8,
}

/// A time that is not `HH:MM` with 00 ≤ HH ≤ 23 and 00 ≤ MM ≤ 59.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a time of day (HH:MM, 00:00 to 23:59): {0:?}")]
pub struct BadDailyTime(pub String);

impl DailyTime {
    pub fn new(hour: u8, minute: u8) -> Result<Self, BadDailyTime> {
        if hour < 24 && minute < 60 {
            Ok(DailyTime { hour, minute })
        } else {
            Err(BadDailyTime(format!("{hour}:{minute}")))
        }
    }

    /// Parses `HH:MM` (two digits each).
    pub fn parse(text: &str) -> Result<Self, BadDailyTime> {
        let bad = || BadDailyTime(text.to_string());
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        let two_digits = |s: &str| {
            (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        let (hour, minute) = two_digits(h).zip(two_digits(m)).ok_or_else(bad)?;
        DailyTime::new(hour, minute).map_err(|_| bad())
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }
}

impl fmt::Display for DailyTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl TryFrom<String> for DailyTime {
    type Error = BadDailyTime;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        DailyTime::parse(&text)
    }
}

impl From<DailyTime> for String {
    fn from(time: DailyTime) -> Self {
        time.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_time_reads_and_writes_hh_mm() {
        assert_eq!(DailyTime::parse("08:05"), DailyTime::new(8, 5));
        assert_eq!(
            DailyTime::parse("23:59").map(|t| t.to_string()).as_deref(),
            Ok("23:59")
        );
        assert_eq!(
            DailyTime::parse("00:00").map(|t| (t.hour(), t.minute())),
            Ok((0, 0))
        );
        for bad in [
            "24:00",
            "12:60",
            "8:05",
            "08:5",
            "0805",
            "",
            "08:05:00",
            "+8:05",
            "۰۸:۰۵",
        ] {
            assert_eq!(
                DailyTime::parse(bad),
                Err(BadDailyTime(bad.to_string())),
                "{bad}"
            );
        }
        assert!(DailyTime::new(24, 0).is_err());
    }

    #[test]
    fn settings_have_an_exact_json_shape_and_defaults() {
        let on = DesktopSettings {
            daily_notification: DailyTime::new(7, 30).ok(),
            close_to_tray: true,
            locale: Some("fa".into()),
        };
        let json = serde_json::to_string(&on).unwrap();
        assert_eq!(
            json,
            r#"{"daily_notification":"07:30","close_to_tray":true,"locale":"fa"}"#
        );
        assert_eq!(serde_json::from_str::<DesktopSettings>(&json).unwrap(), on);
        let default: DesktopSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(default, DesktopSettings::default());
        assert_eq!(default.daily_notification, None);
        assert!(!default.close_to_tray);
        let bad = serde_json::from_str::<DesktopSettings>(r#"{"daily_notification":"25:00"}"#);
        assert!(bad.unwrap_err().to_string().contains("25:00"));
    }
}
