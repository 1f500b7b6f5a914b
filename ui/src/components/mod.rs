//! View components: props and callbacks in, HTML out; shared state only through the
//! contexts of [`crate::hooks`]. No I/O here.
//!
//! - [`header`]: app name, navigation, language toggle, connection status.
//! - [`form`]: the Oracle forms of the six kinds.
//! - [`progress`]: the live progress bar and its steps.
//! - [`result`]: a reading's result (stamp, numbers, letters, moon, ganzhi, patterns,
//!   confidence, compatibility, interpretation; copy and export).
//! - [`daily`]: the day's insight card.

pub mod daily;
pub mod form;
pub mod header;
pub mod progress;
pub mod result;
