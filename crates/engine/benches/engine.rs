//! Engine benchmarks: `cargo bench -p nps-engine`.
//!
//! The reference Python framework takes 14.4 µs per stamp and 159 µs per full reading
//! on this machine kind; the goal is at least 100× faster (≤ 144 ns, ≤ 1.59 µs).
//! "render every text field" builds every string of the stamp, which is what the Python
//! figure includes; "serialize to JSON" adds writing a JSON document. README.md records
//! the measured figures.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nps_engine::*;

fn stamp(c: &mut Criterion) {
    let moment = Moment::parse("2026-02-06T01:15:00+08:00").unwrap();
    let mut g = c.benchmark_group("stamp");
    g.bench_function("compute", |b| b.iter(|| Fc60Stamp::new(black_box(moment))));
    g.bench_function("compute + render every text field", |b| {
        b.iter(|| Fc60Stamp::new(black_box(moment)).render())
    });
    g.bench_function("compute + serialize to JSON", |b| {
        let mut out = Vec::with_capacity(1024);
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, &Fc60Stamp::new(black_box(moment))).unwrap();
            out.len()
        })
    });
    g.bench_function("parse ISO + compute + serialize to JSON", |b| {
        let mut out = Vec::with_capacity(1024);
        b.iter(|| {
            out.clear();
            let m = Moment::parse(black_box("2026-02-06T01:15:00+08:00")).unwrap();
            serde_json::to_writer(&mut out, &Fc60Stamp::new(m)).unwrap();
            out.len()
        })
    });
    g.finish();
}

fn numerology(c: &mut Criterion) {
    let birth = Date::new(1990, 7, 15).unwrap();
    let today = Date::new(2026, 2, 9).unwrap();
    let mut g = c.benchmark_group("numerology");
    g.bench_function("profile pythagorean", |b| {
        b.iter(|| {
            NumerologyProfile::compute(
                System::Pythagorean,
                black_box("Alice Johnson"),
                birth,
                today,
                None,
            )
        })
    });
    g.bench_function("profile abjad", |b| {
        b.iter(|| {
            NumerologyProfile::compute(System::Abjad, black_box("علی رضایی"), birth, today, None)
        })
    });
    g.finish();
}

fn full(c: &mut Criterion) {
    let mut profile = Profile::new("Alice Johnson", Date::new(1990, 7, 15).unwrap());
    profile.mother = Some("Barbara Johnson".into());
    profile.gender = Some(Gender::Female);
    profile.location = Some((40.7, -74.0));
    profile.bpm = Some(68);
    let at = Moment::parse("2026-02-09T14:30:00-05:00").unwrap();
    let mut g = c.benchmark_group("full reading");
    g.bench_function("compute", |b| {
        b.iter(|| FullReading::compute(black_box(&profile), at).unwrap())
    });
    g.bench_function("compute + serialize to JSON", |b| {
        let mut out = Vec::with_capacity(4096);
        b.iter(|| {
            out.clear();
            serde_json::to_writer(
                &mut out,
                &FullReading::compute(black_box(&profile), at).unwrap(),
            )
            .unwrap();
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, stamp, numerology, full);
criterion_main!(benches);
