//! Crate tests: determinism, coverage, span validity, splits and PHI-free output.

mod coverage;
mod guide;
mod phi_free;
mod spans;
mod splits;

use crate::{Doc, Split, SynthConfig, generate};

/// `count` documents of `split` with PHI, from `seed`.
fn docs(seed: u64, count: usize, split: Split) -> Vec<Doc> {
    generate(&SynthConfig {
        seed,
        count,
        split,
        phi_free: false,
    })
    .collect()
}
