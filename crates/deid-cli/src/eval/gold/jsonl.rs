//! The JSONL gold format: one `{"id", "text", "spans": [{"start", "end", "category",
//! "text"}]}` document per line, offsets in code points, end exclusive.

use std::path::Path;

use serde::Deserialize;

use super::{CodePoints, GoldDoc, GoldSpan};

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    text: String,
    #[serde(default)]
    spans: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
    #[serde(alias = "label")]
    category: String,
    /// When present, must equal the covered text.
    #[serde(default)]
    text: Option<String>,
}

pub(super) fn read(path: &Path) -> anyhow::Result<Vec<GoldDoc>> {
    let src = super::read_utf8(path)?;
    parse(&src).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))
}

/// Parses a whole file; errors start with the line number.
fn parse(src: &str) -> Result<Vec<GoldDoc>, String> {
    let mut docs = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc =
            serde_json::from_str(line).map_err(|e| format!("{n}:{}", describe(&e)))?;
        docs.push(convert(raw).map_err(|e| format!("{n}: {e}"))?);
    }
    Ok(docs)
}

/// A `serde_json` error without any of the input: its data errors may quote values
/// (`invalid type: string "…"`), so only the field-name messages pass through.
fn describe(e: &serde_json::Error) -> String {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the caller reports the position itself.
    let msg = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let col = e.column();
    if !e.is_data() {
        return format!("{col}: invalid JSON: {msg}");
    }
    let detail = if msg.starts_with("missing field") || msg.starts_with("duplicate field") {
        msg
    } else {
        "a field has the wrong type or value"
    };
    format!(
        "{col}: not a gold document ({detail}); expected \
         {{\"id\", \"text\", \"spans\": [{{\"start\", \"end\", \"category\", \"text\"}}]}}"
    )
}

fn convert(raw: RawDoc) -> Result<GoldDoc, String> {
    let RawDoc { id, text, spans } = raw;
    let index = CodePoints::new(&text);
    let spans = spans
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let at = || format!("document `{}`, span {i}", id.escape_debug());
            let span = index
                .span(s.start, s.end)
                .map_err(|e| format!("{}: {e}", at()))?;
            if s.text.as_deref().is_some_and(|t| t != span.of(&text)) {
                return Err(format!(
                    "{}: its `text` differs from the document at code points {}..{}",
                    at(),
                    s.start,
                    s.end
                ));
            }
            Ok(GoldSpan {
                span,
                label: s.category,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(GoldDoc { id, text, spans })
}

#[cfg(test)]
mod tests {
    use deid_core::Span;

    use super::*;

    #[test]
    fn reads_code_point_offsets_as_bytes() {
        let docs = parse(
            "{\"id\":\"a\",\"text\":\"Zoë Ng\",\"spans\":[{\"start\":0,\"end\":3,\"category\":\"PERSON\",\"text\":\"Zoë\"}]}\n\n\
             {\"id\":\"b\",\"text\":\"x\"}\n",
        )
        .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].spans,
            [GoldSpan {
                span: Span::new(0, 4),
                label: "PERSON".into()
            }]
        );
        assert!(docs[1].spans.is_empty());
    }

    #[test]
    fn errors_name_line_document_and_span_but_no_text() {
        let cases = [
            (
                r#"{"id":"d7","text":"Secret Name","spans":[{"start":0,"end":6,"category":"PERSON","text":"Secret Nam"}]}"#,
                "1: document `d7`, span 0: its `text` differs from the document at code points 0..6",
            ),
            (
                r#"{"id":"d7","text":"Secret","spans":[{"start":2,"end":9,"category":"X"}]}"#,
                "1: document `d7`, span 0: ends at code point 9, past the end of the text (6 code points)",
            ),
            (
                r#"{"id":"d7","text":"Secret""#,
                "1:26: invalid JSON: EOF while parsing an object",
            ),
            (
                r#"{"id":"d7","text":"Secret","spans":[{"start":"Secret","end":9,"category":"X"}]}"#,
                "1:53: not a gold document (a field has the wrong type or value)",
            ),
            (
                r#"{"text":"Secret"}"#,
                "1:17: not a gold document (missing field `id`)",
            ),
        ];
        for (line, expected) in cases {
            let err = parse(line).unwrap_err();
            assert!(err.starts_with(expected), "{err}");
            assert!(!err.contains("Secret"), "{err}");
        }
    }

    #[test]
    fn reports_the_line_number() {
        let src = "{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":\"x\",\"spans\":[{\"start\":1,\"end\":1,\"category\":\"X\"}]}";
        assert!(
            parse(src)
                .unwrap_err()
                .starts_with("2: document `b`, span 0: is empty")
        );
    }
}
