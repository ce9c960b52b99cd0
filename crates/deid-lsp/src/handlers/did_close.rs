//! `textDocument/didClose`: forget the document and clear its diagnostics.

use tower_lsp_server::ls_types::DidCloseTextDocumentParams;

use crate::server::Server;

pub(super) fn did_close(server: &Server, params: &DidCloseTextDocumentParams) {
    let mut state = server.state();
    if let Some(doc) = state.docs.remove(&params.text_document.uri) {
        if doc.checked {
            server.clear(&params.text_document.uri);
        }
    }
}
