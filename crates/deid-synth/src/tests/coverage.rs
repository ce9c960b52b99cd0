//! Determinism, and that every category and kind shows up.

use std::collections::BTreeSet;

use deid_core::Category;

use super::docs;
use crate::patterns::List;
use crate::slot::tokens;
use crate::{Split, kinds};

#[test]
fn same_seed_same_docs_and_different_seed_different_docs() {
    let a = docs(11, 40, Split::Train);
    let b = docs(11, 40, Split::Train);
    assert_eq!(a, b);
    let c = docs(12, 40, Split::Train);
    let differing = a.iter().zip(&c).filter(|(x, y)| x.text != y.text).count();
    assert!(
        differing >= 38,
        "only {differing} of 40 docs differ between seeds"
    );
    assert_ne!(
        docs(11, 5, Split::Train)[0].text,
        docs(11, 5, Split::Heldout)[0].text
    );
}

#[test]
fn a_prefix_of_the_stream_does_not_depend_on_count() {
    let short = docs(5, 3, Split::Heldout);
    let long = docs(5, 10, Split::Heldout);
    assert_eq!(short[..], long[..3]);
}

fn categories(split: Split) -> BTreeSet<Category> {
    docs(2024, 500, split)
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| s.category))
        .collect()
}

#[test]
fn every_category_appears_in_500_train_docs() {
    let seen = categories(Split::Train);
    let missing: Vec<_> = Category::ALL.iter().filter(|c| !seen.contains(c)).collect();
    assert!(missing.is_empty(), "missing in train: {missing:?}");
}

#[test]
fn every_category_appears_in_500_heldout_docs() {
    let seen = categories(Split::Heldout);
    let missing: Vec<_> = Category::ALL.iter().filter(|c| !seen.contains(c)).collect();
    assert!(missing.is_empty(), "missing in heldout: {missing:?}");
}

#[test]
fn every_kind_appears_and_docs_have_substance() {
    let all = docs(3, 300, Split::Train);
    let seen: BTreeSet<_> = all.iter().map(|d| d.kind).collect();
    assert_eq!(seen.len(), kinds().len(), "{seen:?}");
    assert!(kinds().len() >= 12);
    for kind in crate::kinds::KINDS {
        assert!(kind.layouts.len() >= 2, "{} has one layout", kind.name);
    }
    for d in &all {
        assert!(
            d.text.len() > 150,
            "{} is only {} bytes",
            d.id,
            d.text.len()
        );
        assert!(!d.spans.is_empty(), "{} has no PHI", d.id);
    }
    let mean = all.iter().map(|d| d.spans.len()).sum::<usize>() / all.len();
    assert!(mean >= 8, "mean spans per doc {mean}");
}

#[test]
fn every_pattern_parses_and_ids_are_unique() {
    let mut texts = BTreeSet::new();
    let mut total = 0;
    for &list in List::ALL {
        assert!(
            list.patterns().len() >= 5,
            "{} has fewer than 5 patterns",
            list.name()
        );
        for p in list.patterns() {
            let _ = tokens(p);
            assert!(texts.insert(*p), "duplicate pattern `{p}`");
            total += 1;
        }
    }
    assert!(total >= 300, "only {total} patterns");
}

#[test]
fn most_patterns_get_used() {
    let mut used = BTreeSet::new();
    for split in [Split::Train, Split::Heldout] {
        let cfg = crate::SynthConfig {
            seed: 8,
            count: 1500,
            split,
            phi_free: false,
        };
        for (_, trace) in crate::generate_traced(&cfg) {
            used.extend(trace);
        }
    }
    let all: Vec<_> = crate::pattern_ids(Split::Train)
        .into_iter()
        .chain(crate::pattern_ids(Split::Heldout))
        .collect();
    let unused: Vec<_> = all.iter().filter(|id| !used.contains(*id)).collect();
    assert!(unused.len() * 50 < all.len(), "unused patterns: {unused:?}");
}
