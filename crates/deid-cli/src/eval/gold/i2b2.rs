//! The i2b2-2014 de-identification XML, one document per file:
//!
//! ```xml
//! <deIdi2b2><TEXT><![CDATA[...]]></TEXT>
//! <TAGS><NAME id="P0" start="16" end="20" text="..." TYPE="PATIENT" comment=""/></TAGS></deIdi2b2>
//! ```
//!
//! The element name is the parent type (NAME, DATE, LOCATION, ...); the label kept is the
//! `TYPE` attribute alone (`PATIENT`), falling back to the element name when `TYPE` is
//! missing. Offsets count characters of the TEXT content after XML line-end normalization,
//! as a standard XML parser (the official evaluation script's) sees it.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{CodePoints, GoldDoc, GoldSpan};

pub(super) fn read(path: &Path) -> anyhow::Result<GoldDoc> {
    let src = super::read_utf8(path)?;
    parse(&src, super::stem(path)).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))
}

/// One tag as written, before its offsets are checked against the text.
struct RawTag {
    /// The `id` attribute (`P0`), or empty.
    tag_id: String,
    label: String,
    start: usize,
    end: usize,
    text: Option<String>,
}

/// Parses one document; errors start with `line:column` or name the tag.
fn parse(src: &str, id: String) -> Result<GoldDoc, String> {
    let mut reader = Reader::from_str(src);
    let mut stack: Vec<String> = Vec::new();
    let mut text: Option<String> = None;
    let mut tags = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let at = |msg: &str| {
            let (line, col) = super::line_col(src, pos);
            format!("{line}:{col}: {msg}")
        };
        let event = reader.read_event().map_err(|e| {
            let (line, col) = super::line_col(src, reader.error_position() as usize);
            format!("{line}:{col}: invalid XML: {}", describe(&e))
        })?;
        let in_text = stack.last().is_some_and(|s| s == "TEXT");
        let in_tags = stack.last().is_some_and(|s| s == "TAGS");
        match event {
            Event::Empty(e) if in_tags => {
                tags.push(raw_tag(&e).map_err(|m| at(&format!("tag {}: {m}", tags.len())))?);
            }
            Event::Start(e) => {
                if in_tags {
                    tags.push(raw_tag(&e).map_err(|m| at(&format!("tag {}: {m}", tags.len())))?);
                } else if name(&e) == "TEXT" {
                    text.get_or_insert_default();
                }
                stack.push(name(&e));
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(e) if in_text => {
                let chunk = e.xml10_content().map_err(|_| at("invalid text encoding"))?;
                text.get_or_insert_default().push_str(&chunk);
            }
            Event::CData(e) if in_text => {
                let chunk = e
                    .xml10_content()
                    .map_err(|_| at("invalid CDATA encoding"))?;
                text.get_or_insert_default().push_str(&chunk);
            }
            Event::GeneralRef(e) if in_text => {
                let resolved = match e.resolve_char_ref() {
                    Ok(Some(c)) => Some(String::from(c)),
                    Ok(None) => e.decode().ok().and_then(|name| {
                        quick_xml::escape::resolve_predefined_entity(&name).map(String::from)
                    }),
                    Err(_) => None,
                };
                let resolved = resolved.ok_or_else(|| at("unknown entity reference in TEXT"))?;
                text.get_or_insert_default().push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let text = text.ok_or("no <TEXT> element")?;
    let spans = convert(&text, tags)?;
    Ok(GoldDoc { id, text, spans })
}

fn name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.name().as_ref()).into_owned()
}

fn raw_tag(e: &BytesStart<'_>) -> Result<RawTag, String> {
    let mut tag = RawTag {
        tag_id: String::new(),
        label: name(e),
        start: 0,
        end: 0,
        text: None,
    };
    let (mut start, mut end) = (None, None);
    for attr in e.attributes() {
        let attr = attr.map_err(|_| "malformed attribute".to_owned())?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = attr
            .unescape_value()
            .map_err(|_| format!("attribute `{key}` has a bad escape"))?;
        match key.as_str() {
            "id" => tag.tag_id = value.into_owned(),
            "TYPE" => tag.label = value.into_owned(),
            "text" => tag.text = Some(value.into_owned()),
            "start" => start = Some(value.trim().parse::<usize>()),
            "end" => end = Some(value.trim().parse::<usize>()),
            _ => {}
        }
    }
    let offset = |v: Option<Result<usize, _>>, key: &str| match v {
        Some(Ok(n)) => Ok(n),
        Some(Err(_)) => Err(format!("`{key}` is not a character offset")),
        None => Err(format!("missing `{key}`")),
    };
    tag.start = offset(start, "start")?;
    tag.end = offset(end, "end")?;
    Ok(tag)
}

fn convert(text: &str, tags: Vec<RawTag>) -> Result<Vec<GoldSpan>, String> {
    let index = CodePoints::new(text);
    tags.into_iter()
        .enumerate()
        .map(|(i, t)| {
            let which = format!("tag {i} (`{}`)", t.tag_id.escape_debug());
            let span = index
                .span(t.start, t.end)
                .map_err(|e| format!("{which}: {e}"))?;
            let agrees = |s: &String| super::same_text_modulo_whitespace(s, span.of(text));
            if !t.text.as_ref().is_none_or(agrees) {
                return Err(format!(
                    "{which}: its `text` differs from the document at characters {}..{}",
                    t.start, t.end
                ));
            }
            Ok(GoldSpan {
                span,
                label: t.label,
            })
        })
        .collect()
}

/// A quick-xml error without any of the input (tag names and entities included).
fn describe(e: &quick_xml::Error) -> String {
    use quick_xml::Error;
    match e {
        Error::Syntax(s) => s.to_string(),
        Error::IllFormed(_) => "ill-formed document (mismatched or missing tags)".to_owned(),
        Error::InvalidAttr(_) => "malformed attribute".to_owned(),
        Error::Escape(_) => "bad escape or entity reference".to_owned(),
        Error::Encoding(_) => "invalid encoding".to_owned(),
        Error::Namespace(_) => "namespace error".to_owned(),
        Error::Io(_) => "read error".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use deid_core::Span;

    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<deIdi2b2>\n\
        <TEXT><![CDATA[Seen Zoë Ng\r\non 3/4.]]></TEXT>\n<TAGS>\n\
        <NAME id=\"P0\" start=\"5\" end=\"11\" text=\"Zoë Ng\" TYPE=\"PATIENT\" comment=\"\" />\n\
        <DATE id=\"P1\" start=\"15\" end=\"18\" text=\"3/4\" TYPE=\"DATE\"></DATE>\n\
        <AGE id=\"P2\" start=\"15\" end=\"16\"/>\n</TAGS>\n</deIdi2b2>\n";

    #[test]
    fn reads_tags_with_type_labels_and_normalized_line_ends() {
        let doc = parse(DOC, "note-1".into()).unwrap();
        assert_eq!(doc.text, "Seen Zoë Ng\non 3/4.");
        let got: Vec<_> = doc
            .spans
            .iter()
            .map(|s| (s.span, s.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Span::new(5, 12), "PATIENT"),
                (Span::new(16, 19), "DATE"),
                (Span::new(16, 17), "AGE")
            ]
        );
    }

    #[test]
    fn reads_escaped_text_without_cdata() {
        let src = "<deIdi2b2><TEXT>a &amp; &#66;ob</TEXT><TAGS><NAME start=\"4\" end=\"7\" \
                   text=\"Bob\" TYPE=\"DOCTOR\"/></TAGS></deIdi2b2>";
        let doc = parse(src, "x".into()).unwrap();
        assert_eq!(doc.spans[0].span.of(&doc.text), "Bob");
    }

    #[test]
    fn errors_name_position_or_tag_but_no_text() {
        let cases = [
            (
                DOC.replace("text=\"3/4\"", "text=\"3/5\""),
                "tag 1 (`P1`): its `text` differs",
            ),
            (
                DOC.replace("end=\"11\"", "end=\"ab\""),
                "6:1: tag 0: `end` is not a character offset",
            ),
            (
                DOC.replace("</TEXT>", "</TEXTX>"),
                "4:11: invalid XML: ill-formed document",
            ),
            (
                DOC.replace("start=\"15\" end=\"18\"", "start=\"15\" end=\"99\""),
                "tag 1 (`P1`): ends at",
            ),
            (DOC.replace("TEXT>", "TEXX>"), "no <TEXT> element"),
        ];
        for (src, expected) in cases {
            let err = parse(&src, "n".into()).unwrap_err();
            assert!(err.starts_with(expected), "{err}");
            assert!(!err.contains("Zo"), "{err}");
        }
    }
}
