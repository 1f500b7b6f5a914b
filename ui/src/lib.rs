#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! NPS Oracle's web UI: a Yew (CSR) application compiled to wasm32, served by
//! `nps serve --ui-dir ui/dist` or embedded by the desktop shell.
//!
//! # Layout
//!
//! In dependency order — each module uses only those above it (and `nps-protocol`,
//! `nps-engine`, `nps-i18n`):
//!
//! - [`i18n`]: text from `locales/` through `nps-i18n` (the same Fluent files as the
//!   server and the CLI), Persian digits.
//! - [`error`]: how a call failed ([`error::HttpError`], [`error::SignInError`]).
//! - [`figures`]: turns a reading's typed figures (`nps_protocol::Figures`) into what the
//!   result view shows (stamp tokens and their meanings, numbers, letters, moon, ganzhi,
//!   patterns), with the engine's own tables.
//! - [`charts`]: the geometry of the result's charts (personal-year cycle, compatibility
//!   matrix, the moon over the month), pure.
//! - [`summary`]: what a result's summary says (who, when, the question, the strongest
//!   signals in plain words), pure.
//! - [`state`]: pure reducers (`impl Reducible`, no DOM): reading progress, settings,
//!   session, the forms and their validation, history, the daily card, results.
//! - [`services`]: HTTP (the typed API of DESIGN §4), browser storage (settings,
//!   tokens) and browser facilities (clock, clipboard, downloads).
//! - [`ws`]: the WebSocket client — [`ws::machine`], the state machine of DESIGN §3 in
//!   plain Rust (unit-tested natively), and [`ws::adapter`], the thin gloo-net driver.
//! - [`hooks`]: the contexts (settings, session, WebSocket) and one hook per page's
//!   async work (`use_oracle`, `use_history`, `use_login`, `use_server_switch`, ...):
//!   the only way to the network, the storage and the socket.
//! - [`components`]: views with props and callbacks, no I/O.
//! - [`pages`]: one per [`route::Route`]; a page calls its hooks and renders.
//! - [`app`]: the providers, the router and the layout.
//!
//! Everything that touches the DOM sits in `ws::adapter`, `services`, `hooks`,
//! `components`, `pages` and `app`; it compiles natively too, so `cargo test` runs on
//! the host.

pub mod app;
pub mod charts;
pub mod components;
pub mod error;
pub mod figures;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod services;
pub mod state;
pub mod summary;
pub mod ws;

/// Mounts the app on `<body>` (the wasm entry point).
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
