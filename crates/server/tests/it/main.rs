//! The integration tests of `nps-server`, one binary (ripgrep `tests/tests.rs`): a
//! real server on 127.0.0.1:0 with a temporary data directory, real HTTP and
//! WebSocket clients. `support` is the one harness; one module per topic.

mod api;
mod cors;
mod daily;
mod edge;
mod export;
mod first_load;
mod limits;
mod notes;
mod places;
mod profiles;
mod support;
#[cfg(unix)]
mod tls;
mod ui_assets;
mod ws;
