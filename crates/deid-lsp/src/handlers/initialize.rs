//! `initialize` and `initialized`: encodings, capabilities, first configuration.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, ExecuteCommandOptions, FileSystemWatcher,
    GlobPattern, HoverProviderCapability, InitializeParams, InitializeResult, InitializedParams,
    MessageType, Registration, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

use super::code_action::KINDS;
use super::commands::COMMANDS;
use crate::options::ClientOptions;
use crate::position::PositionEncoding;
use crate::server::{ClientCaps, Server};

pub(super) async fn initialize(
    server: &Server,
    params: InitializeParams,
) -> Result<InitializeResult> {
    let caps = &params.capabilities;
    let encoding = PositionEncoding::negotiate(
        caps.general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let workspace = caps.workspace.as_ref();
    let client_caps = ClientCaps {
        document_changes: workspace
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false),
        watch_files: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
    };
    #[allow(deprecated)]
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())
        .and_then(tower_lsp_server::ls_types::Uri::to_file_path)
        .map(std::borrow::Cow::into_owned);
    let (options, bad_options) =
        match ClientOptions::from_value(params.initialization_options.unwrap_or_default()) {
            Ok(o) => (o, None),
            Err(e) => (ClientOptions::default(), Some(format!("deid: {e:#}"))),
        };
    {
        let mut state = server.state();
        state.encoding = encoding;
        state.caps = client_caps;
        state.root = root;
        state.options = options;
    }
    server.start_publisher();
    if let Some(msg) = bad_options {
        server.log(MessageType::ERROR, msg).await;
    }
    crate::reload::reload(server).await;

    let kinds = KINDS.iter().map(|k| CodeActionKind::new(k)).collect();
    Ok(InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(kinds),
                ..CodeActionOptions::default()
            })),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: COMMANDS.iter().map(|&c| c.to_owned()).collect(),
                ..ExecuteCommandOptions::default()
            }),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "deid".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
        // The pre-3.17 (clangd) spelling, read by older clients such as Neovim 0.7.
        offset_encoding: Some(encoding.kind().as_str().to_owned()),
    })
}

pub(super) async fn initialized(server: &Server, _: InitializedParams) {
    let caps = server.state().caps;
    if caps.watch_files {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/deid.toml".to_owned()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "deid-toml-watcher".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = server
            .client()
            .register_capability(vec![registration])
            .await
        {
            server
                .log(
                    MessageType::WARNING,
                    format!("deid: could not watch deid.toml: {e}"),
                )
                .await;
        }
    }
    if caps.configuration {
        super::did_change_configuration::pull(server).await;
    }
}
