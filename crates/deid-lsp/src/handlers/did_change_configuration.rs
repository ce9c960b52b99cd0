//! `workspace/didChangeConfiguration`, and pulling the `deid` section with
//! `workspace/configuration` where the client supports it.

use tower_lsp_server::ls_types::{ConfigurationItem, DidChangeConfigurationParams, MessageType};

use crate::options::ClientOptions;
use crate::server::Server;

pub(super) async fn did_change_configuration(
    server: &Server,
    params: DidChangeConfigurationParams,
) {
    // Pull-model clients send `null` (or an empty object) and answer
    // `workspace/configuration` instead.
    let empty = params.settings.is_null()
        || params
            .settings
            .as_object()
            .is_some_and(serde_json::Map::is_empty);
    if empty && server.state().caps.configuration {
        pull(server).await;
        return;
    }
    set(server, params.settings).await;
}

/// Asks the client for the `deid` section and applies it when it has one.
pub(super) async fn pull(server: &Server) {
    let items = vec![ConfigurationItem {
        scope_uri: None,
        section: Some("deid".to_owned()),
    }];
    match server.client().configuration(items).await {
        Ok(mut values) if !values.is_empty() => {
            let value = values.swap_remove(0);
            if value.as_object().is_some_and(|o| !o.is_empty()) {
                set(server, value).await;
            }
        }
        Ok(_) => {}
        Err(e) => {
            server
                .log(
                    MessageType::WARNING,
                    format!("deid: workspace/configuration failed: {e}"),
                )
                .await;
        }
    }
}

async fn set(server: &Server, value: serde_json::Value) {
    match ClientOptions::from_value(value) {
        Ok(options) => {
            server.state().options = options;
            crate::reload::reload(server).await;
        }
        Err(e) => {
            let msg = format!("deid: {e:#}");
            server.log(MessageType::ERROR, msg.clone()).await;
            server.client().show_message(MessageType::ERROR, msg).await;
        }
    }
}
