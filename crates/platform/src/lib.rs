#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! Platform set-up for NPS Oracle, in one place for the `nps` CLI, the desktop shell and
//! the server: where the data lives, how its files are kept private, the wall clock, the
//! system's language and the log output.
//!
//! ```no_run
//! let dir = nps_platform::data_dir()?;            // NPS_DATA_DIR, else the platform's
//! nps_platform::create_private_dir(&dir)?;         // 0700 on Unix
//! nps_platform::write_private_file(&dir.join("x"), b"secret")?; // 0600 on Unix
//! let now = nps_platform::now()?;                  // a local `Moment` for the engine
//! nps_platform::init_logging("info");             // stderr, RUST_LOG overrides
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Layout
//! - [`paths`]: the data directory — `NPS_DATA_DIR`, else `%APPDATA%\nps-oracle`
//!   (Windows), `~/Library/Application Support/nps-oracle` (macOS),
//!   `$XDG_DATA_HOME/nps-oracle` or `~/.local/share/nps-oracle` (Linux).
//! - [`private`]: directories and files only their owner can read, whoever creates them
//!   (Unix: 0700 and 0600 whatever the umask; Windows: a protected DACL with one entry,
//!   the current user — `private::windows`, the workspace's one module with `unsafe`).
//! - [`clock`]: [`now`], the one read of the wall clock, as the engine's [`Moment`].
//! - [`locale`]: the system's language as a [`Locale`] (English unless it is Persian).
//! - [`logging`]: [`init_logging`], `tracing` to stderr with an `EnvFilter`, set once,
//!   through a bounded, lossy queue that never blocks ([`flush_logs`] at exit).
//!
//! Dependency arrows: engine ← protocol ← platform ← (store, server, cli, desktop).
//!
//! [`Moment`]: nps_engine::Moment
//! [`Locale`]: nps_protocol::Locale

pub mod clock;
pub mod locale;
pub mod logging;
pub mod paths;
pub mod private;

pub use clock::now;
pub use locale::system_locale;
pub use logging::{flush_logs, init_logging};
pub use paths::{APP_DIR_NAME, DATA_DIR_ENV, NoDataDir, data_dir, data_dir_or, default_data_dir};
pub use private::{
    create_private_dir, create_private_file, ensure_private_file, replace_private_file,
    restrict_to_owner, write_private_file,
};
