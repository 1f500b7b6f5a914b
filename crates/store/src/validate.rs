//! Input checks, run before any database access so invalid requests write nothing.

use crate::model::{DEFAULT_LIMIT, MAX_LIMIT, MAX_TEXT_FILTER_CHARS, READING_KINDS};
use crate::{Result, StoreError};

/// Longest accepted username, in characters.
pub const MAX_USERNAME_CHARS: usize = 64;

pub(crate) fn owner(owner: &str) -> Result<()> {
    if owner.trim().is_empty() {
        return Err(StoreError::Invalid("owner must not be empty".into()));
    }
    Ok(())
}

pub(crate) fn kind(kind: &str) -> Result<()> {
    if READING_KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "unknown reading kind {kind:?}; expected one of {}",
            READING_KINDS.join(", ")
        )))
    }
}

/// Default 50, clamped to `1..=200`.
pub(crate) fn effective_limit(limit: Option<u32>) -> u32 {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

pub(crate) fn text_filter(text: &str) -> Result<()> {
    let n = text.chars().count();
    if n > MAX_TEXT_FILTER_CHARS {
        return Err(StoreError::Invalid(format!(
            "text filter is {n} characters; at most {MAX_TEXT_FILTER_CHARS} allowed"
        )));
    }
    Ok(())
}

/// A `LIKE ... ESCAPE '\'` pattern matching `text` as a literal substring.
pub(crate) fn like_contains(text: &str) -> String {
    let mut p = String::with_capacity(text.len() + 2);
    p.push('%');
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

pub(crate) fn username(name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(StoreError::Invalid("username must not be empty".into()));
    }
    if name.trim() != name {
        return Err(StoreError::Invalid(
            "username must not start or end with whitespace".into(),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(StoreError::Invalid(
            "username must not contain control characters".into(),
        ));
    }
    if name.chars().count() > MAX_USERNAME_CHARS {
        return Err(StoreError::Invalid(format!(
            "username is longer than {MAX_USERNAME_CHARS} characters"
        )));
    }
    Ok(())
}

pub(crate) fn non_empty(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(StoreError::Invalid(format!("{what} must not be empty")));
    }
    Ok(())
}

pub(crate) fn date(date: &str) -> Result<()> {
    if crate::time::is_valid_date(date) {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "date {date:?} is not a valid YYYY-MM-DD calendar date"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards_and_the_escape_char() {
        assert_eq!(like_contains("abc"), "%abc%");
        assert_eq!(like_contains("50%_x\\y"), "%50\\%\\_x\\\\y%");
        assert_eq!(like_contains(""), "%%");
    }

    #[test]
    fn limit_defaults_and_clamps() {
        assert_eq!(effective_limit(None), 50);
        assert_eq!(effective_limit(Some(0)), 1);
        assert_eq!(effective_limit(Some(7)), 7);
        assert_eq!(effective_limit(Some(500)), 200);
    }

    #[test]
    fn usernames() {
        assert!(username("alice").is_ok());
        assert!(username("Ali Reza").is_ok());
        for bad in ["", "   ", " alice", "alice ", "a\nb"] {
            assert!(username(bad).is_err(), "{bad:?}");
        }
        assert!(username(&"x".repeat(65)).is_err());
    }
}
