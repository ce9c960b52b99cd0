//! `deid mapping FILE`: the original-to-surrogate pairs of an encrypted
//! mapping file, for authorized re-identification.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::key::{self, KeyArgs};

#[derive(Args)]
pub(crate) struct MappingArgs {
    /// A file written by `--mapping-out`
    file: PathBuf,
    #[command(flatten)]
    key: KeyArgs,
}

pub(crate) fn run(args: &MappingArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (settings, config_path) = crate::config::load_with_path(config)?;
    let (key, given) = key::resolve(
        &args.key,
        settings.key_file.as_deref(),
        config_path.as_deref(),
    )?;
    anyhow::ensure!(
        given,
        "reading a mapping needs the run's key (--key, --key-file, DEID_KEY or `[surrogate] key_file`)"
    );
    let plain = crate::mapping::read(&args.file, &key)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&plain)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
