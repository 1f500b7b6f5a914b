//! The base-60 codec: integers as `-`-joined TOKEN60 digits, most significant first.
//!
//! Values are `i128`, which holds every figure of the vectors (they reach 10^30, past
//! 64 bits); decoding something larger than 128 bits is [`EngineError::Overflow`].

use std::fmt;

use crate::error::{EngineError, Result};
use crate::tokens::Token60;

/// 60^22 > 2^128, so 22 digits hold any `u128`.
const MAX_DIGITS: usize = 22;

/// The base-60 digits of `n`, most significant first; `[0]` for zero.
pub fn to_base60(n: u128) -> Vec<u8> {
    let mut buf = [0u8; MAX_DIGITS];
    let start = digits_into(n, &mut buf);
    buf[start..].to_vec()
}

/// Writes the digits of `n` at the end of `buf` and returns where they start. The buffer
/// is the caller's: returning a freshly written array by value costs a store-forwarding
/// stall that dominated stamp rendering (measured with perf).
pub(crate) fn digits_into(mut n: u128, buf: &mut [u8; MAX_DIGITS]) -> usize {
    let mut i = MAX_DIGITS;
    // 128-bit division is a slow library call; every day-to-day figure fits in 64 bits.
    if let Ok(mut small) = u64::try_from(n) {
        loop {
            i -= 1;
            buf[i] = (small % 60) as u8;
            small /= 60;
            if small == 0 {
                return i;
            }
        }
    }
    loop {
        i -= 1;
        buf[i] = (n % 60) as u8;
        n /= 60;
        if n == 0 {
            break;
        }
    }
    i
}

/// The integer whose base-60 digits (most significant first) are `digits`.
/// An empty slice is 0; a digit outside 0–59 is an error naming its position.
pub fn from_base60(digits: &[i64]) -> Result<i128> {
    let mut acc: i128 = 0;
    for (index, &value) in digits.iter().enumerate() {
        if !(0..60).contains(&value) {
            return Err(EngineError::DigitRange { index, value });
        }
        acc = acc
            .checked_mul(60)
            .and_then(|a| a.checked_add(value as i128))
            .ok_or(EngineError::Overflow)?;
    }
    Ok(acc)
}

/// A number shown in base 60 (`HOMT-ROFI` for 2026, `NEG-OXMT-DRWU` for −500).
/// Formatting writes straight into the output; nothing is allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Base60(pub i128);

impl fmt::Display for Base60 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < 0 {
            f.write_str("NEG-")?;
        }
        let mut buf = [0u8; MAX_DIGITS];
        let start = digits_into(self.0.unsigned_abs(), &mut buf);
        for (k, d) in buf[start..].iter().enumerate() {
            if k > 0 {
                f.write_str("-")?;
            }
            f.write_str(Token60::wrapping(i64::from(*d)).as_str())?;
        }
        Ok(())
    }
}

crate::vocab::serde_as_text!(Base60, |text: &str| decode_base60(text).map(Base60));

/// Encodes an integer: `encode_base60(2026) == "HOMT-ROFI"`.
pub fn encode_base60(n: i128) -> String {
    Base60(n).to_string()
}

/// Decodes a base-60 string. Token halves may be lower case; the `NEG-` prefix is
/// case-sensitive (so `neg-…` fails on the three-letter token `neg`).
pub fn decode_base60(s: &str) -> Result<i128> {
    let (negative, body) = match s.strip_prefix("NEG-") {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut acc: i128 = 0;
    for part in body.split('-') {
        let digit = Token60::parse(part)?;
        acc = acc
            .checked_mul(60)
            .and_then(|a| a.checked_add(i128::from(digit.value())))
            .ok_or(EngineError::Overflow)?;
    }
    Ok(if negative { -acc } else { acc })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(encode_base60(0), "RAWU");
        assert_eq!(encode_base60(2026), "HOMT-ROFI");
        assert_eq!(encode_base60(-500), "NEG-OXMT-DRWU");
        assert_eq!(decode_base60("HOMT-ROFI").unwrap(), 2026);
        assert_eq!(
            decode_base60(&encode_base60(i128::MIN + 1)).unwrap(),
            i128::MIN + 1
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = vec!["PIWA"; 30].join("-");
        assert_eq!(decode_base60(&huge), Err(EngineError::Overflow));
        assert_eq!(from_base60(&[59; 30]), Err(EngineError::Overflow));
    }
}
