//! A growing document that records gold spans as values are appended.

use deid_core::{Category, Span};

use crate::doc::GoldSpan;

/// How appended text is cased: as written, or retyped in lower or upper case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    AsIs,
    Lower,
    Upper,
}

/// Text plus the spans of the PHI values appended to it.
///
/// Spans are taken from the buffer length before and after each value, so they are
/// right by construction, never found by searching the finished text.
#[derive(Default)]
pub(crate) struct Builder {
    text: String,
    spans: Vec<GoldSpan>,
    case: Option<Case>,
}

impl Builder {
    pub(crate) fn set_case(&mut self, case: Case) {
        self.case = Some(case);
    }

    fn cased<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        match self.case {
            Some(Case::Lower) => s.to_lowercase().into(),
            Some(Case::Upper) => s.to_uppercase().into(),
            _ => s.into(),
        }
    }

    /// Appends text that is not PHI.
    pub(crate) fn push(&mut self, s: &str) {
        let s = self.cased(s);
        self.text.push_str(&s);
    }

    /// Appends a PHI value and records its span.
    ///
    /// # Panics
    /// If the value is empty or has surrounding whitespace: spans are tight.
    pub(crate) fn phi(&mut self, category: Category, value: &str) {
        let value = self.cased(value);
        assert!(
            !value.is_empty() && value.trim() == value,
            "untidy {category} value"
        );
        let start = self.text.len();
        self.text.push_str(&value);
        let span = Span::new(start, self.text.len());
        self.spans.push(GoldSpan { span, category });
    }

    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// The text written so far.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Re-wraps everything from byte `start` at `width` characters by turning spaces
    /// into newlines. Byte lengths do not change, so every span stays valid; a value
    /// that straddles a wrap point now contains a line break, as in real wrapped notes.
    pub(crate) fn wrap_from(&mut self, start: usize, width: usize) {
        let tail = self.text.split_off(start);
        let mut bytes = tail.clone().into_bytes();
        let mut column = 0;
        let mut last_space: Option<usize> = None;
        for (pos, ch) in tail.char_indices() {
            match ch {
                '\n' => {
                    column = 0;
                    last_space = None;
                    continue;
                }
                ' ' => last_space = Some(pos),
                _ => {}
            }
            column += 1;
            if column > width {
                if let Some(sp) = last_space.take() {
                    bytes[sp] = b'\n';
                    column = tail[sp + 1..pos + ch.len_utf8()].chars().count();
                }
            }
        }
        // Only ASCII spaces became ASCII newlines, so the bytes are still UTF-8.
        self.text
            .push_str(&String::from_utf8(bytes).unwrap_or(tail));
    }

    pub(crate) fn finish(self) -> (String, Vec<GoldSpan>) {
        (self.text, self.spans)
    }
}

#[cfg(test)]
mod tests {
    use deid_core::Category;

    use super::{Builder, Case};

    #[test]
    fn spans_follow_the_buffer_and_survive_wrapping() {
        let mut b = Builder::default();
        b.push("Seen by ");
        b.phi(Category::Doctor, "Dr. José Núñez");
        b.push(" with his daughter ");
        b.phi(Category::Patient, "Zoë van der Berg");
        b.push(" today and tomorrow and the day after.");
        b.wrap_from(0, 20);
        let (text, spans) = b.finish();
        assert!(text.contains('\n'));
        assert_eq!(spans[0].span.of(&text).replace('\n', " "), "Dr. José Núñez");
        assert_eq!(
            spans[1].span.of(&text).replace('\n', " "),
            "Zoë van der Berg"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 20), "{text}");
    }

    #[test]
    fn case_applies_to_values_too() {
        let mut b = Builder::default();
        b.set_case(Case::Lower);
        b.push("Hi ");
        b.phi(Category::Doctor, "Dr. ÉLODIE");
        let (text, spans) = b.finish();
        assert_eq!(text, "hi dr. élodie");
        assert_eq!(spans[0].span.of(&text), "dr. élodie");
    }
}
