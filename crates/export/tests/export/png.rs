//! The image card: size, content, Persian shaping and alignment.

use nps_export::{CardSize, Direction, Document, ExportError};

use crate::common::{Image, fixture};

/// A half-size card (the layout scales with the width; small cards draw quickly).
const SMALL: CardSize = CardSize {
    width: 540,
    height: 675,
};
/// The card's padding and title line box on a [`SMALL`] card (half of card.rs's).
const PADDING: u32 = 42;
const TITLE_LINE: u32 = 40;
const WIDTH: u32 = 540;

fn card(doc: &Document, size: CardSize) -> Image {
    let png = nps_export::png_card(doc, size).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    Image::decode(&png)
}

fn ink_pixels(image: &Image) -> usize {
    image
        .rgba
        .chunks_exact(4)
        .filter(|p| Image::is_ink(p))
        .count()
}

#[test]
fn cards_have_their_size_and_carry_text() {
    for name in ["reading-en", "reading-fa"] {
        let doc = fixture(name);
        for size in [
            CardSize::PORTRAIT,
            CardSize::SQUARE,
            CardSize {
                width: 600,
                height: 750,
            },
        ] {
            let image = card(&doc, size);
            assert_eq!((image.width, image.height), (size.width, size.height));
            let share = ink_pixels(&image) as f64 / f64::from(size.width * size.height);
            // Text covers a few percent of a card: not blank, not a flood.
            assert!((0.02..0.25).contains(&share), "{name} {size:?}: {share:.3}");
        }
    }
}

#[test]
fn an_empty_document_is_a_blank_card_without_text() {
    let image = card(&Document::default(), SMALL);
    // Only the gold rule under the (empty) title is bright: 48×2.5 pixels.
    assert!(ink_pixels(&image) < 48 * 3 + 20, "{}", ink_pixels(&image));
}

fn title_card(direction: Direction, title: &str) -> Image {
    let doc = Document {
        lang: if direction.is_rtl() { "fa" } else { "en" }.into(),
        direction,
        title: title.into(),
        ..Document::default()
    };
    card(&doc, SMALL)
}

#[test]
fn a_persian_word_is_drawn_joined() {
    // The same four letters joined, and kept apart by zero-width non-joiners.
    let joined = title_card(Direction::Rtl, "سلیم");
    let apart = title_card(Direction::Rtl, "س\u{200C}ل\u{200C}ی\u{200C}م");
    let (jl, jr) = joined.ink_columns(PADDING, PADDING + TITLE_LINE).unwrap();
    let (al, ar) = apart.ink_columns(PADDING, PADDING + TITLE_LINE).unwrap();
    // Joined forms are narrower than the isolated ones.
    assert!(
        (jr - jl) * 10 < (ar - al) * 8,
        "joined {} px, apart {} px",
        jr - jl,
        ar - al
    );
    // Both end at the right margin: right-aligned.
    for right in [jr, ar] {
        assert!(
            (WIDTH - PADDING - 4..=WIDTH - PADDING).contains(&right),
            "right edge {right}"
        );
    }
}

#[test]
fn an_english_title_starts_at_the_left_margin_and_a_persian_one_at_the_right() {
    let (left, right) = title_card(Direction::Ltr, "Hello")
        .ink_columns(PADDING, PADDING + TITLE_LINE)
        .unwrap();
    assert!(
        (PADDING..PADDING + 4).contains(&left) && right < WIDTH / 2,
        "{left}..{right}"
    );
    let (left, right) = title_card(Direction::Rtl, "سلام")
        .ink_columns(PADDING, PADDING + TITLE_LINE)
        .unwrap();
    assert!(
        left > WIDTH / 2 && right > WIDTH - PADDING - 4,
        "{left}..{right}"
    );
}

#[test]
fn bidi_marks_draw_nothing() {
    let plain = title_card(Direction::Rtl, "علی رضایی");
    let marked = title_card(
        Direction::Rtl,
        "\u{2068}علی\u{2069} \u{2067}رضایی\u{2069}\u{200F}",
    );
    assert_eq!(plain.rgba, marked.rgba, "the marks changed the picture");
}

#[test]
fn card_sizes_out_of_range_are_refused() {
    let doc = fixture("reading-en");
    for (width, height) in [(100, 100), (1080, 5000), (0, 1350)] {
        let err = nps_export::png_card(&doc, CardSize { width, height }).unwrap_err();
        assert_eq!(
            err,
            ExportError::CardSize {
                width,
                height,
                min: 240,
                max: 2400
            }
        );
        assert_eq!(err.code(), "export-too-large");
    }
}
