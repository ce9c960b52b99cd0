//! A span in context, on one line, for reports.

use deid_core::Span;

/// Characters of context shown on each side of a span.
const CONTEXT_CHARS: usize = 40;

/// Moves `at` down to a character boundary inside `text`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The code-point offsets of a byte span.
pub(crate) fn code_points(text: &str, span: Span) -> (usize, usize) {
    let (start, end) = (floor(text, span.start()), floor(text, span.end()));
    let start_cp = text[..start].chars().count();
    (
        start_cp,
        start_cp + text[start..end.max(start)].chars().count(),
    )
}

/// The span marked `«…»` with up to 40 characters either side, on one line.
pub(crate) fn context(text: &str, span: Span) -> String {
    let (start, end) = (floor(text, span.start()), floor(text, span.end()));
    let end = end.max(start);
    let before: Vec<char> = text[..start]
        .chars()
        .rev()
        .take(CONTEXT_CHARS + 1)
        .collect();
    let after: Vec<char> = text[end..].chars().take(CONTEXT_CHARS + 1).collect();
    let mut out = String::new();
    if before.len() > CONTEXT_CHARS {
        out.push('…');
    }
    out.extend(before.iter().take(CONTEXT_CHARS).rev().copied().map(flat));
    out.push('«');
    out.extend(text[start..end].chars().map(flat));
    out.push('»');
    out.extend(after.iter().take(CONTEXT_CHARS).copied().map(flat));
    if after.len() > CONTEXT_CHARS {
        out.push('…');
    }
    out
}

/// Keeps the snippet on one line.
fn flat(c: char) -> char {
    if c.is_whitespace() || c.is_control() {
        ' '
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_marks_the_span_on_one_line() {
        let text = "Patient Zoë\nNg seen";
        let at = text.find("Zoë").unwrap();
        assert_eq!(
            context(text, Span::new(at, at + 7)),
            "Patient «Zoë Ng» seen"
        );
        let long = format!("{}X{}", "a".repeat(50), "b".repeat(40));
        let expected = format!("…{}«X»{}", "a".repeat(40), "b".repeat(40));
        assert_eq!(context(&long, Span::new(50, 51)), expected);
        assert_eq!(code_points(text, Span::new(at, at + 7)), (8, 14));
    }
}
