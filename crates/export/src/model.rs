//! The document model: what an export shows, independent of where a reading came from.
//!
//! The caller (server, CLI) fills a [`Document`] with text that is already localized —
//! every string here is shown as it is. Text may carry the bidi isolation marks Fluent
//! puts around arguments (U+2066–U+2069); the renderers use them for layout and never show
//! or copy them (see [`crate::text`]).

use serde::{Deserialize, Serialize};

/// The direction the document's text runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (English).
    #[default]
    Ltr,
    /// Right to left (Persian): text is right-aligned and bullets sit on the right.
    Rtl,
}

impl Direction {
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }
}

/// A reading as a document to export.
///
/// Sizes are bounded (see [`crate::limits`]); [`Document::validate`] checks them and every
/// renderer calls it first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// BCP 47 language tag of the text (`en`, `fa`): the PDF's language, and the digits of
    /// the page numbers (Persian digits for `fa`).
    pub lang: String,
    pub direction: Direction,
    /// The headline, e.g. the reading's first line.
    pub title: String,
    /// Who and when, one short line each (e.g. "Alice Johnson · born 1990-07-15").
    #[serde(default)]
    pub byline: Vec<String>,
    /// Heading over [`Document::summary`], e.g. "In short"; none shows no heading.
    #[serde(default)]
    pub summary_heading: Option<String>,
    /// The strongest signals in plain words, one sentence each.
    #[serde(default)]
    pub summary: Vec<String>,
    /// Heading over [`Document::figures`], e.g. "Key figures"; none shows no heading.
    #[serde(default)]
    pub figures_heading: Option<String>,
    /// Key figures as label/value pairs, e.g. "Life path" / "5 — the explorer".
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The reading's details.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// A closing line on every PDF page and at the foot of the card, e.g. the app's name
    /// and the date of the export. Empty shows none.
    #[serde(default)]
    pub footer: String,
}

/// One key figure: a label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

impl Figure {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Figure {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// A part of the reading: a heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

impl Section {
    pub fn new(heading: impl Into<String>, paragraphs: Vec<String>) -> Self {
        Section {
            heading: heading.into(),
            paragraphs,
        }
    }
}
