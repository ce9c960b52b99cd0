//! Documents written without PHI carry no spans and no value from any pool.

use crate::pools::clinical::{DIAGNOSES, DRUGS, EPONYMS, PROCEDURES, SIGNS};
use crate::pools::names::{FEMALE, MALE, SURNAMES, UNISEX};
use crate::pools::orgs::{AGENCIES, EMPLOYERS, HOSPITALS, PHARMACIES, PROFESSIONS, SCHOOLS};
use crate::pools::places::{CITIES, COUNTRIES, OTHER_LOCATIONS, STATES};
use crate::{Split, SynthConfig, generate};

/// Names that are also ordinary words or eponyms and appear in clinical text on purpose.
const WORDS_TOO: &[&str] = &[
    "Will", "May", "Hope", "Bill", "Mark", "Brown", "Rose", "Grace",
];

/// Whether `needle` occurs in `text` as a whole word (letters, digits, `'` and `-` join).
fn has_word(text: &str, needle: &str) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    text.match_indices(needle).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        !before.is_some_and(joins) && !after.is_some_and(joins)
    })
}

fn pool_values() -> Vec<&'static str> {
    let mut v: Vec<&str> = Vec::new();
    for pool in [
        FEMALE, MALE, UNISEX, SURNAMES, HOSPITALS, EMPLOYERS, SCHOOLS, PHARMACIES,
    ] {
        v.extend(pool);
    }
    for pool in [AGENCIES, PROFESSIONS, COUNTRIES, OTHER_LOCATIONS] {
        v.extend(pool);
    }
    v.extend(CITIES.iter().map(|c| c.name));
    // Abbreviations collide with clinical shorthand (OR, ME, IN); check full names.
    v.extend(STATES.iter().map(|(_, full)| *full));
    // Eponyms are hard negatives on purpose: "Wells score", "Wilson disease", "Murphy sign".
    let clinical = [EPONYMS, SIGNS, DIAGNOSES, PROCEDURES, DRUGS].concat();
    v.retain(|s| !WORDS_TOO.contains(s) && !clinical.iter().any(|c| has_word(c, s)));
    v
}

#[test]
fn phi_free_docs_have_no_spans_and_no_pool_values() {
    let values = pool_values();
    for split in [Split::Train, Split::Heldout] {
        let cfg = SynthConfig {
            seed: 5,
            count: 400,
            split,
            phi_free: true,
        };
        let all: Vec<_> = generate(&cfg).collect();
        let kinds: std::collections::BTreeSet<_> = all.iter().map(|d| d.kind).collect();
        assert_eq!(kinds.len(), crate::kinds().len());
        for doc in &all {
            assert!(doc.spans.is_empty(), "{} has spans", doc.id);
            assert!(doc.text.len() > 80, "{} is nearly empty", doc.id);
            for v in &values {
                assert!(
                    !has_word(&doc.text, v) && !has_word(&doc.text, &capitalized(v)),
                    "{} contains pool value `{v}`:\n{}",
                    doc.id,
                    doc.text
                );
            }
            assert!(!doc.text.contains('@'), "{} contains an email", doc.id);
        }
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn has_word_respects_boundaries() {
    assert!(has_word("seen by Dr. Lee today", "Lee"));
    assert!(!has_word("Leeds", "Lee"));
    assert!(!has_word("Jackson-Pratt drain", "Jackson"));
    assert!(!has_word("Bell's palsy", "Bell"));
}
