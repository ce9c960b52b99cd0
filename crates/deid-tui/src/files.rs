//! File plumbing shared by `deid batch`, `deid watch` and `deid tui`: which
//! files to take, decoding with binary and UTF-8 checks, the input and output
//! folders, and atomic writes. Messages name files and byte offsets only.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// How to treat invalid UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Utf8 {
    /// Refuse the input, naming the byte offset of the first invalid sequence.
    Strict,
    /// Replace invalid sequences with U+FFFD; offsets then refer to the replaced text.
    Lossy,
}

/// Checks and decodes one input. Binary data (a NUL byte in the first 8 KiB) is
/// refused; invalid UTF-8 is refused or replaced as asked.
pub fn decode(name: &str, bytes: Vec<u8>, utf8: Utf8) -> anyhow::Result<String> {
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

/// The file extensions to take (`*` for all), compared without case.
#[derive(Clone, Debug)]
pub struct Extensions {
    all: bool,
    exts: Vec<String>,
}

impl Extensions {
    pub fn new(exts: &[String]) -> Self {
        Extensions {
            all: exts.iter().any(|e| e == "*"),
            exts: exts
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether `path` is an input: a wanted extension, and not one of deid's
    /// own temporary files.
    pub fn wants(&self, path: &Path) -> bool {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with(".deid-tmp-") {
            return false;
        }
        self.all
            || path.extension().is_some_and(|e| {
                self.exts
                    .contains(&e.to_string_lossy().to_ascii_lowercase())
            })
    }
}

/// Every wanted file under `dir`, as paths relative to it, sorted by name.
pub fn walk(dir: &Path, exts: &Extensions) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("walking {}", dir.display()))?;
        if entry.file_type().is_file() && exts.wants(entry.path()) {
            out.push(
                entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_path_buf(),
            );
        }
    }
    Ok(out)
}

/// Both folders absolute, the output folder created, neither inside the other.
pub fn check_dirs(input: &Path, output: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let input = check_input(input)?;
    // Resolve the output folder before creating anything, so that a refused
    // one is never created inside the input.
    let resolved = resolve(output)?;
    if resolved.starts_with(&input) {
        bail!(
            "the output folder must not be inside the input folder (deid never writes into its input)"
        );
    }
    if input.starts_with(&resolved) {
        bail!("the input folder must not be inside the output folder");
    }
    std::fs::create_dir_all(&resolved).with_context(|| format!("creating {}", output.display()))?;
    Ok((input, resolved))
}

/// The input folder, absolute; an error if it is not a folder.
pub fn check_input(input: &Path) -> anyhow::Result<PathBuf> {
    if !input.is_dir() {
        bail!("{} is not a folder", input.display());
    }
    input
        .canonicalize()
        .with_context(|| format!("reading {}", input.display()))
}

/// `path` made absolute with symbolic links resolved, for a path that may not
/// exist yet: its longest existing ancestor is canonicalized, the rest appended.
pub fn resolve(path: &Path) -> anyhow::Result<PathBuf> {
    let abs = std::path::absolute(path).with_context(|| format!("reading {}", path.display()))?;
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .with_context(|| format!("reading {}", existing.display()))?;
    for name in rest.iter().rev() {
        if name == ".." {
            out.pop();
        } else if name != "." {
            out.push(name);
        }
    }
    Ok(out)
}

/// Removes temporary files left by an interrupted run.
pub fn clean_stale_temps(out_dir: &Path) {
    for e in walkdir::WalkDir::new(out_dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() && e.file_name().to_string_lossy().starts_with(".deid-tmp-") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes to a temporary file beside `path`, then renames it into place, so a
/// reader (or a rerun) never sees a partial output.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".deid-tmp-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if overwrite {
        tmp.persist(path)?;
    } else {
        tmp.persist_noclobber(path)?;
    }
    Ok(())
}
