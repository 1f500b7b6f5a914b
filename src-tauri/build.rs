//! Embeds the built web UI (`ui/dist`, or `NPS_UI_DIST`) into the binary as
//! `$OUT_DIR/ui_assets.rs`: `UI_ASSETS: &[(path, bytes)]` for
//! `nps_server::Config::ui_assets`. When the UI has not been built (a plain
//! `cargo build --workspace` before `scripts/build-ui.sh`), a placeholder page says
//! so and the build warns instead of failing. Then runs `tauri_build`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const PLACEHOLDER: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>NPS Oracle</title></head><body style=\"font-family:sans-serif;padding:2rem\">\
<h1>NPS Oracle</h1><p>The web UI was not built into this binary. Run \
<code>scripts/build-ui.sh</code>, then rebuild <code>nps-desktop</code>.</p></body></html>\n";

fn files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            files(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
    }
    Ok(())
}

fn main() {
    println!("cargo:rerun-if-env-changed=NPS_UI_DIST");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let dist = std::env::var_os("NPS_UI_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../ui/dist"));
    println!("cargo:rerun-if-changed={}", dist.display());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));

    let mut found = Vec::new();
    let built = dist.join("index.html").is_file() && files(&dist, &dist, &mut found).is_ok();
    if !built {
        println!(
            "cargo:warning=the web UI is not built ({} has no index.html): nps-desktop embeds a placeholder page; run scripts/build-ui.sh and rebuild",
            dist.display()
        );
        let page = out_dir.join("placeholder.html");
        std::fs::write(&page, PLACEHOLDER).expect("write placeholder.html");
        found = vec![("index.html".to_owned(), page)];
    }
    let mut code = String::from(
        "/// The web UI's files, embedded by build.rs.\npub static UI_ASSETS: &[(&str, &[u8])] = &[\n",
    );
    for (rel, path) in &found {
        let abs = path.canonicalize().unwrap_or_else(|_| path.clone());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.to_string_lossy()
        );
    }
    let _ = writeln!(
        code,
        "];\n/// Whether `UI_ASSETS` is the real UI (false: a placeholder page).\npub const UI_BUILT: bool = {built};"
    );
    std::fs::write(out_dir.join("ui_assets.rs"), code).expect("write ui_assets.rs");

    tauri_build::build();
}
