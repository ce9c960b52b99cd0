//! Token features: the "tokenizer" of the model. Every token becomes [`SLOTS`]
//! row indices into one embedding table, whose vectors are summed:
//! its lower-case form (when in the vocabulary), its shape (`Xxxx`, `dd/dd`),
//! eight prefixes and suffixes (hashed), what the shipped name and place lists say
//! about it, and the line layout before it.
//!
//! Names are never in the vocabulary (it is built from the words outside PHI
//! spans), so the model learns names from shape, affixes, lists and context, and
//! does not depend on having seen a particular name.

use deid_core::lexicon::lexicon;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::tokens::Token;

/// Feature rows per token.
pub const SLOTS: usize = 12;

const LEX_COMBOS: u32 = 128;
const LAYOUT_COMBOS: u32 = 8;
/// The longest word form kept in the vocabulary, in bytes.
const MAX_FORM: usize = 24;

/// The tokenizer file: vocabulary and table sizes.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FeatureConfig {
    /// Word forms (lower case, digits as `0`); index 0 is the unknown word.
    pub vocab: Vec<String>,
    pub shape_buckets: u32,
    pub affix_buckets: u32,
}

/// Turns tokens into embedding-table rows.
pub struct Featurizer {
    cfg: FeatureConfig,
    index: FxHashMap<String, u32>,
}

impl std::fmt::Debug for Featurizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Featurizer")
            .field("vocab", &self.cfg.vocab.len())
            .finish_non_exhaustive()
    }
}

/// The normalized form of a word for the vocabulary: lower case, every digit `0`.
pub fn form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
        if out.len() >= MAX_FORM {
            break;
        }
    }
    out
}

/// FNV-1a, fixed forever: the committed weights depend on these buckets.
fn hash(salt: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(salt);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// `Xxxx`, `dd/dd`, `XX`: letters and digits by class, runs kept up to four.
fn shape(word: &str) -> String {
    let mut out = String::with_capacity(word.len().min(16));
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 4 {
            out.push(k);
        }
    }
    out
}

fn freq_bucket(f: Option<f32>) -> u32 {
    match f {
        None => 0,
        Some(f) if f < 1.0 => 1,
        Some(f) if f < 50.0 => 2,
        Some(_) => 3,
    }
}

impl Featurizer {
    pub fn new(cfg: FeatureConfig) -> Self {
        let index = cfg
            .vocab
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        Featurizer { cfg, index }
    }

    pub fn config(&self) -> &FeatureConfig {
        &self.cfg
    }

    /// Rows in the embedding table; row 0 is padding and always zero input.
    pub fn rows(&self) -> usize {
        (1 + self.cfg.vocab.len() as u32
            + self.cfg.shape_buckets
            + self.cfg.affix_buckets
            + LEX_COMBOS
            + LAYOUT_COMBOS) as usize
    }

    fn bases(&self) -> [u32; 4] {
        let shape = 1 + self.cfg.vocab.len() as u32;
        let affix = shape + self.cfg.shape_buckets;
        let lex = affix + self.cfg.affix_buckets;
        let layout = lex + LEX_COMBOS;
        [shape, affix, lex, layout]
    }

    /// The vocabulary index of a word; 0 when unknown.
    pub fn word_id(&self, word: &str) -> u32 {
        self.index.get(&form(word)).copied().unwrap_or(0)
    }

    /// The embedding rows of every token, [`SLOTS`] per token.
    pub fn features(&self, text: &str, tokens: &[Token]) -> Vec<[u32; SLOTS]> {
        let [shape_base, affix_base, lex_base, layout_base] = self.bases();
        let lex = lexicon();
        let mut lower = String::new();
        tokens
            .iter()
            .map(|t| {
                let word = &text[t.start..t.end];
                let mut row = [0u32; SLOTS];
                row[0] = 1 + self.word_id(word);
                row[1] = shape_base
                    + (hash(1, shape(word).as_bytes()) % u64::from(self.cfg.shape_buckets)) as u32;
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                let chars: Vec<(usize, char)> = lower.char_indices().collect();
                for n in 1..=4 {
                    let pre = chars.get(n).map_or(lower.len(), |&(i, _)| i);
                    let suf = chars.len().checked_sub(n).map_or(0, |k| chars[k].0);
                    let buckets = u64::from(self.cfg.affix_buckets);
                    row[1 + n] = affix_base
                        + (hash(10 + n as u8, &lower.as_bytes()[..pre]) % buckets) as u32;
                    row[5 + n] = affix_base
                        + (hash(20 + n as u8, &lower.as_bytes()[suf..]) % buckets) as u32;
                }
                let info = if word.chars().next().is_some_and(char::is_alphabetic) {
                    lex.word(&lower)
                } else {
                    deid_core::lexicon::WordInfo::default()
                };
                let combo = freq_bucket(info.first.map(|f| f.0))
                    | freq_bucket(info.last) << 2
                    | u32::from(info.common) << 4
                    | u32::from(info.eponym) << 5
                    | u32::from(info.phrase || info.starts_phrase) << 6;
                row[10] = lex_base + combo;
                row[11] = layout_base + u32::from(t.breaks) * 2 + u32::from(t.spaced);
                row
            })
            .collect()
    }
}

/// Builds the vocabulary: word forms seen at least `min_count` times outside PHI,
/// most frequent first, at most `max` of them.
pub fn build_vocab<'a>(
    words: impl Iterator<Item = &'a str>,
    min_count: u32,
    max: usize,
) -> Vec<String> {
    let mut counts: FxHashMap<String, u32> = FxHashMap::default();
    for w in words {
        *counts.entry(form(w)).or_default() += 1;
    }
    let mut list: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= min_count)
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(max);
    let mut vocab = vec!["<unk>".to_owned()];
    vocab.extend(list.into_iter().map(|(w, _)| w));
    vocab
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn featurizer() -> Featurizer {
        Featurizer::new(FeatureConfig {
            vocab: vec!["<unk>".into(), "seen".into(), "by".into(), "00".into()],
            shape_buckets: 64,
            affix_buckets: 256,
        })
    }

    #[test]
    fn shapes_keep_class_runs_up_to_four() {
        assert_eq!(shape("Smith"), "Xxxxx");
        assert_eq!(shape("Johnathan"), "Xxxxx");
        assert_eq!(shape("03/14/2021"), "dd/dd/dddd");
        assert_eq!(shape("McD"), "XxX");
    }

    #[test]
    fn rows_stay_in_their_ranges_and_names_are_unknown_words() {
        let f = featurizer();
        let text = "Seen by Dr. Smith on 14\nMARY";
        let toks = tokenize(text);
        let rows = f.features(text, &toks);
        assert_eq!(rows.len(), toks.len());
        let [shape, affix, lex, layout] = f.bases();
        for r in &rows {
            assert!(r[0] >= 1 && r[0] < shape);
            assert!(r[1] >= shape && r[1] < affix);
            assert!(r[2..10].iter().all(|&x| x >= affix && x < lex));
            assert!(r[10] >= lex && r[10] < layout);
            assert!((r[11] as usize) < f.rows());
        }
        assert_eq!(rows[0][0], 1 + 1, "`Seen` is in the vocabulary, case-blind");
        assert_eq!(rows[4][0], 1, "`Smith` is unknown");
        assert_eq!(rows[6][0], 1 + 3, "digits are normalized");
        assert_ne!(rows[4][10], lex, "the name lists know `smith`");
        assert_eq!(
            rows[7][11],
            layout + 2 + 1,
            "one line break (whitespace, so spaced too)"
        );
    }

    #[test]
    fn vocab_is_by_frequency_with_a_floor() {
        let v = build_vocab(["a", "b", "A", "c", "b", "b"].into_iter(), 2, 10);
        assert_eq!(v, ["<unk>", "b", "a"]);
    }
}
