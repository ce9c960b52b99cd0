//! `deid serve`: the Azure de-identification API over HTTPS, so the official
//! Azure SDKs work against this machine unchanged.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;
use deid_server::auth::{Role, Tokens};
use deid_server::jobs::storage::Root;
use deid_server::tls::TlsFiles;
use deid_server::{Config, FileConfig};

use crate::output;

#[derive(Args)]
pub(crate) struct ServeArgs {
    /// Try it in one command: HTTPS on 127.0.0.1:8443, a self-signed certificate in
    /// .deid/dev/cert.pem, a Data Owner token in .deid/dev/token, and file:// locations
    /// under the working directory
    #[arg(long)]
    dev: bool,
    /// Address to listen on (default 127.0.0.1:8443)
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Server configuration: tokens and their roles, storage roots, credentials, limits
    #[arg(long, value_name = "FILE")]
    server_config: Option<PathBuf>,
    /// TLS certificate chain (PEM)
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM)
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Generate a self-signed certificate into DIR (cert.pem, key.pem) and use it
    #[arg(long, value_name = "DIR", conflicts_with_all = ["tls_cert", "plain_http"])]
    self_signed: Option<PathBuf>,
    /// Serve plain HTTP without TLS (clients must opt out of their HTTPS check)
    #[arg(long, conflicts_with_all = ["tls_cert", "dev"])]
    plain_http: bool,
    /// Accept every request without a token (only for tests on a trusted machine)
    #[arg(long, conflicts_with = "dev")]
    no_auth: bool,
    /// Folder or storage URL that jobs may read and write (repeatable)
    #[arg(long = "root", value_name = "DIR|URL")]
    roots: Vec<String>,
    /// Database file with job state (default .deid/server/jobs.db)
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Jobs run at once (default: half the cores)
    #[arg(long, value_name = "N")]
    job_workers: Option<usize>,
}

pub(crate) fn run(args: &ServeArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let settings = crate::config::load(config)?;
    let file = match &args.server_config {
        Some(p) => FileConfig::read(p)?,
        None => FileConfig::default(),
    };
    let cwd = std::env::current_dir().context("reading the working directory")?;
    let mut storage = file.storage()?;
    for r in &args.roots {
        storage.roots.push(Root::parse(r)?);
    }
    let mut tokens = file.tokens()?;
    let mut limits = file.limits.unwrap_or_default();
    if let Some(n) = args.job_workers {
        limits.job_workers = n.max(1);
    }
    let mut banner = Vec::new();
    let tls = if args.dev {
        let dev = deid_server::dev::prepare(&cwd)?;
        storage.roots.push(Root::parse(&cwd.to_string_lossy())?);
        tokens.add_digest(dev.token_digest, Role::DataOwner, "dev");
        banner.push("development mode:".to_owned());
        banner.push(format!(
            "  certificate  {} (self-signed; trust it in clients, e.g. connection_verify=)",
            dev.tls.cert.display()
        ));
        banner.push(format!(
            "  token        {} (role DeID Data Owner)",
            dev.token_file.display()
        ));
        banner.push(format!(
            "  storage      file:// locations under {}",
            cwd.display()
        ));
        Some(dev.tls)
    } else if let (Some(cert), Some(key)) = (
        args.tls_cert.clone().or(file.tls_cert.clone()),
        args.tls_key.clone().or(file.tls_key.clone()),
    ) {
        Some(TlsFiles { cert, key })
    } else if let Some(dir) = &args.self_signed {
        let files = deid_server::tls::self_signed(dir)?;
        banner.push(format!("self-signed certificate: {}", files.cert.display()));
        Some(files)
    } else if args.plain_http {
        None
    } else {
        bail!(
            "deid serve needs TLS: --tls-cert and --tls-key, --self-signed DIR, or --dev; \
             --plain-http serves without TLS"
        );
    };
    if args.no_auth {
        tokens = Tokens::open();
        banner.push("authentication is OFF (--no-auth)".to_owned());
    } else if tokens.is_empty() {
        bail!(
            "no tokens configured: add [[tokens]] to --server-config, use --dev, or pass --no-auth"
        );
    }
    let default_listen: SocketAddr = ([127, 0, 0, 1], 8443).into();
    let state = args
        .state
        .clone()
        .or(file.state.clone())
        .unwrap_or_else(|| {
            let dir = if args.dev {
                ".deid/dev"
            } else {
                ".deid/server"
            };
            cwd.join(dir).join("jobs.db")
        });
    let https = tls.is_some();
    let cfg = Config {
        listen: args.listen.or(file.listen).unwrap_or(default_listen),
        tls,
        tokens,
        storage,
        state,
        settings,
        limits,
    };
    deid_server::init_logging();
    deid_server::run(cfg, |addr| {
        let scheme = if https { "https" } else { "http" };
        let host = if addr.ip().is_loopback() {
            format!("127.0.0.1:{}", addr.port())
        } else {
            addr.to_string()
        };
        output::eprintln(&format!(
            "deid serve: listening on {scheme}://{host} (Azure de-identification API {})",
            deid_server::API_VERSION
        ));
        for line in &banner {
            output::eprintln(line);
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
