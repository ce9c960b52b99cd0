//! Resolves overlapping findings into one consistent set and joins adjacent
//! parts of one name.

use crate::{Finding, Source, Span};

/// Keeps the best of every group of overlapping findings and returns the
/// survivors sorted by position. Findings from the user's deny-list win; then
/// higher confidence, with a small bonus for length, so "St. Mary's Hospital"
/// beats the first name "Mary" inside it.
pub fn resolve(mut findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let score = |f: &Finding| {
        let deny = if f.reasons.iter().any(|r| r.source == Source::Config) {
            10.0
        } else {
            0.0
        };
        deny + f.confidence + f.span.len().min(40) as f32 * 0.002
    };
    findings.sort_by(|a, b| {
        score(b)
            .total_cmp(&score(a))
            .then(a.span.start().cmp(&b.span.start()))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for f in findings {
        let overlaps = taken
            .range(..f.span.end())
            .next_back()
            .is_some_and(|(_, &end)| end > f.span.start());
        if overlaps {
            // Agreement of another detector on the same span raises confidence.
            if let Some(k) = kept
                .iter_mut()
                .find(|k| k.span == f.span && k.category == f.category)
            {
                for r in f.reasons {
                    if !k.reasons.contains(&r) {
                        k.reasons.push(r);
                    }
                }
            }
            continue;
        }
        taken.insert(f.span.start(), f.span.end());
        kept.push(f);
    }
    kept.sort_by_key(|f| f.span);
    join_names(kept, text)
}

/// "John" + " " + "Smith" from two findings become one name.
fn join_names(findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.span.end()..f.span.start()];
            if prev.category.is_name() && f.category.is_name() && matches!(gap, " " | ". ") {
                if f.confidence > prev.confidence && f.category != prev.category {
                    prev.category = f.category;
                }
                prev.span = Span::new(prev.span.start(), f.span.end());
                prev.confidence = prev.confidence.max(f.confidence);
                for r in f.reasons {
                    if !prev.reasons.contains(&r) {
                        prev.reasons.push(r);
                    }
                }
                continue;
            }
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Category, Reason};

    #[test]
    fn longer_and_surer_wins_and_names_join() {
        let text = "St. Mary's Hospital, John Smith";
        let f = |s, e, c, p| Finding::new(Span::new(s, e), c, p, Reason::rule("t"));
        let out = resolve(
            vec![
                f(4, 8, Category::Patient, 0.7),
                f(0, 19, Category::Hospital, 0.88),
                f(21, 25, Category::Patient, 0.7),
                f(26, 31, Category::Patient, 0.6),
            ],
            text,
        );
        let got: Vec<_> = out.iter().map(|f| (f.span.of(text), f.category)).collect();
        assert_eq!(
            got,
            [
                ("St. Mary's Hospital", Category::Hospital),
                ("John Smith", Category::Patient)
            ]
        );
        assert!((out[1].confidence - 0.7).abs() < 1e-6);
    }
}
