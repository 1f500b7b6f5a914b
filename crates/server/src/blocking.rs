//! Blocking work (the engine) off the async workers, so heartbeats and other
//! requests never wait for it.

use crate::error::ApiError;

/// Runs `f` on tokio's blocking pool. A panic in `f` is a 500.
pub async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(ApiError::internal)
}
