//! The PDF: pages, text (English and Persian, in logical order), no bidi marks, fonts.

use nps_export::{Direction, Document, Section};

use crate::common::{assert_in_order, fixture, info, is_bidi_control, pdftotext};

fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn english_reading_is_three_a4_pages_with_its_text() {
    let pdf = nps_export::pdf(&fixture("reading-en")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert_eq!(page_count(&pdf), 3);
    assert_eq!(info(&pdf, "Pages"), "3");
    assert_eq!(info(&pdf, "Page size"), "595.28 x 841.89 pts (A4)");
    assert_eq!(
        info(&pdf, "Title"),
        "A full reading for Alice Johnson, whose key number is 5."
    );
    let text = pdftotext(&pdf, None);
    assert_in_order(
        &text,
        &[
            "A full reading for Alice Johnson",
            "Reading of 9 February 2026, 14:30 (UTC+01:00)",
            "In short",
            "Your life path is 5: a road of movement and variety",
            "Key figures",
            "Life path",
            "5 — the explorer",
            "Your universal address",
            "LU-OX-OXWA 🌙TI-HOWU-RAWU",
            "Core identity",
            "A gentle caution",
            "restlessness that drops commitments",
        ],
    );
    // The footer and the page number on every page.
    for n in 1..=3 {
        let page = pdftotext(&pdf, Some((n, n)));
        assert!(
            page.contains("NPS Oracle · made 9 February 2026"),
            "page {n}"
        );
        // poppler drops the narrow spaces around the slash.
        assert!(page.contains(&format!("\n{n}/3\n")), "page {n}: {page}");
    }
}

#[test]
fn persian_reading_has_persian_text_in_logical_order() {
    let pdf = nps_export::pdf(&fixture("reading-fa")).unwrap();
    assert_eq!(page_count(&pdf), 3);
    assert_eq!(info(&pdf, "Title"), "خوانش کامل علی رضایی، با عدد اصلی ۱۱");
    let text = pdftotext(&pdf, None);
    // Word by word in reading order (poppler moves spaces and punctuation around
    // digit and Latin runs, and spells the lam-alef ligature backwards, so the words
    // carry no punctuation and avoid "لا").
    assert_in_order(
        &text,
        &["خوانش", "کامل", "علی", "رضایی", "عدد", "اصلی", "۱۱"],
    );
    assert_in_order(
        &text,
        &[
            "عدد",
            "مسیر",
            "زندگی",
            "شما",
            "۱۱",
            "است؛",
            "یک",
            "عدد",
            "استاد",
        ],
    );
    assert_in_order(
        &text,
        &[
            "شما",
            "در",
            "سال",
            "شخصی",
            "۷",
            "هستید",
            "سالی",
            "برای",
            "درون‌نگری",
        ],
    );
    // A Latin stamp inside a Persian sentence keeps its own order.
    assert_in_order(
        &text,
        &[
            "نشانی",
            "جهانی",
            "این",
            "لحظه",
            "LU-OX-OXWA ☀RO-HOWU-RAWU",
            "است",
            "کد",
            "وارسی",
            "HOWU",
        ],
    );
    assert_in_order(&text, &["عددهای", "کلیدی", "مسیر زندگی", "الهام‌بخش"]);
    // The footer and the page number, in Persian digits, on the last page.
    let last = pdftotext(&pdf, Some((3, 3)));
    assert!(last.contains("\n۳/۳\n"), "{last}");
    assert_in_order(&last, &["پیشگوی", "NPS", "ساخته‌شده", "در", "بهمن"]);
}

#[test]
fn copied_text_carries_no_bidi_control_marks() {
    for name in ["reading-en", "reading-fa"] {
        let doc = fixture(name);
        let marks = serde_json::to_string(&doc)
            .unwrap()
            .chars()
            .filter(|&c| is_bidi_control(c))
            .count();
        assert!(
            marks >= 14,
            "the fixture {name} has {marks} isolation marks"
        );
        let pdf = nps_export::pdf(&doc).unwrap();
        let text = pdftotext(&pdf, None);
        let found: Vec<char> = text.chars().filter(|&c| is_bidi_control(c)).collect();
        assert!(found.is_empty(), "{name}: {found:?}");
        // Nor does any glyph map to one in the fonts' ToUnicode tables.
        for cmap in to_unicode_maps(&pdf) {
            let targets = cmap_targets(&cmap);
            assert!(!targets.is_empty());
            assert!(
                !targets.iter().any(|t| t.chars().any(is_bidi_control)),
                "{name}: {targets:?}"
            );
        }
    }
}

/// The decompressed ToUnicode CMaps of a PDF.
fn to_unicode_maps(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let maps: Vec<String> = doc
        .objects
        .values()
        .filter_map(|object| object.as_stream().ok())
        .filter_map(|stream| stream.decompressed_content().ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .filter(|text| text.contains("begincmap"))
        .collect();
    assert!(!maps.is_empty(), "no ToUnicode CMap");
    maps
}

/// The texts a CMap's `bfchar` entries map glyphs to.
fn cmap_targets(cmap: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut in_bfchar = false;
    for line in cmap.lines() {
        match line.trim() {
            l if l.ends_with("beginbfchar") => in_bfchar = true,
            "endbfchar" => in_bfchar = false,
            l if in_bfchar => {
                let hex = l.rsplit('<').next().unwrap().trim_end_matches('>');
                let units: Vec<u16> = (0..hex.len())
                    .step_by(4)
                    .map(|i| u16::from_str_radix(&hex[i..i + 4], 16).unwrap())
                    .collect();
                targets.push(String::from_utf16(&units).unwrap());
            }
            _ => {}
        }
    }
    targets
}

#[test]
fn the_fonts_are_embedded_subsets() {
    let pdf = nps_export::pdf(&fixture("reading-fa")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let fonts: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
        .map(|d| {
            String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned()
        })
        .collect();
    // Regular, Bold and the symbols font (for ☀), each a subset ("ABCDEF+Name").
    assert_eq!(fonts.len(), 3, "{fonts:?}");
    assert!(
        fonts.iter().all(|f| f.len() > 7 && f.as_bytes()[6] == b'+'),
        "{fonts:?}"
    );
    assert!(
        fonts.iter().any(|f| f.ends_with("Vazirmatn-Bold")),
        "{fonts:?}"
    );
    // Subsets keep the file small.
    assert!(pdf.len() < 60_000, "{} bytes", pdf.len());
}

/// A reading-like document of `sections` sections of `paragraphs` numbered paragraphs.
fn long(direction: Direction, sections: usize, paragraphs: usize) -> Document {
    let sentence = match direction {
        Direction::Ltr => "This paragraph carries on about the numbers of the day. ",
        Direction::Rtl => "این بند دربارهٔ عددهای امروز سخن می‌گوید و ادامه دارد. ",
    };
    Document {
        lang: if direction.is_rtl() { "fa" } else { "en" }.into(),
        direction,
        title: "Long".into(),
        sections: (1..=sections)
            .map(|s| {
                let texts = (1..=paragraphs)
                    .map(|p| format!("P{s}.{p} {}", sentence.repeat(6)))
                    .collect();
                Section::new(format!("Section {s}"), texts)
            })
            .collect(),
        footer: "NPS Oracle".into(),
        ..Document::default()
    }
}

#[test]
fn a_long_document_flows_over_pages_in_order() {
    for direction in [Direction::Ltr, Direction::Rtl] {
        let pdf = nps_export::pdf(&long(direction, 12, 6)).unwrap();
        let pages = page_count(&pdf);
        assert!((9..=14).contains(&pages), "{direction:?}: {pages} pages");
        let text = pdftotext(&pdf, None);
        let order: Vec<String> = (1..=12)
            .flat_map(|s| (1..=6).map(move |p| format!("P{s}.{p}")))
            .collect();
        let order: Vec<&str> = order.iter().map(String::as_str).collect();
        assert_in_order(&text, &order);
        let last = pdftotext(&pdf, Some((pages, pages)));
        assert!(
            last.contains("P12.6"),
            "{direction:?}: the last paragraph is not on the last page"
        );
    }
}
