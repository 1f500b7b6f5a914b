//! The user's settings (kept in the browser's storage by `services::storage`).

use std::rc::Rc;

use nps_i18n::Locale;
use nps_protocol::SystemChoice;
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// Which server the UI talks to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Server {
    /// The server that served this page (or the desktop shell's embedded one).
    #[default]
    ThisComputer,
    /// Another NPS server, by its base URL (`https://host[:port]`).
    Remote { url: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub locale: Locale,
    /// The numerology system new readings use (`auto` picks Abjad for Persian/Arabic
    /// script, else Pythagorean).
    pub system: SystemChoice,
    pub server: Server,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            locale: Locale::En,
            system: SystemChoice::Auto,
            server: Server::ThisComputer,
        }
    }
}

/// The locale a browser language tag asks for: Persian for `fa` and `fa-…`, else
/// English (the same rule as `static/locale.js`).
pub fn locale_of_language(tag: &str) -> Locale {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("fa") {
        Locale::Fa
    } else {
        Locale::En
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsAction {
    SetLocale(Locale),
    ToggleLocale,
    SetSystem(SystemChoice),
    SetServer(Server),
}

impl Settings {
    /// The settings after `action`.
    pub fn apply(&self, action: SettingsAction) -> Self {
        let mut next = self.clone();
        match action {
            SettingsAction::SetLocale(l) => next.locale = l,
            SettingsAction::ToggleLocale => next.locale = crate::i18n::other(self.locale),
            SettingsAction::SetSystem(s) => next.system = s,
            SettingsAction::SetServer(s) => next.server = s,
        }
        next
    }

    /// The base URL of the server, given the page's own origin.
    pub fn base_url(&self, page_origin: &str) -> String {
        self.server.base_url(page_origin)
    }
}

impl Server {
    /// The server a switch goes to: a remote one by its URL (`None` when the URL is
    /// not a server address, see [`valid_server_url`]), or this computer's.
    pub fn chosen(remote: bool, url: &str) -> Option<Self> {
        if !remote {
            Some(Self::ThisComputer)
        } else if valid_server_url(url) {
            Some(Self::Remote {
                url: normalize_url(url),
            })
        } else {
            None
        }
    }

    /// Its base URL; `this_computer` is the base URL of this computer's server (the
    /// page's origin, or the desktop shell's server).
    pub fn base_url(&self, this_computer: &str) -> String {
        match self {
            Self::ThisComputer => this_computer.trim_end_matches('/').to_string(),
            Self::Remote { url } => normalize_url(url),
        }
    }
}

/// `host:port` → `http://host:port`; no trailing `/`.
pub fn normalize_url(url: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    if url.starts_with("http://") || url.starts_with("https://") {
        url.to_string()
    } else {
        format!("http://{url}")
    }
}

/// Whether `url` looks like a server address (`http(s)://host[:port]`, no path).
pub fn valid_server_url(url: &str) -> bool {
    let url = normalize_url(url);
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or("");
    !rest.is_empty()
        && !rest.contains(['/', ' ', '?', '#', '@'])
        && rest
            .rsplit_once(':')
            .is_none_or(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok())
}

impl Reducible for Settings {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}
