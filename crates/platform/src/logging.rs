//! Log output: `tracing` events as text lines on stderr, filtered by `RUST_LOG` (an
//! `EnvFilter`) or, when it is unset or invalid, by the caller's default. The server
//! redacts tokens from every line it logs (`nps_server::redact_query`).
//!
//! Logging never blocks or breaks the program: lines go through a bounded queue
//! ([`LOG_QUEUE_LINES`]) to a writer thread (`tracing-appender`'s non-blocking writer,
//! lossy: when the queue is full — stderr is a pipe nobody reads — new lines are
//! dropped), and that thread ignores write errors (stderr closed, a pipe whose reader
//! died). A server whose log pipe broke keeps answering.

use std::io::{self, Write};
use std::sync::{Mutex, PoisonError};

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

/// Log lines queued for the writer thread; beyond, new lines are dropped.
pub const LOG_QUEUE_LINES: usize = 8192;

/// The writer thread's guard: dropping it writes what is queued and stops the thread.
static WRITER: Mutex<Option<WorkerGuard>> = Mutex::new(None);

/// Installs the process's log subscriber, once: the first call wins, later calls (a
/// test harness, a second command) change nothing. `default_filter` applies when
/// `RUST_LOG` is unset or cannot be parsed (`"info"`, `"nps_server=debug,info"`).
/// Returns whether this call installed it. Call [`flush_logs`] before exiting to
/// write the lines still queued.
pub fn init_logging(default_filter: &str) -> bool {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let (writer, guard) = NonBlockingBuilder::default()
        .buffered_lines_limit(LOG_QUEUE_LINES)
        .lossy(true)
        .thread_name("nps-log")
        .finish(QuietStderr);
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .try_init()
        .is_ok();
    if installed {
        *WRITER.lock().unwrap_or_else(PoisonError::into_inner) = Some(guard);
    }
    installed
}

/// Writes the queued log lines (waiting at most about a second for a stuck stderr)
/// and stops the writer thread; later lines are dropped. For the end of `main`.
pub fn flush_logs() {
    let guard = WRITER.lock().unwrap_or_else(PoisonError::into_inner).take();
    drop(guard);
}

/// stderr that reports every write as done: a line that cannot be written is lost,
/// never an error (the writer thread would report it on stderr, which is what failed).
struct QuietStderr;

impl Write for QuietStderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _ = io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let _ = io::stderr().flush();
        Ok(())
    }
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
        assert!(WRITER.lock().expect("lock").is_some());
        flush_logs();
        assert!(WRITER.lock().expect("lock").is_none());
    }
}
