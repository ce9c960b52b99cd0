//! The i2b2-style binary token measure: tokens are maximal runs of alphanumeric
//! characters; a token is gold PHI when a gold span overlaps it and predicted PHI when a
//! prediction does.

use std::ops::Range;

use deid_core::{Category, Span};

use super::{CategoryRow, Score};

/// Maximal runs of alphanumeric characters.
pub(super) fn token_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// Indexes of the (sorted, disjoint) `tokens` that `span` overlaps.
pub(super) fn covering(tokens: &[Span], span: Span) -> Range<usize> {
    if span.is_empty() {
        return 0..0;
    }
    let first = tokens.partition_point(|t| t.end() <= span.start());
    let last = tokens.partition_point(|t| t.start() < span.end());
    first..last.max(first)
}

/// One bit per category (28 fit in a `u32`).
fn bits(mask: u32) -> impl Iterator<Item = usize> {
    (0..Category::ALL.len()).filter(move |&i| mask & (1 << i) != 0)
}

/// Adds one document's token counts to `total` and to the per-category `rows`.
pub(super) fn tally(
    text: &str,
    gold: &[(Span, Category)],
    ignored: &[Span],
    preds: &[(Span, Category)],
    total: &mut Score,
    rows: &mut [CategoryRow],
) {
    let toks = token_spans(text);
    let mask = |spans: &[(Span, Category)]| {
        let mut m = vec![0u32; toks.len()];
        for &(s, c) in spans {
            covering(&toks, s).for_each(|t| m[t] |= 1 << c as usize);
        }
        m
    };
    let (gold_mask, pred_mask) = (mask(gold), mask(preds));
    let mut in_ignored = vec![false; toks.len()];
    for &s in ignored {
        covering(&toks, s).for_each(|t| in_ignored[t] = true);
    }
    for t in 0..toks.len() {
        let (g, p) = (gold_mask[t], pred_mask[t]);
        if g == 0 && in_ignored[t] {
            continue;
        }
        if g != 0 {
            total.gold_side(p != 0);
        }
        if p != 0 {
            total.predicted_side(g != 0);
        }
        bits(g).for_each(|c| rows[c].tokens.gold_side(p != 0));
        bits(p).for_each(|c| rows[c].tokens.predicted_side(g != 0));
    }
}
