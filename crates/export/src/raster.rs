//! A page drawn into pixels with tiny-skia and encoded as PNG. Glyphs are filled from
//! their outlines (read with skrifa, unhinted, anti-aliased), so the image shows exactly
//! the shapes the layout chose — the same ones the PDF embeds.

use std::collections::HashMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, MetadataProvider};
use tiny_skia::{Color, FillRule, Paint, Path, PathBuilder, Pixmap, Transform};

use crate::error::ExportError;
use crate::fonts::FontFile;
use crate::layout::{Line, Rgb, Style};
use crate::scene::{Background, Canvas, Origin, Page, Rect};

/// `page` drawn at one pixel per unit and encoded as PNG.
pub(crate) fn png(page: &Page) -> Result<Vec<u8>, ExportError> {
    encode(&draw(page)?).map_err(|e| ExportError::Png(e.to_string()))
}

/// An 8-bit RGB PNG (a page's background is opaque, so alpha says nothing) with png's
/// fast deflate. On a 1080×1350 card this takes 2–3 ms and gives about 185 KB; the
/// default level (tiny-skia's `encode_png`) takes 45–75 ms for about 95 KB — a download
/// of 90 KB more is cheaper than 50 ms of a server's CPU.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|rgba| [rgba[0], rgba[1], rgba[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.write_header()?.write_image_data(&rgb)?;
    Ok(out)
}

/// `page` drawn at one pixel per unit.
pub(crate) fn draw(page: &Page) -> Result<Pixmap, ExportError> {
    let (width, height) = (page.width.round() as u32, page.height.round() as u32);
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Png(format!("cannot allocate {width}×{height} pixels")))?;
    paint_background(&mut pixmap, page.background);
    let mut canvas = PixelCanvas {
        pixmap,
        outlines: Outlines::default(),
    };
    match page.draw_onto(&mut canvas) {
        Ok(()) => Ok(canvas.pixmap),
        Err(never) => match never {},
    }
}

/// The pixels, with the glyph outlines read so far.
struct PixelCanvas {
    pixmap: Pixmap,
    outlines: Outlines,
}

impl Canvas for PixelCanvas {
    /// Drawing into pixels cannot fail.
    type Error = std::convert::Infallible;
    fn text(&mut self, at: Origin, line: &Line, style: &Style) -> Result<(), Self::Error> {
        draw_line(&mut self.pixmap, &mut self.outlines, at, line, style);
        Ok(())
    }
    fn rect(&mut self, rect: &Rect, color: Rgb, alpha: u8) {
        draw_rect(&mut self.pixmap, rect, color, alpha);
    }
}

fn color(rgb: Rgb, alpha: u8) -> Color {
    Color::from_rgba8(rgb.0, rgb.1, rgb.2, alpha)
}

fn solid(rgb: Rgb, alpha: u8) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(color(rgb, alpha));
    paint.anti_alias = true;
    paint
}

fn paint_background(pixmap: &mut Pixmap, background: Background) {
    match background {
        Background::Solid(rgb) => pixmap.fill(color(rgb, 255)),
        // One solid row at a time: the same pixels as a gradient shader, and a solid
        // fill is a plain memory fill.
        Background::Vertical(top, bottom) => {
            let (width, height) = (pixmap.width() as f32, pixmap.height());
            let last = (height.max(2) - 1) as f32;
            for y in 0..height {
                let t = y as f32 / last;
                let mix =
                    |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
                let row = Rgb(
                    mix(top.0, bottom.0),
                    mix(top.1, bottom.1),
                    mix(top.2, bottom.2),
                );
                if let Some(area) = tiny_skia::Rect::from_xywh(0.0, y as f32, width, 1.0) {
                    pixmap.fill_rect(area, &solid(row, 255), Transform::identity(), None);
                }
            }
        }
    }
}

fn draw_rect(pixmap: &mut Pixmap, rect: &Rect, rgb: Rgb, alpha: u8) {
    if let Some(area) = tiny_skia::Rect::from_xywh(rect.x, rect.y, rect.width, rect.height) {
        pixmap.fill_rect(area, &solid(rgb, alpha), Transform::identity(), None);
    }
}

fn draw_line(pixmap: &mut Pixmap, outlines: &mut Outlines, at: Origin, line: &Line, style: &Style) {
    let paint = solid(style.color, 255);
    for glyph in &line.glyphs {
        let Some((path, units_per_em)) = outlines.get(glyph.font, glyph.id) else {
            continue;
        };
        let scale = style.size / units_per_em;
        let transform = Transform::from_row(
            scale,
            0.0,
            0.0,
            -scale,
            at.x + glyph.x + glyph.dx,
            at.baseline + glyph.dy,
        );
        pixmap.fill_path(path, &paint, FillRule::Winding, transform, None);
    }
}

/// Glyph outlines in font units, read once per image. `None` for a glyph without an
/// outline (a space).
#[derive(Default)]
struct Outlines(HashMap<(FontFile, u16), Option<(Path, f32)>>);

impl Outlines {
    fn get(&mut self, font: FontFile, id: u16) -> Option<&(Path, f32)> {
        self.0
            .entry((font, id))
            .or_insert_with(|| outline(font, id))
            .as_ref()
    }
}

fn outline(font: FontFile, id: u16) -> Option<(Path, f32)> {
    let font = FontRef::new(font.data()).ok()?;
    let units_per_em = f32::from(
        font.metrics(Size::unscaled(), LocationRef::default())
            .units_per_em,
    );
    let glyph = font
        .outline_glyphs()
        .get(skrifa::GlyphId::new(u32::from(id)))?;
    let mut pen = Pen(PathBuilder::new());
    glyph
        .draw(
            DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
            &mut pen,
        )
        .ok()?;
    Some((pen.0.finish()?, units_per_em))
}

/// skrifa's pen writing into a tiny-skia path.
struct Pen(PathBuilder);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, cy0, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_opaque_so_rgb_loses_nothing() {
        let mut page = Page::new(
            40.0,
            30.0,
            Background::Vertical(Rgb(0, 0, 0), Rgb(200, 100, 0)),
        );
        let rect = Rect {
            x: 5.0,
            y: 5.0,
            width: 20.0,
            height: 10.0,
        };
        page.items.push(crate::scene::Item::Rect {
            rect,
            color: Rgb(255, 255, 255),
            alpha: 22,
        });
        let pixmap = draw(&page).unwrap();
        assert!(pixmap.pixels().iter().all(|p| p.alpha() == 255));
        // The gradient runs from the top colour to the bottom one.
        let at = |x: u32, y: u32| pixmap.pixel(x, y).unwrap();
        assert_eq!(
            (at(0, 0).red(), at(0, 29).red(), at(0, 29).green()),
            (0, 200, 100)
        );
        // The translucent rectangle lightens what is under it.
        assert!(at(10, 10).blue() > at(30, 10).blue());
        let png = png(&page).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}
