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
    /// The API's answer as the server sent it (copy and download offer it
    /// pretty-printed).
    pub raw: String,
}

impl ResultData {
    /// A stored reading, from the API's answer and its JSON text.
    pub fn reading(r: &ReadingResponse, json: String) -> Self {
        Self {
            reading_id: Some(r.reading_id),
            summary: r.summary.clone(),
            figures: r.result.clone(),
            text: r.text.clone(),
            raw: json,
        }
    }

    /// The day's insight, from the API's answer and its JSON text.
    pub fn daily(d: &DailyResponse, json: String) -> Self {
        Self {
            reading_id: None,
            summary: d.insight.clone(),
            figures: Figures::Daily(d.figures.clone()),
            text: d.text.clone(),
            raw: json,
        }
    }

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
