//! Tag throughput of the rules-and-lists engine on the bundled example notes.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use deid_core::{Engine, Settings};

const NOTES: &[&str] = &[
    include_str!("../../../examples/discharge_summary.txt"),
    include_str!("../../../examples/progress_note.txt"),
    include_str!("../../../examples/radiology_report.txt"),
    include_str!("../../../examples/referral_letter.txt"),
    include_str!("../../../examples/portal_message.txt"),
];

fn tag(c: &mut Criterion) {
    let engine = Engine::new(Settings::default());
    let corpus: String = NOTES
        .iter()
        .copied()
        .cycle()
        .take(200)
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("rules_and_lists", |b| {
        b.iter(|| engine.analyze(black_box(&corpus)));
    });
    group.finish();
}

criterion_group!(benches, tag);
criterion_main!(benches);
