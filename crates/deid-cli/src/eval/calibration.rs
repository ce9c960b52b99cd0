//! Does a finding's confidence mean what it says? Predictions are grouped by
//! confidence and each group's precision (overlapping a gold span of the same
//! category) is set beside it.

use deid_core::{Category, Span};

use super::{GoldDoc, LabelMap};

/// One confidence band: `[low, high)`, how many findings, how many were right.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub(crate) struct Band {
    pub(crate) low: f32,
    pub(crate) high: f32,
    pub(crate) findings: usize,
    pub(crate) correct: usize,
}

impl Band {
    pub(crate) fn precision(&self) -> f64 {
        if self.findings == 0 {
            0.0
        } else {
            self.correct as f64 / self.findings as f64
        }
    }
}

/// Bands of width 0.1 from 0 to 1 (only those with findings are kept).
pub(crate) fn calibration(
    docs: &[GoldDoc],
    map: &LabelMap,
    predictions: &[Vec<(Span, Category, f32)>],
) -> Vec<Band> {
    let mut bands: Vec<Band> = (0..10)
        .map(|i| Band {
            low: i as f32 / 10.0,
            high: (i + 1) as f32 / 10.0,
            findings: 0,
            correct: 0,
        })
        .collect();
    for (doc, preds) in docs.iter().zip(predictions) {
        for &(span, cat, conf) in preds {
            let right = doc.spans.iter().any(|g| {
                g.span.start() < span.end()
                    && span.start() < g.span.end()
                    && map.resolve(&g.label) == Some(cat)
            });
            let b = &mut bands[((conf * 10.0) as usize).min(9)];
            b.findings += 1;
            b.correct += usize::from(right);
        }
    }
    bands.retain(|b| b.findings > 0);
    bands
}

/// The bands as a text table.
pub(crate) fn render(bands: &[Band]) -> String {
    let mut out = String::from("\nconfidence   findings  precision (overlap + category)\n");
    for b in bands {
        out.push_str(&format!(
            "{:.1}-{:.1}    {:>9}  {:>9.3}\n",
            b.low,
            b.high,
            b.findings,
            b.precision()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::GoldSpan;

    #[test]
    fn bands_count_right_and_wrong_findings_by_confidence() {
        let doc = GoldDoc {
            id: "d".into(),
            text: "John met Mary in Boston".into(),
            spans: vec![GoldSpan {
                span: Span::new(0, 4),
                label: "Patient".into(),
            }],
        };
        let preds = vec![vec![
            (Span::new(0, 4), Category::Patient, 0.95),
            (Span::new(9, 13), Category::Patient, 0.92),
            (Span::new(17, 23), Category::City, 0.55),
        ]];
        let bands = calibration(&[doc], &LabelMap::builtin(), &preds);
        assert_eq!(bands.len(), 2);
        assert_eq!((bands[0].findings, bands[0].correct), (1, 0));
        assert_eq!((bands[1].findings, bands[1].correct), (2, 1));
        assert!(render(&bands).contains("0.9-1.0"));
    }
}
