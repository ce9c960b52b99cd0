//! `textDocument/didOpen`: store the text, analyse at once.

use std::time::Duration;

use tower_lsp_server::ls_types::DidOpenTextDocumentParams;

use crate::document::Document;
use crate::server::Server;

pub(super) fn did_open(server: &Server, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    let checked = {
        let mut state = server.state();
        let checked = state
            .options
            .checks(&doc.language_id, crate::extension(&doc.uri).as_deref());
        state.docs.insert(
            doc.uri.clone(),
            Document::new(&doc.text, doc.version, doc.language_id, checked),
        );
        checked
    };
    if checked {
        server.schedule(doc.uri, doc.version, Duration::ZERO);
    }
}
