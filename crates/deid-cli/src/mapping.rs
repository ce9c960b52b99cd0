//! Encrypted original-to-surrogate mappings, for authorized re-identification.
//!
//! File layout: the magic `DEIDMAP1`, then records of
//! `[u32 length, little endian][24-byte nonce][XChaCha20-Poly1305 ciphertext]`.
//! Each record's plain text is JSON lines `{"file","category","original","surrogate"}`.
//! The encryption key is derived from the surrogate key, so whoever holds the
//! key can read the mapping and nobody else can.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, bail};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use deid_core::SurrogateKey;

const MAGIC: &[u8; 8] = b"DEIDMAP1";

/// Appends encrypted records to a temporary file beside the target, renamed
/// into place by [`finish`](Self::finish): a failed run leaves no partial file.
pub(crate) struct MappingWriter {
    cipher: XChaCha20Poly1305,
    file: tempfile::NamedTempFile,
    target: std::path::PathBuf,
}

impl MappingWriter {
    pub(crate) fn create(
        target: &Path,
        key: &SurrogateKey,
        overwrite: bool,
    ) -> anyhow::Result<Self> {
        if target.exists() && !overwrite {
            bail!(
                "the mapping file {} already exists (pass --overwrite to replace it)",
                target.display()
            );
        }
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut file = tempfile::Builder::new()
            .prefix(".deid-tmp-")
            .tempfile_in(dir)
            .with_context(|| format!("creating a mapping file in {}", dir.display()))?;
        file.write_all(MAGIC)?;
        Ok(MappingWriter {
            cipher: XChaCha20Poly1305::new(&key.mapping_key().into()),
            file,
            target: target.to_path_buf(),
        })
    }

    /// Encrypts one record (the pairs of one document).
    pub(crate) fn write(&mut self, plain: &[u8]) -> anyhow::Result<()> {
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|e| anyhow::anyhow!("drawing a nonce: {e}"))?;
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), plain)
            .map_err(|_| anyhow::anyhow!("encrypting the mapping failed"))?;
        let len = u32::try_from(sealed.len()).context("mapping record too large")?;
        self.file.write_all(&len.to_le_bytes())?;
        self.file.write_all(&nonce)?;
        self.file.write_all(&sealed)?;
        Ok(())
    }

    pub(crate) fn finish(self) -> anyhow::Result<()> {
        self.file.as_file().sync_all()?;
        self.file
            .persist(&self.target)
            .with_context(|| format!("writing {}", self.target.display()))?;
        Ok(())
    }
}

/// Decrypts a mapping file into its JSON lines.
pub(crate) fn read(path: &Path, key: &SurrogateKey) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .with_context(|| format!("reading {}", path.display()))?;
    if !bytes.starts_with(MAGIC) {
        bail!("{} is not a deid mapping file", path.display());
    }
    let cipher = XChaCha20Poly1305::new(&key.mapping_key().into());
    let mut out = Vec::new();
    let mut at = MAGIC.len();
    while at < bytes.len() {
        let truncated = || anyhow::anyhow!("{} is truncated at byte {at}", path.display());
        let len_bytes: [u8; 4] = bytes.get(at..at + 4).ok_or_else(truncated)?.try_into()?;
        let len = u32::from_le_bytes(len_bytes) as usize;
        let nonce = bytes.get(at + 4..at + 28).ok_or_else(truncated)?;
        let sealed = bytes.get(at + 28..at + 28 + len).ok_or_else(truncated)?;
        let plain = cipher
            .decrypt(XNonce::from_slice(nonce), sealed)
            .map_err(|_| {
                anyhow::anyhow!(
                    "cannot decrypt {}: wrong key or damaged file",
                    path.display()
                )
            })?;
        out.extend_from_slice(&plain);
        at += 28 + len;
    }
    Ok(out)
}
