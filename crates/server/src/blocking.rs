//! Blocking work (exports, the daily insight) off the async workers, so heartbeats and
//! other requests never wait for it; and short work (a reading) where it is.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::ApiError;

/// Runs `f` on tokio's blocking pool. A panic in `f` is a 500.
pub async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(ApiError::internal)
}

/// Runs `f` here, on the calling worker. A panic in `f` is a 500, as on the blocking
/// pool. For work shorter than a hop to the pool and back: a reading takes 27 µs (a
/// time reading) to 130 µs (a full one with every input) on the project's machine
/// (`cargo run --release -p nps-readings --example timing`), while the two thread
/// wake-ups of [`run_blocking`] cost more CPU than that under load.
pub fn run_inline<T>(f: impl FnOnce() -> T) -> Result<T, ApiError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| ApiError::internal("the work panicked"))
}
