//! Scores on labelled documents: category-blind token precision and recall, and
//! entity recall per category, plus the temperature that calibrates the model.

use deid_core::Category;
use serde::Serialize;

use crate::detector::{Model, ModelError, guess, softmax};
use crate::labels;
use crate::train::data::Labelled;

/// Per document: every token's logits and its gold label.
pub type Scored = Vec<(Vec<Vec<f32>>, Vec<u32>)>;

/// What the model gets right on a set of documents.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Scores {
    pub tokens: usize,
    pub token_precision: f64,
    pub token_recall: f64,
    /// Gold entities whose every token the model marks as PHI of the right category.
    pub entity_recall: Vec<(String, f64, usize)>,
    /// Mean negative log-likelihood of the gold labels at temperature 1.
    pub nll: f64,
}

/// Logits and gold labels of every token of `docs`.
pub fn logits(model: &Model, docs: &[Labelled]) -> Result<Scored, ModelError> {
    docs.iter()
        .map(|d| {
            let rows = model.featurizer().features(&d.text, &d.tokens);
            Ok((model.logits(&rows)?, d.labels.clone()))
        })
        .collect()
}

/// Mean negative log-likelihood of the gold labels at `temperature`.
pub fn nll(all: &Scored, temperature: f32) -> f64 {
    let mut sum = 0.0;
    let mut n = 0usize;
    for (logits, gold) in all {
        for (l, &g) in logits.iter().zip(gold) {
            sum -= f64::from(softmax(l, temperature)[g as usize].max(1e-12).ln());
            n += 1;
        }
    }
    sum / n.max(1) as f64
}

/// The temperature in 0.5..=3.0 (steps of 0.05) with the lowest dev NLL.
pub fn fit_temperature(all: &Scored) -> f32 {
    (10..=60)
        .map(|k| k as f32 * 0.05)
        .min_by(|&a, &b| nll(all, a).total_cmp(&nll(all, b)))
        .unwrap_or(1.0)
}

/// Scores from precomputed logits and gold labels, read at `temperature`.
pub fn score(all: &Scored, temperature: f32) -> Scores {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut ent: Vec<(usize, usize)> = vec![(0, 0); Category::ALL.len()];
    let mut tokens = 0;
    for (logits, gold) in all {
        let guesses: Vec<_> = logits
            .iter()
            .map(|l| guess(&softmax(l, temperature)))
            .collect();
        tokens += gold.len();
        for (g, &l) in guesses.iter().zip(gold) {
            match (g.category.is_some(), l != labels::OUTSIDE) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
        // Entities: runs of gold tokens that start with B-.
        let mut i = 0;
        while i < gold.len() {
            if let Some((c, false)) = labels::decode(gold[i]) {
                let mut j = i + 1;
                while j < gold.len() && labels::decode(gold[j]) == Some((c, true)) {
                    j += 1;
                }
                let k = Category::ALL.iter().position(|&x| x == c).unwrap_or(0);
                ent[k].1 += 1;
                if guesses[i..j].iter().all(|g| g.category == Some(c)) {
                    ent[k].0 += 1;
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Scores {
        tokens,
        token_precision: ratio(tp, tp + fp),
        token_recall: ratio(tp, tp + fn_),
        entity_recall: Category::ALL
            .iter()
            .zip(&ent)
            .filter(|(_, e)| e.1 > 0)
            .map(|(c, e)| (c.name().to_owned(), ratio(e.0, e.1), e.1))
            .collect(),
        nll: nll(all, 1.0),
    }
}
