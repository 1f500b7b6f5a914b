//! [`StoredResult`]: what storage keeps of a finished reading in its `result` column,
//! written and read here only.
//!
//! The JSON is `{"figures", "interpretation", "text", "request_id"?}`: the figures of the
//! reading's kind, its messages (so it can be shown again in any language), its text as
//! rendered when it was made, and the request id its live events carried (readings made
//! by the CLI have none). The kind is kept beside it (the store's `kind`), so the
//! figures are read back as that kind.

use nps_i18n::Locale;
use nps_protocol::{Figures, FiguresOf, Interpretation, RenderedText, SignType};
use serde::de::{DeserializeSeed, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::ReadingError;
use crate::text::Render;

/// What storage keeps of a reading (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredResult {
    pub figures: Figures,
    pub interpretation: Interpretation,
    pub text: RenderedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl StoredResult {
    /// The JSON text storage keeps (`NewReading::result`). Written straight from the
    /// typed result: a result is several KiB, and a `serde_json::Value` tree of it on
    /// the way cost more than the reading's SQL.
    pub fn to_json(&self) -> Result<Box<RawValue>, ReadingError> {
        serde_json::value::to_raw_value(self).map_err(|e| ReadingError::Internal(e.to_string()))
    }

    /// Reads a stored result of a reading of `kind` back from its JSON text.
    pub fn from_json(kind: SignType, json: &RawValue) -> Result<Self, ReadingError> {
        StoredResultOf(kind)
            .deserialize(&mut serde_json::Deserializer::from_str(json.get()))
            .map_err(|e| ReadingError::Internal(format!("the stored reading is damaged: {e}")))
    }

    /// Makes `text` the text in `locale`: kept when it is in `locale` already, else
    /// rendered again from the messages. Returns whether it was rendered again.
    pub fn render_in(&mut self, locale: Locale) -> Result<bool, ReadingError> {
        if self.text.locale == locale {
            return Ok(false);
        }
        self.text = self.interpretation.render(locale)?;
        Ok(true)
    }
}

/// Deserializes a [`StoredResult`] whose figures are of a known kind.
struct StoredResultOf(SignType);

impl<'de> DeserializeSeed<'de> for StoredResultOf {
    type Value = StoredResult;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<StoredResult, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            figures: serde_json::Value,
            interpretation: Interpretation,
            text: RenderedText,
            #[serde(default)]
            request_id: Option<String>,
        }
        let f = Fields::deserialize(d)?;
        Ok(StoredResult {
            figures: FiguresOf(self.0)
                .deserialize(f.figures)
                .map_err(serde::de::Error::custom)?,
            interpretation: f.interpretation,
            text: f.text,
            request_id: f.request_id,
        })
    }
}
