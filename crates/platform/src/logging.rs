//! Log output: `tracing` events as text lines on stderr, filtered by `RUST_LOG` (an
//! `EnvFilter`) or, when it is unset or invalid, by the caller's default. The server
//! redacts tokens from every line it logs (`nps_server::redact_query`).

use tracing_subscriber::EnvFilter;

/// Installs the process's log subscriber, once: the first call wins, later calls (a
/// test harness, a second command) change nothing. `default_filter` applies when
/// `RUST_LOG` is unset or cannot be parsed (`"info"`, `"nps_server=debug,info"`).
/// Returns whether this call installed it.
pub fn init_logging(default_filter: &str) -> bool {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init()
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_call_installs() {
        // The only test of this binary that installs a subscriber.
        assert!(init_logging("info"));
        assert!(!init_logging("debug"), "a second subscriber was installed");
        assert!(tracing_subscriber::fmt().try_init().is_err());
    }
}
