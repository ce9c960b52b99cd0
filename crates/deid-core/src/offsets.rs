//! Entities: findings with their offsets in every encoding and their text.

use serde::Serialize;

use crate::{Category, Finding, Reason};

/// A position or length counted three ways.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Offsets {
    pub utf8: usize,
    pub utf16: usize,
    pub code_point: usize,
}

impl Offsets {
    /// Counts of `s` itself.
    pub fn of(s: &str) -> Self {
        let mut o = Offsets::default();
        o.advance(s.as_bytes());
        o
    }

    fn advance(&mut self, bytes: &[u8]) {
        self.utf8 += bytes.len();
        for &b in bytes {
            // Every byte that is not a continuation byte starts a code point;
            // four-byte sequences need a surrogate pair in UTF-16.
            let starts = usize::from((b & 0xC0) != 0x80);
            self.code_point += starts;
            self.utf16 += starts + usize::from(b >= 0xF0);
        }
    }

    fn minus(self, o: Offsets) -> Offsets {
        Offsets {
            utf8: self.utf8 - o.utf8,
            utf16: self.utf16 - o.utf16,
            code_point: self.code_point - o.code_point,
        }
    }
}

/// Text of a document that may be PHI. Its `Debug` prints only the length.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PhiText(pub String);

impl std::fmt::Debug for PhiText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PhiText(len={})", self.0.len())
    }
}

impl std::ops::Deref for PhiText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// A finding as front ends report it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub category: Category,
    pub offset: Offsets,
    pub length: Offsets,
    pub text: PhiText,
    pub confidence: f32,
    pub reasons: Vec<Reason>,
}

/// Turns findings (any order, non-overlapping or not) into entities sorted by
/// offset, counting every encoding in one pass over the text.
pub fn entities(text: &str, findings: &[Finding]) -> Vec<Entity> {
    // Each boundary is visited in order; `at` holds the counts at `pos`.
    let mut order: Vec<&Finding> = findings.iter().collect();
    order.sort_by_key(|f| (f.span.start(), f.span.end()));
    let mut bounds: Vec<usize> = order
        .iter()
        .flat_map(|f| [f.span.start(), f.span.end()])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();

    let bytes = text.as_bytes();
    let mut at = Offsets::default();
    let mut counts = Vec::with_capacity(bounds.len());
    for &b in &bounds {
        at.advance(&bytes[at.utf8..b]);
        counts.push(at);
    }
    let lookup = |pos: usize| counts[bounds.binary_search(&pos).expect("boundary was recorded")];

    order
        .into_iter()
        .map(|f| {
            let start = lookup(f.span.start());
            let end = lookup(f.span.end());
            Entity {
                category: f.category,
                offset: start,
                length: end.minus(start),
                text: PhiText(f.span.of(text).to_owned()),
                confidence: f.confidence,
                reasons: f.reasons.clone(),
            }
        })
        .collect()
}

/// Converts a code-point offset into a byte offset of `text`, if it lies
/// inside it (used by gold readers whose offsets count code points).
pub fn byte_offset_of_code_point(text: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .nth(cp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn counts_every_encoding() {
        let text = "é👍🏽 Ann";
        let start = text.find("Ann").unwrap();
        let f = Finding::new(
            Span::new(start, start + 3),
            Category::Patient,
            0.9,
            Reason::rule("t"),
        );
        let e = &entities(text, &[f])[0];
        assert_eq!(
            e.offset,
            Offsets {
                utf8: 11,
                utf16: 6,
                code_point: 4
            }
        );
        assert_eq!(
            e.length,
            Offsets {
                utf8: 3,
                utf16: 3,
                code_point: 3
            }
        );
        assert_eq!(&*e.text, "Ann");
        assert_eq!(format!("{:?}", e.text), "PhiText(len=3)");
    }

    #[test]
    fn code_point_to_byte() {
        assert_eq!(byte_offset_of_code_point("aé b", 3), Some(4));
        assert_eq!(byte_offset_of_code_point("aé", 2), Some(3));
        assert_eq!(byte_offset_of_code_point("aé", 3), None);
    }
}
