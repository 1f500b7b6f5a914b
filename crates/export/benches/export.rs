//! Export benchmarks: `cargo bench -p nps-export`.
//!
//! A full reading (the fixtures: 2,800–3,400 characters in 7 sections, 5 summary items,
//! 6 key figures) as a PDF and as a 1080×1350 PNG card, in English and Persian. Every
//! call starts from nothing (it loads the fonts, shapes, lays out, writes), as a server
//! request does. README.md records the measured figures.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nps_export::{CardSize, Document};

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn export(c: &mut Criterion) {
    let mut g = c.benchmark_group("export");
    g.sample_size(30);
    for (lang, name) in [("en", "reading-en"), ("fa", "reading-fa")] {
        let doc = fixture(name);
        g.bench_function(format!("pdf ({lang})"), |b| {
            b.iter(|| nps_export::pdf(black_box(&doc)).unwrap().len())
        });
        g.bench_function(format!("png card 1080×1350 ({lang})"), |b| {
            b.iter(|| {
                nps_export::png_card(black_box(&doc), CardSize::PORTRAIT)
                    .unwrap()
                    .len()
            })
        });
        g.bench_function(format!("markdown ({lang})"), |b| {
            b.iter(|| nps_export::markdown(black_box(&doc)).len())
        });
    }
    g.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
