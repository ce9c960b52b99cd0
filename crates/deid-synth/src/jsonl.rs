//! The JSONL line format of `shared/data`: code-point offsets, end exclusive.

use deid_core::Category;
use serde::Serialize;

use crate::doc::Doc;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    spans: Vec<LineSpan<'a>>,
}

#[derive(Serialize)]
struct LineSpan<'a> {
    start: usize,
    end: usize,
    category: Category,
    text: &'a str,
}

/// One JSON object, without a trailing newline:
/// `{"id","text","spans":[{"start","end","category","text"}]}`, where `start` and `end`
/// count Unicode code points (end exclusive) rather than the bytes of [`Doc::spans`].
pub fn to_jsonl_line(doc: &Doc) -> String {
    let text = doc.text.as_str();
    // Generated spans are sorted, so one walk over the text converts every offset.
    let mut chars = 0;
    let mut byte = 0;
    let mut to_chars = |b: usize| {
        if b < byte {
            (chars, byte) = (0, 0);
        }
        chars += text[byte..b].chars().count();
        byte = b;
        chars
    };
    let spans = doc
        .spans
        .iter()
        .map(|s| LineSpan {
            start: to_chars(s.span.start()),
            end: to_chars(s.span.end()),
            category: s.category,
            text: s.span.of(text),
        })
        .collect();
    let line = Line {
        id: &doc.id,
        text,
        spans,
    };
    serde_json::to_string(&line).expect("a document always serializes")
}
