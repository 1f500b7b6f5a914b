//! Plain data types that cross the [`Store`](crate::Store) boundary.

use nps_protocol::SignType;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// Page size used when [`ReadingFilter::limit`] is `None`.
pub const DEFAULT_LIMIT: u32 = 50;
/// Largest page size; larger requested limits are clamped to this.
pub const MAX_LIMIT: u32 = 200;
/// Default bound on the readings stored per owner, soft-deleted ones included: 10,000.
/// When an owner has that many, their soft-deleted readings are purged for room; if
/// every one is live, a new reading is refused with `error-store-readings-full` (the
/// server answers 422) and nothing is written. Nothing is ever deleted that the owner
/// did not delete. Change it with `with_max_readings_per_owner` on either store.
pub const MAX_READINGS_PER_OWNER: u32 = 10_000;
/// Most saved people (profiles) one owner keeps.
pub const MAX_PROFILES_PER_OWNER: u32 = 100;
/// Longest accepted [`ReadingFilter::text`], in characters.
pub const MAX_TEXT_FILTER_CHARS: usize = 200;

/// A reading to be saved. `owner` must be non-empty.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewReading {
    pub owner: String,
    /// Stored as its wire name (`time`, `name`, …).
    pub kind: SignType,
    pub input: serde_json::Value,
    pub result: JsonText,
    pub summary: String,
    pub locale: String,
}

/// A JSON document kept as its text: a reading's result is several KiB, so it goes to
/// the database and comes back without a `serde_json::Value` tree being built and
/// dropped on the way. Its text is valid JSON (checked when it is made).
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(transparent)]
pub struct JsonText(Box<RawValue>);

impl JsonText {
    /// `value` as JSON text.
    pub fn new(value: &impl Serialize) -> serde_json::Result<Self> {
        serde_json::value::to_raw_value(value).map(JsonText)
    }

    /// `text`, once it is known to be one JSON value.
    pub fn parse(text: String) -> serde_json::Result<Self> {
        RawValue::from_string(text).map(JsonText)
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The document as a tree (for callers that inspect it).
    pub fn to_value(&self) -> serde_json::Value {
        // Its text is valid JSON by construction, so this never falls back.
        serde_json::from_str(self.get()).unwrap_or_default()
    }
}

impl From<Box<RawValue>> for JsonText {
    fn from(raw: Box<RawValue>) -> Self {
        JsonText(raw)
    }
}

impl AsRef<RawValue> for JsonText {
    fn as_ref(&self) -> &RawValue {
        &self.0
    }
}

/// The same JSON value, whatever the spacing (PostgreSQL's `json` keeps the text; a
/// copy may be formatted otherwise).
impl PartialEq for JsonText {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get() || self.to_value() == other.to_value()
    }
}

impl NewReading {
    /// This reading as stored under `id` at `created_at` (not a favorite): what
    /// `get_reading` returns for it.
    pub(crate) fn into_stored(self, id: i64, created_at: String) -> StoredReading {
        StoredReading {
            id,
            owner: self.owner,
            kind: self.kind,
            input: self.input,
            result: self.result,
            summary: self.summary,
            locale: self.locale,
            favorite: false,
            rating: None,
            note: None,
            created_at,
        }
    }
}

/// The kind stored in the `readings.kind` column of row `id`; `Corrupt` if it is no
/// kind's wire name.
pub(crate) fn stored_kind(kind: &str, id: i64) -> crate::Result<SignType> {
    SignType::from_wire(kind).ok_or_else(|| crate::StoreError::Corrupt {
        column: "readings.kind",
        row: id.to_string(),
        problem: format!("unknown reading kind {kind:?}"),
        source: None,
    })
}

/// A saved reading as read back from the store.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StoredReading {
    pub id: i64,
    pub owner: String,
    pub kind: SignType,
    pub input: serde_json::Value,
    pub result: JsonText,
    pub summary: String,
    pub locale: String,
    pub favorite: bool,
    /// The owner's stars, 1 to 5 ([`nps_protocol::limits::RATING_STARS`]).
    #[serde(default)]
    pub rating: Option<u8>,
    /// The owner's private note (at most [`nps_protocol::limits::MAX_NOTE_CHARS`]).
    #[serde(default)]
    pub note: Option<String>,
    /// RFC 3339 UTC with milliseconds, e.g. `2026-11-25T20:05:33.123Z`.
    pub created_at: String,
}

/// Filters for [`Store::list_readings`](crate::Store::list_readings). All set
/// fields must match (AND). The default lists the newest 50 readings.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct ReadingFilter {
    /// Only this kind.
    pub kind: Option<SignType>,
    /// Only favorites (`Some(true)`) or only non-favorites (`Some(false)`).
    pub favorite: Option<bool>,
    /// Substring of the input's JSON text or of the summary; ASCII
    /// case-insensitive; `%`, `_` and `\` match literally. At most
    /// [`MAX_TEXT_FILTER_CHARS`] characters; empty means no text filter.
    pub text: Option<String>,
    /// Created at or after this unix time (seconds), inclusive.
    pub from: Option<i64>,
    /// Created before this unix time (seconds), exclusive.
    pub to: Option<i64>,
    /// Page size: default [`DEFAULT_LIMIT`], clamped to `1..=MAX_LIMIT`.
    pub limit: Option<u32>,
    /// Rows to skip (default 0).
    pub offset: Option<u32>,
}

/// One page of readings plus the total number of matches.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReadingPage {
    pub items: Vec<StoredReading>,
    /// Matching rows across all pages.
    pub total: u64,
    /// The effective (clamped) page size.
    pub limit: u32,
    pub offset: u32,
}

/// A user account. Deliberately not `Serialize`, and its `Debug` redacts the
/// password hash, so it cannot leak into a response or a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: String,
    pub created_at: String,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("password_hash", &"<redacted>")
            .field("role", &self.role)
            .field("created_at", &self.created_at)
            .finish()
    }
}

/// The cached insight of the day for one locale.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DailyInsight {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub locale: String,
    pub insight: serde_json::Value,
    /// When this version was stored (an upsert refreshes it).
    pub created_at: String,
}

impl DailyInsight {
    /// The insight of `(date, locale)` as stored at `created_at`.
    pub(crate) fn stored(
        date: &str,
        locale: &str,
        insight: serde_json::Value,
        created_at: String,
    ) -> Self {
        DailyInsight {
            date: date.to_owned(),
            locale: locale.to_owned(),
            insight,
            created_at,
        }
    }
}

/// A person to save for `owner` (a profile): `person` is the client's JSON, which the
/// store keeps as given. With `is_me`, it becomes the owner's one "me".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewProfile {
    pub owner: String,
    pub person: serde_json::Value,
    pub is_me: bool,
}

/// What to change of a saved person; `None` keeps the field as it is.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ProfileChange {
    pub person: Option<serde_json::Value>,
    /// `Some(true)` makes it the owner's "me" (and no other); `Some(false)` unmarks it.
    pub is_me: Option<bool>,
}

/// A saved person as read back from the store.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StoredProfile {
    pub id: i64,
    pub owner: String,
    pub person: serde_json::Value,
    pub is_me: bool,
    /// RFC 3339 UTC with milliseconds.
    pub created_at: String,
    /// When it was last changed (its creation at first).
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::JsonText;

    #[test]
    fn json_text_is_checked_once_and_compared_as_json() {
        let made = JsonText::new(&serde_json::json!({ "a": 1, "b": [true, null] })).unwrap();
        assert_eq!(made.get(), r#"{"a":1,"b":[true,null]}"#);
        // PostgreSQL's `json` keeps a client's spacing; jsonb-style spacing is equal too.
        let spaced = JsonText::parse(r#"{"b": [true, null], "a": 1}"#.to_owned()).unwrap();
        assert_eq!(spaced, made);
        assert_ne!(JsonText::parse("[1]".to_owned()).unwrap(), made);
        assert!(JsonText::parse(r#"{"a":"#.to_owned()).is_err());
        assert!(
            JsonText::parse("1 2".to_owned()).is_err(),
            "one value, not two"
        );
        assert_eq!(spaced.to_value()["b"][0], serde_json::json!(true));
    }
}
