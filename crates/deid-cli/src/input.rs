//! Reading documents: files or standard input, checked for binary content and
//! invalid UTF-8 before any detection runs.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};

/// How to treat invalid UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Utf8 {
    /// Refuse the input, naming the byte offset of the first invalid sequence.
    Strict,
    /// Replace invalid sequences with U+FFFD; offsets then refer to the replaced text.
    Lossy,
}

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

/// Checks and decodes one input. Binary data (a NUL byte in the first 8 KiB) is
/// refused; invalid UTF-8 is refused or replaced as asked.
pub(crate) fn decode(name: &str, bytes: Vec<u8>, utf8: Utf8) -> anyhow::Result<String> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        bail!("{name} looks like a binary file (it contains NUL bytes); deid reads text only");
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if utf8 == Utf8::Lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => bail!(
            "{name} is not valid UTF-8 (first invalid byte at offset {}); convert it to UTF-8 or pass --lossy to replace invalid bytes with U+FFFD",
            e.utf8_error().valid_up_to()
        ),
    }
}
