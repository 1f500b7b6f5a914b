//! Input checks, run before any database access so invalid requests write nothing.

//!
//! Every refusal is a message of `locales/*/errors.ftl` (`error-store-…`).

use chrono::NaiveDate;
use nps_protocol::text::Msg;

use crate::error::{Result, StoreError};
use crate::model::{DEFAULT_LIMIT, MAX_LIMIT, MAX_TEXT_FILTER_CHARS};

/// Longest accepted username, in characters.
pub const MAX_USERNAME_CHARS: usize = 64;

pub(crate) fn owner(owner: &str) -> Result<()> {
    if owner.trim().is_empty() {
        return Err(StoreError::invalid("error-store-owner-empty"));
    }
    Ok(())
}

/// A checked [`NotesChange`](nps_protocol::NotesChange) as both backends bind it:
/// whether to set each column, and its new value (NULL clears it).
pub(crate) struct NotesUpdate {
    pub set_rating: bool,
    pub rating: Option<u8>,
    pub set_note: bool,
    pub note: Option<String>,
}

/// The owner's change of a rating and note, within their bounds.
pub(crate) fn notes(owner: &str, change: nps_protocol::NotesChange) -> Result<NotesUpdate> {
    self::owner(owner)?;
    change.check_bounds().map_err(StoreError::Invalid)?;
    Ok(NotesUpdate {
        set_rating: change.rating.is_some(),
        rating: change.rating.flatten(),
        set_note: change.note.is_some(),
        note: change.note.flatten(),
    })
}

/// Default 50, clamped to `1..=200`.
pub(crate) fn effective_limit(limit: Option<u32>) -> u32 {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

pub(crate) fn text_filter(text: &str) -> Result<()> {
    let n = text.chars().count();
    if n > MAX_TEXT_FILTER_CHARS {
        return Err(StoreError::Invalid(
            Msg::new("error-store-text-filter-long")
                .num("count", n)
                .num("max", MAX_TEXT_FILTER_CHARS),
        ));
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
        return Err(StoreError::invalid("error-store-username-empty"));
    }
    if name.trim() != name {
        return Err(StoreError::invalid("error-store-username-spaces"));
    }
    if name.chars().any(char::is_control) {
        return Err(StoreError::invalid("error-store-username-control"));
    }
    if name.chars().count() > MAX_USERNAME_CHARS {
        return Err(StoreError::Invalid(
            Msg::new("error-store-username-long").num("max", MAX_USERNAME_CHARS),
        ));
    }
    Ok(())
}

/// `value` must not be blank; `field` names it (`store-field-FIELD` of errors.ftl).
pub(crate) fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(StoreError::Invalid(
            Msg::new("error-store-field-empty").word("field", format!("store-field-{field}")),
        ));
    }
    Ok(())
}

/// The refusal of a reading when its owner's history is full.
pub(crate) fn readings_full(max: u32) -> StoreError {
    StoreError::Invalid(Msg::new("error-store-readings-full").num("max", max))
}

pub(crate) fn profiles_full(max: u32) -> StoreError {
    StoreError::Invalid(Msg::new("error-store-profiles-full").num("max", max))
}

/// A refresh token to store names its hash, user and family.
pub(crate) fn refresh_token(token: &crate::refresh::NewRefreshToken) -> Result<()> {
    non_empty("token-hash", &token.token_hash)?;
    non_empty("user-id", &token.user_id)?;
    non_empty("family-id", &token.family_id)
}

/// True for a real calendar date written exactly as `YYYY-MM-DD` (chrono alone would
/// also take one-digit months and days).
fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

pub(crate) fn date(date: &str) -> Result<()> {
    if is_valid_date(date) {
        Ok(())
    } else {
        Err(StoreError::Invalid(
            Msg::new("error-store-date").text("date", date),
        ))
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
    fn validates_dates() {
        for ok in [
            "2026-11-25",
            "2024-02-29",
            "2000-02-29",
            "1999-12-31",
            "0001-01-01",
        ] {
            assert!(is_valid_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-1-01",
            "2026-01-1 ",
            "26-11-25",
            "2026/11/25",
            "2026-11-25T",
            "",
            "abcd-ef-gh",
            "+202-11-25",
        ] {
            assert!(!is_valid_date(bad), "{bad}");
        }
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
