//! Hand-computed scoring cases. `[[LABEL:text]]` marks a span in gold and prediction
//! strings, which must have the same plain text.

use deid_core::Category::{Age, City, Date, Doctor, Hospital, Organization, Patient, State};
use deid_core::{Category, Span};

use super::tokens::{covering, token_spans};
use super::*;
use crate::eval::gold::GoldSpan;

/// The plain text and the marked spans.
fn marks(marked: &str) -> (String, Vec<(Span, String)>) {
    let (mut text, mut spans, mut rest) = (String::new(), Vec::new(), marked);
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let (label, after) = rest[open + 2..].split_once(':').unwrap();
        let (inner, after) = after.split_once("]]").unwrap();
        spans.push((
            Span::new(text.len(), text.len() + inner.len()),
            label.to_owned(),
        ));
        text.push_str(inner);
        rest = after;
    }
    text.push_str(rest);
    (text, spans)
}

fn doc(gold: &str) -> GoldDoc {
    let (text, spans) = marks(gold);
    let spans = spans
        .into_iter()
        .map(|(span, label)| GoldSpan { span, label })
        .collect();
    GoldDoc {
        id: "d".into(),
        text,
        spans,
    }
}

fn preds(doc: &GoldDoc, marked: &str) -> Vec<(Span, Category)> {
    let (text, spans) = marks(marked);
    assert_eq!(text, doc.text, "gold and prediction texts differ");
    spans
        .into_iter()
        .map(|(s, l)| (s, l.parse().unwrap()))
        .collect()
}

fn check(gold: &str, predicted: &str) -> (GoldDoc, Report) {
    let d = doc(gold);
    let p = preds(&d, predicted);
    let report = score(std::slice::from_ref(&d), &[p], &LabelMap::builtin());
    (d, report)
}

fn s(gold: usize, predicted: usize, found: usize, correct: usize) -> Score {
    Score {
        gold,
        predicted,
        found,
        correct,
    }
}

#[test]
fn mixed_note() {
    let (d, r) = check(
        "Dr [[PERSON:John Smith]] saw [[PREFIX:Mr]] [[PERSON:Ng]] on [[DATE_TIME:3/4/2021]] at \
         [[ORGANIZATION:Mercy Hospital]] room 4.",
        "[[Doctor:Dr John Smith]] saw [[Patient:Mr]] Ng on [[Date:3/4/2021]] at \
         [[Hospital:Mercy]] Hospital room [[Age:4]].",
    );
    assert_eq!(r.entity.strict, s(4, 4, 1, 1));
    assert_eq!(r.entity.overlap, s(4, 4, 3, 3));
    assert_eq!(r.entity.strict_typed, s(4, 4, 1, 1));
    assert_eq!(r.entity.overlap_typed, s(4, 4, 1, 1));
    // Tokens: 8 gold (Mr is ignored), 8 predicted (Dr John Smith 3 4 2021 Mercy 4), 6 both.
    assert_eq!(r.token, s(8, 8, 6, 6));
    assert_eq!(r.entity.overlap.f1(), Some(0.75));
    assert_eq!(
        (r.ignored.get("PREFIX"), r.ignored_predictions),
        (Some(&1), 1)
    );

    let row = |category, strict_found, overlap, tokens| CategoryRow {
        category,
        strict_found,
        // Here every span found with its category is also found exactly.
        typed_found: strict_found,
        overlap,
        tokens,
    };
    assert_eq!(
        r.categories,
        [
            row(Age, 0, s(0, 1, 0, 0), s(0, 1, 0, 0)),
            row(Date, 1, s(1, 1, 1, 1), s(3, 3, 3, 3)),
            row(Doctor, 0, s(0, 1, 0, 1), s(0, 3, 0, 2)),
            row(Hospital, 0, s(0, 1, 0, 1), s(0, 1, 0, 1)),
            row(Organization, 0, s(1, 0, 1, 0), s(2, 0, 1, 0)),
            row(Patient, 0, s(2, 0, 1, 0), s(3, 0, 2, 0)),
        ]
    );
    let text = |m: &Miss| m.span.of(&d.text).to_owned();
    assert_eq!(r.misses.iter().map(text).collect::<Vec<_>>(), ["Ng"]);
    assert_eq!(r.misses[0].category, Patient);
    assert_eq!(
        r.false_positives.iter().map(text).collect::<Vec<_>>(),
        ["4"]
    );
    assert_eq!(r.false_positives[0].category, Age);
}

#[test]
fn one_prediction_over_two_gold_spans() {
    let (_, r) = check(
        "[[City:Boston]], [[State:MA]] 02114",
        "[[City:Boston, MA]] 02114",
    );
    assert_eq!(r.entity.strict, s(2, 1, 0, 0));
    assert_eq!(r.entity.overlap, s(2, 1, 2, 1));
    assert_eq!(r.entity.overlap_typed, s(2, 1, 1, 1));
    let f1 = r.entity.overlap_typed.f1().unwrap();
    assert!((f1 - 2.0 / 3.0).abs() < 1e-12, "{f1}");
    assert_eq!(r.token, s(2, 2, 2, 2));
    assert_eq!(
        r.categories.iter().map(|c| c.category).collect::<Vec<_>>(),
        [City, State]
    );
}

#[test]
fn predictions_over_ignored_spans() {
    // Only-ignored overlap: left out. Gold overlap too: counted (correct by overlap).
    let (_, r) = check(
        "[[TITLE:Nurse]] [[PERSON:Kim]] and [[TITLE:Chief]] staff",
        "[[Patient:Nurse Kim]] and [[Doctor:Chief]] [[Doctor:staff]]",
    );
    assert_eq!(r.ignored_predictions, 1);
    assert_eq!(r.entity.overlap, s(1, 2, 1, 1));
    assert_eq!(r.entity.strict, s(1, 2, 0, 0));
    // Tokens Nurse and Chief are ignored; Kim is found; staff is a false positive.
    assert_eq!(r.token, s(1, 2, 1, 1));
    assert_eq!(r.false_positives.len(), 1);
}

#[test]
fn empty_predictions_and_empty_corpus() {
    let (_, r) = check("Seen [[DATE:today]]", "Seen today");
    assert_eq!(
        (r.entity.strict.precision(), r.entity.strict.recall()),
        (None, Some(0.0))
    );
    assert_eq!(r.entity.strict.f1(), Some(0.0));
    assert_eq!(r.misses.len(), 1);
    let empty = score(&[], &[], &LabelMap::builtin());
    assert_eq!(
        (empty.docs, empty.token.f1(), empty.categories.len()),
        (0, None, 0)
    );
}

#[test]
fn unmapped_labels_are_ignored_when_the_map_allows() {
    let d = doc("[[NURSE:Kim]] met [[PERSON:Lee]]");
    let map = LabelMap::builtin().ignoring_unmapped(true);
    let r = score(std::slice::from_ref(&d), &[vec![]], &map);
    assert_eq!(r.ignored.get("NURSE"), Some(&1));
    assert_eq!(r.entity.strict.gold, 1);
}

#[test]
fn tokens_are_alphanumeric_runs() {
    let got: Vec<_> = token_spans("a-b c1 é_z9 ")
        .into_iter()
        .map(|s| (s.start(), s.end()))
        .collect();
    assert_eq!(got, [(0, 1), (2, 3), (4, 6), (7, 9), (10, 12)]);
    let toks = token_spans("ab cd ef");
    assert_eq!(covering(&toks, Span::new(1, 4)), 0..2);
    assert_eq!(covering(&toks, Span::new(2, 3)), 1..1);
    assert_eq!(covering(&toks, Span::new(4, 4)), 0..0);
}

#[test]
fn overlapping_gold_categories_share_tokens() {
    // The marker parser doesn't nest: add the inner span by hand.
    let mut d = doc("[[Hospital:Mercy Boston]]");
    d.spans.push(GoldSpan {
        span: Span::new(6, 12),
        label: "City".into(),
    });
    let p = preds(&d, "Mercy [[Patient:Boston]]");
    let r = score(std::slice::from_ref(&d), &[p], &LabelMap::builtin());
    assert_eq!(r.token, s(2, 1, 1, 1));
    let hospital = r
        .categories
        .iter()
        .find(|c| c.category == Hospital)
        .unwrap();
    let city = r.categories.iter().find(|c| c.category == City).unwrap();
    assert_eq!(
        (hospital.tokens, city.tokens),
        (s(2, 0, 1, 0), s(1, 0, 1, 0))
    );
    assert_eq!(
        r.categories
            .iter()
            .find(|c| c.category == Patient)
            .unwrap()
            .tokens,
        s(0, 1, 0, 1)
    );
}
