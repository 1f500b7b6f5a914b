//! Network and storage, reached by components only through hooks.
//!
//! - [`api`]: the HTTP API of DESIGN §4 over gloo-net (`fetch`).
//! - [`storage`]: settings and tokens in the browser's local storage; the desktop
//!   shell's `window.__NPS__`.
//! - [`browser`]: clock, random ids, clipboard, downloads, `<html lang dir>`.

pub mod api;
pub mod browser;
pub mod storage;
