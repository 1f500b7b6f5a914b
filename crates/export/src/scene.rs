//! A page as a list of things to draw: what the composers ([`crate::pdf_pages`],
//! [`crate::card`]) make and the writers ([`crate::pdf`], [`crate::raster`]) draw. Units
//! are the output's (PDF points, PNG pixels), y grows downwards.

use crate::layout::{Block, Line, Rgb, Style};
use crate::model::Direction;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A line of glyphs; `x` is the left edge of its block, `baseline` its baseline.
    Text {
        x: f32,
        baseline: f32,
        line: Line,
        style: Style,
    },
    /// A filled rectangle; `alpha` is its opacity (0–255).
    Rect { rect: Rect, color: Rgb, alpha: u8 },
}

/// What fills a page before its items are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Background {
    Solid(Rgb),
    /// A vertical gradient, top colour to bottom colour.
    Vertical(Rgb, Rgb),
}

/// What a page is drawn onto: a PDF page ([`crate::pdf`]) or pixels ([`crate::raster`]).
pub(crate) trait Canvas {
    type Error;
    fn text(&mut self, at: Origin, line: &Line, style: &Style) -> Result<(), Self::Error>;
    fn rect(&mut self, rect: &Rect, color: Rgb, alpha: u8);
}

/// Where a line of glyphs is drawn: the left edge of its block, and its baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Origin {
    pub x: f32,
    pub baseline: f32,
}

/// One page (or the card).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page {
    pub width: f32,
    pub height: f32,
    pub background: Background,
    pub items: Vec<Item>,
}

impl Page {
    pub fn new(width: f32, height: f32, background: Background) -> Page {
        Page {
            width,
            height,
            background,
            items: Vec::new(),
        }
    }

    /// Every item, in order, onto `canvas`; stops at the first error.
    pub fn draw_onto<C: Canvas>(&self, canvas: &mut C) -> Result<(), C::Error> {
        for item in &self.items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    line,
                    style,
                } => canvas.text(
                    Origin {
                        x: *x,
                        baseline: *baseline,
                    },
                    line,
                    style,
                )?,
                Item::Rect { rect, color, alpha } => canvas.rect(rect, *color, *alpha),
            }
        }
        Ok(())
    }

    /// The text of the page's lines, in drawing order, one line each.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { line, .. } => Some(line.text.as_str()),
                Item::Rect { .. } => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Items that go together (a block, a row, a heading with its first line), placed
/// relative to their own top; a page composer moves them into place.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Group {
    pub items: Vec<Item>,
    pub height: f32,
}

impl Group {
    /// Adds `block` with its top `top` below this group's top and its left edge at `x`.
    pub fn push_block(&mut self, block: Block, x: f32, top: f32) {
        let style = block.style;
        for line in block.lines {
            self.items.push(Item::Text {
                x,
                baseline: top + line.baseline,
                line,
                style,
            });
        }
        self.height = self.height.max(top + block.height);
    }

    /// Adds one line of a block with its line box's top `top` below this group's top.
    pub fn push_line(&mut self, line: Line, style: Style, x: f32, top: f32) {
        let baseline = top + line.baseline - line.top;
        self.height = self.height.max(top + style.line_height);
        self.items.push(Item::Text {
            x,
            baseline,
            line,
            style,
        });
    }

    pub fn push_rect(&mut self, rect: Rect, color: Rgb, alpha: u8) {
        self.height = self.height.max(rect.y + rect.height);
        self.items.push(Item::Rect { rect, color, alpha });
    }

    /// The items moved down by `dy`.
    pub fn into_items_at(self, dy: f32) -> impl Iterator<Item = Item> {
        self.items.into_iter().map(move |item| match item {
            Item::Text {
                x,
                baseline,
                line,
                style,
            } => Item::Text {
                x,
                baseline: baseline + dy,
                line,
                style,
            },
            Item::Rect { rect, color, alpha } => Item::Rect {
                rect: Rect {
                    y: rect.y + dy,
                    ..rect
                },
                color,
                alpha,
            },
        })
    }
}

/// Horizontal placement in a content box that mirrors for right-to-left documents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Columns {
    pub left: f32,
    pub width: f32,
    pub direction: Direction,
}

impl Columns {
    /// The content box of a page `page_width` wide with `margin` on either side.
    pub fn within_margins(page_width: f32, margin: f32, direction: Direction) -> Columns {
        Columns {
            left: margin,
            width: page_width - 2.0 * margin,
            direction,
        }
    }

    /// The left edge of a box `width` wide that starts `from_start` after the start
    /// side (the left edge for left-to-right text, the right edge for right-to-left).
    pub fn x(&self, from_start: f32, width: f32) -> f32 {
        if self.direction.is_rtl() {
            self.left + self.width - from_start - width
        } else {
            self.left + from_start
        }
    }
}
