//! Fixtures and tools shared by the tests.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use nps_export::Document;

/// A document from `tests/fixtures/NAME.json`.
pub fn fixture(name: &str) -> Document {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// `bytes` in a fresh temporary file (removed when the guard drops).
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(bytes: &[u8], ext: &str) -> TempFile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("nps-export-test-{}-{n}.{ext}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs a poppler tool on `pdf`; fails the test with a hint when it is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let file = TempFile::new(pdf, "pdf");
    let output = Command::new(tool)
        .args(args)
        .arg(&file.0)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} ({e}): install poppler-utils (./dev test does)"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text `pdftotext` extracts from `pdf` (pages `first..=last` if given), without the
/// embedding marks (U+202A–U+202C) poppler itself puts around right-to-left text.
pub fn pdftotext(pdf: &[u8], pages: Option<(usize, usize)>) -> String {
    let range = pages.map(|(first, last)| (first.to_string(), last.to_string()));
    let mut args = vec!["-enc", "UTF-8"];
    if let Some((first, last)) = &range {
        args.extend(["-f", first, "-l", last]);
    }
    poppler("pdftotext", &args, pdf)
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202C}'))
        .collect()
}

/// `pdfinfo`'s "Key: value" lines as pairs.
pub fn pdfinfo(pdf: &[u8]) -> Vec<(String, String)> {
    let file = TempFile::new(pdf, "pdf");
    let output = Command::new("pdfinfo")
        .arg(&file.0)
        .output()
        .expect("pdfinfo: install poppler-utils");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

pub fn info(pdf: &[u8], key: &str) -> String {
    pdfinfo(pdf)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Asserts that `words` occur in `text` in this order.
pub fn assert_in_order(text: &str, words: &[&str]) {
    let mut from = 0;
    for word in words {
        match text[from..].find(word) {
            Some(at) => from += at + word.len(),
            None => panic!("“{word}” not found after byte {from} in:\n{text}"),
        }
    }
}

/// A bidi formatting character (what must never reach a reader).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A decoded PNG: width, height and RGBA pixels.
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl Image {
    pub fn decode(bytes: &[u8]) -> Image {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::ALPHA);
        let mut reader = decoder.read_info().unwrap();
        let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut rgba).unwrap();
        assert_eq!(frame.color_type, png::ColorType::Rgba);
        rgba.truncate(frame.buffer_size());
        Image {
            width: frame.width,
            height: frame.height,
            rgba,
        }
    }

    /// Whether the pixel is text-bright (the card's text is light on a dark ground).
    pub fn ink(&self, x: u32, y: u32) -> bool {
        let i = ((y * self.width + x) * 4) as usize;
        Image::is_ink(&self.rgba[i..i + 4])
    }

    /// Whether an RGBA pixel is text-bright (luma over 150 of 255).
    pub fn is_ink(pixel: &[u8]) -> bool {
        let [r, g, b] = [pixel[0], pixel[1], pixel[2]].map(u32::from);
        (r * 299 + g * 587 + b * 114) / 1000 > 150
    }

    /// The leftmost and rightmost columns with ink in rows `top..bottom`.
    pub fn ink_columns(&self, top: u32, bottom: u32) -> Option<(u32, u32)> {
        let columns: Vec<u32> = (0..self.width)
            .filter(|&x| (top..bottom).any(|y| self.ink(x, y)))
            .collect();
        Some((*columns.first()?, *columns.last()?))
    }
}
