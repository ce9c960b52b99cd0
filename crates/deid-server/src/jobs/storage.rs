//! Storage locations: `file://` folders on this machine, Azure Blob Storage
//! containers (`https://{account}.blob.core.windows.net/{container}`, or
//! path-style `http://127.0.0.1:10000/{account}/{container}` for Azurite) and
//! S3 buckets (`s3://bucket`), all through `object_store`. Every location must
//! lie under one of the configured roots.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use object_store::ObjectStore;
use object_store::aws::AmazonS3Builder;
use object_store::azure::{AzureConfigKey, MicrosoftAzureBuilder};
use object_store::local::LocalFileSystem;
use url::Url;

/// The public key of the Azurite emulator's built-in account.
const AZURITE_ACCOUNT: &str = "devstoreaccount1";
const AZURITE_KEY: &str =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/// Where jobs may read and write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Root {
    /// A folder (canonical path).
    Dir(PathBuf),
    /// A container or bucket URL, or a folder inside one.
    Url(String),
}

impl Root {
    /// `file:///abs/dir`, a plain absolute path, or a storage URL.
    pub fn parse(s: &str) -> anyhow::Result<Root> {
        if let Some(path) = file_path(s).or_else(|| Path::new(s).is_absolute().then(|| s.into())) {
            let canon = std::fs::canonicalize(&path).map_err(|e| {
                anyhow::anyhow!(
                    "storage root {} is not a readable folder: {e}",
                    path.display()
                )
            })?;
            return Ok(Root::Dir(canon));
        }
        let url = Url::parse(s).map_err(|e| anyhow::anyhow!("storage root {s:?}: {e}"))?;
        Ok(Root::Url(clean_url(&url)))
    }
}

/// An Azure storage account's shared key, from the server configuration.
#[derive(Clone, serde::Deserialize)]
pub struct AzureAccount {
    pub account: String,
    pub access_key: String,
}

impl std::fmt::Debug for AzureAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AzureAccount({})", self.account)
    }
}

/// Roots and credentials.
#[derive(Clone, Debug, Default)]
pub struct Storage {
    pub roots: Vec<Root>,
    pub azure: Vec<AzureAccount>,
}

/// Why a location cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LocationError {
    #[error("is not a file://, http(s):// (Azure Blob Storage) or s3:// URL")]
    Scheme,
    #[error("lies outside the server's storage roots")]
    OutsideRoots,
    #[error("is not a valid storage URL: {0}")]
    Invalid(String),
}

/// An opened location: a store and a base path inside it.
pub struct Location {
    pub store: Arc<dyn ObjectStore>,
    /// Path inside the store under which document names start ("" or "dir/").
    pub base: String,
    /// The location as shown in document URLs, without query or trailing slash.
    pub display: String,
    /// For `file://`: the folder, to check that no document escapes it.
    pub dir: Option<PathBuf>,
}

impl Storage {
    /// Checks that `location` is usable, without touching the storage.
    pub fn check(&self, location: &str) -> Result<(), LocationError> {
        self.resolve(location).map(|_| ())
    }

    fn resolve(&self, location: &str) -> Result<Resolved, LocationError> {
        if let Some(path) = file_path(location) {
            if !path.is_absolute() {
                return Err(LocationError::Invalid(
                    "a file:// path must be absolute".into(),
                ));
            }
            let canon = canonical_prefix(&path);
            let inside = self.roots.iter().any(|r| match r {
                Root::Dir(d) => canon.starts_with(d),
                Root::Url(_) => false,
            });
            return if inside {
                Ok(Resolved::Dir(canon))
            } else {
                Err(LocationError::OutsideRoots)
            };
        }
        let url = Url::parse(location).map_err(|e| LocationError::Invalid(e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https" | "s3") {
            return Err(LocationError::Scheme);
        }
        let clean = clean_url(&url);
        if url.path().split('/').any(|seg| seg == "..") {
            return Err(LocationError::OutsideRoots);
        }
        let inside = self.roots.iter().any(|r| match r {
            Root::Url(root) => clean == *root || clean.starts_with(&format!("{root}/")),
            Root::Dir(_) => false,
        });
        if !inside {
            return Err(LocationError::OutsideRoots);
        }
        Ok(Resolved::Url(url, clean))
    }

    /// Opens `location`; for a folder, `create` makes it first.
    pub fn open(&self, location: &str, create: bool) -> anyhow::Result<Location> {
        match self.resolve(location)? {
            Resolved::Dir(dir) => {
                if create {
                    std::fs::create_dir_all(&dir)?;
                }
                let dir = std::fs::canonicalize(&dir)?;
                let store = LocalFileSystem::new_with_prefix(&dir)?;
                Ok(Location {
                    store: Arc::new(store),
                    base: String::new(),
                    display: Url::from_directory_path(&dir)
                        .map(|u| u.as_str().trim_end_matches('/').to_owned())
                        .unwrap_or_default(),
                    dir: Some(dir),
                })
            }
            Resolved::Url(url, display) if url.scheme() == "s3" => {
                let bucket = url.host_str().unwrap_or_default();
                let store = AmazonS3Builder::from_env()
                    .with_bucket_name(bucket)
                    .build()?;
                Ok(Location {
                    store: Arc::new(store),
                    base: base_of(url.path_segments().into_iter().flatten()),
                    display,
                    dir: None,
                })
            }
            Resolved::Url(url, display) => self.open_azure(&url, display),
        }
    }

    fn open_azure(&self, url: &Url, display: String) -> anyhow::Result<Location> {
        let host = url.host_str().unwrap_or_default();
        let mut segs: Vec<&str> = url
            .path_segments()
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        let origin = match url.port() {
            Some(p) => format!("{}://{host}:{p}", url.scheme()),
            None => format!("{}://{host}", url.scheme()),
        };
        // Account in the host name, or first in the path (Azurite's style).
        let (account, endpoint) = if host.contains(".blob.") {
            let account = host.split('.').next().unwrap_or_default().to_owned();
            (account, origin)
        } else {
            if segs.is_empty() {
                anyhow::bail!("the URL names no storage account");
            }
            let account = segs.remove(0).to_owned();
            let endpoint = format!("{origin}/{account}");
            (account, endpoint)
        };
        if segs.is_empty() {
            anyhow::bail!("the URL names no container");
        }
        let container = segs.remove(0);
        let mut b = MicrosoftAzureBuilder::from_env()
            .with_account(&account)
            .with_container_name(container)
            .with_endpoint(endpoint)
            .with_allow_http(url.scheme() == "http");
        if let Some(a) = self.azure.iter().find(|a| a.account == account) {
            b = b.with_access_key(&a.access_key);
        } else if let Some(q) = url.query().filter(|q| q.contains("sig=")) {
            b = b.with_config(AzureConfigKey::SasKey, q);
        } else if account == AZURITE_ACCOUNT {
            b = b.with_access_key(AZURITE_KEY);
        }
        Ok(Location {
            store: Arc::new(b.build()?),
            base: base_of(segs.into_iter()),
            display,
            dir: None,
        })
    }
}

enum Resolved {
    Dir(PathBuf),
    Url(Url, String),
}

fn base_of<'a>(segs: impl Iterator<Item = &'a str>) -> String {
    let mut base = String::new();
    for s in segs.filter(|s| !s.is_empty()) {
        base.push_str(s);
        base.push('/');
    }
    base
}

/// The path of a `file://` URL.
fn file_path(s: &str) -> Option<PathBuf> {
    let url = Url::parse(s).ok()?;
    (url.scheme() == "file").then(|| url.to_file_path().ok())?
}

/// A URL without query, fragment or trailing slash.
fn clean_url(url: &Url) -> String {
    let mut u = url.clone();
    u.set_query(None);
    u.set_fragment(None);
    u.as_str().trim_end_matches('/').to_owned()
}

/// The canonical form of the longest existing ancestor of `path`, with the
/// rest appended (so a folder that does not exist yet can still be checked).
fn canonical_prefix(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut cur = path.to_path_buf();
    loop {
        if let Ok(c) = std::fs::canonicalize(&cur) {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (
            cur.file_name().map(std::ffi::OsStr::to_os_string),
            cur.parent(),
        ) {
            (Some(name), Some(parent)) => {
                // `..` cannot be resolved without the folder; refuse it.
                if name == ".." {
                    return PathBuf::from("/nonexistent/..");
                }
                rest.push(name);
                cur = parent.to_path_buf();
            }
            _ => return PathBuf::from("/nonexistent"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_confined_to_roots() {
        let dir = tempfile::tempdir().unwrap();
        let root = Root::parse(dir.path().to_str().unwrap()).unwrap();
        let storage = Storage {
            roots: vec![
                root,
                Root::parse("http://127.0.0.1:10000/devstoreaccount1/notes").unwrap(),
            ],
            azure: vec![],
        };
        let inside = Url::from_directory_path(dir.path().join("in")).unwrap();
        assert!(storage.check(inside.as_str()).is_ok());
        assert!(storage.check("file:///etc").is_err());
        let up = format!("{}../../x", inside.as_str());
        assert!(storage.check(&up).is_err());
        assert!(
            storage
                .check("http://127.0.0.1:10000/devstoreaccount1/notes")
                .is_ok()
        );
        assert!(
            storage
                .check("http://127.0.0.1:10000/devstoreaccount1/notes/sub?sv=1")
                .is_ok()
        );
        assert!(
            storage
                .check("http://127.0.0.1:10000/devstoreaccount1/notes2")
                .is_err()
        );
        assert!(storage.check("ftp://x/y").is_err());
    }
}
