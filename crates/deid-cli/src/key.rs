//! Where the surrogate key comes from: `--key`, `--key-file`, `DEID_KEY`, the
//! configuration's `[surrogate] key_file`, or (by default) fresh random bytes.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use deid_core::SurrogateKey;

#[derive(Args, Clone, Default)]
pub(crate) struct KeyArgs {
    /// Secret for reproducible surrogates: the same secret gives the same output on any machine.
    /// Prefer --key-file or `DEID_KEY`: command lines are visible to other users.
    #[arg(long, value_name = "SECRET", conflicts_with = "key_file")]
    pub(crate) key: Option<String>,
    /// File whose contents are the secret (surrounding whitespace ignored)
    #[arg(long, value_name = "FILE")]
    pub(crate) key_file: Option<PathBuf>,
}

/// The key, and whether it was given (rather than drawn for this run).
pub(crate) fn resolve(
    args: &KeyArgs,
    config_key_file: Option<&str>,
    config_path: Option<&Path>,
) -> anyhow::Result<(SurrogateKey, bool)> {
    if let Some(k) = &args.key {
        anyhow::ensure!(!k.trim().is_empty(), "--key is empty");
        return Ok((SurrogateKey::from_secret(k.as_bytes()), true));
    }
    let file = args.key_file.clone().or_else(|| {
        config_key_file.map(|f| {
            let base = config_path.and_then(Path::parent).unwrap_or(Path::new("."));
            base.join(f)
        })
    });
    if let Some(f) = file {
        let secret =
            std::fs::read(&f).with_context(|| format!("reading the key file {}", f.display()))?;
        anyhow::ensure!(
            !secret.trim_ascii().is_empty(),
            "the key file {} is empty",
            f.display()
        );
        return Ok((SurrogateKey::from_secret(&secret), true));
    }
    if let Some(k) = std::env::var_os("DEID_KEY").filter(|k| !k.is_empty()) {
        return Ok((SurrogateKey::from_secret(k.as_encoded_bytes()), true));
    }
    Ok((random()?, false))
}

pub(crate) fn random() -> anyhow::Result<SurrogateKey> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("drawing a random key: {e}"))?;
    Ok(SurrogateKey::from_bytes(bytes))
}
