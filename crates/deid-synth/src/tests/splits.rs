//! Train and held-out documents are written from disjoint pattern families.

use std::collections::BTreeSet;

use crate::patterns::List;
use crate::{Split, SynthConfig, generate_traced, pattern_ids};

#[test]
fn pattern_families_are_disjoint_and_cover_every_pattern() {
    let train: BTreeSet<_> = pattern_ids(Split::Train).into_iter().collect();
    let heldout: BTreeSet<_> = pattern_ids(Split::Heldout).into_iter().collect();
    assert!(train.is_disjoint(&heldout));
    let total: usize = List::ALL.iter().map(|l| l.patterns().len()).sum();
    assert_eq!(train.len() + heldout.len(), total);
    // Roughly 80/20, and every list has held-out patterns.
    assert!(heldout.len() * 4 <= train.len() + 8 && heldout.len() * 5 >= total - 30);
    for &list in List::ALL {
        assert!(
            heldout
                .iter()
                .any(|id| id.starts_with(&format!("{}.", list.name())))
        );
    }
}

#[test]
fn pattern_texts_differ_between_families() {
    let text = |split| -> BTreeSet<&str> {
        List::ALL
            .iter()
            .flat_map(|&l| {
                l.patterns()
                    .iter()
                    .enumerate()
                    .filter(move |(i, _)| crate::patterns::in_split(*i, split))
                    .map(|(_, p)| *p)
            })
            .collect()
    };
    assert!(text(Split::Train).is_disjoint(&text(Split::Heldout)));
}

#[test]
fn documents_use_only_their_own_family() {
    for split in [Split::Train, Split::Heldout] {
        let allowed: BTreeSet<_> = pattern_ids(split).into_iter().collect();
        for phi_free in [false, true] {
            let cfg = SynthConfig {
                seed: 77,
                count: 300,
                split,
                phi_free,
            };
            for (doc, trace) in generate_traced(&cfg) {
                assert!(!trace.is_empty(), "{} used no patterns", doc.id);
                for id in trace {
                    assert!(allowed.contains(&id), "{} ({split:?}) used {id}", doc.id);
                }
            }
        }
    }
}
