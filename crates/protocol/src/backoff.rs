//! The client reconnect policy's numbers (DESIGN §3): exponential backoff from
//! 1 s doubling to a 30 s cap, with full jitter.

use core::time::Duration;

/// First backoff ceiling: 1 s.
pub const BACKOFF_BASE_MS: u64 = 1_000;
/// Largest backoff ceiling: 30 s.
pub const BACKOFF_CAP_MS: u64 = 30_000;
/// A connection that stayed up this long resets the attempt counter: 10 s.
pub const BACKOFF_RESET_AFTER_MS: u64 = 10_000;
/// Extra silence a client tolerates beyond `heartbeat + pong_timeout` before it
/// treats the link as dead: 5 s.
pub const DEAD_LINK_GRACE_MS: u64 = 5_000;

/// The ceiling for reconnect attempt `attempt` (0-based):
/// `min(30 s, 1 s · 2^attempt)`.
pub const fn backoff_ceiling_ms(attempt: u32) -> u64 {
    if attempt >= 16 {
        return BACKOFF_CAP_MS;
    }
    let raw = BACKOFF_BASE_MS << attempt;
    if raw > BACKOFF_CAP_MS {
        BACKOFF_CAP_MS
    } else {
        raw
    }
}

/// The delay before reconnect attempt `attempt` (0-based), with full jitter:
/// `random_0_to_1 · ceiling`, in whole milliseconds, so in `[0, ceiling)`.
///
/// `random_0_to_1` comes from the caller (this crate has no randomness); values
/// outside `[0, 1)` and NaN are clamped.
pub fn backoff_delay(attempt: u32, random_0_to_1: f64) -> Duration {
    let ceiling = backoff_ceiling_ms(attempt);
    let r = if random_0_to_1.is_nan() {
        0.0
    } else {
        random_0_to_1.clamp(0.0, 1.0)
    };
    // `as` saturates; the product is within [0, ceiling].
    let ms = ((ceiling as f64) * r).floor() as u64;
    Duration::from_millis(ms.min(ceiling.saturating_sub(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceiling_doubles_from_one_second_to_thirty() {
        let ceilings: Vec<u64> = (0..8).map(backoff_ceiling_ms).collect();
        assert_eq!(
            ceilings,
            [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
        );
        assert_eq!(backoff_ceiling_ms(u32::MAX), 30_000);
    }

    #[test]
    fn full_jitter_spans_zero_to_ceiling() {
        assert_eq!(backoff_delay(0, 0.0), Duration::ZERO);
        assert_eq!(backoff_delay(0, 0.5), Duration::from_millis(500));
        assert_eq!(backoff_delay(3, 0.25), Duration::from_millis(2_000));
        assert_eq!(backoff_delay(10, 0.5), Duration::from_millis(15_000));
        // Never reaches the ceiling itself, even for r = 1.
        assert_eq!(backoff_delay(0, 1.0), Duration::from_millis(999));
        assert_eq!(backoff_delay(9, 0.999_999_9), Duration::from_millis(29_999));
    }

    #[test]
    fn bad_random_inputs_are_clamped() {
        assert_eq!(backoff_delay(2, f64::NAN), Duration::ZERO);
        assert_eq!(backoff_delay(2, -3.0), Duration::ZERO);
        assert_eq!(backoff_delay(2, 7.0), Duration::from_millis(3_999));
    }

    #[test]
    fn delay_is_monotonic_in_attempt_for_fixed_random() {
        for r in [0.1, 0.5, 0.9] {
            let delays: Vec<Duration> = (0..12).map(|a| backoff_delay(a, r)).collect();
            assert!(delays.windows(2).all(|w| w[0] <= w[1]), "{delays:?}");
        }
    }
}
