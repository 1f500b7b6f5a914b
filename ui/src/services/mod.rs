//! Network, storage and the browser, reached by components only through hooks.
//!
//! - [`api`]: the HTTP API of DESIGN §4 over gloo-net (`fetch`): [`api::Api`], the
//!   authorized calls of a session (`session.api()`), and [`api::PublicApi`], the ones
//!   without a token.
//! - [`storage`]: settings and tokens in the browser's local storage; the desktop
//!   shell's `window.__NPS__`.
//! - [`desktop`]: the desktop shell's Tauri commands (its own settings), inside the
//!   desktop app only.
//! - [`browser`]: clock, random ids, scrolling, clipboard, downloads, `<html lang dir>`.

pub mod api;
pub mod browser;
pub mod desktop;
pub mod storage;
