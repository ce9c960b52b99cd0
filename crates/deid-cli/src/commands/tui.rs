//! `deid tui IN_DIR [--out OUT_DIR]`: watch a folder and review each result.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::session::{SessionArgs, config};

#[derive(Args)]
pub(crate) struct TuiArgs {
    /// Folder to watch (never written to)
    in_dir: PathBuf,
    /// Folder for the outputs, mirroring the input tree; without it nothing is written
    #[arg(long, value_name = "OUT_DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    session: SessionArgs,
}

pub(crate) fn run(args: &TuiArgs, config_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = config(&args.session, &args.in_dir, args.out.clone(), config_file)?;
    deid_tui::terminal::run(config)?;
    Ok(ExitCode::SUCCESS)
}
