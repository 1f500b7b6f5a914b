//! Embeds every `locales/<lang>/*.ftl` file: writes `$OUT_DIR/locales.rs` with one
//! `(lang, file, include_str!(…))` entry per file, sorted, so adding a file needs no code.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for lang in ["en", "fa"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let path = f.canonicalize().expect("file exists");
            let name = f
                .file_name()
                .expect("has a name")
                .to_string_lossy()
                .into_owned();
            entries.push((lang, name, path));
        }
    }
    let mut out = String::from(
        "/// (language, file name, contents) of every embedded .ftl file.\npub static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (lang, name, path) in entries {
        writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to a String");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("locales.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
