//! Chooses the web UI that `src/assets.rs` embeds (with `rust-embed`): `ui/dist`, or
//! `NPS_UI_DIST`, when it has an `index.html`; else an empty directory, and the app
//! serves a page that says the UI was not built (a plain `cargo build --workspace`
//! before `scripts/build-ui.sh` still builds, with a warning). Then runs `tauri_build`.
//!
//! Sets, for the crate: `NPS_UI_EMBED_DIR` (the folder), `NPS_UI_BUILT` (`true` or
//! `false`) and `NPS_UI_STAMP` (the files' count and newest change, so that adding a
//! file to `ui/dist` rebuilds the crate and the embed sees it).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

fn main() {
    println!("cargo:rerun-if-env-changed=NPS_UI_DIST");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let dist = std::env::var_os("NPS_UI_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../ui/dist"));
    println!("cargo:rerun-if-changed={}", dist.display());
    let built = dist.join("index.html").is_file();
    let folder = if built {
        dist.canonicalize().unwrap_or(dist)
    } else {
        println!(
            "cargo:warning=the web UI is not built ({} has no index.html): nps-desktop serves a page that says so; run scripts/build-ui.sh and rebuild",
            dist.display()
        );
        let empty = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("no-ui");
        std::fs::create_dir_all(&empty).expect("create an empty UI folder");
        empty
    };
    let (count, newest) = stamp(&folder);
    println!("cargo:rustc-env=NPS_UI_EMBED_DIR={}", folder.display());
    println!("cargo:rustc-env=NPS_UI_BUILT={built}");
    println!("cargo:rustc-env=NPS_UI_STAMP={count}-{newest}");
    tauri_build::build();
}

/// How many files are under `dir` and the newest modification (seconds).
fn stamp(dir: &Path) -> (usize, u64) {
    let mut count = 0;
    let mut newest = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                pending.push(entry.path());
                continue;
            }
            count += 1;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            newest = newest.max(modified);
        }
    }
    (count, newest)
}
