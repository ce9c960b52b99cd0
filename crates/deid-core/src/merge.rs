//! Resolves overlapping findings into one consistent set and joins adjacent
//! parts of one name.

use std::collections::BTreeMap;

use crate::{Finding, Source, Span};

/// True when `span` shares a byte with an accepted span.
fn overlapping(taken: &BTreeMap<usize, (usize, usize)>, span: Span) -> bool {
    taken
        .range(..span.end())
        .next_back()
        .is_some_and(|(_, &(end, _))| end > span.start())
}

/// The part of `f` before the first accepted span that starts inside it, without
/// trailing spaces and punctuation; `None` if nothing is left.
fn clip_before(taken: &BTreeMap<usize, (usize, usize)>, f: &Finding, text: &str) -> Option<Span> {
    let (&cut, _) = taken.range(f.span.start() + 1..f.span.end()).next()?;
    let head = text[f.span.start()..cut]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let end = f.span.start() + head.len();
    let at_word_end = !text[end..].starts_with(char::is_alphanumeric);
    // What is left must still look like a name on its own, not a stray "In".
    let enough = head.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (enough && at_word_end).then(|| Span::new(f.span.start(), end))
}

/// Keeps the best of every group of overlapping findings and returns the
/// survivors sorted by position. Findings from the user's deny-list win; then
/// higher confidence, with a small bonus for length, so "St. Mary's Hospital"
/// beats the first name "Mary" inside it.
pub fn resolve(findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let score = |f: &Finding| {
        let deny = if f.reasons.iter().any(|r| r.source == Source::Config) {
            10.0
        } else {
            0.0
        };
        deny + f.confidence + f.span.len().min(40) as f32 * 0.002
    };
    // Scores are computed once, not in every comparison.
    let mut scored: Vec<(f32, Finding)> = findings.into_iter().map(|f| (score(&f), f)).collect();
    scored.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then(a.span.start().cmp(&b.span.start())));
    let findings = scored.into_iter().map(|(_, f)| f);
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    // Accepted spans: start -> (end, index in `kept`).
    let mut taken: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for mut f in findings {
        if let Some(&(end, k)) = taken.get(&f.span.start()) {
            // Agreement of another detector on the same span adds its reasons.
            if end == f.span.end() && kept[k].category == f.category {
                for r in f.reasons {
                    if !kept[k].reasons.contains(&r) {
                        kept[k].reasons.push(r);
                    }
                }
                continue;
            }
        }
        if overlapping(&taken, f.span) {
            // A name that runs into a surer finding keeps the words before it
            // ("John Smith" of "John Smith Boston" when "Boston" is a city).
            match clip_before(&taken, &f, text) {
                Some(span) if f.category.is_name() && !overlapping(&taken, span) => f.span = span,
                _ => continue,
            }
        }
        taken.insert(f.span.start(), (f.span.end(), kept.len()));
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
