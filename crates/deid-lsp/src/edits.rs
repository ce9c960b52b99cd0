//! Workspace edits in the shape the client supports.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit,
    Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;

/// `edits` to version `version` of `uri`: versioned `documentChanges` when the
/// client supports them (so an edit to an older version is refused), else
/// plain `changes`.
pub(crate) fn workspace_edit(
    document_changes: bool,
    uri: &Uri,
    version: i32,
    edits: Vec<TextEdit>,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

/// What to put in place of each finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Redact,
    Surrogate,
}

/// One edit per finding of `analysis`.
pub(crate) fn all(analysis: &Analysis, mode: Mode) -> Vec<TextEdit> {
    analysis
        .items
        .iter()
        .map(|i| TextEdit {
            range: i.range,
            new_text: match mode {
                Mode::Redact => i.redaction.clone(),
                Mode::Surrogate => i.surrogate.clone(),
            },
        })
        .collect()
}

/// `text` with every finding of `analysis` replaced (its byte spans must be of
/// `text`).
pub(crate) fn apply_all(text: &str, analysis: &Analysis, mode: Mode) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for i in &analysis.items {
        let (s, e) = (i.finding.span.start(), i.finding.span.end());
        out.push_str(&text[at..s]);
        out.push_str(match mode {
            Mode::Redact => &i.redaction,
            Mode::Surrogate => &i.surrogate,
        });
        at = e;
    }
    out.push_str(&text[at..]);
    out
}
