//! Gold spans are tight, ordered, disjoint, and survive the JSONL conversion.

use deid_core::{Category, Span};
use serde_json::Value;

use super::docs;
use crate::{Doc, GoldSpan, Split, to_jsonl_line};

fn check_spans(doc: &Doc) {
    let mut prev_end = 0;
    for s in &doc.spans {
        let (start, end) = (s.span.start(), s.span.end());
        assert!(start < end, "{}: empty span", doc.id);
        assert!(
            start >= prev_end,
            "{}: spans overlap or are unsorted",
            doc.id
        );
        assert!(doc.text.is_char_boundary(start) && doc.text.is_char_boundary(end));
        let value = s.span.of(&doc.text);
        assert_eq!(
            value.trim(),
            value,
            "{}: untidy {} span",
            doc.id,
            s.category
        );
        prev_end = end;
    }
    assert!(prev_end <= doc.text.len());
}

#[test]
fn spans_are_valid_in_both_splits() {
    for split in [Split::Train, Split::Heldout] {
        for doc in docs(31, 400, split) {
            check_spans(&doc);
        }
    }
}

/// Code-point slice of `text`, as Python's `text[start:end]` would take it.
fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn check_line(doc: &Doc) -> usize {
    let line = to_jsonl_line(doc);
    assert!(!line.contains('\n'), "a JSONL line must be one line");
    let v: Value = serde_json::from_str(&line).expect("valid JSON");
    assert_eq!(v["id"], doc.id.as_str());
    let text = v["text"].as_str().expect("text");
    assert_eq!(text, doc.text);
    let spans = v["spans"].as_array().expect("spans");
    assert_eq!(spans.len(), doc.spans.len());
    let mut shifted = 0;
    for (j, gold) in spans.iter().zip(&doc.spans) {
        let start = usize::try_from(j["start"].as_u64().expect("start")).expect("usize");
        let end = usize::try_from(j["end"].as_u64().expect("end")).expect("usize");
        let value = gold.span.of(&doc.text);
        assert_eq!(cp_slice(text, start, end), value);
        assert_eq!(j["text"], value);
        assert_eq!(j["category"], gold.category.name());
        shifted += usize::from(start != gold.span.start());
    }
    shifted
}

#[test]
fn jsonl_offsets_are_code_points() {
    let mut shifted = 0;
    for split in [Split::Train, Split::Heldout] {
        for doc in docs(41, 300, split) {
            shifted += check_line(&doc);
        }
    }
    // Accented names and emoji put non-ASCII text before many spans.
    assert!(
        shifted > 100,
        "only {shifted} spans had code-point offsets unlike byte offsets"
    );
}

#[test]
fn jsonl_handles_accents_and_emoji() {
    let text = "José Núñez 🙏 saw Dr. Zoë Müller on 3/14/2021.".to_string();
    let at = |s: &str| {
        let start = text.find(s).expect("present");
        GoldSpan {
            span: Span::new(start, start + s.len()),
            category: Category::Doctor,
        }
    };
    let mut spans = vec![at("José Núñez"), at("Dr. Zoë Müller"), at("3/14/2021")];
    spans[0].category = Category::Patient;
    spans[2].category = Category::Date;
    let doc = Doc {
        id: "t".into(),
        kind: "portal_message",
        text: text.clone(),
        spans,
    };
    let v: Value = serde_json::from_str(&to_jsonl_line(&doc)).expect("json");
    let got: Vec<(u64, u64)> = v["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .map(|s| {
            (
                s["start"].as_u64().expect("u64"),
                s["end"].as_u64().expect("u64"),
            )
        })
        .collect();
    assert_eq!(got, [(0, 10), (17, 31), (35, 44)]);
    check_line(&doc);
}

#[test]
fn corpus_has_accents_emoji_and_wrapped_values() {
    let all = docs(51, 600, Split::Train);
    let emoji = all
        .iter()
        .filter(|d| d.kind == "portal_message" && d.text.chars().any(|c| c as u32 >= 0x1F300))
        .count();
    assert!(emoji > 3, "only {emoji} portal messages with emoji");
    let accented = all
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| s.span.of(&d.text)))
        .filter(|v| !v.is_ascii())
        .count();
    assert!(accented > 50, "only {accented} non-ASCII values");
    let wrapped = all
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| s.span.of(&d.text)))
        .filter(|v| v.contains('\n'))
        .count();
    assert!(wrapped > 5, "only {wrapped} values split across lines");
}

#[test]
fn debug_never_prints_the_text() {
    let doc = &docs(1, 1, Split::Train)[0];
    let shown = format!("{doc:?}");
    assert!(shown.contains(&doc.id) && shown.contains("len"));
    for s in &doc.spans {
        let value = s.span.of(&doc.text);
        if value.len() > 3 {
            assert!(
                !shown.contains(value),
                "Debug leaked a {} value",
                s.category
            );
        }
    }
}
