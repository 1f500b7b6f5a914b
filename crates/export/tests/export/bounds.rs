//! Every bound of `nps_export::limits`: at the bound it works, past it the error names
//! the part and the figures; the largest valid document stays small.

use nps_export::limits::*;
use nps_export::{CardSize, Document, ExportError, Figure, Part, Section};

use crate::common::fixture;

/// Asserts that the PDF, the card and `validate` all refuse `doc` with `want`.
fn refused(doc: &Document, want: ExportError) {
    assert_eq!(doc.validate(), Err(want.clone()));
    assert_eq!(nps_export::pdf(doc).unwrap_err(), want);
    assert_eq!(
        nps_export::png_card(doc, CardSize::PORTRAIT).unwrap_err(),
        want
    );
    assert_eq!(want.code(), "export-too-large");
    assert!(want.is_bad_input());
}

fn text(chars: usize) -> String {
    "abcdefghi ".chars().cycle().take(chars).collect()
}

#[test]
fn a_title_over_its_bound_is_refused() {
    let mut doc = fixture("reading-en");
    doc.title = text(MAX_TITLE_CHARS);
    assert_eq!(doc.validate(), Ok(()));
    doc.title = text(MAX_TITLE_CHARS + 1);
    refused(
        &doc,
        ExportError::TooLong {
            part: Part::Title,
            chars: 201,
            max: 200,
        },
    );
}

#[test]
fn bidi_marks_do_not_count_towards_a_bound() {
    let mut doc = fixture("reading-fa");
    doc.title = format!("\u{2068}{}\u{2069}\u{200F}", text(MAX_TITLE_CHARS));
    assert_eq!(doc.validate(), Ok(()));
}

fn too_many(part: Part, count: usize, max: usize) -> ExportError {
    ExportError::TooMany { part, count, max }
}

fn too_long(part: Part, chars: usize, max: usize) -> ExportError {
    ExportError::TooLong { part, chars, max }
}

/// Each way of spoiling a valid document, and the error it must give.
type Spoiled = (fn(&mut Document), ExportError);

/// Spoils a copy of fixture `name` each way and checks the error.
fn each_refused(name: &str, cases: Vec<Spoiled>) {
    let base = fixture(name);
    for (spoil, want) in cases {
        let mut doc = base.clone();
        spoil(&mut doc);
        refused(&doc, want);
    }
}

#[test]
fn lists_over_their_bounds_are_refused() {
    each_refused(
        "reading-en",
        vec![
            (
                |d| d.byline = vec!["line".into(); MAX_BYLINE_LINES + 1],
                too_many(Part::Byline, 7, 6),
            ),
            (
                |d| d.summary = vec!["item".into(); MAX_SUMMARY_ITEMS + 1],
                too_many(Part::Summary, 13, 12),
            ),
            (
                |d| d.figures = vec![Figure::new("a", "b"); MAX_FIGURES + 1],
                too_many(Part::Figures, 31, 30),
            ),
            (
                |d| d.sections = vec![Section::new("s", vec!["p".into()]); MAX_SECTIONS + 1],
                too_many(Part::Sections, 41, 40),
            ),
            (
                |d| d.sections[0].paragraphs = vec!["p".into(); MAX_PARAGRAPHS_PER_SECTION + 1],
                too_many(Part::Paragraphs, 41, 40),
            ),
        ],
    );
}

#[test]
fn texts_over_their_bounds_are_refused() {
    each_refused(
        "reading-fa",
        vec![
            (
                |d| d.sections[1].paragraphs[0] = text(MAX_PARAGRAPH_CHARS + 1),
                too_long(Part::Paragraphs, 3001, 3000),
            ),
            (
                |d| d.figures[2].value = text(MAX_LINE_CHARS + 1),
                too_long(Part::Figures, 301, 300),
            ),
            (
                |d| d.summary_heading = Some(text(MAX_LINE_CHARS + 1)),
                too_long(Part::Heading, 301, 300),
            ),
            (
                |d| d.footer = text(MAX_LINE_CHARS + 1),
                too_long(Part::Footer, 301, 300),
            ),
            (
                |d| d.lang = text(MAX_LANG_CHARS + 1),
                too_long(Part::Lang, 36, 35),
            ),
        ],
    );
}

/// Sentences of ordinary words filling the whole document bound, in as many short
/// paragraphs as the bounds allow (the most lines a valid document of words can make).
fn largest(sentence: &str) -> Document {
    let paragraph: String = sentence.chars().cycle().take(35).collect();
    let sections = (1..=MAX_SECTIONS)
        .map(|s| {
            Section::new(
                format!("S{s}"),
                vec![paragraph.clone(); MAX_PARAGRAPHS_PER_SECTION],
            )
        })
        .collect();
    let mut doc = Document {
        lang: "en".into(),
        title: text(MAX_TITLE_CHARS),
        summary: vec![text(MAX_LINE_CHARS); MAX_SUMMARY_ITEMS],
        figures: vec![Figure::new(text(20), text(60)); MAX_FIGURES],
        sections,
        footer: text(MAX_LINE_CHARS),
        ..Document::default()
    };
    // Trim the last paragraphs until the whole fits the document bound.
    while doc.validate().is_err() {
        doc.sections.last_mut().unwrap().paragraphs.pop();
        if doc.sections.last().unwrap().paragraphs.is_empty() {
            doc.sections.pop();
        }
    }
    doc
}

#[test]
fn the_whole_document_bound_is_enforced() {
    let mut doc = largest("Words of a reading. ");
    doc.sections[0].paragraphs[0].push_str(&text(MAX_PARAGRAPH_CHARS - 100));
    let ExportError::TooLong {
        part: Part::Document,
        chars,
        max,
    } = doc.validate().unwrap_err()
    else {
        panic!("not the document bound");
    };
    assert!(chars > MAX_DOCUMENT_CHARS && max == MAX_DOCUMENT_CHARS);
}

#[test]
fn the_largest_document_of_words_stays_well_inside_the_page_bound() {
    let doc = largest("Words of a reading. ");
    let pdf = nps_export::pdf(&doc).unwrap();
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    // 59 pages and 60 KB when this was written.
    assert!((50..=MAX_PDF_PAGES - 10).contains(&pages), "{pages} pages");
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    let png = nps_export::png_card(&doc, CardSize::PORTRAIT).unwrap();
    assert!(png.len() < 1_000_000, "{} bytes", png.len());
}

#[test]
fn text_of_the_widest_glyphs_hits_the_page_bound_as_an_error() {
    // U+FDFC (a ligature sign 1.5 em wide) over and over: no real reading looks like this.
    let doc = largest("\u{FDFC}");
    let err = nps_export::pdf(&doc).unwrap_err();
    let ExportError::TooManyPages { pages, max } = err else {
        panic!("{err:?}");
    };
    assert!(pages > MAX_PDF_PAGES && max == MAX_PDF_PAGES);
    assert_eq!(err.code(), "export-too-large");
}
