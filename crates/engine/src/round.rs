//! Rounding as the reference framework shows figures: half-to-even on the exact
//! binary value (Python's `round`).

/// `x` rounded to `places` decimals, correctly: the exact binary value is rounded, and an
/// exact tie goes to the even digit. Rust's `{:.N}` formatting does precisely that
/// (exact decimal expansion, ties to even), so the figure is formatted and read back.
pub fn round_half_even(x: f64, places: usize) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.places$}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_go_to_even_on_the_exact_value() {
        assert_eq!(round_half_even(0.125, 2), 0.12);
        assert_eq!(round_half_even(0.375, 2), 0.38);
        assert_eq!(round_half_even(2.5, 0), 2.0);
        assert_eq!(round_half_even(1.5, 0), 2.0);
        // 2.675 is stored as 2.67499999…, so it rounds down, as Python does.
        assert_eq!(round_half_even(2.675, 2), 2.67);
        assert_eq!(round_half_even(-0.5, 0), -0.0);
    }
}
