//! BRAT standoff: `name.txt` holds the text and `name.ann` its annotations, one per line:
//! `T1<TAB>Patient 10 20<TAB>John Smith`. Offsets count code points of the `.txt`. A
//! discontinuous span (`10 20;25 30`) becomes one gold span per part, each with the label.
//! Lines other than text-bound annotations (`A`, `R`, `E`, `N`, `#`, ...) are skipped.

use std::path::Path;

use super::{CodePoints, GoldDoc, GoldSpan};

/// Reads the `.ann` file at `ann` and the `.txt` beside it.
pub(super) fn read(ann: &Path) -> anyhow::Result<GoldDoc> {
    let txt_path = ann.with_extension("txt");
    anyhow::ensure!(
        txt_path.is_file(),
        "{} has no text file beside it (expected {})",
        ann.display(),
        txt_path.display()
    );
    let text = super::read_utf8(&txt_path)?;
    let src = super::read_utf8(ann)?;
    let spans = parse(&src, &text).map_err(|e| anyhow::anyhow!("{}:{e}", ann.display()))?;
    Ok(GoldDoc {
        id: super::stem(ann),
        text,
        spans,
    })
}

/// Parses an `.ann` file against its text; errors start with the line number.
fn parse(src: &str, text: &str) -> Result<Vec<GoldSpan>, String> {
    let index = CodePoints::new(text);
    let mut spans = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if !line.starts_with('T') {
            continue;
        }
        let id = line.split(char::is_whitespace).next().unwrap_or_default();
        let mut fields = line.splitn(3, '\t').skip(1);
        let which = format!("{n}: annotation `{}`", id.escape_debug());
        let (label, ranges) = fields
            .next()
            .and_then(|f| f.split_once(' '))
            .ok_or_else(|| format!("{which}: expected `ID<TAB>TYPE START END<TAB>TEXT`"))?;
        let mut parts = Vec::new();
        for range in ranges.split(';') {
            let (start, end) = offsets(range)
                .ok_or_else(|| format!("{which}: offsets are not `START END[;START END]`"))?;
            let span = index
                .span(start, end)
                .map_err(|e| format!("{which}: {e}"))?;
            parts.push((span, start, end));
        }
        if let Some(expected) = fields.next() {
            let found: Vec<&str> = parts.iter().map(|(s, _, _)| s.of(text)).collect();
            if !super::same_text_modulo_whitespace(expected, &found.join(" ")) {
                return Err(format!(
                    "{which}: its text differs from the document at code points {ranges}"
                ));
            }
        }
        spans.extend(parts.into_iter().map(|(span, _, _)| GoldSpan {
            span,
            label: label.to_owned(),
        }));
    }
    Ok(spans)
}

fn offsets(range: &str) -> Option<(usize, usize)> {
    let mut it = range.split_whitespace().map(str::parse::<usize>);
    match (it.next(), it.next(), it.next()) {
        (Some(Ok(start)), Some(Ok(end)), None) => Some((start, end)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use deid_core::Span;

    use super::*;

    const TEXT: &str = "Señor José Ñúñez, 14 Rue Noë\nParis";

    #[test]
    fn splits_discontinuous_spans_and_counts_code_points() {
        let ann = "T1\tPatient 6 16\tJosé Ñúñez\n#1\tAnnotatorNotes T1\tnote\n\
                   T2\tStreet 18 24;25 28\t14 Rue Noë\nA1\tNegated T1\n";
        let spans = parse(ann, TEXT).unwrap();
        let got: Vec<_> = spans
            .iter()
            .map(|s| (s.span.of(TEXT), s.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("José Ñúñez", "Patient"),
                ("14 Rue", "Street"),
                ("Noë", "Street")
            ]
        );
        assert_eq!(spans[0].span, Span::new(7, 21));
    }

    #[test]
    fn accepts_spans_over_line_breaks_and_a_missing_text_field() {
        let spans = parse("T1\tCity 25 34\tNoë Paris\nT2\tCity 29 34", TEXT).unwrap();
        assert_eq!(spans.len(), 2);
    }

    #[test]
    fn errors_name_line_and_annotation_but_no_text() {
        let cases = [
            (
                "T1\tPatient 6 16\tJosé Ñúñex",
                "1: annotation `T1`: its text differs",
            ),
            (
                "\nT9\tPatient 6 16x\tJosé",
                "2: annotation `T9`: offsets are not",
            ),
            (
                "T1\tPatient 6 99\tJosé",
                "1: annotation `T1`: ends at code point 99",
            ),
            ("T1 Patient 6 16 José", "1: annotation `T1`: expected"),
        ];
        for (ann, expected) in cases {
            let err = parse(ann, TEXT).unwrap_err();
            assert!(err.starts_with(expected), "{err}");
            assert!(!err.contains("José"), "{err}");
        }
    }
}
