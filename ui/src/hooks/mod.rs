//! Hooks: the only way components reach the network, the storage and the WebSocket.
//! Pages call them and render what they return; the state they keep is a reducer of
//! [`crate::state`] (pure, unit-tested natively), and their I/O goes through
//! [`crate::services`] — the typed API of the session ([`SessionHandle::api`]) for HTTP.
//!
//! Contexts (a provider each, mounted by [`crate::app`]):
//! - [`use_settings`], [`use_locale`] ([`SettingsProvider`]);
//! - [`use_session`] ([`SessionProvider`]): tokens, sign-in/out, the typed API;
//! - [`use_websocket_connection`], [`use_ws_event`], [`use_ws_client`]: the WebSocket
//!   client of [`WsProvider`].
//!
//! Per page:
//! - [`use_oracle`]: the Oracle form and the reading it runs ([`use_reading`]: live
//!   progress from [`use_reading_progress`], result, error);
//! - [`use_daily`]: the day's insight, updated live;
//! - [`use_history`]: the History list, its filters, paging, delete and favorite;
//! - [`use_stored_reading`]: one stored reading;
//! - [`use_reading_marks`]: a stored reading's favorite, rating and note, and its
//!   delete;
//! - [`use_profiles`]: the saved people (the People page, and the forms' picker);
//! - [`use_place_search`]: the location picker's city search;
//! - [`use_login`]: the sign-in screen;
//! - [`use_server_switch`]: Settings' connection test and server switch;
//! - [`use_desktop_settings`]: Settings' desktop-app card (inside the desktop app
//!   only: the daily notification, close-to-tray);
//! - [`use_escape_hides_tooltips`]: Escape hides hover and focus tooltips;
//! - [`use_export`], [`use_focus_into_view`], [`use_print_opens`]: the result view's
//!   copy/download, scrolling and focus, and its sections opened for printing.

mod callbacks;
mod daily;
mod desktop;
mod export;
mod focus;
mod history;
mod login;
mod marks;
mod oracle;
mod places;
mod print;
mod profiles;
mod progress;
mod reading;
mod server_switch;
mod session;
mod settings;
mod tooltips;
mod websocket;

pub use daily::use_daily;
pub use desktop::{DesktopSave, DesktopSettingsHandle, use_desktop_settings};
pub use export::{Export, SERVER_FORMATS, use_export};
pub use focus::use_focus_into_view;
pub use history::{HistoryHandle, use_history};
pub use login::{Login, use_login};
pub use marks::{MarksHandle, MarksProgress, use_reading_marks};
pub use oracle::{Oracle, use_oracle};
pub use places::{PlaceSearchHandle, use_place_search};
pub use print::use_print_opens;
pub use profiles::{Profiles, use_profiles};
pub use progress::use_reading_progress;
pub use reading::{ReadingRun, StoredReading, use_reading, use_stored_reading};
pub use server_switch::{ConnectionTest, ServerSwitch, SwitchRequest, use_server_switch};
pub use session::{SessionHandle, SessionProvider, use_session};
pub use settings::{SettingsProvider, use_locale, use_settings};
pub use tooltips::{TIPS_HIDDEN, use_escape_hides_tooltips};
pub use websocket::{WsContext, WsProvider, use_websocket_connection, use_ws_client, use_ws_event};
