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
//! From the bottom up: each module uses only those above it (and `app` holds the
//! leaf `daily::published`); no import cycle.
//!
//! - [`tls`]: the rustls configuration of HTTPS/WSS ([`tls::load`]).
//! - [`config`]: [`Config`] and its defaults (the bounds below).
//! - [`clock`]: "now" on the local wall clock (for the engine and the scheduler).
//! - [`accounts`]: argon2 password hashes, rotating refresh tokens.
//! - [`hub`]: [`Hub`], per-user routing ([`Hub::send_to_user`]), [`Hub::broadcast`],
//!   the resume buffer, and [`ReadingReporter`] for one reading's events.
//!   On a cluster's PostgreSQL ([`hub::Bus::Postgres`]) durable events go through the
//!   events table ([`Hub::publish_to_user`]) and resumes are served from it
//!   ([`Hub::connect`]).
//! - [`client`]: the client's address ([`ClientAddr`]; `X-Forwarded-For` only from a
//!   trusted proxy) and the per-address connection share ([`client::ClientSlots`]).
//! - [`listener`]: the bounded accept loop ([`BoundedListener`]: total and
//!   per-address caps) and [`ConnInfo`] (peer and local address of a connection).
//! - [`logging`]: request logging; [`redact_query`] keeps tokens out of logs.
//! - [`auth`]: HS256 JWTs ([`mint_token`], [`auth::Keys`]); [`TokenError`] (why a
//!   presented token is refused) and [`AuthError`] (why tokens cannot be issued).
//! - [`error`]: [`ApiError`], the one HTTP error type (`{"error": {code, message}}`,
//!   the message from `locales/`).
//! - [`throttle`]: login throttling (per client IP and per username, `governor`), the
//!   bounded password-check gate, reading rates per user (429/503 with `Retry-After`).
//! - [`app`]: [`App`] and [`AppState`] (`Arc<App>`, the state of every handler).
//! - `blocking`: blocking work (the engine) on tokio's blocking pool; password checks
//!   have threads of their own (`throttle`).
//! - [`locale`]: the request's language (`?locale=`, `Accept-Language`) and the
//!   layer that writes error bodies in it.
//! - [`extract`]: [`AuthUser`], [`AdminUser`], [`ApiJson`], [`ApiQuery`], `ApiPath`.
//! - [`daily`]: the daily insight — [`daily::insight`] (computed once, stored),
//!   [`daily::publish`] (broadcast once per (date, locale), behind
//!   [`daily::claim_publication`]) and the midnight [`daily::scheduler`].
//! - `access`: peer/`Host`/`Origin` checks (403 on HTTP, 4003 on the socket), one
//!   list of allowed origins ([`config::DESKTOP_ORIGINS`] + [`Config::allowed_origins`]).
//! - `cors`: CORS on `/api/*` for the same origins (`tower-http`'s `CorsLayer`).
//! - [`api`]: the HTTP API of DESIGN §4, one module per resource with its own router
//!   (`auth`, `readings` — one generic handler over [`api::readings::ReadingBody`] —,
//!   `daily`, `history`, `profiles`, `export`, `admin`).
//! - `socket`: `/ws/oracle` — admission (origin, token), the send and receive
//!   tasks, heartbeat, token expiry, closing handshake.
//! - [`caching`]: how browsers keep the UI's files (ETag, 304, `Cache-Control` by
//!   fingerprinted name).
//! - [`assets`]: the web UI's files (a directory, or embedded; `mime_guess`; no
//!   dotfiles, no symlinks out of the directory; brotli/gzip twins from the build) and
//!   the security headers of every response ([`assets::SECURITY_HEADERS`]).
//! - [`mod@router`]: the whole HTTP surface and its layers — add routes in [`api`].
//! - [`secret`]: the signing secret of `nps serve`/`nps token` — `NPS_JWT_SECRET` or
//!   `<data-dir>/jwt-secret`, generated once, private.
//! - `connection`: one connection's task — TLS handshake, hyper HTTP/1.1 with
//!   upgrades, the header-read and keep-alive timeouts, graceful and hard stop,
//!   429 for a client behind a proxy over its share.
//! - [`cluster`]: a cluster node's listener (the other nodes' events to this node's
//!   sockets, catching up after the database restarts) and the events table's pruner.
//! - [`server`]: [`run`], [`serve`] (the accept loop), graceful shutdown with a deadline,
//!   [`shutdown_signal`].
//!
//! # Bounds
//!
//! | what | default | where |
//! |---|---|---|
//! | concurrent TCP connections (HTTP + WebSocket); beyond, accept waits | 1024 | [`Config::max_connections`] |
//! | connections per client address (HTTP + WebSocket); beyond, closed at once (429 behind a proxy) | 64 | [`Config::max_connections_per_ip`] |
//! | receiving a request's head (and the TLS handshake) | 10 s | [`Config::header_read_timeout`] |
//! | no request in progress and no byte moving (keep-alive, half-sent requests, unread responses) | 10 s | [`Config::keep_alive_timeout`] |
//! | receiving a request's body; beyond, 400 | 10 s | [`Config::request_body_timeout`] |
//! | shutdown: requests and sockets finish, then the rest is dropped | 10 s | [`Config::shutdown_timeout`] |
//! | open WebSockets per user; beyond, close 1013 | 8 | [`Config::max_connections_per_user`] |
//! | frames queued per connection; overflow closes it with 4008 | 256 | [`Config::send_queue_capacity`] |
//! | events buffered per user for resume | 256 | [`Config::replay_capacity`] |
//! | age of a buffered event | 5 min | [`Config::replay_max_age`] |
//! | inbound WebSocket message and frame; beyond, close 1009 | 64 KiB | [`Config::max_inbound_frame`] |
//! | `ping` interval | 30 s | [`Config::heartbeat_interval`] |
//! | silence before close 1000 "Heartbeat timeout" | interval + 10 s | [`Config::pong_timeout`] |
//! | closing handshake (close frame out, peer's close in) | 3 s | [`Config::close_timeout`] |
//! | how long a browser keeps a CORS preflight's answer | 10 min | [`config::CORS_MAX_AGE`] |
//! | JWT clock leeway | 5 s | [`auth::LEEWAY_SECS`] |
//! | hub slots of users with no connection and nothing buffered | pruned every ½ `replay_max_age` (1–60 s) | [`Hub::prune`] |
//! | request body; beyond, 422 | 64 KiB | [`extract::MAX_BODY_BYTES`] |
//! | `request_id` of a reading; beyond, 422 | 128 bytes | [`api::readings::MAX_REQUEST_ID`] |
//! | cluster: events kept in the table for resume on any node | `replay_max_age` and `replay_capacity` per user, pruned every 30 s | [`cluster::PRUNE_EVERY`] |
//! | cluster: retry of a failed catch-up after the database came back | 1 s | [`cluster::CATCH_UP_RETRY`] |
//! | (date, locale) pairs remembered as published; beyond, the oldest is forgotten | 1,024 | [`daily::published::MAX_REMEMBERED`] |
//! | wall-clock reads of the daily scheduler | every 60 s | [`daily::scheduler::TICK`] |
//! | login attempts per client IP; beyond, 429 + `Retry-After` | 10 a minute | [`Config::logins_per_ip_per_minute`] |
//! | login attempts per username; beyond, 429 | 10 a minute | [`Config::logins_per_username_per_minute`] |
//! | readings per user; beyond, 429 | 60 a minute | [`Config::readings_per_user_per_minute`] |
//! | refresh and logout requests per client IP; beyond, 429 | 60 a minute | [`Config::token_requests_per_ip_per_minute`] |
//! | password checks (argon2) at once, each on a thread of its own | the core count | [`Config::password_checks`] |
//! | password checks waiting; beyond, 503 + `Retry-After: 1` | 32 | [`Config::password_queue`] |
//! | keys per rate limiter before an immediate prune (fresh keys pruned every tick) | 100,000 | [`throttle::MAX_TRACKED_KEYS`] |
//! | grace for a second refresh with a just-rotated token | 5 s (at most) | [`Config::refresh_grace`] |
//! | a login's refresh tokens, however rotated | 30 days | [`Config::refresh_lifetime`] |
//! | readings stored per user (deleted ones purged for room); beyond, 422 | 10,000 | [`Config::max_readings_per_user`] |
//! | a reading's names and mother's name / question / people | 200 / 1,000 chars / 2–5 | [`nps_protocol::limits`] |
//!
//! No channel or accept loop is unbounded. The hub's lock is a
//! `std::sync::Mutex`, never held across `.await`.

mod access;
pub mod accounts;
pub mod api;
pub mod app;
pub mod assets;
pub mod auth;
mod blocking;
pub mod caching;
pub mod client;
pub mod clock;
pub mod cluster;
pub mod config;
mod connection;
mod cors;
pub mod daily;
pub mod error;
pub mod extract;
pub mod hub;
pub mod listener;
pub mod locale;
pub mod logging;
pub mod router;
pub mod secret;
pub mod server;
mod socket;
pub mod throttle;
pub mod tls;

pub use app::{App, AppState};
pub use auth::{AuthError, TokenError, mint_token};
pub use client::ClientAddr;
pub use config::{Config, ConfigError};
pub use error::ApiError;
pub use extract::{AdminUser, ApiJson, ApiQuery, AuthUser};
pub use hub::{Hub, ReadingReporter, SERVER_VERSION};
pub use listener::{BoundedListener, ConnInfo};
pub use logging::redact_query;
pub use router::router;
pub use server::{run, serve, shutdown_signal};
