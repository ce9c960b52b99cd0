//! Synthetic clinical notes with gold PHI spans, deterministic from a seed.
//!
//! [`generate`] writes documents of twelve kinds (discharge summaries, progress and
//! nursing notes, H&Ps, radiology, pathology and operative reports, referral and
//! discharge letters, portal messages, phone calls and clinical-trial visits) from
//! sentence patterns whose slots are filled with invented PHI of all 28 categories.
//! Gold spans are recorded while the text is written and follow
//! `docs/annotation-guide.md`. Patterns are split into a training family and a
//! disjoint held-out family ([`Split`]), and [`SynthConfig::phi_free`] writes the same
//! kinds of note with no PHI at all, for counting false alarms. Every value comes from
//! pools compiled into the crate; nothing is read at run time.
//!
//! ```
//! use deid_synth::{Split, SynthConfig, generate, to_jsonl_line};
//!
//! let cfg = SynthConfig { seed: 7, count: 3, split: Split::Heldout, phi_free: false };
//! for doc in generate(&cfg) {
//!     for gold in &doc.spans {
//!         let value = gold.span.of(&doc.text); // byte offsets
//!         assert!(!value.is_empty(), "{} in {}", gold.category, doc.kind);
//!     }
//!     let line = to_jsonl_line(&doc); // code-point offsets, for shared/data
//!     assert!(line.starts_with("{\"id\":"));
//! }
//! ```

mod blocks;
mod builder;
mod cast;
mod compose;
mod doc;
mod fill;
mod jsonl;
mod kinds;
mod patterns;
mod pools;
mod slot;
mod values;
mod writer;

#[cfg(test)]
mod tests;

use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

pub use doc::{Doc, GoldSpan};
pub use jsonl::to_jsonl_line;

/// Which family of patterns a document is written from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Split {
    /// Four patterns in five: for training and tuning.
    #[default]
    Train,
    /// The fifth pattern of every list: for measuring generalization.
    Heldout,
}

impl Split {
    pub const fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Heldout => "heldout",
        }
    }
}

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SynthConfig {
    /// Seeds the `ChaCha8Rng`; the same config always yields the same documents.
    pub seed: u64,
    /// How many documents.
    pub count: usize,
    pub split: Split,
    /// Write the same kinds of note with no PHI at all (and no spans).
    pub phi_free: bool,
}

/// The documents for `cfg`, written lazily one at a time.
pub fn generate(cfg: &SynthConfig) -> impl Iterator<Item = Doc> + use<> {
    generate_traced(cfg).map(|(doc, _)| doc)
}

/// Like [`generate`], with the ids of the patterns each document used.
fn generate_traced(cfg: &SynthConfig) -> impl Iterator<Item = (Doc, Vec<String>)> + use<> {
    let cfg = *cfg;
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    (0..cfg.count).map(move |i| {
        let kind = *kinds::KINDS.choose(&mut rng).expect("kinds");
        let cast = cast::Cast::random(&mut rng);
        let mut w = writer::Writer::new(&mut rng, &cast, cfg.phi_free);
        compose::compose(&mut w, kind, cfg.split);
        let trace = w
            .trace
            .iter()
            .map(|&(l, i)| patterns::pattern_id(l, i))
            .collect();
        let (text, spans) = w.out.finish();
        let id = format!("synth-{}-{}-{i:05}", cfg.split.name(), cfg.seed);
        (
            Doc {
                id,
                kind: kind.name,
                text,
                spans,
            },
            trace,
        )
    })
}

/// The ids (`list.index`, e.g. `hpi.04`) of every sentence pattern in `split`.
pub fn pattern_ids(split: Split) -> Vec<String> {
    patterns::List::ALL
        .iter()
        .flat_map(|&list| {
            (0..list.patterns().len())
                .filter(move |&i| patterns::in_split(i, split))
                .map(move |i| patterns::pattern_id(list, i))
        })
        .collect()
}

/// The names of the document kinds, as they appear in [`Doc::kind`].
pub fn kinds() -> Vec<&'static str> {
    kinds::KINDS.iter().map(|k| k.name).collect()
}
