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
        let mut settings = Settings::default();
        apply_flags(&mut settings);
        return Ok((settings, None));
    };
    let src = std::fs::read_to_string(&path)
        .with_context(|| format!("reading configuration {}", path.display()))?;
    let mut settings = Settings::from_toml(&src)
        .with_context(|| format!("invalid configuration {}", path.display()))?;
    deid_model::pipeline::resolve_path(&mut settings, Some(&path));
    apply_flags(&mut settings);
    Ok((settings, Some(path)))
}

/// Set once by `main` from `--rules-only`.
static RULES_ONLY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs every later engine of this process without the model.
pub(crate) fn set_rules_only(on: bool) {
    RULES_ONLY.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `--rules-only` was given.
pub(crate) fn rules_only() -> bool {
    RULES_ONLY.load(std::sync::atomic::Ordering::Relaxed)
}

fn apply_flags(settings: &mut Settings) {
    if rules_only() {
        settings.model.enabled = false;
    }
}

/// The engine for `settings`: rules, lists and (unless turned off) the model.
pub(crate) fn engine(settings: Settings) -> anyhow::Result<deid_core::Engine> {
    deid_model::engine(settings).context("loading the PHI model")
}

fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join("deid.toml"))
        .find(|p| p.is_file())
}
