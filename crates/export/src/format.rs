//! The export formats by name, with their media type and file extension — what a
//! `?format=` query or a `--format` flag parses into.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// [`crate::pdf`].
    Pdf,
    /// [`crate::png_card`].
    Png,
    /// [`crate::markdown`].
    Markdown,
    /// The caller's own serialized reading (this crate does not make it).
    Json,
}

/// A format name that is not one of `pdf`, `png`, `md`, `json`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown export format “{0}”: expected pdf, png, md or json")]
pub struct UnknownFormat(pub String);

impl Format {
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Png, Format::Markdown, Format::Json];

    /// The name a query or flag uses, which is also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The media type for a `Content-Type` header.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Png => "image/png",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Json => "application/json",
        }
    }

    /// A file name for a download: `nps-reading-{id}.{ext}`.
    pub fn file_name(self, id: impl fmt::Display) -> String {
        format!("nps-reading-{id}.{}", self.name())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_string()))
    }
}
