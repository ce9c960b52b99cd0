//! `deid serve --dev`: everything needed to try the server in one command,
//! kept under `.deid/dev/` of the working directory and reused on the next
//! start: a self-signed certificate, one Data Owner token, and the working
//! directory as the only storage root.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::auth::digest;
use crate::tls::{self, TlsFiles};

/// What `--dev` prepared.
pub struct Dev {
    pub dir: PathBuf,
    pub tls: TlsFiles,
    /// The digest of the Data Owner token in `token_file`.
    pub token_digest: [u8; 32],
    pub token_file: PathBuf,
}

impl std::fmt::Debug for Dev {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dev({})", self.dir.display())
    }
}

pub fn prepare(cwd: &Path) -> anyhow::Result<Dev> {
    let dir = cwd.join(".deid").join("dev");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let tls = tls::self_signed(&dir)?;
    let token_file = dir.join("token");
    let token = match std::fs::read_to_string(&token_file) {
        Ok(t) if !t.trim().is_empty() => t.trim().to_owned(),
        _ => {
            let bytes = crate::realtime::fresh_bytes()
                .map_err(|_| anyhow::anyhow!("no randomness for the token"))?;
            let t = crate::auth::hex(&bytes);
            let t = format!("deid-dev-{t}");
            crate::write_private(&token_file, format!("{t}\n").as_bytes())?;
            t
        }
    };
    Ok(Dev {
        dir,
        tls,
        token_digest: digest(&token),
        token_file,
    })
}
