//! Pages written as a PDF with krilla: real text (the fonts embedded as subsets, every
//! glyph mapped back to the text it shows, so a reader can select, copy and search it),
//! rectangles as paths, the title and language in the metadata.

use std::collections::HashMap;

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{Metadata, TextDirection};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::error::ExportError;
use crate::fonts::FontFile;
use crate::layout::{Glyph, Line, Rgb, Style};
use crate::model::Document;
use crate::scene::{Canvas, Origin, Page, Rect};
use crate::text::strip_bidi_controls;

/// The pages as PDF bytes.
pub(crate) fn write(doc: &Document, pages: &[Page]) -> Result<Vec<u8>, ExportError> {
    let mut pdf = PdfDocument::new();
    let mut fonts = PdfFonts::default();
    for page in pages {
        let settings = PageSettings::from_wh(page.width, page.height).ok_or_else(|| {
            ExportError::Pdf(format!("bad page size {}×{}", page.width, page.height))
        })?;
        let mut pdf_page = pdf.start_page_with(settings);
        {
            let mut canvas = PdfCanvas {
                surface: pdf_page.surface(),
                fonts: &mut fonts,
            };
            page.draw_onto(&mut canvas)?;
            canvas.surface.finish();
        }
        pdf_page.finish();
    }
    let direction = if doc.direction.is_rtl() {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    };
    let metadata = Metadata::new()
        .title(strip_bidi_controls(&doc.title))
        .language(doc.lang.clone())
        .creator("NPS Oracle".to_string())
        .text_direction(direction);
    pdf.set_metadata(metadata);
    pdf.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// Each embedded font file loaded once per document.
#[derive(Default)]
struct PdfFonts(HashMap<FontFile, Font>);

impl PdfFonts {
    fn get(&mut self, file: FontFile) -> Result<Font, ExportError> {
        if let Some(font) = self.0.get(&file) {
            return Ok(font.clone());
        }
        let font = Font::new(file.data().into(), 0)
            .ok_or_else(|| ExportError::Pdf(format!("cannot read the font {file:?}")))?;
        self.0.insert(file, font.clone());
        Ok(font)
    }
}

/// One page's surface, with the document's fonts.
struct PdfCanvas<'s, 'f> {
    surface: Surface<'s>,
    fonts: &'f mut PdfFonts,
}

impl Canvas for PdfCanvas<'_, '_> {
    type Error = ExportError;
    fn text(&mut self, at: Origin, line: &Line, style: &Style) -> Result<(), Self::Error> {
        draw_line(&mut self.surface, self.fonts, at, line, style)
    }
    fn rect(&mut self, rect: &Rect, color: Rgb, alpha: u8) {
        draw_rect(&mut self.surface, rect, color, alpha);
    }
}

fn fill(color: Rgb, alpha: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::new(f32::from(alpha) / 255.0).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }
}

fn draw_rect(surface: &mut Surface<'_>, rect: &Rect, color: Rgb, alpha: u8) {
    let Some(area) = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.width, rect.height) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(area);
    if let Some(path) = builder.finish() {
        surface.set_fill(Some(fill(color, alpha)));
        surface.draw_path(&path);
    }
}

/// A line drawn as runs of glyphs of one font each. krilla advances the pen by each
/// glyph's advance; the advance given here is the distance to the next glyph's pen
/// position, so the glyphs land exactly where the layout put them.
fn draw_line(
    surface: &mut Surface<'_>,
    fonts: &mut PdfFonts,
    at: Origin,
    line: &Line,
    style: &Style,
) -> Result<(), ExportError> {
    surface.set_fill(Some(fill(style.color, 255)));
    for run in line.glyphs.chunk_by(|a, b| a.font == b.font) {
        let Some(first) = run.first() else { continue };
        let font = fonts.get(first.font)?;
        let glyphs: Vec<KrillaGlyph> = run
            .iter()
            .enumerate()
            .map(|(i, glyph)| {
                let next_x = run
                    .get(i + 1)
                    .map_or(glyph.x + glyph.advance, |next| next.x);
                krilla_glyph(glyph, next_x - glyph.x, style.size)
            })
            .collect();
        let start = Point::from_xy(at.x + first.x, at.baseline);
        surface.draw_glyphs(start, &glyphs, font, &line.text, style.size, false);
    }
    Ok(())
}

fn krilla_glyph(glyph: &Glyph, advance: f32, size: f32) -> KrillaGlyph {
    KrillaGlyph::new(
        GlyphId::new(u32::from(glyph.id)),
        advance / size,
        glyph.dx / size,
        // krilla's y offset points up, the layout's down.
        -glyph.dy / size,
        0.0,
        glyph.text.clone(),
        None,
    )
}
