//! The image card: one picture to share — title, who/when, the summary and the key
//! figures on a deep indigo gradient, the footer at the bottom.
//!
//! The layout is drawn for a 1080-pixel-wide card and scaled to the requested width.
//! Nothing overflows: the title keeps at most three lines and each byline one, the key
//! figures (at most six, as tiles above the footer) take the rows that fit, and the
//! summary fills what is left — an item that does not fit whole is cut with "…", and the
//! items after it are left out.

use crate::error::ExportError;
use crate::layout::{Block, Rgb, Style, Typesetter, Weight};
use crate::limits::{MAX_CARD_SIDE, MIN_CARD_SIDE};
use crate::model::{Document, Figure};
use crate::scene::{Background, Columns, Group, Page, Rect};

/// The size of an image card in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardSize {
    pub width: u32,
    pub height: u32,
}

impl CardSize {
    /// 1080×1350 (4:5), the portrait size social apps show whole.
    pub const PORTRAIT: CardSize = CardSize {
        width: 1080,
        height: 1350,
    };
    /// 1080×1080.
    pub const SQUARE: CardSize = CardSize {
        width: 1080,
        height: 1080,
    };

    /// Both sides within [`MIN_CARD_SIDE`]..=[`MAX_CARD_SIDE`].
    pub fn validate(self) -> Result<(), ExportError> {
        let allowed = MIN_CARD_SIDE..=MAX_CARD_SIDE;
        if allowed.contains(&self.width) && allowed.contains(&self.height) {
            return Ok(());
        }
        Err(ExportError::CardSize {
            width: self.width,
            height: self.height,
            min: MIN_CARD_SIDE,
            max: MAX_CARD_SIDE,
        })
    }
}

impl Default for CardSize {
    fn default() -> Self {
        CardSize::PORTRAIT
    }
}

/// The width the card's sizes are drawn for.
const DESIGN_WIDTH: f32 = 1080.0;
const PADDING: f32 = 84.0;
const TITLE_LINES: usize = 3;
const BYLINE_LINES: usize = 3;
const SUMMARY_ITEM_LINES: usize = 3;
/// Space under the summary heading, after each summary item, and for a bullet.
const HEADING_GAP: f32 = 8.0;
const ITEM_GAP: f32 = 10.0;
const BULLET_INDENT: f32 = 40.0;
/// Most key figures on a card, in rows of two.
const CARD_FIGURES: usize = 6;

/// A vertical gradient: dark indigo at the top, dark purple at the bottom.
const BACKGROUND: Background = Background::Vertical(Rgb(0x1b, 0x1a, 0x40), Rgb(0x3b, 0x1f, 0x5e));
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const SOFT: Rgb = Rgb(0xf0, 0xee, 0xff);
const MUTED: Rgb = Rgb(0xc3, 0xbf, 0xec);
const GOLD: Rgb = Rgb(0xf5, 0xc7, 0x6b);

/// The card's sizes at one scale.
struct Look {
    scale: f32,
    title: Style,
    byline: Style,
    heading: Style,
    item: Style,
    label: Style,
    value: Style,
    footer: Style,
}

impl Look {
    fn new(scale: f32) -> Look {
        let at = |weight, size: f32, line: f32, color| Style {
            weight,
            size: size * scale,
            line_height: line * scale,
            color,
        };
        Look {
            scale,
            title: at(Weight::Bold, 60.0, 80.0, WHITE),
            byline: at(Weight::Regular, 30.0, 44.0, MUTED),
            heading: at(Weight::Bold, 28.0, 42.0, GOLD),
            item: at(Weight::Regular, 30.0, 45.0, SOFT),
            label: at(Weight::Regular, 24.0, 34.0, MUTED),
            value: at(Weight::Bold, 30.0, 42.0, WHITE),
            footer: at(Weight::Regular, 24.0, 34.0, MUTED),
        }
    }

    fn px(&self, design_pixels: f32) -> f32 {
        design_pixels * self.scale
    }
}

/// The card for `doc` (already validated) at `size` (already validated).
pub(crate) fn compose(doc: &Document, size: CardSize) -> Page {
    let (width, height) = (size.width as f32, size.height as f32);
    let look = Look::new(width / DESIGN_WIDTH);
    let padding = look.px(PADDING);
    let mut card = Card {
        typesetter: Typesetter::new(&doc.lang, doc.direction),
        columns: Columns::within_margins(width, padding, doc.direction),
        page: Page::new(width, height, BACKGROUND),
        look,
    };
    let body_top = card.header(doc, padding) + card.look.px(36.0);
    let body_bottom = card.footer(&doc.footer, height - padding) - card.look.px(36.0);
    // The summary comes first: the key figures get the rows that leave it whole, and at
    // least their first row as long as two summary lines stay visible.
    let summary = card.summary_height(doc);
    let two_lines = 2.0 * card.look.item.line_height + card.look.px(50.0);
    let limits = RowLimits {
        first: body_top + summary.min(two_lines),
        others: body_top + summary,
    };
    let figures_top = card.figures(&doc.figures, limits, body_bottom);
    if !doc.summary.is_empty() {
        card.summary(doc, body_top, figures_top - card.look.px(36.0));
    }
    card.page
}

/// How high the tiles of the key figures may reach: the first row, the others.
#[derive(Debug, Clone, Copy)]
struct RowLimits {
    first: f32,
    others: f32,
}

struct Card {
    typesetter: Typesetter,
    columns: Columns,
    page: Page,
    look: Look,
}

impl Card {
    fn place(&mut self, group: Group, top: f32) {
        self.page.items.extend(group.into_items_at(top));
    }

    fn place_block(&mut self, block: Block, from_start: f32, width: f32, top: f32) -> f32 {
        let height = block.height;
        let mut group = Group::default();
        group.push_block(block, self.columns.x(from_start, width), 0.0);
        self.place(group, top);
        top + height
    }

    /// Title, byline and a gold rule from `top`; returns the y below them.
    fn header(&mut self, doc: &Document, top: f32) -> f32 {
        let width = self.columns.width;
        let title = self
            .typesetter
            .block(&doc.title, self.look.title, width, Some(TITLE_LINES));
        let mut y = self.place_block(title, 0.0, width, top) + self.look.px(12.0);
        for line in doc.byline.iter().take(BYLINE_LINES) {
            let block = self
                .typesetter
                .block(line, self.look.byline, width, Some(1));
            y = self.place_block(block, 0.0, width, y);
        }
        y += self.look.px(28.0);
        let rule_width = self.look.px(96.0);
        let mut rule = Group::default();
        let rect = Rect {
            x: self.columns.x(0.0, rule_width),
            y: 0.0,
            width: rule_width,
            height: self.look.px(5.0),
        };
        rule.push_rect(rect, GOLD, 255);
        self.place(rule, y);
        y + self.look.px(5.0)
    }

    /// The footer line with its bottom at `bottom`; returns its top.
    fn footer(&mut self, footer: &str, bottom: f32) -> f32 {
        let top = bottom - self.look.footer.line_height;
        if !footer.trim().is_empty() {
            let width = self.columns.width;
            let block = self
                .typesetter
                .block(footer, self.look.footer, width, Some(1));
            self.place_block(block, 0.0, width, top);
        }
        top
    }

    /// The key figures as tiles in rows of two, bottom-aligned at `bottom`, using the
    /// rows whose top stays below their limit; returns the top of the tiles (`bottom`
    /// if none).
    fn figures(&mut self, figures: &[Figure], limits: RowLimits, bottom: f32) -> f32 {
        let gap = self.look.px(20.0);
        let tile_width = (self.columns.width - gap) / 2.0;
        let mut rows: Vec<Group> = Vec::new();
        let mut height = 0.0;
        for pair in figures[..figures.len().min(CARD_FIGURES)].chunks(2) {
            let row = self.figure_row(pair, tile_width, gap);
            let grown = height + row.height + if rows.is_empty() { 0.0 } else { gap };
            let limit = if rows.is_empty() {
                limits.first
            } else {
                limits.others
            };
            if bottom - grown < limit {
                break;
            }
            height = grown;
            rows.push(row);
        }
        let top = bottom - height;
        let mut y = top;
        for row in rows {
            let row_height = row.height;
            self.place(row, y);
            y += row_height + gap;
        }
        top
    }

    fn figure_row(&mut self, pair: &[Figure], tile_width: f32, gap: f32) -> Group {
        let pad = self.look.px(22.0);
        let inner = tile_width - 2.0 * pad;
        let tiles: Vec<(Block, Block)> = pair
            .iter()
            .map(|figure| {
                let label = self
                    .typesetter
                    .block(&figure.label, self.look.label, inner, Some(1));
                let value = self
                    .typesetter
                    .block(&figure.value, self.look.value, inner, Some(2));
                (label, value)
            })
            .collect();
        let content = tiles
            .iter()
            .map(|(l, v)| l.height + v.height)
            .fold(0.0, f32::max);
        let tile_height = content + 2.0 * pad + self.look.px(6.0);
        let mut row = Group::default();
        for (i, (label, value)) in tiles.into_iter().enumerate() {
            let from_start = i as f32 * (tile_width + gap);
            let x = self.columns.x(from_start, tile_width);
            row.push_rect(
                Rect {
                    x,
                    y: 0.0,
                    width: tile_width,
                    height: tile_height,
                },
                WHITE,
                22,
            );
            let label_top = pad + label.height + self.look.px(6.0);
            let text_x = self.columns.x(from_start + pad, inner);
            row.push_block(label, text_x, pad);
            row.push_block(value, text_x, label_top);
        }
        row
    }

    /// The height of the summary heading and items, each item at most
    /// [`SUMMARY_ITEM_LINES`] lines (0 without a summary).
    fn summary_height(&mut self, doc: &Document) -> f32 {
        if doc.summary.is_empty() {
            return 0.0;
        }
        let width = self.columns.width;
        let mut height = 0.0;
        if let Some(block) = self.summary_heading(doc) {
            height += block.height + self.look.px(HEADING_GAP);
        }
        let indent = self.look.px(BULLET_INDENT);
        for item in &doc.summary {
            let block = self.typesetter.block(
                item,
                self.look.item,
                width - indent,
                Some(SUMMARY_ITEM_LINES),
            );
            height += block.height + self.look.px(ITEM_GAP);
        }
        height
    }

    /// The summary's heading on one line, if it has one.
    fn summary_heading(&mut self, doc: &Document) -> Option<Block> {
        let heading = doc.summary_heading.as_deref()?;
        let width = self.columns.width;
        (!heading.trim().is_empty()).then(|| {
            self.typesetter
                .block(heading, self.look.heading, width, Some(1))
        })
    }

    /// The summary heading and items from `top`, within `bottom`.
    fn summary(&mut self, doc: &Document, top: f32, bottom: f32) {
        let mut y = top;
        let width = self.columns.width;
        if let Some(block) = self.summary_heading(doc)
            && y + block.height <= bottom
        {
            y = self.place_block(block, 0.0, width, y) + self.look.px(HEADING_GAP);
        }
        let indent = self.look.px(BULLET_INDENT);
        let line_height = self.look.item.line_height;
        for item in &doc.summary {
            let room = ((bottom - y) / line_height).floor().max(0.0) as usize;
            let lines = room.min(SUMMARY_ITEM_LINES);
            if lines == 0 {
                break;
            }
            let block = self
                .typesetter
                .block(item, self.look.item, width - indent, Some(lines));
            let cut = block.truncated;
            let dot = self.typesetter.block(
                "•",
                Style {
                    color: GOLD,
                    ..self.look.item
                },
                indent,
                None,
            );
            self.place_block(dot, 0.0, indent, y);
            y = self.place_block(block, indent, width - indent, y) + self.look.px(ITEM_GAP);
            if cut && lines < SUMMARY_ITEM_LINES {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;
    use crate::scene::Item;

    fn crowded(direction: Direction) -> Document {
        let (lang, sentence) = match direction {
            Direction::Ltr => ("en", "A long summary sentence that goes on and on. "),
            Direction::Rtl => ("fa", "جمله‌ای بلند در خلاصه که ادامه پیدا می‌کند. "),
        };
        Document {
            lang: lang.into(),
            direction,
            title: sentence.repeat(4),
            byline: vec![sentence.repeat(3); 6],
            summary_heading: Some("In short".into()),
            summary: vec![sentence.repeat(6); 12],
            figures: (1..=30)
                .map(|i| Figure::new(format!("Figure {i}"), sentence.repeat(2)))
                .collect(),
            footer: sentence.repeat(3),
            ..Document::default()
        }
    }

    /// The text lines of the card with the left and right ends of their ink, top to bottom.
    fn lines(page: &Page) -> Vec<(f32, f32, f32, &str)> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    x, baseline, line, ..
                } if !line.glyphs.is_empty() => {
                    let left = x + line.glyphs[0].x;
                    let last = &line.glyphs[line.glyphs.len() - 1];
                    Some((
                        *baseline,
                        left,
                        x + last.x + last.advance,
                        line.text.as_str(),
                    ))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_crowded_card_keeps_every_line_inside_and_cuts_with_an_ellipsis() {
        for direction in [Direction::Ltr, Direction::Rtl] {
            let page = compose(&crowded(direction), CardSize::PORTRAIT);
            let lines = lines(&page);
            for &(baseline, left, right, text) in &lines {
                assert!(
                    baseline > PADDING && baseline < 1350.0 - PADDING + 10.0,
                    "{text}"
                );
                assert!(
                    left >= PADDING - 1.0 && right <= 1080.0 - PADDING + 1.0,
                    "{text}"
                );
            }
            // Three title lines and three byline lines, no more.
            let look = Look::new(1.0);
            let styled = |wanted: Style| {
                let is =
                    |item: &&Item| matches!(item, Item::Text { style, .. } if *style == wanted);
                page.items.iter().filter(is).count()
            };
            assert_eq!((styled(look.title), styled(look.byline)), (3, 3));
            // The summary is cut: one of its lines ends with an ellipsis.
            let ellipsis = {
                use skrifa::MetadataProvider;
                let font = skrifa::FontRef::new(crate::fonts::FontFile::Regular.data()).unwrap();
                font.charmap().map('…').unwrap().to_u32() as u16
            };
            let cut = page.items.iter().any(|item| match item {
                Item::Text { line, style, .. } if *style == look.item => {
                    let end = if direction.is_rtl() {
                        line.glyphs.first()
                    } else {
                        line.glyphs.last()
                    };
                    end.map(|g| g.id) == Some(ellipsis)
                }
                _ => false,
            });
            assert!(cut, "{direction:?}");
            // At least one row of key figures is on the card, at most three.
            let figures = lines.iter().filter(|l| l.3.starts_with("Figure ")).count();
            assert!((2..=6).contains(&figures), "{figures} figures");
        }
    }

    #[test]
    fn a_persian_card_is_right_aligned() {
        let mut doc = crowded(Direction::Rtl);
        doc.figures.clear();
        let page = compose(&doc, CardSize::PORTRAIT);
        let lines = lines(&page);
        let title_right = lines[0].2;
        assert!(
            (title_right - (1080.0 - PADDING)).abs() < 2.0,
            "{title_right}"
        );
        let summary_left = lines.iter().map(|l| l.1).fold(f32::MAX, f32::min);
        assert!(summary_left >= PADDING - 1.0);
    }

    #[test]
    fn a_card_scales_with_its_width() {
        let doc = crowded(Direction::Ltr);
        let small = compose(
            &doc,
            CardSize {
                width: 540,
                height: 675,
            },
        );
        let large = compose(&doc, CardSize::PORTRAIT);
        assert_eq!(lines(&small).len(), lines(&large).len());
        let (a, b) = (lines(&small)[0], lines(&large)[0]);
        assert!((a.0 * 2.0 - b.0).abs() < 1.0, "{} {}", a.0, b.0);
    }

    #[test]
    fn card_sizes_out_of_range_are_refused() {
        assert!(CardSize::PORTRAIT.validate().is_ok());
        assert!(
            CardSize {
                width: 240,
                height: 2400
            }
            .validate()
            .is_ok()
        );
        let err = CardSize {
            width: 239,
            height: 300,
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            err,
            ExportError::CardSize {
                width: 239,
                height: 300,
                min: 240,
                max: 2400
            }
        );
        assert!(
            CardSize {
                width: 1080,
                height: 2401
            }
            .validate()
            .is_err()
        );
    }
}
