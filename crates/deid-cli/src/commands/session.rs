//! Options shared by `deid tui` and `deid watch`, turned into a session
//! configuration: settings, key, and where `deid.toml` lives for the
//! allow action.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use deid_tui::Operation;
use deid_tui::files::Utf8;

use super::batch::Operation as Op;
use crate::key::{self, KeyArgs};

#[derive(Args)]
pub(crate) struct SessionArgs {
    /// What each output holds (tag writes FILE.json with the entities)
    #[arg(long, value_enum, default_value = "surrogate")]
    operation: Op,
    /// File extensions to take, comma-separated; `*` for every file
    #[arg(long, value_delimiter = ',', default_value = "txt")]
    ext: Vec<String>,
    /// Worker threads (default: one fewer than the cores)
    #[arg(long)]
    jobs: Option<usize>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the file
    #[arg(long)]
    lossy: bool,
    #[command(flatten)]
    key: KeyArgs,
}

pub(crate) fn config(
    args: &SessionArgs,
    in_dir: &Path,
    out_dir: Option<PathBuf>,
    config: Option<&Path>,
) -> anyhow::Result<deid_tui::Config> {
    let (settings, path) = crate::config::load_with_path(config)?;
    let (key, _given) = key::resolve(&args.key, settings.key_file.as_deref(), path.as_deref())?;
    let config_path = match path {
        Some(p) => p,
        None => std::env::current_dir()
            .context("reading the working directory")?
            .join("deid.toml"),
    };
    Ok(deid_tui::Config {
        in_dir: in_dir.to_path_buf(),
        out_dir,
        operation: match args.operation {
            Op::Tag => Operation::Tag,
            Op::Redact => Operation::Redact,
            Op::Surrogate => Operation::Surrogate,
        },
        exts: args.ext.clone(),
        jobs: args.jobs.unwrap_or(0),
        utf8: if args.lossy {
            Utf8::Lossy
        } else {
            Utf8::Strict
        },
        settings,
        config_path,
        key,
    })
}
