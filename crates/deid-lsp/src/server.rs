//! The server's shared state, analysis scheduling and publishing.
//!
//! Handlers change state under a `std::sync::Mutex` and never hold it across an
//! `.await`. Analysis runs on tokio's blocking pool; its result is kept only if
//! the document still has the version (and the configuration the generation)
//! it was computed for. Diagnostics go out through one channel, in the order
//! the state accepted them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use deid_core::{Engine, SurrogateKey, Surrogator};
use tokio::sync::mpsc;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{Diagnostic, MessageType, Uri};

use crate::Launch;
use crate::analysis::{self, Analysis, Analyzer};
use crate::diagnostics;
use crate::document::Document;
use crate::options::ClientOptions;
use crate::position::PositionEncoding;

/// What the client can do, from `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ClientCaps {
    /// Versioned `documentChanges` in workspace edits.
    pub(crate) document_changes: bool,
    /// Dynamic registration of `workspace/didChangeWatchedFiles`.
    pub(crate) watch_files: bool,
    /// `workspace/configuration` requests.
    pub(crate) configuration: bool,
}

pub(crate) struct State {
    pub(crate) docs: HashMap<Uri, Document>,
    pub(crate) encoding: PositionEncoding,
    pub(crate) caps: ClientCaps,
    /// The workspace root (first folder).
    pub(crate) root: Option<PathBuf>,
    pub(crate) options: ClientOptions,
    /// The `deid.toml` in use, if any.
    pub(crate) config_path: Option<PathBuf>,
    pub(crate) analyzer: Arc<Analyzer>,
    /// Drawn once per session: surrogates are consistent across every open
    /// document and across configuration reloads.
    pub(crate) session_key: SurrogateKey,
    pub(crate) launch: Launch,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("docs", &self.docs.len())
            .field("encoding", &self.encoding)
            .field("generation", &self.analyzer.generation)
            .finish_non_exhaustive()
    }
}

/// One `publishDiagnostics` to send.
struct Publish {
    uri: Uri,
    version: Option<i32>,
    diagnostics: Vec<Diagnostic>,
}

pub(crate) struct Inner {
    pub(crate) client: Client,
    state: Mutex<State>,
    publish: mpsc::UnboundedSender<Publish>,
    publish_rx: Mutex<Option<mpsc::UnboundedReceiver<Publish>>>,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inner").finish_non_exhaustive()
    }
}

/// The language server. Cheap to clone into tasks.
#[derive(Clone, Debug)]
pub struct Server(pub(crate) Arc<Inner>);

impl Server {
    pub fn new(client: Client) -> Self {
        Self::with_launch(client, Launch::default())
    }

    pub fn with_launch(client: Client, launch: Launch) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let key = session_key();
        let mut settings = deid_core::Settings::default();
        settings.model.enabled &= !launch.rules_only;
        let state = State {
            docs: HashMap::new(),
            encoding: PositionEncoding::default(),
            caps: ClientCaps::default(),
            root: None,
            options: ClientOptions::default(),
            config_path: None,
            analyzer: Arc::new(Analyzer {
                engine: deid_model::engine(settings)
                    .unwrap_or_else(|_| Engine::new(deid_core::Settings::default())),
                surrogator: Surrogator::new(key.clone(), deid_core::SurrogateOptions::default()),
                generation: 0,
            }),
            session_key: key,
            launch,
        };
        Server(Arc::new(Inner {
            client,
            state: Mutex::new(state),
            publish: tx,
            publish_rx: Mutex::new(Some(rx)),
        }))
    }

    /// The state, even after a panic elsewhere poisoned the lock (every
    /// update leaves it consistent).
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        self.0
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn client(&self) -> &Client {
        &self.0.client
    }

    /// Starts the task that sends diagnostics in order (once).
    pub(crate) fn start_publisher(&self) {
        let rx = self
            .0
            .publish_rx
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(mut rx) = rx {
            let client = self.0.client.clone();
            tokio::spawn(async move {
                while let Some(p) = rx.recv().await {
                    client
                        .publish_diagnostics(p.uri, p.diagnostics, p.version)
                        .await;
                }
            });
        }
    }

    /// Queues diagnostics; call with the state locked so order follows state.
    fn queue(&self, uri: Uri, version: Option<i32>, diagnostics: Vec<Diagnostic>) {
        // The receiver lives as long as the server; a send fails only at exit.
        let _ = self.0.publish.send(Publish {
            uri,
            version,
            diagnostics,
        });
    }

    /// Clears a document's diagnostics (closed, or no longer checked); call
    /// with the state locked.
    pub(crate) fn clear(&self, uri: &Uri) {
        self.queue(uri.clone(), None, Vec::new());
    }

    /// Analyses `uri` after `delay` if it still has `version` then.
    pub(crate) fn schedule(&self, uri: Uri, version: i32, delay: Duration) {
        let server = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let latest = server.state().docs.get(&uri).map(|d| d.version);
            if latest == Some(version) {
                server.analyze(&uri).await;
            }
        });
    }

    /// Analyses every open, checked document again (after a configuration change).
    pub(crate) fn reanalyze_all(&self) {
        let docs: Vec<(Uri, i32)> = {
            let state = self.state();
            state
                .docs
                .iter()
                .filter(|(_, d)| d.checked)
                .map(|(u, d)| (u.clone(), d.version))
                .collect()
        };
        for (uri, version) in docs {
            self.schedule(uri, version, Duration::ZERO);
        }
    }

    /// The analysis of the current version of `uri`, computed now if needed
    /// (and then published). `None` when the document is not open or not
    /// checked, or changed while it was analysed.
    pub(crate) async fn analyze(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        let (analyzer, encoding, rope, version, cache) = {
            let state = self.state();
            let doc = state.docs.get(uri).filter(|d| d.checked)?;
            if let Some(a) = doc.current() {
                if a.generation == state.analyzer.generation {
                    return Some(a);
                }
            }
            (
                Arc::clone(&state.analyzer),
                state.encoding,
                doc.rope.clone(),
                doc.version,
                doc.cache.clone(),
            )
        };
        let job = tokio::task::spawn_blocking(move || {
            analysis::analyze(&analyzer, encoding, &rope, version, &cache)
        });
        let (analysis, cache) = match job.await {
            Ok(r) => r,
            Err(e) => {
                // A panic in the engine: reported without the text.
                self.log(
                    MessageType::ERROR,
                    format!("analysis of {} failed: {e}", uri.as_str()),
                )
                .await;
                return None;
            }
        };
        let mut state = self.state();
        let generation = state.analyzer.generation;
        let severity = state.options.severity;
        let doc = state.docs.get_mut(uri)?;
        if analysis.generation != generation {
            return None;
        }
        doc.cache = cache;
        if doc.version != version {
            // Stale: a newer version is on its way.
            return None;
        }
        let analysis = Arc::new(analysis);
        doc.analysis = Some(Arc::clone(&analysis));
        let diags = diagnostics::all(&analysis, severity);
        self.queue(uri.clone(), Some(version), diags);
        Some(analysis)
    }

    /// A line in the client's log. Never pass document text.
    pub(crate) async fn log(&self, level: MessageType, message: String) {
        self.0.client.log_message(level, message).await;
    }
}

fn session_key() -> SurrogateKey {
    let mut bytes = [0u8; 32];
    // Falls back to a key from the clock when no OS randomness is available;
    // surrogates stay consistent within the session either way.
    if getrandom::fill(&mut bytes).is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        bytes = blake3::hash(&t.as_nanos().to_le_bytes()).into();
    }
    SurrogateKey::from_bytes(bytes)
}
