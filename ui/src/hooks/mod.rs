//! Hooks: the only way components reach the network, the storage and the WebSocket.
//!
//! - [`use_websocket_connection`], [`use_ws_event`], [`use_ws_client`]: the WebSocket
//!   client from [`WsProvider`];
//! - [`use_reading_progress`]: this client's reading progress;
//! - [`use_daily`]: the day's insight, updated live;
//! - [`use_session`] ([`SessionProvider`]): tokens, sign-in/out, authorized calls;
//! - [`use_settings`], [`use_locale`] ([`SettingsProvider`]).

mod daily;
mod progress;
mod session;
mod settings;
mod websocket;

pub use daily::{DailyState, use_daily};
pub use progress::use_reading_progress;
pub use session::{SessionHandle, SessionProvider, use_session};
pub use settings::{SettingsProvider, use_locale, use_settings};
pub use websocket::{WsContext, WsProvider, use_websocket_connection, use_ws_client, use_ws_event};
