//! What the result view shows — a stored reading or the day's insight — built from the
//! API's answer.

use nps_protocol::{DailyResponse, Figures, ReadingResponse, RenderedText, SignType};

/// A result to show.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultData {
    /// The stored reading's id (`None` for the daily insight, which is not stored).
    pub reading_id: Option<i64>,
    pub summary: String,
    pub figures: Figures,
    pub text: RenderedText,
    /// The JSON offered for copy/download (the API's answer, pretty-printed).
    pub raw: String,
}

impl ResultData {
    pub fn sign_type(&self) -> SignType {
        self.figures.kind()
    }

    /// The name a download of the JSON gets: `nps-reading-<id>.json`, or
    /// `nps-<kind>.json` for a result that is not stored.
    pub fn file_name(&self) -> String {
        match self.reading_id {
            Some(id) => format!("nps-reading-{id}.json"),
            None => format!("nps-{}.json", self.sign_type().as_str()),
        }
    }
}

impl From<&ReadingResponse> for ResultData {
    fn from(r: &ReadingResponse) -> Self {
        Self {
            reading_id: Some(r.reading_id),
            summary: r.summary.clone(),
            figures: r.result.clone(),
            text: r.text.clone(),
            raw: serde_json::to_string_pretty(r).unwrap_or_default(),
        }
    }
}

impl From<&DailyResponse> for ResultData {
    fn from(d: &DailyResponse) -> Self {
        Self {
            reading_id: None,
            summary: d.insight.clone(),
            figures: Figures::Daily(d.figures.clone()),
            text: d.text.clone(),
            raw: serde_json::to_string_pretty(d).unwrap_or_default(),
        }
    }
}
