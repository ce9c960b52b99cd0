//! Training data: generated notes turned into one long stream of token feature
//! rows and BIO labels, from which training windows are cut.

use deid_synth::{Doc, Split, SynthConfig, generate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::features::{Featurizer, SLOTS};
use crate::labels;
use crate::tokens::{Token, tokenize};

/// Token rows and labels of many documents, end to end.
#[derive(Default)]
pub struct Stream {
    pub rows: Vec<[u32; SLOTS]>,
    pub labels: Vec<u32>,
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("tokens", &self.rows.len())
            .finish()
    }
}

/// A generated document, possibly recased, with its tokens and their labels.
pub struct Labelled {
    pub text: String,
    pub tokens: Vec<Token>,
    pub labels: Vec<u32>,
}

/// BIO labels of `tokens` from the gold spans of `doc`: a token inside a span is
/// `B-` when it is the span's first token and `I-` after.
pub fn label_tokens(doc: &Doc, tokens: &[Token]) -> Vec<u32> {
    let mut out = vec![labels::OUTSIDE; tokens.len()];
    let mut spans: Vec<_> = doc.spans.iter().collect();
    spans.sort_by_key(|g| g.span.start());
    let mut k = 0;
    for (i, t) in tokens.iter().enumerate() {
        while k < spans.len() && spans[k].span.end() <= t.start {
            k += 1;
        }
        if let Some(g) = spans.get(k)
            && g.span.start() < t.end
        {
            let first = i == 0 || tokens[i - 1].end <= g.span.start();
            out[i] = labels::label(g.category, !first);
        }
    }
    out
}

/// How a document's letters are cased before training: most keep theirs; some
/// are typed all in capitals or all in lower case, as some systems and people do.
fn recase(text: String, rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..100) {
        0..6 => text.to_ascii_uppercase(),
        6..10 => text.to_ascii_lowercase(),
        _ => text,
    }
}

/// The words a filler line is made of: the shipped vocabulary (English and
/// medical words, which are never PHI on their own) and eponyms.
fn filler_words() -> Vec<&'static str> {
    deid_core::lexicon::raw::NOT_PHI
        .lines()
        .chain(deid_core::lexicon::raw::EPONYMS.lines())
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.starts_with('#'))
        .collect()
}

/// A line of random vocabulary, cased like a sentence, a heading or a shout.
fn filler_line(words: &[&str], rng: &mut ChaCha8Rng) -> String {
    let n = rng.random_range(2..10);
    let style = rng.random_range(0..20);
    let mut line = String::new();
    for i in 0..n {
        let w = words[rng.random_range(0..words.len())];
        if i > 0 {
            line.push(' ');
        }
        let title = |w: &str| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        };
        match style {
            0..10 if i == 0 => line.push_str(&title(w)),
            10..15 => line.push_str(&title(w)),
            15..17 => line.push_str(&w.to_uppercase()),
            _ => line.push_str(w),
        }
    }
    line.push_str(match rng.random_range(0..4) {
        0 => ":",
        1 | 2 => ".",
        _ => "",
    });
    line
}

/// `doc` with one to four filler lines inserted at line starts; gold spans move
/// with the text. Unseen templates are full of words the generator never used;
/// these lines teach that an unfamiliar word in any casing is not PHI by itself.
fn with_filler(mut doc: Doc, words: &[&str], rng: &mut ChaCha8Rng) -> Doc {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(doc.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut at: Vec<usize> = (0..rng.random_range(1..=4))
        .map(|_| starts[rng.random_range(0..starts.len())])
        .collect();
    at.sort_unstable();
    at.dedup();
    for &pos in at.iter().rev() {
        let line = filler_line(words, rng) + "\n";
        doc.text.insert_str(pos, &line);
        for g in &mut doc.spans {
            if g.span.start() >= pos {
                g.span = g.span.shift(line.len());
            }
        }
    }
    doc
}

/// `count` documents of `split` from `seed`, with filler lines, recased and
/// labelled; a share `phi_free` of them are the generator's notes without PHI
/// (the same sentences with generic words where PHI would be: "works at a
/// warehouse", "Unit: 6 North"), the hard negatives.
pub fn documents(seed: u64, count: usize, split: Split, phi_free: f32) -> Vec<Labelled> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_ca5e);
    let words = filler_words();
    let free = ((count as f32) * phi_free).round() as usize;
    let cfg = |seed, count, phi_free| SynthConfig {
        seed,
        count,
        split,
        phi_free,
    };
    let with_phi = generate(&cfg(seed, count - free, false));
    let without = generate(&cfg(seed.wrapping_add(7), free, true));
    let mut docs: Vec<Doc> = with_phi.chain(without).collect();
    // Interleave, so that the stream's windows mix both kinds.
    docs.sort_by_key(|d| shuffle_key(&d.id));
    docs.into_iter()
        .map(|doc| {
            let doc = with_filler(doc, &words, &mut rng);
            let text = recase(doc.text.clone(), &mut rng);
            let tokens = tokenize(&text);
            let labels = label_tokens(&doc, &tokens);
            Labelled {
                text,
                tokens,
                labels,
            }
        })
        .collect()
}

/// A fixed pseudo-random order key for a document id (FNV-1a).
fn shuffle_key(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The words of `docs` outside PHI: what the vocabulary is built from.
pub fn plain_words(docs: &[Labelled]) -> impl Iterator<Item = &str> {
    docs.iter().flat_map(|d| {
        d.tokens
            .iter()
            .zip(&d.labels)
            .filter(|&(_, &l)| l == labels::OUTSIDE)
            .map(|(t, _)| &d.text[t.start..t.end])
    })
}

/// The feature rows of `docs`, end to end.
pub fn stream(docs: &[Labelled], featurizer: &Featurizer) -> Stream {
    let mut s = Stream::default();
    for d in docs {
        s.rows.extend(featurizer.features(&d.text, &d.tokens));
        s.labels.extend_from_slice(&d.labels);
    }
    s
}

/// The windows of one training step: `batch` windows of `window` tokens at
/// starts drawn from `(seed, step)`, so any step can be replayed.
pub fn batch(
    s: &Stream,
    seed: u64,
    step: usize,
    batch: usize,
    window: usize,
    word_dropout: f32,
) -> (Vec<u32>, Vec<u32>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ step as u64);
    let mut rows = Vec::with_capacity(batch * window * SLOTS);
    let mut labels = Vec::with_capacity(batch * window);
    for _ in 0..batch {
        let start = rng.random_range(0..=s.rows.len() - window);
        for i in start..start + window {
            let mut r = s.rows[i];
            if rng.random::<f32>() < word_dropout {
                r[0] = 1; // the unknown word
            }
            rows.extend_from_slice(&r);
            labels.push(s.labels[i]);
        }
    }
    (rows, labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_gold_spans_token_by_token() {
        let docs = documents(3, 5, Split::Train, 0.0);
        for d in &docs {
            assert_eq!(d.tokens.len(), d.labels.len());
            let mut prev = labels::OUTSIDE;
            for &l in &d.labels {
                if let Some((c, true)) = labels::decode(l) {
                    let p = labels::decode(prev).expect("I- follows an entity");
                    assert_eq!(p.0, c, "I- continues the same category");
                }
                prev = l;
            }
        }
        let phi = docs
            .iter()
            .flat_map(|d| &d.labels)
            .filter(|&&l| l != 0)
            .count();
        // Filler moved the spans with the text: every labelled token still
        // lies inside the generator's own spans, so none starts mid-word.
        for d in &docs {
            for (t, &l) in d.tokens.iter().zip(&d.labels) {
                if l != 0 {
                    assert!(!d.text[t.start..t.end].trim().is_empty());
                }
            }
        }
        assert!(phi > 100, "generated notes carry PHI ({phi} tokens)");
    }
}

#[cfg(test)]
mod filler_tests {
    use super::*;

    #[test]
    fn filler_lines_move_gold_spans_with_their_text() {
        let words = filler_words();
        assert!(words.len() > 10_000, "the vocabulary list is loaded");
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        for doc in generate(&SynthConfig {
            seed: 4,
            count: 20,
            split: Split::Train,
            phi_free: false,
        }) {
            let before: Vec<String> = doc
                .spans
                .iter()
                .map(|g| g.span.of(&doc.text).to_owned())
                .collect();
            let len = doc.text.len();
            let after = with_filler(doc, &words, &mut rng);
            assert!(after.text.len() > len);
            let moved: Vec<String> = after
                .spans
                .iter()
                .map(|g| g.span.of(&after.text).to_owned())
                .collect();
            assert_eq!(before, moved);
        }
    }
}
