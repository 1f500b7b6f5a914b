//! Writes the PDF, the PNG card and the Markdown of a document given as JSON.
//!
//! ```sh
//! cargo run -p nps-export --example render -- crates/export/tests/fixtures/reading-fa.json /tmp/out
//! ```
//! writes `/tmp/out/reading-fa.pdf`, `.png` and `.md`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nps_export::{CardSize, Document};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: render DOCUMENT.json OUT_DIR");
        return ExitCode::from(2);
    };
    match render(input, out_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: {e}");
            ExitCode::FAILURE
        }
    }
}

fn render(input: &Path, out_dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let doc: Document = serde_json::from_str(&std::fs::read_to_string(input)?)?;
    let stem = input.file_stem().ok_or("the input has no file name")?;
    let out = |ext: &str| out_dir.join(stem).with_extension(ext);
    std::fs::create_dir_all(out_dir)?;
    std::fs::write(out("pdf"), nps_export::pdf(&doc)?)?;
    std::fs::write(out("png"), nps_export::png_card(&doc, CardSize::PORTRAIT)?)?;
    std::fs::write(out("md"), nps_export::markdown(&doc))?;
    Ok(())
}
