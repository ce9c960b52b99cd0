//! Generated documents and their gold spans.

use std::fmt;

use deid_core::{Category, Span};

/// One PHI value in a generated document: byte offsets into [`Doc::text`] and a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GoldSpan {
    pub span: Span,
    pub category: Category,
}

/// A synthetic note with its gold PHI spans, sorted by offset and never overlapping.
#[derive(Clone, PartialEq, Eq)]
pub struct Doc {
    /// Stable identifier, e.g. `synth-train-42-00017`. It carries no PHI.
    pub id: String,
    /// The kind of note, e.g. `discharge_summary` or `portal_message`.
    pub kind: &'static str,
    pub text: String,
    pub spans: Vec<GoldSpan>,
}

/// Prints the id, kind and sizes only: the text is (synthetic) PHI and stays out of logs.
impl fmt::Debug for Doc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Doc")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("len", &self.text.len())
            .field("spans", &self.spans.len())
            .finish()
    }
}
