//! The WebSocket client: [`machine`] decides, [`adapter`] carries it out in the browser.

pub mod adapter;
pub mod machine;

pub use machine::{Action, Config, ErrorReason, Machine, Status, TokenTransport};
