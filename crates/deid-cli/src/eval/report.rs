//! The human-readable report: headline scores, the per-category table, then missed PHI and
//! false positives in context. Showing document text here is intended: this is the
//! user's own evaluation output on stdout, never a log.

use std::fmt::Write as _;

use super::snippet::{code_points, context};
use super::{GoldDoc, Miss, Report, Score, ratio};

/// Options for [`render_text`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextOptions {
    /// How many misses and how many false positives to show.
    pub(crate) examples: usize,
}

/// Renders `report`, scored on `docs`, as aligned plain text.
pub(crate) fn render_text(report: &Report, docs: &[GoldDoc], opts: TextOptions) -> String {
    let mut out = String::new();
    let e = &report.entity;
    let _ = writeln!(
        out,
        "documents {}, gold spans {}, predictions {}",
        report.docs, e.strict.gold, e.strict.predicted
    );
    if !report.ignored.is_empty() || report.ignored_predictions > 0 {
        let labels: Vec<String> = report
            .ignored
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        let spans: usize = report.ignored.values().sum();
        let _ = writeln!(
            out,
            "ignored: gold spans {spans} ({}), predictions over them only {}",
            labels.join(", "),
            report.ignored_predictions
        );
    }

    let _ = writeln!(
        out,
        "\n{:<26}{:>7}{:>7}{:>11}{:>8}{:>8}",
        "measure", "gold", "pred", "precision", "recall", "F1"
    );
    for (name, s) in [
        ("entity, strict", e.strict),
        ("entity, overlap", e.overlap),
        ("entity, strict + category", e.strict_typed),
        ("entity, overlap + category", e.overlap_typed),
        ("token", report.token),
    ] {
        let _ = writeln!(
            out,
            "{name:<26}{:>7}{:>7}{:>11}{:>8}{:>8}",
            s.gold,
            s.predicted,
            num(s.precision()),
            num(s.recall()),
            num(s.f1())
        );
    }

    if !report.categories.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<16}{:>7}{:>7}{:>8}{:>7}{:>11}{:>11}{:>9}",
            "category", "gold", "pred", "strict", "cat R", "overlap R", "overlap P", "token R"
        );
        for row in &report.categories {
            let o: Score = row.overlap;
            let _ = writeln!(
                out,
                "{:<16}{:>7}{:>7}{:>8}{:>7}{:>11}{:>11}{:>9}",
                row.category.name(),
                o.gold,
                o.predicted,
                row.strict_found,
                num(ratio(row.typed_found, o.gold)),
                num(o.recall()),
                num(o.precision()),
                num(row.tokens.recall())
            );
        }
        out.push_str(
            "(strict: same span and category; cat R: overlapped by a finding of the same category; \
             overlap and token: any category)\n",
        );
    }

    examples(&mut out, "Missed PHI", &report.misses, docs, opts.examples);
    examples(
        &mut out,
        "False positives",
        &report.false_positives,
        docs,
        opts.examples,
    );
    out
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"))
}

/// Up to `max` of `items`, one per line: doc id, category, code-point offsets, context.
fn examples(out: &mut String, title: &str, items: &[Miss], docs: &[GoldDoc], max: usize) {
    if items.is_empty() {
        return;
    }
    let shown = &items[..items.len().min(max)];
    let _ = write!(out, "\n{title}: {}", items.len());
    if shown.len() < items.len() {
        let _ = write!(out, " (showing {})", shown.len());
    }
    out.push('\n');
    let rows: Vec<[String; 4]> = shown
        .iter()
        .map(|m| {
            let text = &docs[m.doc].text;
            let (start, end) = code_points(text, m.span);
            [
                docs[m.doc].id.clone(),
                m.category.name().to_owned(),
                format!("{start}..{end}"),
                context(text, m.span),
            ]
        })
        .collect();
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    for [id, cat, at, ctx] in &rows {
        let _ = writeln!(out, "  {id:<w0$}  {cat:<w1$}  {at:>w2$}  {ctx}");
    }
}

#[cfg(test)]
mod tests {
    use deid_core::{Category, Span};

    use super::*;
    use crate::eval::gold::GoldSpan;
    use crate::eval::{LabelMap, score};

    #[test]
    fn renders_the_whole_text_report() {
        let doc = GoldDoc {
            id: "n1".into(),
            text: "Dr Lee saw Ann Ng on 3/4.".into(),
            spans: vec![
                GoldSpan {
                    span: Span::new(3, 6),
                    label: "DOCTOR".into(),
                },
                GoldSpan {
                    span: Span::new(11, 17),
                    label: "PATIENT".into(),
                },
                GoldSpan {
                    span: Span::new(21, 24),
                    label: "TITLE".into(),
                },
            ],
        };
        let preds = vec![
            (Span::new(3, 6), Category::Doctor),
            (Span::new(0, 2), Category::Doctor),
        ];
        let report = score(std::slice::from_ref(&doc), &[preds], &LabelMap::builtin());
        let text = render_text(&report, &[doc], TextOptions { examples: 5 });
        let expected = "\
documents 1, gold spans 2, predictions 2
ignored: gold spans 1 (TITLE 1), predictions over them only 0

measure                      gold   pred  precision  recall      F1
entity, strict                  2      2      0.500   0.500   0.500
entity, overlap                 2      2      0.500   0.500   0.500
entity, strict + category       2      2      0.500   0.500   0.500
entity, overlap + category      2      2      0.500   0.500   0.500
token                           3      2      0.500   0.333   0.400

category           gold   pred  strict  cat R  overlap R  overlap P  token R
Doctor                1      2       1  1.000      1.000      0.500    1.000
Patient               1      0       0  0.000      0.000          -    0.000
(strict: same span and category; cat R: overlapped by a finding of the same category; overlap and token: any category)

Missed PHI: 1
  n1  Patient  11..17  Dr Lee saw «Ann Ng» on 3/4.

False positives: 1
  n1  Doctor  0..2  «Dr» Lee saw Ann Ng on 3/4.
";
        assert_eq!(text, expected);
    }
}
