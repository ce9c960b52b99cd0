//! The server's settings: parsed from flags and an optional TOML file into
//! one checked [`Config`] before anything starts.
//!
//! ```toml
//! listen = "0.0.0.0:8443"
//! tls_cert = "/etc/deid/cert.pem"
//! tls_key = "/etc/deid/key.pem"
//! state = "/var/lib/deid/jobs.db"
//! roots = ["/data/notes", "https://acct.blob.core.windows.net/notes", "s3://bucket/notes"]
//!
//! [[tokens]]
//! name = "pipeline"                 # logged; the token never is
//! role = "DeID Batch Data Owner"
//! sha256 = "<64 hex digits: printf %s \"$TOKEN\" | sha256sum>"
//!
//! [[azure]]
//! account = "acct"
//! access_key = "..."
//!
//! [limits]
//! realtime_in_flight = 64
//! job_workers = 1
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use deid_core::Settings;
use serde::Deserialize;

use crate::auth::{Role, Tokens, parse_hex_digest};
use crate::jobs::storage::{AzureAccount, Root, Storage};
use crate::tls::TlsFiles;

/// Everything the server needs to start.
#[derive(Debug)]
pub struct Config {
    pub listen: SocketAddr,
    /// `None` serves plain HTTP (only when asked for explicitly).
    pub tls: Option<TlsFiles>,
    pub tokens: Tokens,
    pub storage: Storage,
    /// The `SQLite` file with job state.
    pub state: PathBuf,
    pub settings: Settings,
    pub limits: Limits,
}

/// How much work the server takes on at once.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// `POST /deid` requests admitted at once; more get 429.
    pub realtime_in_flight: usize,
    /// Threads analysing `POST /deid` texts at once.
    pub realtime_threads: usize,
    /// Jobs running at once (each on one thread).
    pub job_workers: usize,
    /// Jobs waiting to start; more get 429.
    pub queued_jobs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Limits {
            realtime_in_flight: 256,
            realtime_threads: cores,
            job_workers: (cores / 2).max(1),
            queued_jobs: 100,
        }
    }
}

/// The optional configuration file.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<SocketAddr>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub state: Option<PathBuf>,
    pub roots: Vec<String>,
    pub tokens: Vec<TokenEntry>,
    pub azure: Vec<AzureAccount>,
    pub limits: Option<Limits>,
}

/// One token: its digest and role.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenEntry {
    #[serde(default)]
    pub name: String,
    pub role: String,
    pub sha256: String,
}

impl FileConfig {
    pub fn read(path: &Path) -> anyhow::Result<FileConfig> {
        let src = std::fs::read_to_string(path)
            .with_context(|| format!("reading server configuration {}", path.display()))?;
        let mut cfg: FileConfig = toml::from_str(&src)
            .with_context(|| format!("invalid server configuration {}", path.display()))?;
        // Relative paths are relative to the file.
        let base = path.parent().unwrap_or(Path::new("."));
        for p in [&mut cfg.tls_cert, &mut cfg.tls_key, &mut cfg.state]
            .into_iter()
            .flatten()
        {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(cfg)
    }

    /// The tokens, checked.
    pub fn tokens(&self) -> anyhow::Result<Tokens> {
        let mut tokens = Tokens::default();
        for (i, t) in self.tokens.iter().enumerate() {
            let label = if t.name.is_empty() {
                format!("token {}", i + 1)
            } else {
                t.name.clone()
            };
            let role = Role::parse(&t.role).with_context(|| {
                format!(
                    "{label}: unknown role {:?}; expected DeID Data Owner, DeID Realtime Data User, \
                     DeID Batch Data Owner or DeID Batch Data Reader",
                    t.role
                )
            })?;
            let digest = parse_hex_digest(&t.sha256)
                .with_context(|| format!("{label}: sha256 must be 64 hex digits"))?;
            tokens.add_digest(digest, role, &label);
        }
        Ok(tokens)
    }

    /// The storage roots and credentials, checked.
    pub fn storage(&self) -> anyhow::Result<Storage> {
        Ok(Storage {
            roots: self
                .roots
                .iter()
                .map(|r| Root::parse(r))
                .collect::<anyhow::Result<_>>()?,
            azure: self.azure.clone(),
        })
    }
}
