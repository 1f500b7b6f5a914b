//! `nps history export ID --format pdf|png|md|json [--out FILE]`: the files themselves
//! (pdftotext reads the PDF, the png crate decodes the card), in English and Persian.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use super::nps;
use super::read_and_history::{COMPATIBILITY, FULL, stdout};

/// A data directory with reading 1 (full, English) and 2 (compatibility, Persian).
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let mut full = FULL.to_vec();
    full.extend(["--save", "--data-dir", d]);
    assert!(nps(&full).status.success());
    let compat = nps(&[
        &["--locale", "fa"],
        COMPATIBILITY,
        &["--save", "--data-dir", d],
    ]
    .concat());
    assert!(compat.status.success());
    dir
}

/// `nps --locale L history export …` run in `cwd`.
fn export(cwd: &Path, data: &Path, locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nps"))
        .args(["--locale", locale, "history", "export"])
        .args(args)
        .args(["--data-dir", data.to_str().unwrap()])
        .current_dir(cwd)
        .env_remove("NPS_LOCALE")
        .output()
        .unwrap()
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by ./dev setup) runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the PDF with pdftotext (poppler-utils), a Linux program; the same export is checked on Linux"
)]
fn pdf_reads_back_in_english_and_re_rendered_in_persian() {
    let data = history();
    let out = tempfile::tempdir().unwrap();
    // In English, to the default file name.
    let said = stdout(&export(
        out.path(),
        data.path(),
        "en",
        &["1", "--format", "pdf"],
    ));
    let file = out.path().join("nps-reading-1.pdf");
    assert_eq!(said, "Reading 1 was exported to nps-reading-1.pdf.\n");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdftotext(&file);
    for want in [
        "A full reading for Alice Johnson",
        "Alice Johnson · born 15 July 1990",
        "9 February 2026 · 14:30",
        "In short",
        "Two threads lead this reading",
        "Key figures",
        "Life path",
        "Your universal address",
        "Advice",
        "NPS Oracle · made",
    ] {
        assert!(text.contains(want), "{want:?} missing in\n{text}");
    }
    // The message is the summary, not a section of its own as well.
    assert_eq!(text.matches("Two threads lead this reading").count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "private like the history");
    }

    // In Persian, re-rendered from the English reading, to the file named.
    let file = out.path().join("fa.pdf");
    let said = stdout(&export(
        out.path(),
        data.path(),
        "fa",
        &["1", "--format", "pdf", "--out", file.to_str().unwrap()],
    ));
    assert!(said.starts_with("خوانش ۱ در "), "{said}");
    let text = pdftotext(&file);
    // pdftotext's RTL quirks aside (it moves spaces around digits and Latin runs),
    // these words come out whole.
    for want in [
        "Alice Johnson",
        "۱۳۶۹",
        "تیر",
        "بهمن",
        "مسیر زندگی",
        "عددهای کلیدی",
    ] {
        assert!(text.contains(want), "{want:?} missing in\n{text}");
    }
    assert!(text.contains('۵') && !text.contains("In short"), "{text}");
}

#[test]
fn png_card_decodes_to_1080_by_1350_in_both_languages() {
    let data = history();
    let out = tempfile::tempdir().unwrap();
    let mut cards = Vec::new();
    for (locale, id) in [("en", "1"), ("fa", "1"), ("fa", "2")] {
        let file = out.path().join(format!("{locale}-{id}.png"));
        stdout(&export(
            out.path(),
            data.path(),
            locale,
            &[id, "--format", "png", "--out", file.to_str().unwrap()],
        ));
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&file).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((frame.width, frame.height), (1080, 1350), "{locale} {id}");
        let distinct: std::collections::BTreeSet<&[u8]> =
            pixels[..frame.buffer_size()].chunks(3).collect();
        assert!(distinct.len() > 100, "{locale} {id}: an empty card");
        cards.push(pixels);
    }
    assert_ne!(cards[0], cards[1], "the Persian card is another card");
    assert_ne!(cards[1], cards[2]);
}

#[test]
fn markdown_and_json_follow_the_chosen_language() {
    let data = history();
    let out = tempfile::tempdir().unwrap();
    stdout(&export(
        out.path(),
        data.path(),
        "en",
        &["2", "--format", "md"],
    ));
    let md = std::fs::read_to_string(out.path().join("nps-reading-2.md")).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("Alice · Bob"), "{md}");
    assert!(
        md.contains("## Key figures\n\n- **Group harmony:** "),
        "{md}"
    );
    assert!(!md.contains('\u{2068}'), "no bidi marks in Markdown");

    stdout(&export(
        out.path(),
        data.path(),
        "fa",
        &["1", "--format", "json"],
    ));
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.path().join("nps-reading-1.json")).unwrap())
            .unwrap();
    assert_eq!(json["id"], 1);
    assert_eq!(json["kind"], "full");
    assert_eq!(json["locale"], "en", "the language it was made in");
    assert_eq!(
        json["result"]["text"]["locale"], "fa",
        "the text re-rendered"
    );
    assert_eq!(
        json["result"]["figures"]["numerology"]["life_path"]["number"],
        5
    );
}

#[test]
fn a_missing_reading_or_format_is_one_localized_line_and_exit_2() {
    let data = history();
    let out = tempfile::tempdir().unwrap();
    // The arguments, then the line in English and in Persian.
    let cases = [
        (
            ["9", "--format", "pdf"],
            "nps: error: There is no reading 9 in your history.\n",
            "nps: خطا: خوانشی با شمارهٔ ۹ در تاریخچهٔ شما نیست.\n",
        ),
        (
            ["1", "--format", "docx"],
            "nps: error: unknown format “docx”: choose pdf, png, md or json\n",
            "nps: خطا: قالب «docx» پشتیبانی نمی‌شود؛ یکی از pdf، png، md یا json را انتخاب کنید\n",
        ),
    ];
    for (args, en, fa) in cases {
        for (locale, want) in [("en", en), ("fa", fa)] {
            let o = export(out.path(), data.path(), locale, &args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            assert_eq!(String::from_utf8_lossy(&o.stderr), want);
            assert!(o.stdout.is_empty());
        }
    }
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "no file written"
    );
}

#[test]
fn an_unwritable_destination_is_exit_1_and_leaves_nothing() {
    let data = history();
    let out = tempfile::tempdir().unwrap();
    let o = export(
        out.path(),
        data.path(),
        "en",
        &["1", "--format", "pdf", "--out", "no/such/dir/r.pdf"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("nps: error: cannot write no/such/dir/r.pdf: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}
