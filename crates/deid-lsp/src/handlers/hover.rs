//! `textDocument/hover`: what was found under the cursor, and why.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::not_open;
use crate::analysis::Item;
use crate::server::Server;

pub(super) async fn hover(server: &Server, params: HoverParams) -> Result<Option<Hover>> {
    let uri = params.text_document_position_params.text_document.uri;
    let pos = params.text_document_position_params.position;
    if !server.state().docs.contains_key(&uri) {
        return Err(not_open(&uri));
    }
    let Some(analysis) = server.analyze(&uri).await else {
        return Ok(None);
    };
    let item = analysis
        .items
        .iter()
        .find(|i| i.range.start <= pos && pos < i.range.end);
    Ok(item.map(|i| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown(i),
        }),
        range: Some(i.range),
    }))
}

/// The hover text: category, confidence, each detector and its evidence, and
/// what the fixes would write.
fn markdown(i: &Item) -> String {
    let f = &i.finding;
    let mut s = format!(
        "**{}** (`{}`), confidence {:.2}\n\n",
        f.category.label(),
        f.category.name(),
        f.confidence
    );
    s.push_str("Detectors:\n");
    for r in &f.reasons {
        s.push_str(&format!("- {} `{}`", r.source.name(), r.rule));
        if let Some(d) = r.detail {
            s.push_str(&format!(": {d}"));
        }
        s.push('\n');
    }
    s.push_str(&format!(
        "\nRedact as `{}`, or replace with the surrogate `{}`",
        i.redaction, i.surrogate
    ));
    s
}
