//! deid-lsp: the `deid lsp` language server.
//!
//! It shows every PHI span of the open notes as a diagnostic (category,
//! confidence, the detectors' reasons), explains it on hover, and offers
//! quick-fixes: redact or surrogate one span or the whole document, and add a
//! term to the workspace's allow- or deny-list in `deid.toml`. It is the only
//! crate that knows LSP types and position encodings; detection is
//! [`deid_core::Engine`]'s, run off the async runtime on tokio's blocking pool,
//! paragraph by paragraph with a cache so an edit re-analyses only the
//! paragraphs it touched. Document text never reaches a log.

#![warn(clippy::print_stdout, clippy::print_stderr)]

mod analysis;
pub mod bench;
mod config;
mod diagnostics;
mod document;
mod edits;
mod handlers;
mod options;
mod position;
mod reload;
mod server;

pub use server::Server;

use tower_lsp_server::ls_types::Uri;
use tower_lsp_server::{ClientSocket, LspService};

/// The service and its client socket, for any transport (tests use in-memory
/// streams).
pub fn service() -> (LspService<Server>, ClientSocket) {
    service_with(Launch::default())
}

/// [`service`] started with `launch`.
pub fn service_with(launch: Launch) -> (LspService<Server>, ClientSocket) {
    LspService::new(move |client| Server::with_launch(client, launch))
}

/// How the server was started, beyond what the client and `deid.toml` say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Launch {
    /// Detect with rules and lists only, whatever `deid.toml` says about the
    /// model (`deid --rules-only lsp`).
    pub rules_only: bool,
}

/// Serves LSP on standard input and output until the client says `exit`.
pub async fn run_stdio(launch: Launch) {
    let (service, socket) = service_with(launch);
    tower_lsp_server::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
}

/// The lower-case extension of a `file:` URI's path, if any.
pub(crate) fn extension(uri: &Uri) -> Option<String> {
    let path = uri.path().as_str();
    let name = path.rsplit('/').next()?;
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// Whether `uri` names a `deid.toml`.
pub(crate) fn is_config(uri: &Uri) -> bool {
    uri.path()
        .as_str()
        .rsplit('/')
        .next()
        .is_some_and(|n| n == config::FILE_NAME)
}

/// Serves LSP on stdio on a tokio runtime of its own (for the `deid` binary).
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| anyhow::anyhow!("starting the async runtime: {e}"))?;
    runtime.block_on(run_stdio(launch));
    Ok(())
}
