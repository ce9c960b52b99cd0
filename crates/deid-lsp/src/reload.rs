//! (Re)building the analyzer from `deid.toml` and the client's options.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use deid_core::{Engine, Settings, SurrogateKey, Surrogator};
use tower_lsp_server::ls_types::MessageType;

use crate::analysis::Analyzer;
use crate::options::ClientOptions;
use crate::server::Server;
use crate::{Launch, config};

/// Reads the configuration again, swaps in a new analyzer and re-analyses every
/// open document. On a bad configuration the old analyzer stays and the user
/// is told why (the message names the file and key, never a term).
pub(crate) async fn reload(server: &Server) {
    let (root, options, key, launch) = {
        let s = server.state();
        (
            s.root.clone(),
            s.options.clone(),
            s.session_key.clone(),
            s.launch,
        )
    };
    let built =
        tokio::task::spawn_blocking(move || build(root.as_deref(), &options, key, launch)).await;
    let (engine, surrogator, path) = match built {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => {
            let msg = format!("deid: {e:#}");
            server.log(MessageType::ERROR, msg.clone()).await;
            server.client().show_message(MessageType::ERROR, msg).await;
            return;
        }
        Err(e) => {
            server
                .log(
                    MessageType::ERROR,
                    format!("deid: loading the configuration failed: {e}"),
                )
                .await;
            return;
        }
    };
    let described = path
        .as_ref()
        .map_or_else(|| "defaults".to_owned(), |p| p.display().to_string());
    {
        let mut state = server.state();
        let generation = state.analyzer.generation + 1;
        state.analyzer = Arc::new(Analyzer {
            engine,
            surrogator,
            generation,
        });
        state.config_path = path;
        let options = state.options.clone();
        let mut cleared = Vec::new();
        for (uri, doc) in &mut state.docs {
            let checked = options.checks(&doc.language, crate::extension(uri).as_deref());
            if doc.checked && !checked {
                cleared.push(uri.clone());
            }
            doc.checked = checked;
        }
        for uri in &cleared {
            server.clear(uri);
        }
    }
    server
        .log(
            MessageType::INFO,
            format!("deid: configuration from {described}"),
        )
        .await;
    server.reanalyze_all();
}

fn build(
    root: Option<&Path>,
    options: &ClientOptions,
    session_key: SurrogateKey,
    launch: Launch,
) -> anyhow::Result<(Engine, Surrogator, Option<PathBuf>)> {
    let path = config::find(root, options.config_path.as_deref());
    let mut settings = options.apply(config::read(path.as_deref())?)?;
    deid_model::pipeline::resolve_path(&mut settings, path.as_deref());
    settings.model.enabled &= !launch.rules_only;
    let key = key(root, options, &settings, path.as_deref())?.unwrap_or(session_key);
    let surrogator = Surrogator::new(key, settings.surrogate);
    let engine = deid_model::engine(settings).context("loading the PHI model")?;
    Ok((engine, surrogator, path))
}

/// The key from the client's `keyFile`, else the configuration's
/// `[surrogate] key_file` (relative to the file's folder).
fn key(
    root: Option<&Path>,
    options: &ClientOptions,
    settings: &Settings,
    config: Option<&Path>,
) -> anyhow::Result<Option<SurrogateKey>> {
    let file = match (&options.key_file, &settings.key_file) {
        (Some(f), _) => root.map_or_else(|| f.clone(), |r| r.join(f)),
        (None, Some(f)) => config
            .and_then(Path::parent)
            .map_or_else(|| PathBuf::from(f), |d| d.join(f)),
        (None, None) => return Ok(None),
    };
    let secret =
        std::fs::read(&file).with_context(|| format!("reading the key file {}", file.display()))?;
    anyhow::ensure!(
        !secret.trim_ascii().is_empty(),
        "the key file {} is empty",
        file.display()
    );
    Ok(Some(SurrogateKey::from_secret(&secret)))
}
