//! Rejects a wrong `data/places.tsv` at compile time: every data line must parse (with
//! the library's own parser, `src/row.rs`) and ids must be unique. The library embeds the
//! file as it is and reads it on first use, so it can count on every line being good.

use std::collections::BTreeSet;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/row.rs"]
mod row;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let path = dir.join("data/places.tsv");
    println!("cargo:rerun-if-changed={}", path.display());
    println!(
        "cargo:rerun-if-changed={}",
        dir.join("src/row.rs").display()
    );
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut ids = BTreeSet::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| row::is_data(l)) {
        let place =
            row::parse(line).unwrap_or_else(|e| panic!("data/places.tsv line {}: {e}", number + 1));
        assert!(
            ids.insert(place.id),
            "data/places.tsv line {}: id {:?} appears twice",
            number + 1,
            place.id
        );
    }
}
