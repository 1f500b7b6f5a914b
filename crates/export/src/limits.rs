//! The bounds of a document, checked before anything is laid out.
//!
//! They keep one export small and quick whatever the input: a full reading is about 3,000
//! characters in 7 sections and a five-person compatibility reading about 4,200, far
//! inside them. Characters are counted as Unicode scalar values, after bidi control marks
//! are removed. The largest valid document of ordinary words is 59 A4 pages and 60 KB (a
//! test builds it); only text made of the widest glyphs reaches [`MAX_PDF_PAGES`], and is
//! then refused.

use crate::error::{ExportError, Part};
use crate::model::Document;
use crate::text;

/// Most characters in the title.
pub const MAX_TITLE_CHARS: usize = 200;
/// Most characters in one short line: a byline line, a summary item, a heading, a
/// figure's label or value, the footer.
pub const MAX_LINE_CHARS: usize = 300;
/// Most characters in one paragraph.
pub const MAX_PARAGRAPH_CHARS: usize = 3_000;
/// Most byline (who/when) lines.
pub const MAX_BYLINE_LINES: usize = 6;
/// Most summary items.
pub const MAX_SUMMARY_ITEMS: usize = 12;
/// Most key figures.
pub const MAX_FIGURES: usize = 30;
/// Most sections.
pub const MAX_SECTIONS: usize = 40;
/// Most paragraphs in one section.
pub const MAX_PARAGRAPHS_PER_SECTION: usize = 40;
/// Most characters in the whole document.
pub const MAX_DOCUMENT_CHARS: usize = 60_000;
/// Most characters in the language tag.
pub const MAX_LANG_CHARS: usize = 35;
/// Most PDF pages: a net under the bounds above, which keep a document of words below it.
pub const MAX_PDF_PAGES: usize = 80;
/// Smallest width or height of an image card, in pixels.
pub const MIN_CARD_SIDE: u32 = 240;
/// Largest width or height of an image card, in pixels (a 2400×2400 RGBA card is 23 MB in
/// memory while it is drawn).
pub const MAX_CARD_SIDE: u32 = 2_400;

impl Document {
    /// Checks every bound of this module; the first one broken is the error.
    pub fn validate(&self) -> Result<(), ExportError> {
        let mut total = 0;
        let mut check = |part: Part, value: &str, max: usize| {
            let chars = text::visible_chars(value);
            total += chars;
            if chars > max {
                return Err(ExportError::TooLong { part, chars, max });
            }
            Ok(())
        };
        check(Part::Lang, &self.lang, MAX_LANG_CHARS)?;
        check(Part::Title, &self.title, MAX_TITLE_CHARS)?;
        count(Part::Byline, self.byline.len(), MAX_BYLINE_LINES)?;
        count(Part::Summary, self.summary.len(), MAX_SUMMARY_ITEMS)?;
        count(Part::Figures, self.figures.len(), MAX_FIGURES)?;
        count(Part::Sections, self.sections.len(), MAX_SECTIONS)?;
        for line in &self.byline {
            check(Part::Byline, line, MAX_LINE_CHARS)?;
        }
        for heading in self.summary_heading.iter().chain(&self.figures_heading) {
            check(Part::Heading, heading, MAX_LINE_CHARS)?;
        }
        for item in &self.summary {
            check(Part::Summary, item, MAX_LINE_CHARS)?;
        }
        for figure in &self.figures {
            check(Part::Figures, &figure.label, MAX_LINE_CHARS)?;
            check(Part::Figures, &figure.value, MAX_LINE_CHARS)?;
        }
        for section in &self.sections {
            check(Part::Heading, &section.heading, MAX_LINE_CHARS)?;
            count(
                Part::Paragraphs,
                section.paragraphs.len(),
                MAX_PARAGRAPHS_PER_SECTION,
            )?;
            for paragraph in &section.paragraphs {
                check(Part::Paragraphs, paragraph, MAX_PARAGRAPH_CHARS)?;
            }
        }
        check(Part::Footer, &self.footer, MAX_LINE_CHARS)?;
        if total > MAX_DOCUMENT_CHARS {
            return Err(ExportError::TooLong {
                part: Part::Document,
                chars: total,
                max: MAX_DOCUMENT_CHARS,
            });
        }
        Ok(())
    }
}

fn count(part: Part, count: usize, max: usize) -> Result<(), ExportError> {
    if count > max {
        return Err(ExportError::TooMany { part, count, max });
    }
    Ok(())
}
