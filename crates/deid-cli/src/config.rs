//! Finding and reading `deid.toml`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use deid_core::Settings;

/// Settings from `explicit`, else from the first `deid.toml` in the working
/// directory or its parents, else the defaults.
pub(crate) fn load(explicit: Option<&Path>) -> anyhow::Result<Settings> {
    Ok(load_with_path(explicit)?.0)
}

/// The settings and the file they came from, if any.
pub(crate) fn load_with_path(
    explicit: Option<&Path>,
) -> anyhow::Result<(Settings, Option<PathBuf>)> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => discover(&std::env::current_dir().context("reading the working directory")?),
    };
    let Some(path) = path else {
        return Ok((Settings::default(), None));
    };
    let src = std::fs::read_to_string(&path)
        .with_context(|| format!("reading configuration {}", path.display()))?;
    let settings = Settings::from_toml(&src)
        .with_context(|| format!("invalid configuration {}", path.display()))?;
    Ok((settings, Some(path)))
}

fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join("deid.toml"))
        .find(|p| p.is_file())
}
