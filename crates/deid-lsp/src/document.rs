//! An open document: its text as a rope, its version, and its latest analysis.

use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use crate::analysis::{Analysis, ParagraphCache};
use crate::position::PositionEncoding;

pub(crate) struct Document {
    pub(crate) rope: Rope,
    pub(crate) version: i32,
    pub(crate) language: String,
    /// Whether the document's language or extension is checked.
    pub(crate) checked: bool,
    /// The newest analysis (possibly of an older version).
    pub(crate) analysis: Option<Arc<Analysis>>,
    pub(crate) cache: ParagraphCache,
}

impl std::fmt::Debug for Document {
    // The text is PHI: lengths only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("version", &self.version)
            .field("chars", &self.rope.len_chars())
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl Document {
    pub(crate) fn new(text: &str, version: i32, language: String, checked: bool) -> Self {
        Document {
            rope: Rope::from_str(text),
            version,
            language,
            checked,
            analysis: None,
            cache: ParagraphCache::default(),
        }
    }

    /// Applies one change from `didChange`: a range edit, or the whole text
    /// when the change has no range.
    pub(crate) fn apply(
        &mut self,
        change: &TextDocumentContentChangeEvent,
        encoding: PositionEncoding,
    ) {
        match change.range {
            Some(range) => {
                let (a, b) = encoding.char_range(&self.rope, range);
                self.rope.remove(a..b);
                self.rope.insert(a, &change.text);
            }
            None => self.rope = Rope::from_str(&change.text),
        }
    }

    /// The latest analysis when it is of the current version.
    pub(crate) fn current(&self) -> Option<Arc<Analysis>> {
        self.analysis
            .as_ref()
            .filter(|a| a.version == self.version)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    #[test]
    fn incremental_edits_in_utf16() {
        let mut d = Document::new("😀 Smith\nline two\n", 1, "plaintext".into(), true);
        let change = |l1, c1, l2, c2, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_owned(),
        };
        // After the emoji (2 UTF-16 units) and the space.
        d.apply(&change(0, 3, 0, 8, "Jones"), PositionEncoding::Utf16);
        assert_eq!(d.rope.to_string(), "😀 Jones\nline two\n");
        d.apply(&change(0, 8, 1, 4, ""), PositionEncoding::Utf16);
        assert_eq!(d.rope.to_string(), "😀 Jones two\n");
        d.apply(&change(5, 0, 5, 0, "end"), PositionEncoding::Utf16);
        assert_eq!(d.rope.to_string(), "😀 Jones two\nend");
        d.apply(
            &TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            },
            PositionEncoding::Utf16,
        );
        assert_eq!(d.rope.to_string(), "new");
    }
}
