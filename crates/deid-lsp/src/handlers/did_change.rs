//! `textDocument/didChange`: apply the edits before any await, then analyse
//! once typing pauses.

use tower_lsp_server::ls_types::DidChangeTextDocumentParams;

use crate::server::Server;

pub(super) fn did_change(server: &Server, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let version = params.text_document.version;
    let debounce = {
        let mut state = server.state();
        let encoding = state.encoding;
        let debounce = state.options.debounce();
        let Some(doc) = state.docs.get_mut(&uri) else {
            return;
        };
        for change in &params.content_changes {
            doc.apply(change, encoding);
        }
        doc.version = version;
        if !doc.checked {
            return;
        }
        debounce
    };
    server.schedule(uri, version, debounce);
}
