//! Format names, media types and file names (what the server and CLI wiring uses).

use nps_export::{Format, UnknownFormat};

#[test]
fn formats_parse_from_their_names() {
    let parsed: Vec<Format> = ["pdf", "png", "md", "json"]
        .iter()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(parsed, Format::ALL);
    assert_eq!(
        Format::ALL.map(Format::content_type),
        [
            "application/pdf",
            "image/png",
            "text/markdown; charset=utf-8",
            "application/json"
        ]
    );
    assert_eq!(Format::Markdown.file_name(42), "nps-reading-42.md");
    assert_eq!(Format::Pdf.to_string(), "pdf");
}

#[test]
fn unknown_formats_are_refused_with_a_clear_message() {
    for name in ["PDF", "markdown", "", "svg"] {
        let err = name.parse::<Format>().unwrap_err();
        assert_eq!(err, UnknownFormat(name.to_string()));
    }
    assert_eq!(
        "svg".parse::<Format>().unwrap_err().to_string(),
        "unknown export format “svg”: expected pdf, png, md or json"
    );
}
