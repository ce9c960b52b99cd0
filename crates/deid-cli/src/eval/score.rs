//! Scoring predictions against gold spans: entity, token and per-category measures.
//!
//! Gold spans whose label maps to "ignore" (or to nothing, under `--unmapped ignore`) leave
//! the count, and so do predictions that overlap such a span but no gold span, and tokens
//! inside such a span that no gold span covers.

use std::collections::BTreeMap;

use deid_core::{Category, Span};

use super::{GoldDoc, LabelMap};

/// The counts behind a precision/recall pair: recall is `found / gold`, precision
/// `correct / predicted`. The numerators differ under overlap matching, where one
/// prediction can cover two gold spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Score {
    pub(crate) gold: usize,
    pub(crate) predicted: usize,
    pub(crate) found: usize,
    pub(crate) correct: usize,
}

impl Score {
    /// `None` without predictions.
    pub(crate) fn precision(self) -> Option<f64> {
        ratio(self.correct, self.predicted)
    }

    /// `None` without gold.
    pub(crate) fn recall(self) -> Option<f64> {
        ratio(self.found, self.gold)
    }

    /// `None` only when there is neither gold nor a prediction.
    pub(crate) fn f1(self) -> Option<f64> {
        if self.gold == 0 && self.predicted == 0 {
            return None;
        }
        let (p, r) = (
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        );
        Some(if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        })
    }

    fn gold_side(&mut self, found: bool) {
        self.gold += 1;
        self.found += usize::from(found);
    }

    fn predicted_side(&mut self, correct: bool) {
        self.predicted += 1;
        self.correct += usize::from(correct);
    }
}

pub(crate) fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

/// Entity scores, category-blind and category-aware.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct EntityScores {
    /// Exact span match, any category.
    pub(crate) strict: Score,
    /// Any overlap, any category.
    pub(crate) overlap: Score,
    /// Exact span match and the same category.
    pub(crate) strict_typed: Score,
    /// Overlap and the same category.
    pub(crate) overlap_typed: Score,
}

/// One category's row. Its overlap and token scores ask whether this category's gold was
/// caught by a prediction of any category (and vice versa): de-identification cares about
/// removal first. `strict_found` asks for the same category too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CategoryRow {
    pub(crate) category: Category,
    /// Gold spans matched exactly by a prediction of this category.
    pub(crate) strict_found: usize,
    /// Gold spans overlapped by a prediction of this category.
    pub(crate) typed_found: usize,
    /// `gold`/`predicted` are this category's span counts.
    pub(crate) overlap: Score,
    /// Tokens of this category's gold spans and of its predictions.
    pub(crate) tokens: Score,
}

/// A missed gold span or a false-positive prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Miss {
    /// Index into the scored documents.
    pub(crate) doc: usize,
    pub(crate) category: Category,
    pub(crate) span: Span,
}

/// Everything `deid eval` reports. Holds offsets and labels, never text.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Report {
    pub(crate) docs: usize,
    pub(crate) entity: EntityScores,
    /// i2b2-style binary token measure: alphanumeric runs, PHI or not.
    pub(crate) token: Score,
    /// Categories present in gold or predictions, in wire-name order.
    pub(crate) categories: Vec<CategoryRow>,
    /// Gold spans left out, by raw label.
    pub(crate) ignored: BTreeMap<String, usize>,
    /// Predictions left out for overlapping only ignored gold spans.
    pub(crate) ignored_predictions: usize,
    /// Gold spans that no prediction overlaps.
    pub(crate) misses: Vec<Miss>,
    /// Predictions that overlap no gold span (and no ignored one).
    pub(crate) false_positives: Vec<Miss>,
}

/// Scores `preds[i]` (byte spans) against `docs[i]`.
pub(crate) fn score(docs: &[GoldDoc], preds: &[Vec<(Span, Category)>], map: &LabelMap) -> Report {
    assert_eq!(docs.len(), preds.len(), "one prediction list per document");
    let mut report = Report {
        docs: docs.len(),
        ..Report::default()
    };
    let mut rows = Category::ALL.map(|category| CategoryRow {
        category,
        strict_found: 0,
        typed_found: 0,
        overlap: Score::default(),
        tokens: Score::default(),
    });
    for (i, (doc, doc_preds)) in docs.iter().zip(preds).enumerate() {
        let mut gold = Vec::new();
        let mut ignored = Vec::new();
        for s in &doc.spans {
            if let Some(c) = map.resolve(&s.label) {
                gold.push((s.span, c));
            } else {
                ignored.push(s.span);
                *report.ignored.entry(s.label.clone()).or_default() += 1;
            }
        }
        let (kept, dropped): (Vec<_>, Vec<_>) = doc_preds.iter().copied().partition(|(p, _)| {
            gold.iter().any(|(g, _)| g.overlaps(*p)) || !ignored.iter().any(|s| s.overlaps(*p))
        });
        report.ignored_predictions += dropped.len();
        entities(i, &gold, &kept, &mut report, &mut rows);
        tokens::tally(
            &doc.text,
            &gold,
            &ignored,
            &kept,
            &mut report.token,
            &mut rows,
        );
    }
    report.categories = rows
        .into_iter()
        .filter(|r| r.overlap.gold + r.overlap.predicted > 0)
        .collect();
    report
}

/// Whether any of `others` matches `span` (exactly or by overlap), of `cat` if `typed`.
fn hit(
    others: &[(Span, Category)],
    (span, cat): (Span, Category),
    overlap: bool,
    typed: bool,
) -> bool {
    others.iter().any(|&(o, c)| {
        let place = if overlap { o.overlaps(span) } else { o == span };
        place && (!typed || c == cat)
    })
}

fn entities(
    doc: usize,
    gold: &[(Span, Category)],
    preds: &[(Span, Category)],
    report: &mut Report,
    rows: &mut [CategoryRow],
) {
    let e = &mut report.entity;
    for &g in gold {
        let caught = hit(preds, g, true, false);
        e.strict.gold_side(hit(preds, g, false, false));
        e.overlap.gold_side(caught);
        e.strict_typed.gold_side(hit(preds, g, false, true));
        e.overlap_typed.gold_side(hit(preds, g, true, true));
        let row = &mut rows[g.1 as usize];
        row.strict_found += usize::from(hit(preds, g, false, true));
        row.typed_found += usize::from(hit(preds, g, true, true));
        row.overlap.gold_side(caught);
        if !caught {
            report.misses.push(Miss {
                doc,
                category: g.1,
                span: g.0,
            });
        }
    }
    for &p in preds {
        let right = hit(gold, p, true, false);
        e.strict.predicted_side(hit(gold, p, false, false));
        e.overlap.predicted_side(right);
        e.strict_typed.predicted_side(hit(gold, p, false, true));
        e.overlap_typed.predicted_side(hit(gold, p, true, true));
        rows[p.1 as usize].overlap.predicted_side(right);
        if !right {
            report.false_positives.push(Miss {
                doc,
                category: p.1,
                span: p.0,
            });
        }
    }
}

mod tokens;

#[cfg(test)]
mod tests;
