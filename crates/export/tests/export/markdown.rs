//! Markdown: exact for the fixtures and a hand-written case, no bidi marks, escaping.

use nps_export::{Direction, Document, Figure, Section};

use crate::common::{fixture, is_bidi_control};

fn expected(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.md", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn markdown_of_the_fixtures_is_exact_and_free_of_bidi_marks() {
    for name in ["reading-en", "reading-fa"] {
        let markdown = nps_export::markdown(&fixture(name));
        assert_eq!(markdown, expected(name), "{name}");
        assert!(!markdown.chars().any(is_bidi_control), "{name}");
    }
}

#[test]
fn markdown_of_a_small_document() {
    let doc = Document {
        lang: "fa".into(),
        direction: Direction::Rtl,
        title: "خوانش \u{2068}*Ali*\u{2069}".into(),
        byline: vec!["one".into(), "two <b>".into()],
        summary_heading: None,
        summary: vec!["# first".into(), "1. second".into()],
        figures_heading: Some("Figures".into()),
        figures: vec![Figure::new("Life path", "5 — the explorer")],
        sections: vec![Section::new(
            "Part",
            vec!["Line\none.".into(), "Two".into()],
        )],
        footer: String::new(),
    };
    let want = "# خوانش \\*Ali\\*\n\
                \n\
                one\\\n\
                two \\<b\\>\n\
                \n\
                - \\# first\n\
                - 1\\. second\n\
                \n\
                ## Figures\n\
                \n\
                - **Life path:** 5 — the explorer\n\
                \n\
                ## Part\n\
                \n\
                Line one.\n\
                \n\
                Two\n";
    assert_eq!(nps_export::markdown(&doc), want);
}
