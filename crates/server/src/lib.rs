#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! The NPS Oracle server as a library: the `nps serve` command, the desktop
//! shell and the tests all call [`run`] (or [`serve`]) with a listener, a
//! [`Config`] and a shutdown future.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let config = nps_server::Config::new(b"a fresh random secret of 32+ bytes".to_vec());
//! nps_server::run(listener, config, nps_server::shutdown_signal()).await
//! # }
//! ```
//!
//! # Layout
//!
//! - [`config`]: [`Config`] and its defaults (the bounds below).
//! - [`app`]: [`App`], [`AppState`] (`Arc<App>`, the state of every handler) and
//!   [`router`], where HTTP routes are added.
//! - [`server`]: [`run`], [`serve`], graceful shutdown, [`shutdown_signal`].
//! - [`listener`]: the bounded accept loop ([`BoundedListener`]) and
//!   [`ConnInfo`] (peer and local address of a connection).
//! - [`hub`]: [`Hub`], per-user routing, broadcast, the resume buffer, and
//!   [`ReadingReporter`] for one reading's events.
//! - `socket`: `/ws/oracle` — admission (origin, token), the send and receive
//!   tasks, heartbeat, token expiry, closing handshake.
//! - [`api`]: the HTTP API of DESIGN §4 — login/refresh, the reading endpoints
//!   (events to the requester), daily (broadcast; also at local midnight), history.
//! - [`accounts`]: argon2 password hashes, rotating refresh tokens.
//! - [`secret`]: the signing secret of `nps serve`/`nps token` — `NPS_JWT_SECRET` or
//!   `<data-dir>/jwt-secret`, generated once, private.
//! - [`clock`]: "now" for the engine (`nps_platform::now`), and the next local midnight.
//! - [`auth`]: HS256 JWTs ([`mint_token`], [`auth::Keys`]), the [`AuthUser`] and
//!   [`MaybeAuthUser`] extractors.
//! - `access`: peer/`Host`/`Origin` checks (403 on HTTP, 4003 on the socket).
//! - [`logging`]: request logging; [`redact_query`] keeps tokens out of logs.
//! - [`error`]: [`ApiError`], the one HTTP error type (`{"error": {code, message}}`).
//!
//! # Bounds
//!
//! | what | default | where |
//! |---|---|---|
//! | concurrent TCP connections (HTTP + WebSocket); beyond, accept waits | 1024 | [`Config::max_connections`] |
//! | open WebSockets per user; beyond, close 1013 | 8 | [`Config::max_connections_per_user`] |
//! | frames queued per connection; overflow closes it with 4008 | 256 | [`Config::send_queue_capacity`] |
//! | events buffered per user for resume | 256 | [`Config::replay_capacity`] |
//! | age of a buffered event | 5 min | [`Config::replay_max_age`] |
//! | inbound WebSocket message and frame; beyond, close 1009 | 64 KiB | [`Config::max_inbound_frame`] |
//! | `ping` interval | 30 s | [`Config::heartbeat_interval`] |
//! | silence before close 1000 "Heartbeat timeout" | interval + 10 s | [`Config::pong_timeout`] |
//! | closing handshake (close frame out, peer's close in) | 3 s | [`Config::close_timeout`] |
//! | JWT clock leeway | 5 s | [`auth::LEEWAY_SECS`] |
//! | hub slots of users with no connection and nothing buffered | pruned every ½ `replay_max_age` (1–60 s) | [`Hub::prune`] |
//!
//! No channel or accept loop is unbounded. The hub's lock is a
//! `std::sync::Mutex`, never held across `.await`.

mod access;
pub mod accounts;
pub mod api;
pub mod app;
pub mod auth;
pub mod clock;
pub mod config;
pub mod error;
pub mod hub;
pub mod listener;
pub mod logging;
pub mod secret;
pub mod server;
mod socket;

pub use app::{App, AppState, router};
pub use auth::{AuthError, AuthUser, MaybeAuthUser, mint_token};
pub use config::{Config, ConfigError};
pub use error::ApiError;
pub use hub::{Hub, ReadingReporter, SERVER_VERSION};
pub use listener::{BoundedListener, ConnInfo};
pub use logging::redact_query;
pub use server::{run, serve, shutdown_signal};
