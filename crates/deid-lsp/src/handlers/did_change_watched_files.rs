//! `workspace/didChangeWatchedFiles`: a `deid.toml` changed on disk.

use tower_lsp_server::ls_types::DidChangeWatchedFilesParams;

use crate::server::Server;

pub(super) async fn did_change_watched_files(
    server: &Server,
    params: &DidChangeWatchedFilesParams,
) {
    if params.changes.iter().any(|c| crate::is_config(&c.uri)) {
        crate::reload::reload(server).await;
    }
}
