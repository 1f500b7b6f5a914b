//! The document set on A4 pages: title, byline, summary, key figures, sections, and a
//! footer with page numbers on every page. Text flows line by line, so long paragraphs
//! continue on the next page; a heading never ends a page (it moves with its first line).

use crate::error::ExportError;
use crate::layout::{Rgb, Style, Typesetter, Weight};
use crate::limits::MAX_PDF_PAGES;
use crate::model::{Document, Figure};
use crate::scene::{Background, Columns, Group, Page, Rect};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm.
const MARGIN: f32 = 56.7;
/// The footer's band at the bottom of the page.
const FOOTER_HEIGHT: f32 = 34.0;
const BODY_TOP: f32 = MARGIN;
const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
/// Space for a summary bullet.
const BULLET_INDENT: f32 = 16.0;
/// The share of the content width for a key figure's label.
const LABEL_SHARE: f32 = 0.36;

const INK: Rgb = Rgb(0x1f, 0x23, 0x37);
const MUTED: Rgb = Rgb(0x55, 0x5b, 0x6e);
const ACCENT: Rgb = Rgb(0x43, 0x38, 0xca);
const RULE: Rgb = Rgb(0xd9, 0xdc, 0xe6);

const TITLE: Style = style(Weight::Bold, 22.0, 30.0, INK);
const BYLINE: Style = style(Weight::Regular, 10.5, 15.5, MUTED);
const HEADING: Style = style(Weight::Bold, 13.5, 20.0, ACCENT);
const BODY: Style = style(Weight::Regular, 11.0, 17.5, INK);
const LABEL: Style = style(Weight::Bold, 10.5, 15.5, INK);
const VALUE: Style = style(Weight::Regular, 10.5, 15.5, INK);
const FOOTER: Style = style(Weight::Regular, 8.5, 12.0, MUTED);

const fn style(weight: Weight, size: f32, line_height: f32, color: Rgb) -> Style {
    Style {
        weight,
        size,
        line_height,
        color,
    }
}

/// A piece of the flow: kept on one page, `space_before` above it unless it starts a
/// page, and with `keep_with_next` it moves to the next page with what follows it.
struct Chunk {
    group: Group,
    space_before: f32,
    keep_with_next: bool,
}

/// The document on A4 pages (at least one), or [`ExportError::TooManyPages`].
pub(crate) fn compose(doc: &Document) -> Result<Vec<Page>, ExportError> {
    let mut flow = Flow {
        typesetter: Typesetter::new(&doc.lang, doc.direction),
        columns: Columns::within_margins(PAGE_WIDTH, MARGIN, doc.direction),
        chunks: Vec::new(),
    };
    flow.header(doc);
    if !doc.summary.is_empty() {
        flow.heading(doc.summary_heading.as_deref());
        for item in &doc.summary {
            flow.bullet(item);
        }
    }
    if !doc.figures.is_empty() {
        flow.heading(doc.figures_heading.as_deref());
        for figure in &doc.figures {
            flow.figure(figure);
        }
    }
    for section in &doc.sections {
        flow.heading(Some(&section.heading));
        for (i, paragraph) in section.paragraphs.iter().enumerate() {
            flow.paragraph(paragraph, if i == 0 { 0.0 } else { 7.0 });
        }
    }
    let bodies = paginate(keep_together(flow.chunks));
    if bodies.len() > MAX_PDF_PAGES {
        return Err(ExportError::TooManyPages {
            pages: bodies.len(),
            max: MAX_PDF_PAGES,
        });
    }
    let total = bodies.len();
    let mut typesetter = flow.typesetter;
    Ok(bodies
        .into_iter()
        .enumerate()
        .map(|(i, page)| with_footer(page, &mut typesetter, doc, i + 1, total))
        .collect())
}

struct Flow {
    typesetter: Typesetter,
    columns: Columns,
    chunks: Vec<Chunk>,
}

impl Flow {
    fn push(&mut self, group: Group, space_before: f32, keep_with_next: bool) {
        self.chunks.push(Chunk {
            group,
            space_before,
            keep_with_next,
        });
    }

    /// Each line of `text` as its own chunk, so a long paragraph can break between pages.
    /// With `keep`, every line stays with what follows (a heading and the first line
    /// under it share a page).
    fn lines(&mut self, text: &str, style: Style, from_start: f32, space_before: f32, keep: bool) {
        let width = self.columns.width - from_start;
        let block = self.typesetter.block(text, style, width, None);
        let x = self.columns.x(from_start, width);
        for (i, line) in block.lines.into_iter().enumerate() {
            let mut group = Group::default();
            group.push_line(line, style, x, 0.0);
            self.push(group, if i == 0 { space_before } else { 0.0 }, keep);
        }
    }

    fn header(&mut self, doc: &Document) {
        self.lines(&doc.title, TITLE, 0.0, 0.0, false);
        for (i, line) in doc.byline.iter().enumerate() {
            self.lines(line, BYLINE, 0.0, if i == 0 { 6.0 } else { 0.0 }, false);
        }
        let mut rule = Group::default();
        let width = 56.0;
        let x = self.columns.x(0.0, width);
        rule.push_rect(
            Rect {
                x,
                y: 0.0,
                width,
                height: 2.0,
            },
            ACCENT,
            255,
        );
        self.push(rule, 12.0, false);
    }

    fn heading(&mut self, text: Option<&str>) {
        match text {
            Some(text) if !text.trim().is_empty() => self.lines(text, HEADING, 0.0, 20.0, true),
            _ => self.push(Group::default(), 14.0, false),
        }
    }

    fn paragraph(&mut self, text: &str, space_before: f32) {
        self.lines(text, BODY, 0.0, space_before, false);
    }

    fn bullet(&mut self, text: &str) {
        let first = self.chunks.len();
        self.lines(text, BODY, BULLET_INDENT, 4.0, false);
        let dot = self.typesetter.block(
            "•",
            style(Weight::Bold, 11.0, 17.5, ACCENT),
            BULLET_INDENT,
            None,
        );
        let x = self.columns.x(0.0, BULLET_INDENT);
        if let Some(chunk) = self.chunks.get_mut(first) {
            chunk.group.push_block(dot, x, 0.0);
        }
    }

    /// A key figure as a row: the label on the start side, the value beside it, a rule
    /// under both.
    fn figure(&mut self, figure: &Figure) {
        let gap = 12.0;
        let label_width = self.columns.width * LABEL_SHARE;
        let value_width = self.columns.width - label_width - gap;
        let label = self
            .typesetter
            .block(&figure.label, LABEL, label_width, None);
        let value = self
            .typesetter
            .block(&figure.value, VALUE, value_width, None);
        let pad = 4.0;
        let mut row = Group::default();
        row.push_block(label, self.columns.x(0.0, label_width), pad);
        row.push_block(value, self.columns.x(label_width + gap, value_width), pad);
        let bottom = row.height + pad;
        let rule = Rect {
            x: self.columns.left,
            y: bottom,
            width: self.columns.width,
            height: 0.6,
        };
        row.push_rect(rule, RULE, 255);
        self.push(row, 0.0, false);
    }
}

/// Chunks marked `keep_with_next` merged with what follows them.
fn keep_together(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for chunk in chunks {
        match out.last_mut() {
            Some(held) if held.keep_with_next => {
                let dy = held.group.height + chunk.space_before;
                let height = dy + chunk.group.height;
                held.group.items.extend(chunk.group.into_items_at(dy));
                held.group.height = height;
                held.keep_with_next = chunk.keep_with_next;
            }
            _ => out.push(chunk),
        }
    }
    out
}

/// The chunks placed on as many pages as they need (at least one).
fn paginate(chunks: Vec<Chunk>) -> Vec<Page> {
    let new_page = || {
        Page::new(
            PAGE_WIDTH,
            PAGE_HEIGHT,
            Background::Solid(Rgb(255, 255, 255)),
        )
    };
    let mut pages = vec![new_page()];
    let mut y = BODY_TOP;
    for chunk in chunks {
        let mut top = if y > BODY_TOP {
            y + chunk.space_before
        } else {
            y
        };
        // A chunk taller than a whole page (impossible within the limits) still goes
        // on a fresh page rather than looping.
        if top + chunk.group.height > BODY_BOTTOM && y > BODY_TOP {
            pages.push(new_page());
            top = BODY_TOP;
        }
        y = top + chunk.group.height;
        if let Some(page) = pages.last_mut() {
            page.items.extend(chunk.group.into_items_at(top));
        }
    }
    pages
}

/// `page` with its footer: a rule, the document's footer line on the start side and
/// "n / total" on the end side.
fn with_footer(
    mut page: Page,
    typesetter: &mut Typesetter,
    doc: &Document,
    n: usize,
    total: usize,
) -> Page {
    let columns = Columns::within_margins(PAGE_WIDTH, MARGIN, typesetter.direction());
    let number_width = 60.0;
    let mut footer = Group::default();
    footer.push_rect(
        Rect {
            x: MARGIN,
            y: 0.0,
            width: columns.width,
            height: 0.6,
        },
        RULE,
        255,
    );
    let text_width = columns.width - number_width;
    let line = typesetter.block(&doc.footer, FOOTER, text_width, Some(1));
    footer.push_block(line, columns.x(0.0, text_width), 8.0);
    let number = digits(&doc.lang, &format!("{n} / {total}"));
    let mut number = typesetter.block(&number, FOOTER, number_width, Some(1));
    // The page number sits at the far end: right in English, left in Persian.
    number.align_to_end(number_width, columns.direction);
    footer.push_block(number, columns.x(text_width, number_width), 8.0);
    page.items
        .extend(footer.into_items_at(PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + 12.0));
    page
}

/// `text` with ASCII digits in the document language's digits (Persian for `fa`).
pub(crate) fn digits(lang: &str, text: &str) -> String {
    let persian = lang == "fa" || lang.starts_with("fa-");
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if persian => char::from_u32(0x06F0 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Section};
    use crate::scene::Item;

    fn long_doc(direction: Direction) -> Document {
        let paragraph = "A paragraph of a reading that says something about a number. ".repeat(5);
        Document {
            lang: if direction.is_rtl() { "fa" } else { "en" }.into(),
            direction,
            title: "A long reading".into(),
            sections: (1..=12)
                .map(|i| Section::new(format!("Section {i}"), vec![paragraph.clone(); 4]))
                .collect(),
            footer: "NPS Oracle".into(),
            ..Document::default()
        }
    }

    /// The body's text items of a page (without the footer), top to bottom.
    fn body(page: &Page) -> Vec<(f32, Style, &str)> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    baseline,
                    line,
                    style,
                    ..
                } if *baseline < BODY_BOTTOM + 1.0 => Some((*baseline, *style, line.text.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_stays_in_the_body_and_a_heading_never_ends_a_page() {
        let pages = compose(&long_doc(Direction::Ltr)).unwrap();
        assert!(pages.len() >= 4, "{} pages", pages.len());
        for page in &pages {
            let body = body(page);
            let &(last_baseline, last_style, last_text) = body.last().unwrap();
            assert_ne!(
                last_style, HEADING,
                "a page ends with the heading {last_text}"
            );
            assert!(last_baseline <= BODY_BOTTOM);
            assert!(body[0].0 >= BODY_TOP);
        }
        // Every line of every paragraph is somewhere: 12 headings, 48 paragraphs.
        let all: String = pages.iter().map(Page::text).collect::<Vec<_>>().join("\n");
        assert_eq!(all.matches("Section ").count(), 12);
    }

    #[test]
    fn every_page_has_its_number_of_the_total() {
        let pages = compose(&long_doc(Direction::Rtl)).unwrap();
        let total = pages.len();
        for (i, page) in pages.iter().enumerate() {
            let number = digits("fa", &format!("{} / {total}", i + 1));
            assert!(
                page.text().lines().any(|l| l == number),
                "page {}: {number}",
                i + 1
            );
            assert!(page.text().contains("NPS Oracle"));
        }
    }

    #[test]
    fn persian_digits_for_persian_only() {
        assert_eq!(digits("fa", "12 / 30"), "۱۲ / ۳۰");
        assert_eq!(digits("fa-IR", "7"), "۷");
        assert_eq!(digits("en", "12 / 30"), "12 / 30");
        assert_eq!(digits("fake", "1"), "1");
    }
}
