//! `textDocument/codeAction`: redact or surrogate one span or the whole
//! document, and add a term to the allow- or deny-list.
//!
//! Span fixes come from the diagnostics' `data` (no second analysis); the
//! document-wide ones from the current analysis.

use deid_core::Category;
use serde_json::json;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse, Command,
    Diagnostic, Range, TextEdit, Uri,
};

use super::commands::{ALLOW, DENY};
use super::not_open;
use crate::diagnostics::{self, DiagnosticData};
use crate::edits::{self, Mode};
use crate::server::Server;

pub(crate) const REDACT: &str = "quickfix.deid.redact";
pub(crate) const SURROGATE: &str = "quickfix.deid.surrogate";
pub(crate) const REDACT_ALL: &str = "quickfix.deid.redactAll";
pub(crate) const SURROGATE_ALL: &str = "quickfix.deid.surrogateAll";
pub(crate) const ALLOW_KIND: &str = "quickfix.deid.allow";
pub(crate) const DENY_KIND: &str = "quickfix.deid.deny";
pub(crate) const KINDS: [&str; 6] = [
    REDACT,
    SURROGATE,
    REDACT_ALL,
    SURROGATE_ALL,
    ALLOW_KIND,
    DENY_KIND,
];

/// Categories offered for "always PHI" on a selection nothing was found in.
const DENY_CHOICES: [Category; 6] = [
    Category::Patient,
    Category::Doctor,
    Category::Hospital,
    Category::Organization,
    Category::LocationOther,
    Category::IDNum,
];

pub(super) async fn code_action(
    server: &Server,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri;
    let (version, document_changes) = {
        let state = server.state();
        let doc = state.docs.get(&uri).ok_or_else(|| not_open(&uri))?;
        (doc.version, state.caps.document_changes)
    };
    let wanted = |kind: &str| {
        params.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|o| kind == o.as_str() || kind.starts_with(&format!("{}.", o.as_str())))
        })
    };
    let edit = |edits: Vec<TextEdit>| edits::workspace_edit(document_changes, &uri, version, edits);
    let mut out: Vec<CodeActionOrCommand> = Vec::new();

    // Ours among the diagnostics sent, those under the cursor or selection first.
    let ours: Vec<(&Diagnostic, DiagnosticData)> = params
        .context
        .diagnostics
        .iter()
        .filter_map(|d| diagnostics::data(d).map(|data| (d, data)))
        .collect();
    let under: Vec<&(&Diagnostic, DiagnosticData)> = ours
        .iter()
        .filter(|(d, _)| touches(d.range, params.range))
        .collect();
    let spans = if under.is_empty() {
        ours.iter().collect()
    } else {
        under
    };
    for (d, data) in &spans {
        let label = data.category.label();
        let one = |text: &str| {
            vec![TextEdit {
                range: d.range,
                new_text: text.to_owned(),
            }]
        };
        if wanted(REDACT) {
            out.push(action(
                format!("Redact {label} as {}", data.redaction),
                REDACT,
                d,
                Some(edit(one(&data.redaction))),
                None,
            ));
        }
        if wanted(SURROGATE) {
            out.push(action(
                format!("Replace {label} with surrogate “{}”", data.surrogate),
                SURROGATE,
                d,
                Some(edit(one(&data.surrogate))),
                None,
            ));
        }
        if wanted(ALLOW_KIND) {
            out.push(action(
                "Not PHI: add to the allow-list in deid.toml".to_owned(),
                ALLOW_KIND,
                d,
                None,
                Some(term_command(
                    ALLOW,
                    "Add to allow-list",
                    &uri,
                    d.range,
                    None,
                )),
            ));
        }
        if wanted(DENY_KIND) {
            out.push(action(
                format!(
                    "Always PHI: add to the deny-list as {} in deid.toml",
                    data.category
                ),
                DENY_KIND,
                d,
                None,
                Some(term_command(
                    DENY,
                    "Add to deny-list",
                    &uri,
                    d.range,
                    Some(data.category),
                )),
            ));
        }
    }

    // A selection with nothing found in it: "always PHI" as one of a few categories.
    let selection = params.range.start != params.range.end;
    if selection && spans.is_empty() && wanted(DENY_KIND) {
        for c in DENY_CHOICES {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Always PHI: add the selection to the deny-list as {c}"),
                kind: Some(CodeActionKind::new(DENY_KIND)),
                command: Some(term_command(
                    DENY,
                    "Add to deny-list",
                    &uri,
                    params.range,
                    Some(c),
                )),
                ..CodeAction::default()
            }));
        }
    }

    if wanted(REDACT_ALL) || wanted(SURROGATE_ALL) {
        if let Some(analysis) = server.analyze(&uri).await {
            if analysis.version == version && !analysis.items.is_empty() {
                let n = analysis.items.len();
                for (kind, mode, title) in [
                    (
                        REDACT_ALL,
                        Mode::Redact,
                        format!("Redact all PHI in the document ({n})"),
                    ),
                    (
                        SURROGATE_ALL,
                        Mode::Surrogate,
                        format!("Replace all PHI in the document with surrogates ({n})"),
                    ),
                ] {
                    if wanted(kind) {
                        out.push(CodeActionOrCommand::CodeAction(CodeAction {
                            title,
                            kind: Some(CodeActionKind::new(kind)),
                            edit: Some(edit(edits::all(&analysis, mode))),
                            ..CodeAction::default()
                        }));
                    }
                }
            }
        }
    }
    Ok(Some(out))
}

fn action(
    title: String,
    kind: &'static str,
    d: &Diagnostic,
    edit: Option<tower_lsp_server::ls_types::WorkspaceEdit>,
    command: Option<Command>,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::new(kind)),
        diagnostics: Some(vec![d.clone()]),
        edit,
        command,
        is_preferred: Some(kind == REDACT),
        ..CodeAction::default()
    })
}

/// The command that adds the text at `range` to a list (the server reads the
/// term from its own copy of the document).
fn term_command(
    command: &str,
    title: &str,
    uri: &Uri,
    range: Range,
    category: Option<Category>,
) -> Command {
    let mut arg = json!({ "uri": uri.as_str(), "range": range });
    if let Some(c) = category {
        arg["category"] = json!(c.name());
    }
    Command {
        title: title.to_owned(),
        command: command.to_owned(),
        arguments: Some(vec![arg]),
    }
}

/// Whether two ranges overlap or touch (a cursor at either end counts).
fn touches(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}
