#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! NPS Oracle's web UI: a Yew (CSR) application compiled to wasm32, served by
//! `nps serve --ui-dir ui/dist` or embedded by the desktop shell.
//!
//! # Layout
//!
//! - [`ws`]: the WebSocket client — [`ws::machine`], the state machine of DESIGN §3 in
//!   plain Rust (unit-tested natively), and [`ws::adapter`], the thin gloo-net driver.
//! - [`state`]: pure reducers (`impl Reducible`, no DOM): reading progress, settings,
//!   session, history filters, form validation.
//! - [`figures`]: turns a reading's typed figures (`nps_protocol::Figures`) into what the
//!   result view shows (stamp tokens and their meanings, numbers, letters, moon, ganzhi,
//!   patterns), with the engine's own tables.
//! - [`i18n`]: text from `locales/` through `nps-i18n` (the same Fluent files as the
//!   server and the CLI), Persian digits.
//! - [`services`]: HTTP (the API of DESIGN §4) and browser storage (settings, tokens).
//! - [`hooks`]: `use_websocket_connection`, `use_ws_event`, `use_reading_progress`, and
//!   the session/settings contexts.
//! - [`components`] and [`pages`]: the views; [`app`] wires routes and providers.
//!
//! Everything that touches the DOM sits in `ws::adapter`, `services`, `hooks`,
//! `components`, `pages` and `app`; it compiles natively too, so `cargo test` runs on
//! the host.

pub mod app;
pub mod components;
pub mod error;
pub mod figures;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod services;
pub mod state;
pub mod ws;

/// Mounts the app on `<body>` (the wasm entry point).
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
