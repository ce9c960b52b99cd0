//! deid-server: `deid serve`, the Azure Health Data Services
//! de-identification API (version 2024-11-15) served locally, so the
//! official Azure SDKs work against it unchanged.
//!
//! [`router`] builds the axum app over an [`AppState`]; [`run`] binds, serves
//! TLS (or plain HTTP when asked) and drains on SIGTERM. Analysis runs only on
//! blocking threads, never on a runtime worker; job state lives in `SQLite`
//! ([`jobs::store`]) and documents in `file://`, Azure Blob or S3 locations
//! ([`jobs::storage`]). Request bodies and document text never reach a log or
//! an error message.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod auth;
pub mod config;
pub mod dev;
pub mod error;
pub mod jobs;
mod listen;
pub mod models;
mod protocol;
pub mod realtime;
pub mod time;
pub mod tls;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deid_core::Engine;
use tokio::sync::Semaphore;

pub use config::{Config, FileConfig, Limits};

/// The one API version served.
pub const API_VERSION: &str = "2024-11-15";

/// The `OpenAPI` document of the served API.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Shared by every handler and job.
#[derive(Clone)]
pub struct AppState {
    pub inner: Arc<Inner>,
}

pub struct Inner {
    pub engine: Arc<Engine>,
    pub tokens: auth::Tokens,
    pub store: jobs::store::Store,
    pub storage: jobs::storage::Storage,
    pub limits: Limits,
    /// `POST /deid` requests admitted.
    pub realtime: Semaphore,
    /// `POST /deid` analyses running.
    pub cpu: Semaphore,
    /// Jobs running.
    pub job_slots: Semaphore,
    /// "https" or "http", for the links the server writes.
    pub scheme: &'static str,
    /// Set on SIGTERM: jobs stop between documents.
    pub stopping: AtomicBool,
}

impl AppState {
    pub fn new(
        engine: Engine,
        tokens: auth::Tokens,
        store: jobs::store::Store,
        storage: jobs::storage::Storage,
        limits: Limits,
        scheme: &'static str,
    ) -> Self {
        AppState {
            inner: Arc::new(Inner {
                engine: Arc::new(engine),
                tokens,
                store,
                storage,
                realtime: Semaphore::new(limits.realtime_in_flight.max(1)),
                cpu: Semaphore::new(limits.realtime_threads.max(1)),
                job_slots: Semaphore::new(limits.job_workers.max(1)),
                limits,
                scheme,
                stopping: AtomicBool::new(false),
            }),
        }
    }

    /// Starts every job a previous run left unfinished.
    pub fn resume_jobs(&self) -> anyhow::Result<usize> {
        let seqs = self.inner.store.unfinished()?;
        for &seq in &seqs {
            jobs::runner::spawn(self.clone(), seq);
        }
        Ok(seqs.len())
    }
}

/// The whole API. `/health` and `/openapi.json` need neither a token nor an
/// api-version.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/deid", post(realtime::deidentify))
        .route("/jobs", get(jobs::list))
        .route(
            "/jobs/{name}",
            get(jobs::get)
                .put(jobs::create)
                .delete(jobs::delete)
                .post(jobs::post),
        )
        .route("/jobs/{name}/documents", get(jobs::documents))
        .route_layer(from_fn(protocol::api_version))
        .route_layer(from_fn_with_state(state.clone(), auth::require));
    Router::new()
        .merge(api)
        .route("/health", get(health))
        .route("/openapi.json", get(openapi))
        .fallback(protocol::not_found)
        .layer(from_fn(protocol::envelope))
        .with_state(state)
}

async fn health() -> Response {
    models::json_body(&serde_json::json!({ "status": "ok" }))
}

async fn openapi() -> Response {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/json; charset=utf-8",
        )],
        OPENAPI,
    )
        .into_response()
}

/// Logs to stderr; `DEID_LOG` sets the filter (default `info`).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DEID_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}

/// Binds, calls `ready` with the bound address, serves until SIGTERM or
/// Ctrl-C, then drains: open requests finish, jobs stop after their current
/// document and resume on the next start.
pub fn run(config: Config, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let tls = config.tls.as_ref().map(tls::server_config).transpose()?;
    let store = jobs::store::Store::open(&config.state)
        .with_context(|| format!("opening job state {}", config.state.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("listening on {}", config.listen))?;
        let addr = listener.local_addr()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let state = AppState::new(
            deid_model::engine(config.settings).context("loading the PHI model")?,
            config.tokens,
            store,
            config.storage,
            config.limits,
            scheme,
        );
        let resumed = state.resume_jobs()?;
        if resumed > 0 {
            tracing::info!(jobs = resumed, "resuming unfinished jobs");
        }
        ready(addr);
        listen::serve(listener, router(state.clone()), tls, listen::signal()).await;
        tracing::info!("stopping: waiting for running jobs to reach a document boundary");
        state.inner.stopping.store(true, Ordering::SeqCst);
        let workers = u32::try_from(state.inner.limits.job_workers.max(1)).unwrap_or(1);
        let _all = state.inner.job_slots.acquire_many(workers).await;
        tracing::info!("stopped");
        Ok(())
    })
}

/// Writes a file readable by its owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    f.write_all(bytes)?;
    Ok(())
}
