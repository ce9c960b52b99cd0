//! `textDocument/didSave`: saving `deid.toml` in the editor reloads it, for
//! clients that cannot watch files.

use tower_lsp_server::ls_types::DidSaveTextDocumentParams;

use crate::server::Server;

pub(super) async fn did_save(server: &Server, params: DidSaveTextDocumentParams) {
    if crate::is_config(&params.text_document.uri) {
        crate::reload::reload(server).await;
    }
}
