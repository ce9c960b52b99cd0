//! `deid watch IN_DIR OUT_DIR`: de-identify every file that arrives or
//! changes, with no screen; stops on SIGINT or SIGTERM.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::session::{SessionArgs, config};

#[derive(Args)]
pub(crate) struct WatchArgs {
    /// Folder to watch (never written to)
    in_dir: PathBuf,
    /// Folder for the outputs, mirroring the input tree; created if missing
    out_dir: PathBuf,
    #[command(flatten)]
    session: SessionArgs,
}

pub(crate) fn run(args: &WatchArgs, config_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = config(
        &args.session,
        &args.in_dir,
        Some(args.out_dir.clone()),
        config_file,
    )?;
    deid_tui::watch::run(config)?;
    Ok(ExitCode::SUCCESS)
}
