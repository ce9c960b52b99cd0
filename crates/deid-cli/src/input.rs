//! Reading documents: files or standard input, checked for binary content and
//! invalid UTF-8 before any detection runs.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

pub(crate) use deid_tui::files::{Utf8, decode};

/// One input document.
pub(crate) struct Doc {
    /// `-` for standard input.
    pub(crate) name: String,
    pub(crate) text: String,
}

pub(crate) fn read_all(files: &[std::path::PathBuf], utf8: Utf8) -> anyhow::Result<Vec<Doc>> {
    if files.is_empty() {
        return Ok(vec![read_stdin(utf8)?]);
    }
    files.iter().map(|p| read_file(p, utf8)).collect()
}

pub(crate) fn read_stdin(utf8: Utf8) -> anyhow::Result<Doc> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .context("reading standard input")?;
    Ok(Doc {
        name: "-".into(),
        text: decode("standard input", bytes, utf8)?,
    })
}

pub(crate) fn read_file(path: &Path, utf8: Utf8) -> anyhow::Result<Doc> {
    if path.as_os_str() == "-" {
        return read_stdin(utf8);
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(Doc {
        name: path.display().to_string(),
        text: decode(&path.display().to_string(), bytes, utf8)?,
    })
}
