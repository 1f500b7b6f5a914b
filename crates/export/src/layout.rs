//! Text layout into positioned glyphs, shared by the PDF and the PNG.
//!
//! cosmic-text does the hard parts: harfrust shapes (Persian joining forms, ligatures,
//! marks, kerning), unicode-bidi orders mixed Persian/Latin/digit runs (isolates
//! included), unicode-linebreak finds the breaks, and lines are aligned to the start side
//! (right for Persian). This module turns each laid-out line into [`Glyph`]s that name
//! their embedded font file and the clean text (without bidi controls) they show.

use std::ops::Range;

use cosmic_text::{
    Align, Attrs, Buffer, Ellipsize, EllipsizeHeightLimit, Family, LayoutRun, Metrics, Shaping,
    Wrap,
};

use crate::fonts::{FAMILY, FontFile, Fonts};
use crate::model::Direction;
use crate::text::Prepared;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

/// The weight of a text (two static Vazirmatn files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// How a block of text looks. Sizes are in the output's unit (PDF points, PNG pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub line_height: f32,
    pub color: Rgb,
}

/// One glyph on a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub font: FontFile,
    pub id: u16,
    /// Pen position from the left edge of the block.
    pub x: f32,
    /// Where the outline is drawn relative to the pen position (x right, y down).
    pub dx: f32,
    pub dy: f32,
    pub advance: f32,
    /// What the glyph shows: a range of [`Line::text`].
    pub text: Range<usize>,
}

/// One line of a block, glyphs in visual order (left to right).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub glyphs: Vec<Glyph>,
    /// The distance of the line box's top from the top of the block.
    pub top: f32,
    /// The baseline's distance from the top of the block.
    pub baseline: f32,
    /// The line's text in logical order, without bidi controls.
    pub text: String,
    /// The advance width of the line's glyphs.
    pub width: f32,
}

/// A paragraph laid out in lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub lines: Vec<Line>,
    pub style: Style,
    pub height: f32,
    /// Whether the text was cut to a line limit (its last line ends with "…").
    pub truncated: bool,
}

impl Block {
    /// Moves every line to the end side of a box `width` wide: right for left-to-right
    /// text, left for right-to-left.
    pub fn align_to_end(&mut self, width: f32, direction: Direction) {
        for line in &mut self.lines {
            let left = line.glyphs.first().map_or(0.0, |g| g.x);
            let target = if direction.is_rtl() {
                0.0
            } else {
                width - line.width
            };
            for glyph in &mut line.glyphs {
                glyph.x += target - left;
            }
        }
    }
}

/// Lays out text with the embedded fonts in one direction.
pub(crate) struct Typesetter {
    fonts: Fonts,
    direction: Direction,
}

impl Typesetter {
    pub fn new(lang: &str, direction: Direction) -> Typesetter {
        Typesetter {
            fonts: Fonts::new(lang),
            direction,
        }
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// `text` in lines at most `width` wide, aligned to the start side. Words longer
    /// than a line break between letters. With `max_lines`, a text that needs more lines
    /// is cut and its last shown line ends with an ellipsis.
    pub fn block(
        &mut self,
        text: &str,
        style: Style,
        width: f32,
        max_lines: Option<usize>,
    ) -> Block {
        let prepared = Prepared::new(text, self.direction);
        let mut lines = self.lay_out(&prepared, style, width, None);
        let mut truncated = false;
        if let Some(max) = max_lines
            && lines.len() > max
        {
            lines = self.lay_out(&prepared, style, width, Some(max));
            lines.truncate(max);
            truncated = true;
        }
        Block {
            height: lines.len() as f32 * style.line_height,
            lines,
            style,
            truncated,
        }
    }

    fn lay_out(
        &mut self,
        prepared: &Prepared,
        style: Style,
        width: f32,
        max_lines: Option<usize>,
    ) -> Vec<Line> {
        let system = &mut self.fonts.system;
        let mut buffer = Buffer::new(system, Metrics::new(style.size, style.line_height));
        buffer.set_wrap(Wrap::WordOrGlyph);
        if let Some(max) = max_lines {
            buffer.set_ellipsize(Ellipsize::End(EllipsizeHeightLimit::Lines(max)));
        }
        buffer.set_size(Some(width.max(1.0)), None);
        let weight = match style.weight {
            Weight::Regular => cosmic_text::Weight::NORMAL,
            Weight::Bold => cosmic_text::Weight::BOLD,
        };
        let attrs = Attrs::new().family(Family::Name(FAMILY)).weight(weight);
        let align = if self.direction.is_rtl() {
            Align::Right
        } else {
            Align::Left
        };
        buffer.set_text(&prepared.layout, &attrs, Shaping::Advanced, Some(align));
        buffer.shape_until_scroll(system, false);
        buffer
            .layout_runs()
            .map(|run| self.line(&run, prepared))
            .collect()
    }

    fn line(&self, run: &LayoutRun<'_>, prepared: &Prepared) -> Line {
        let mut glyphs: Vec<Glyph> = run
            .glyphs
            .iter()
            .filter_map(|g| {
                let font = self.fonts.file_of(g.font_id)?;
                let text = prepared.clean_range(g.start..g.end);
                // Glyph 0 is "no glyph in any font": leave it out rather than draw a box.
                // A zero-width glyph that shows no clean text is a bidi control.
                let invisible_control = text.is_empty() && g.w == 0.0;
                (g.glyph_id != 0 && !invisible_control).then_some(Glyph {
                    font,
                    id: g.glyph_id,
                    x: g.x,
                    dx: g.font_size * g.x_offset,
                    dy: g.y - g.font_size * g.y_offset,
                    advance: g.w,
                    text,
                })
            })
            .collect();
        // cosmic-text keeps a right-to-left run's glyphs in logical order (x falling);
        // drawing wants them left to right, and a PDF wants positive advances. A
        // zero-width glyph (a ZWNJ, a mark) goes before the glyph that shares its x.
        glyphs.sort_by(|a, b| {
            a.x.total_cmp(&b.x)
                .then((a.advance > 0.0).cmp(&(b.advance > 0.0)))
        });
        let start = glyphs.iter().map(|g| g.text.start).min().unwrap_or(0);
        let end = glyphs.iter().map(|g| g.text.end).max().unwrap_or(0);
        for glyph in &mut glyphs {
            glyph.text = glyph.text.start - start..glyph.text.end - start;
        }
        Line {
            glyphs,
            top: run.line_top,
            baseline: run.line_y,
            text: prepared.clean()[start..end].to_string(),
            width: run.line_w,
        }
    }
}

#[cfg(test)]
mod tests {
    use skrifa::{FontRef, MetadataProvider};

    use super::*;

    const STYLE: Style = Style {
        weight: Weight::Regular,
        size: 20.0,
        line_height: 30.0,
        color: Rgb(0, 0, 0),
    };

    fn one_line(direction: Direction, text: &str) -> Line {
        let lang = if direction.is_rtl() { "fa" } else { "en" };
        let mut block = Typesetter::new(lang, direction).block(text, STYLE, 1000.0, None);
        assert_eq!(block.lines.len(), 1, "{text}");
        block.lines.remove(0)
    }

    /// The glyph id the font's character map gives `c` (its isolated, unshaped form).
    fn nominal(c: char) -> u16 {
        let font = FontRef::new(FontFile::Regular.data()).unwrap();
        font.charmap().map(c).unwrap().to_u32() as u16
    }

    /// The line's text as it reads left to right on the page, one glyph at a time.
    fn visual(line: &Line) -> String {
        line.glyphs
            .iter()
            .map(|g| &line.text[g.text.clone()])
            .collect()
    }

    #[test]
    fn persian_letters_take_their_joined_forms() {
        // س initial, ل and ی medial, م final: four glyphs, none in its isolated form.
        let line = one_line(Direction::Rtl, "سلیم");
        let isolated: Vec<u16> = "سلیم".chars().map(nominal).collect();
        assert_eq!(line.glyphs.len(), 4);
        assert!(
            line.glyphs.iter().all(|g| !isolated.contains(&g.id)),
            "{line:?}"
        );
        // Lam and alef become one ligature glyph that shows both letters.
        let line = one_line(Direction::Rtl, "سلام");
        assert_eq!(line.glyphs.len(), 3);
        let ligature = line
            .glyphs
            .iter()
            .find(|g| &line.text[g.text.clone()] == "لا");
        assert!(ligature.is_some(), "{line:?}");
    }

    #[test]
    fn a_persian_line_runs_right_to_left_from_the_right_edge() {
        let line = one_line(Direction::Rtl, "سلام دنیا");
        assert_eq!(line.text, "سلام دنیا");
        // Left to right on the page: the last word first, the first letter last (the
        // lam-alef ligature is one glyph).
        assert_eq!(visual(&line), "ایند ملاس");
        let right = line.glyphs.last().map(|g| g.x + g.advance).unwrap();
        assert!((right - 1000.0).abs() < 0.5, "right edge at {right}");
    }

    #[test]
    fn an_isolated_persian_date_reads_in_order() {
        let isolated = one_line(Direction::Rtl, "تاریخ \u{2068}۱۳۶۴-۰۱-۰۵\u{2069} است");
        let visual_isolated = visual(&isolated);
        assert!(visual_isolated.contains("۱۳۶۴-۰۱-۰۵"), "{visual_isolated}");
        // Without the isolate the same date falls apart: why the marks are kept for layout.
        let bare = one_line(Direction::Rtl, "تاریخ ۱۳۶۴-۰۱-۰۵ است");
        assert!(!visual(&bare).contains("۱۳۶۴-۰۱-۰۵"), "{}", visual(&bare));
    }

    #[test]
    fn a_latin_name_in_a_persian_sentence_keeps_its_order() {
        let line = one_line(Direction::Rtl, "\u{2068}Alice Johnson\u{2069} عزیز");
        assert_eq!(line.text, "Alice Johnson عزیز");
        assert_eq!(visual(&line), "زیزع Alice Johnson");
    }

    #[test]
    fn bidi_controls_leave_no_glyph_and_no_text() {
        let line = one_line(Direction::Ltr, "\u{2068}Ali\u{2069}\u{200F}");
        assert_eq!(line.text, "Ali");
        assert_eq!(line.glyphs.len(), 3);
    }

    #[test]
    fn a_character_no_font_has_is_left_out_not_boxed() {
        let line = one_line(Direction::Ltr, "a\u{1F600}b");
        assert_eq!(line.glyphs.len(), 2);
        assert!(line.glyphs.iter().all(|g| g.id != 0));
    }

    #[test]
    fn stamp_markers_come_from_the_symbols_font() {
        for marker in ["\u{2600}", "\u{1F319}"] {
            let line = one_line(Direction::Ltr, &format!("LU-OX-OXWA {marker}TI"));
            let glyph = line
                .glyphs
                .iter()
                .find(|g| line.text[g.text.clone()] == *marker);
            assert_eq!(glyph.map(|g| g.font), Some(FontFile::Symbols), "{marker}");
        }
    }

    #[test]
    fn long_text_wraps_and_a_line_limit_cuts_it_with_an_ellipsis() {
        let text = "word ".repeat(200);
        let mut typesetter = Typesetter::new("en", Direction::Ltr);
        let whole = typesetter.block(&text, STYLE, 300.0, None);
        assert!(whole.lines.len() > 10 && !whole.truncated);
        assert!(whole.lines.iter().all(|l| l.width <= 300.0 + 0.5));
        let cut = typesetter.block(&text, STYLE, 300.0, Some(2));
        assert_eq!((cut.lines.len(), cut.truncated), (2, true));
        assert_eq!(cut.height, 2.0 * STYLE.line_height);
        let last = cut.lines.last().unwrap();
        assert_eq!(last.glyphs.last().map(|g| g.id), Some(nominal('…')));
    }

    #[test]
    fn a_persian_cut_ends_with_an_ellipsis_on_the_left() {
        let text = "عدد مسیر زندگی شما ".repeat(30);
        let mut typesetter = Typesetter::new("fa", Direction::Rtl);
        let cut = typesetter.block(&text, STYLE, 300.0, Some(1));
        let line = &cut.lines[0];
        assert_eq!(
            line.glyphs.first().map(|g| g.id),
            Some(nominal('…')),
            "{line:?}"
        );
    }
}
