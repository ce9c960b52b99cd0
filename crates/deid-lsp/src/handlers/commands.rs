//! `workspace/executeCommand`: whole-document fixes, a de-identified copy, a
//! summary, and the allow- and deny-list edits.
//!
//! Every command takes one argument: a document URI, or an object
//! `{ "uri", "range"?, "category"?, "mode"? }`.

use std::collections::BTreeMap;
use std::sync::Arc;

use deid_core::Category;
use serde::Deserialize;
use serde_json::json;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{ExecuteCommandParams, LSPAny, MessageType, Range, Uri};

use super::not_open;
use crate::analysis::Analysis;
use crate::config::{self, List};
use crate::edits::{self, Mode};
use crate::server::Server;

pub(crate) const REDACT_ALL: &str = "deid.redactAll";
pub(crate) const SURROGATE_ALL: &str = "deid.surrogateAll";
pub(crate) const DEIDENTIFY: &str = "deid.deidentify";
pub(crate) const SUMMARY: &str = "deid.summary";
pub(crate) const ALLOW: &str = "deid.allow";
pub(crate) const DENY: &str = "deid.deny";
pub(crate) const COMMANDS: [&str; 6] =
    [REDACT_ALL, SURROGATE_ALL, DEIDENTIFY, SUMMARY, ALLOW, DENY];

#[derive(Deserialize)]
#[serde(untagged)]
enum Arg {
    Uri(Uri),
    Full(Args),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Args {
    uri: Uri,
    #[serde(default)]
    range: Option<Range>,
    #[serde(default)]
    category: Option<Category>,
    #[serde(default)]
    mode: Option<ModeArg>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ModeArg {
    Redact,
    Surrogate,
}

pub(super) async fn execute(
    server: &Server,
    params: ExecuteCommandParams,
) -> Result<Option<LSPAny>> {
    let command = params.command.as_str();
    if !COMMANDS.contains(&command) {
        return Err(Error::invalid_params(format!(
            "unknown command `{command}`"
        )));
    }
    let arg =
        params.arguments.into_iter().next().ok_or_else(|| {
            Error::invalid_params(format!("`{command}` needs a document argument"))
        })?;
    let args = match serde_json::from_value::<Arg>(arg) {
        Ok(Arg::Uri(uri)) => Args {
            uri,
            range: None,
            category: None,
            mode: None,
        },
        Ok(Arg::Full(a)) => a,
        Err(_) => {
            return Err(Error::invalid_params(format!(
                "`{command}` takes a document URI or {{ \"uri\", \"range\", \"category\", \"mode\" }}"
            )));
        }
    };
    if !server.state().docs.contains_key(&args.uri) {
        return Err(not_open(&args.uri));
    }
    match command {
        REDACT_ALL => apply_all(server, &args.uri, Mode::Redact).await,
        SURROGATE_ALL => apply_all(server, &args.uri, Mode::Surrogate).await,
        DEIDENTIFY => deidentify(server, &args).await,
        SUMMARY => summary(server, &args.uri).await,
        ALLOW => add_term(server, &args, List::Allow).await,
        _ => {
            let category = args
                .category
                .ok_or_else(|| Error::invalid_params("`deid.deny` needs a `category`"))?;
            add_term(server, &args, List::Deny(category)).await
        }
    }
}

/// The current analysis and text, both of the same version.
async fn current(server: &Server, uri: &Uri) -> Result<(Arc<Analysis>, String)> {
    for _ in 0..3 {
        let analysis = server.analyze(uri).await.ok_or_else(|| {
            Error::invalid_params(format!("document not checked: {}", uri.as_str()))
        })?;
        let state = server.state();
        let doc = state.docs.get(uri).ok_or_else(|| not_open(uri))?;
        if doc.version == analysis.version {
            return Ok((analysis, doc.rope.to_string()));
        }
    }
    Err(Error::request_cancelled())
}

async fn apply_all(server: &Server, uri: &Uri, mode: Mode) -> Result<Option<LSPAny>> {
    let (analysis, _) = current(server, uri).await?;
    let count = analysis.items.len();
    if count == 0 {
        return Ok(Some(json!({ "applied": true, "count": 0 })));
    }
    let document_changes = server.state().caps.document_changes;
    let edit = edits::workspace_edit(
        document_changes,
        uri,
        analysis.version,
        edits::all(&analysis, mode),
    );
    let response = server.client().apply_edit(edit).await?;
    Ok(Some(json!({ "applied": response.applied, "count": count })))
}

async fn deidentify(server: &Server, args: &Args) -> Result<Option<LSPAny>> {
    let path = args
        .uri
        .to_file_path()
        .filter(|_| args.uri.scheme().as_str() == "file")
        .ok_or_else(|| Error::invalid_params("only files on disk can be de-identified to a file"))?
        .into_owned();
    let mode = match args.mode {
        Some(ModeArg::Surrogate) => Mode::Surrogate,
        _ => Mode::Redact,
    };
    let (analysis, text) = current(server, &args.uri).await?;
    let out = edits::apply_all(&text, &analysis, mode);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.deid.{}", ext.to_string_lossy()),
        None => format!("{stem}.deid"),
    };
    let target = path.with_file_name(name);
    let written = target.clone();
    tokio::task::spawn_blocking(move || std::fs::write(&written, out))
        .await
        .map_err(|e| internal(format!("writing {}: {e}", target.display())))?
        .map_err(|e| internal(format!("writing {}: {e}", target.display())))?;
    let uri = Uri::from_file_path(&target)
        .ok_or_else(|| internal(format!("no URI for {}", target.display())))?;
    Ok(Some(
        json!({ "uri": uri.as_str(), "count": analysis.items.len() }),
    ))
}

async fn summary(server: &Server, uri: &Uri) -> Result<Option<LSPAny>> {
    let (analysis, _) = current(server, uri).await?;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &analysis.items {
        *counts.entry(i.finding.category.name()).or_default() += 1;
    }
    Ok(Some(json!({
        "uri": uri.as_str(),
        "version": analysis.version,
        "total": analysis.items.len(),
        "categories": counts,
        // How the last analysis used the paragraph cache.
        "paragraphs": { "analysed": analysis.analysed, "reused": analysis.reused },
    })))
}

async fn add_term(server: &Server, args: &Args, list: List) -> Result<Option<LSPAny>> {
    let range = args
        .range
        .ok_or_else(|| Error::invalid_params("a `range` is needed"))?;
    let (term, target) = {
        let state = server.state();
        let doc = state
            .docs
            .get(&args.uri)
            .ok_or_else(|| not_open(&args.uri))?;
        let (a, b) = state.encoding.char_range(&doc.rope, range);
        let term = doc.rope.slice(a..b).to_string();
        let target = config::target(state.root.as_deref(), state.options.config_path.as_deref());
        (term, target)
    };
    let term = term.trim().to_owned();
    if term.is_empty() || term.contains('\n') {
        return Err(Error::invalid_params(
            "the term must be non-empty text on one line",
        ));
    }
    let path = target.ok_or_else(|| {
        Error::invalid_params("no workspace folder to hold deid.toml; open a folder first")
    })?;
    let file = path.clone();
    let changed = tokio::task::spawn_blocking(move || config::add_term_to_file(&file, list, &term))
        .await
        .map_err(|e| internal(format!("editing {}: {e}", path.display())))?
        .map_err(|e| internal(format!("{e:#}")))?;
    let which = match list {
        List::Allow => "allow".to_owned(),
        List::Deny(c) => format!("deny ({c})"),
    };
    server
        .log(
            MessageType::INFO,
            format!(
                "deid: added a term to the {which} list of {}",
                path.display()
            ),
        )
        .await;
    if changed {
        crate::reload::reload(server).await;
    }
    Ok(Some(
        json!({ "changed": changed, "path": path.display().to_string() }),
    ))
}

fn internal(message: String) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: message.into(),
        data: None,
    }
}
