//! A reading's own rating (1 to 5 stars) and private note: `PATCH
//! /api/oracle/readings/{id}` with [`ReadingNotesPatch`], answered with
//! [`ReadingNotes`]; both are also part of every history item and of the stored
//! reading. Only the reading's owner sees them (another user gets 404).

use serde::{Deserialize, Deserializer, Serialize};

use crate::limits::{MAX_NOTE_CHARS, RATING_STARS};
use crate::text::Msg;

/// `PATCH /api/oracle/readings/{id}`: `{"rating": 1..5 | null, "note": "…" | null}`.
/// A field left out keeps its value; `null` (or an empty note) clears it.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadingNotesPatch {
    /// Any whole number is read here, so that one outside 1–5 gets its own message.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub rating: Option<Option<i64>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub note: Option<Option<String>>,
}

/// A field that was in the body: `Some(None)` for `null`, `Some(Some(v))` for a value
/// (a field left out is `None`, by `#[serde(default)]`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// A [`ReadingNotesPatch`] within its bounds: what the store applies. `None` keeps a
/// field, `Some(None)` clears it.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct NotesChange {
    pub rating: Option<Option<u8>>,
    pub note: Option<Option<String>>,
}

impl ReadingNotesPatch {
    /// The change this patch asks for, or the message of the first bound it breaks
    /// (see [`NotesChange::check_bounds`]). A note of only white space clears the note;
    /// another is kept as written.
    pub fn check(self) -> Result<NotesChange, Msg> {
        let rating = match self.rating {
            Some(Some(stars)) => Some(Some(u8::try_from(stars).map_err(|_| rating_range())?)),
            Some(None) => Some(None),
            None => None,
        };
        let note = self.note.map(|n| n.filter(|t| !t.trim().is_empty()));
        let change = NotesChange { rating, note };
        change.check_bounds()?;
        Ok(change)
    }
}

impl NotesChange {
    /// A rating outside [`RATING_STARS`] (`error-rating-range`) or a note over
    /// [`MAX_NOTE_CHARS`] characters (`error-note-long`) is refused; the server checks
    /// a patch with it (400) and the store again before it writes.
    pub fn check_bounds(&self) -> Result<(), Msg> {
        if let Some(Some(stars)) = self.rating
            && !RATING_STARS.contains(&stars)
        {
            return Err(rating_range());
        }
        if let Some(Some(note)) = &self.note
            && note.chars().count() > MAX_NOTE_CHARS
        {
            return Err(Msg::new("error-note-long").int("max", MAX_NOTE_CHARS as i64));
        }
        Ok(())
    }
}

fn rating_range() -> Msg {
    Msg::new("error-rating-range")
        .num("min", RATING_STARS.start())
        .num("max", RATING_STARS.end())
}

/// The answer of `PATCH /api/oracle/readings/{id}`: the rating and note now.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ReadingNotes {
    pub reading_id: i64,
    pub rating: Option<u8>,
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn patch(v: serde_json::Value) -> ReadingNotesPatch {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_left_out_field_is_kept_and_null_clears() {
        assert_eq!(patch(json!({})).check(), Ok(NotesChange::default()));
        assert_eq!(
            patch(json!({ "rating": null, "note": null })).check(),
            Ok(NotesChange {
                rating: Some(None),
                note: Some(None)
            })
        );
        assert_eq!(
            patch(json!({ "rating": 4 })).check(),
            Ok(NotesChange {
                rating: Some(Some(4)),
                note: None
            })
        );
        assert_eq!(
            patch(json!({ "note": "  " })).check().unwrap().note,
            Some(None)
        );
        assert_eq!(
            patch(json!({ "note": " یادداشت " })).check().unwrap().note,
            Some(Some(" یادداشت ".to_string()))
        );
    }

    #[test]
    fn ratings_outside_one_to_five_are_refused_with_the_range() {
        for stars in [0, 6, -1, 256, i64::MAX] {
            let e = patch(json!({ "rating": stars })).check().unwrap_err();
            assert_eq!(
                e,
                Msg::new("error-rating-range").num("min", 1).num("max", 5)
            );
        }
        for stars in 1..=5u8 {
            let c = patch(json!({ "rating": stars })).check().unwrap();
            assert_eq!(c.rating, Some(Some(stars)));
        }
    }

    #[test]
    fn a_note_may_have_two_thousand_characters_and_no_more() {
        let at_bound = "ی".repeat(MAX_NOTE_CHARS);
        let c = patch(json!({ "note": at_bound })).check().unwrap();
        assert_eq!(c.note.flatten().map(|n| n.chars().count()), Some(2000));
        let over = "a".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            patch(json!({ "note": over })).check(),
            Err(Msg::new("error-note-long").int("max", 2000))
        );
    }

    #[test]
    fn a_rating_that_is_not_a_number_is_a_decoding_error() {
        assert!(serde_json::from_value::<ReadingNotesPatch>(json!({ "rating": "5" })).is_err());
        assert!(serde_json::from_value::<ReadingNotesPatch>(json!({ "note": 5 })).is_err());
    }
}
