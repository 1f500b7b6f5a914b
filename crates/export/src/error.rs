//! Why an export failed.

use std::fmt;

use thiserror::Error;

/// The part of a [`crate::Document`] a bound applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Lang,
    Title,
    Byline,
    Summary,
    Figures,
    Sections,
    Heading,
    Paragraphs,
    Footer,
    /// The whole document.
    Document,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Lang => "language tag",
            Part::Title => "title",
            Part::Byline => "byline",
            Part::Summary => "summary",
            Part::Figures => "key figures",
            Part::Sections => "sections",
            Part::Heading => "heading",
            Part::Paragraphs => "paragraphs",
            Part::Footer => "footer",
            Part::Document => "document",
        })
    }
}

/// An export that could not be made. Nothing is half-written: an error means no output.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExportError {
    /// A list holds more entries than its bound (see [`crate::limits`]).
    #[error("the {part} has {count} entries, more than the {max} allowed")]
    TooMany {
        part: Part,
        count: usize,
        max: usize,
    },
    /// A text is longer than its bound (see [`crate::limits`]).
    #[error("the {part} has {chars} characters, more than the {max} allowed")]
    TooLong {
        part: Part,
        chars: usize,
        max: usize,
    },
    /// The PDF would have more pages than [`crate::limits::MAX_PDF_PAGES`].
    #[error("the PDF would have {pages} pages, more than the {max} allowed")]
    TooManyPages { pages: usize, max: usize },
    /// The card's width or height is outside
    /// [`crate::limits::MIN_CARD_SIDE`]..=[`crate::limits::MAX_CARD_SIDE`].
    #[error(
        "an image card of {width}×{height} pixels is outside the allowed {min}–{max} pixels a side"
    )]
    CardSize {
        width: u32,
        height: u32,
        min: u32,
        max: u32,
    },
    /// The PDF writer failed (a bug, not bad input).
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    /// The PNG encoder failed (a bug, not bad input).
    #[error("the image could not be encoded: {0}")]
    Png(String),
}

impl ExportError {
    /// A stable code for the caller's error response: `export-too-large` for a document or
    /// card over a bound (the caller's fault: HTTP 422, CLI exit 2), `export-failed` for a
    /// failure of the writer (HTTP 500, CLI exit 1).
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::TooMany { .. }
            | ExportError::TooLong { .. }
            | ExportError::TooManyPages { .. }
            | ExportError::CardSize { .. } => "export-too-large",
            ExportError::Pdf(_) | ExportError::Png(_) => "export-failed",
        }
    }

    /// Whether the input was at fault (as opposed to the writer).
    pub fn is_bad_input(&self) -> bool {
        self.code() == "export-too-large"
    }
}
