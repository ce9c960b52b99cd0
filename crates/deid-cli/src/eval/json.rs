//! The machine-readable report. Misses and false positives carry the document id, the
//! category and offsets (code points, as in the gold files, and bytes); their text in
//! context only when asked for.

use std::collections::BTreeMap;

use deid_core::Category;
use serde::Serialize;

use super::snippet::{code_points, context};
use super::{GoldDoc, Miss, Report, Score};

/// Options for [`render_json`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct JsonOptions {
    /// Add a `context` snippet (document text) to every miss and false positive.
    pub(crate) include_text: bool,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    documents: usize,
    entity: JsonEntity,
    token: JsonScore,
    categories: Vec<JsonRow>,
    ignored_labels: &'a BTreeMap<String, usize>,
    ignored_predictions: usize,
    misses: Vec<JsonMiss<'a>>,
    false_positives: Vec<JsonMiss<'a>>,
}

#[derive(Serialize)]
struct JsonEntity {
    strict: JsonScore,
    overlap: JsonScore,
    strict_category: JsonScore,
    overlap_category: JsonScore,
}

#[derive(Serialize)]
struct JsonScore {
    gold: usize,
    predicted: usize,
    found: usize,
    correct: usize,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
}

impl From<Score> for JsonScore {
    fn from(s: Score) -> Self {
        JsonScore {
            gold: s.gold,
            predicted: s.predicted,
            found: s.found,
            correct: s.correct,
            precision: s.precision(),
            recall: s.recall(),
            f1: s.f1(),
        }
    }
}

#[derive(Serialize)]
struct JsonRow {
    category: Category,
    gold: usize,
    predicted: usize,
    strict_found: usize,
    /// Gold spans overlapped by a prediction of this category.
    typed_found: usize,
    /// Against gold and predictions of any category.
    overlap: JsonScore,
    tokens: JsonScore,
}

#[derive(Serialize)]
struct JsonMiss<'a> {
    doc: &'a str,
    category: Category,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<String>,
}

/// Renders `report`, scored on `docs`, as pretty-printed JSON.
pub(crate) fn render_json(report: &Report, docs: &[GoldDoc], opts: JsonOptions) -> String {
    let miss = |m: &Miss| {
        let text = &docs[m.doc].text;
        let (start, end) = code_points(text, m.span);
        JsonMiss {
            doc: &docs[m.doc].id,
            category: m.category,
            start,
            end,
            byte_start: m.span.start(),
            byte_end: m.span.end(),
            context: opts.include_text.then(|| context(text, m.span)),
        }
    };
    let e = &report.entity;
    let json = JsonReport {
        documents: report.docs,
        entity: JsonEntity {
            strict: e.strict.into(),
            overlap: e.overlap.into(),
            strict_category: e.strict_typed.into(),
            overlap_category: e.overlap_typed.into(),
        },
        token: report.token.into(),
        categories: report
            .categories
            .iter()
            .map(|r| JsonRow {
                category: r.category,
                gold: r.overlap.gold,
                predicted: r.overlap.predicted,
                strict_found: r.strict_found,
                typed_found: r.typed_found,
                overlap: r.overlap.into(),
                tokens: r.tokens.into(),
            })
            .collect(),
        ignored_labels: &report.ignored,
        ignored_predictions: report.ignored_predictions,
        misses: report.misses.iter().map(miss).collect(),
        false_positives: report.false_positives.iter().map(miss).collect(),
    };
    serde_json::to_string_pretty(&json).expect("the report serializes")
}

#[cfg(test)]
mod tests {
    use deid_core::Span;
    use serde_json::{Value, json};

    use super::*;
    use crate::eval::gold::GoldSpan;
    use crate::eval::{LabelMap, score};

    fn report() -> (Vec<GoldDoc>, Report) {
        let docs = vec![GoldDoc {
            id: "n1".into(),
            text: "Zoë Ng seen by Dr Lee.".into(),
            spans: vec![
                GoldSpan {
                    span: Span::new(0, 7),
                    label: "PATIENT".into(),
                },
                GoldSpan {
                    span: Span::new(19, 22),
                    label: "DOCTOR".into(),
                },
            ],
        }];
        let preds = vec![vec![
            (Span::new(19, 22), Category::Doctor),
            (Span::new(8, 12), Category::City),
        ]];
        let report = score(&docs, &preds, &LabelMap::builtin());
        (docs, report)
    }

    #[test]
    fn carries_offsets_and_text_only_on_request() {
        let (docs, report) = report();
        let plain: Value = serde_json::from_str(&render_json(
            &report,
            &docs,
            JsonOptions {
                include_text: false,
            },
        ))
        .unwrap();
        assert_eq!(
            plain["misses"],
            json!([{"doc": "n1", "category": "Patient", "start": 0, "end": 6, "byte_start": 0, "byte_end": 7}])
        );
        assert_eq!(plain["entity"]["strict"]["f1"], json!(0.5));
        assert_eq!(plain["categories"][0]["category"], json!("City"));
        assert_eq!(plain["categories"][0]["overlap"]["recall"], Value::Null);
        assert!(!plain.to_string().contains("Zo"));

        let with_text: Value = serde_json::from_str(&render_json(
            &report,
            &docs,
            JsonOptions { include_text: true },
        ))
        .unwrap();
        assert_eq!(
            with_text["misses"][0]["context"],
            json!("«Zoë Ng» seen by Dr Lee.")
        );
        assert_eq!(
            with_text["false_positives"][0]["context"],
            json!("Zoë Ng «seen» by Dr Lee.")
        );
    }
}
