//! Export of an NPS Oracle reading as a PDF, a PNG image card and Markdown — offline, in
//! English and Persian (shaped with its joining forms, laid out right to left, mixed with
//! Latin and digits by the Unicode bidi algorithm). JSON is the caller's own serialized
//! reading; [`Format`] names all four.
//!
//! ```
//! use nps_export::{CardSize, Direction, Document, Figure, Section};
//!
//! let doc = Document {
//!     lang: "fa".into(),
//!     direction: Direction::Rtl,
//!     title: "روزی برای آغازهای تازه".into(),
//!     byline: vec!["علی رضایی · ۱۴۰۴/۱۱/۲۰".into()],
//!     summary: vec!["عدد راه زندگی شما ۵ است.".into()],
//!     figures: vec![Figure::new("راه زندگی", "۵ — کاوشگر")],
//!     sections: vec![Section::new("پیام", vec!["امروز را با کاری کوچک آغاز کنید.".into()])],
//!     footer: "NPS Oracle".into(),
//!     ..Document::default()
//! };
//! let pdf = nps_export::pdf(&doc).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! let png = nps_export::png_card(&doc, CardSize::PORTRAIT).unwrap();
//! assert!(png.starts_with(b"\x89PNG"));
//! assert!(nps_export::markdown(&doc).starts_with("# روزی"));
//! ```
//!
//! # Layout
//! - [`model`]: the [`Document`] to export (title, byline, summary, key figures,
//!   sections, footer, language and direction).
//! - [`limits`]: the bounds of a document and a card, checked by [`Document::validate`].
//! - [`error`]: [`ExportError`] with a stable [`ExportError::code`].
//! - [`text`]: bidi control marks — kept for layout, never shown or copied.
//! - `fonts`: the embedded fonts (Vazirmatn Regular and Bold, NPS Symbols).
//! - `layout`: cosmic-text shaping, bidi and line breaking into positioned glyphs.
//! - `scene`: a page as a list of glyph lines and rectangles.
//! - `pdf_pages` and `card`: the document composed on A4 pages, and on the card.
//! - `pdf` and `raster`: pages written with krilla (PDF) and tiny-skia (PNG).
//! - `markdown`: the document as CommonMark.
//! - [`format`]: [`Format`] by name, with media type and file name.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod card;
pub mod error;
mod fonts;
pub mod format;
mod layout;
pub mod limits;
mod markdown;
pub mod model;
mod pdf;
mod pdf_pages;
mod raster;
mod scene;
pub mod text;

pub use card::CardSize;
pub use error::{ExportError, Part};
pub use format::{Format, UnknownFormat};
pub use markdown::markdown;
pub use model::{Direction, Document, Figure, Section};
pub use text::strip_bidi_controls;

/// The document as a PDF: A4 pages, real text in the embedded fonts (selectable,
/// copyable, searchable, without bidi marks), a footer with page numbers.
pub fn pdf(doc: &Document) -> Result<Vec<u8>, ExportError> {
    doc.validate()?;
    let pages = pdf_pages::compose(doc)?;
    pdf::write(doc, &pages)
}

/// The document as a PNG image card of `size` pixels: title, byline, summary and key
/// figures, cut to fit (see the `card` module).
pub fn png_card(doc: &Document, size: CardSize) -> Result<Vec<u8>, ExportError> {
    doc.validate()?;
    size.validate()?;
    raster::png(&card::compose(doc, size))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Text from the characters that stress layout: Latin, Persian, digits of both kinds,
    /// bidi marks, ZWNJ, controls, combining marks, symbols, an emoji, the widest glyph.
    fn tricky_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Alice ", "س", "لا", "ی", "۱۲", "42", " ", "-", "…", "\u{2068}", "\u{2069}",
            "\u{2067}", "\u{200F}", "\u{202E}", "\u{200C}", "\n", "\t", "\u{0}", "\u{2029}",
            "\u{064E}", "\u{0301}", "☀", "🌙", "😀", "\u{FDFC}", "«", "»",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Whatever the text, both directions give a PDF and a card, never a panic.
        #[test]
        fn any_text_exports(title in tricky_text(), item in tricky_text(), paragraph in tricky_text(), rtl: bool) {
            let doc = Document {
                lang: if rtl { "fa" } else { "en" }.into(),
                direction: if rtl { Direction::Rtl } else { Direction::Ltr },
                title: title.clone(),
                byline: vec![item.clone()],
                summary: vec![item.clone(), paragraph.clone()],
                figures: vec![Figure::new(item.clone(), title)],
                sections: vec![Section::new(item, vec![paragraph])],
                footer: "NPS".into(),
                ..Document::default()
            };
            let pdf = pdf(&doc).unwrap();
            prop_assert!(pdf.starts_with(b"%PDF-"));
            let small = CardSize { width: 240, height: 300 };
            let png = png_card(&doc, small).unwrap();
            prop_assert!(png.starts_with(b"\x89PNG"));
            prop_assert!(!markdown(&doc).chars().any(text::is_bidi_control));
        }
    }
}
