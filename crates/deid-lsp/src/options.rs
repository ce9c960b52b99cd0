//! Client options: `initializationOptions` and `workspace/didChangeConfiguration`,
//! laid over the workspace's `deid.toml`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use deid_core::{Category, RedactionFormat, Settings};
use serde::Deserialize;
use tower_lsp_server::ls_types::DiagnosticSeverity;

/// What an editor may set. Every key is optional; the `deid.toml` keys override
/// the file's values (lists are added to the file's).
#[derive(Clone, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct ClientOptions {
    /// The configuration file (relative to the workspace root); by default the
    /// first `deid.toml` in the workspace root or its parents.
    pub(crate) config_path: Option<PathBuf>,
    pub(crate) categories: Option<Vec<Category>>,
    pub(crate) exclude_categories: Vec<Category>,
    pub(crate) min_confidence: Option<f32>,
    /// Terms never reported, added to the file's.
    pub(crate) allow: Vec<String>,
    /// Terms always reported, added to the file's.
    pub(crate) deny: BTreeMap<String, Category>,
    pub(crate) redaction_format: Option<String>,
    /// The surrogate key file; else the configuration's, else a key drawn for
    /// the session (surrogates are then consistent within the session only).
    pub(crate) key_file: Option<PathBuf>,
    pub(crate) severity: Severity,
    /// Language ids checked (`plaintext`, `text` and `markdown` by default).
    pub(crate) languages: Option<Vec<String>>,
    /// File extensions checked whatever the language id (`txt`, `md` by default).
    pub(crate) extensions: Option<Vec<String>>,
    /// Quiet time after a keystroke before a document is analysed again.
    pub(crate) debounce_ms: Option<u64>,
}

impl std::fmt::Debug for ClientOptions {
    // Allow- and deny-list terms may be PHI: counts only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientOptions")
            .field("config_path", &self.config_path)
            .field("allow", &self.allow.len())
            .field("deny", &self.deny.len())
            .field("severity", &self.severity)
            .finish_non_exhaustive()
    }
}

/// The diagnostic severity of PHI findings.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    #[default]
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub(crate) fn lsp(self) -> DiagnosticSeverity {
        match self {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Information => DiagnosticSeverity::INFORMATION,
            Severity::Hint => DiagnosticSeverity::HINT,
        }
    }
}

/// `didChangeConfiguration` settings arrive either as the `deid` section itself
/// or wrapped in `{ "deid": ... }`.
#[derive(Deserialize)]
struct Wrapped {
    deid: ClientOptions,
}

const DEFAULT_LANGUAGES: [&str; 3] = ["plaintext", "text", "markdown"];
const DEFAULT_EXTENSIONS: [&str; 2] = ["txt", "md"];
pub(crate) const DEFAULT_DEBOUNCE_MS: u64 = 30;

impl ClientOptions {
    /// Options from a JSON value: `null` gives the defaults.
    pub(crate) fn from_value(value: serde_json::Value) -> anyhow::Result<Self> {
        if value.is_null() {
            return Ok(Self::default());
        }
        if value.get("deid").is_some() {
            let w: Wrapped = serde_json::from_value(value).context("invalid deid settings")?;
            return Ok(w.deid);
        }
        serde_json::from_value(value).context("invalid deid settings")
    }

    /// The file's settings with these options laid over them.
    pub(crate) fn apply(&self, mut s: Settings) -> anyhow::Result<Settings> {
        if let Some(c) = &self.categories {
            s.categories.clone_from(c);
        }
        s.categories
            .retain(|c| !self.exclude_categories.contains(c));
        s.categories.sort();
        s.categories.dedup();
        if let Some(m) = self.min_confidence {
            anyhow::ensure!(
                (0.0..=1.0).contains(&m),
                "`minConfidence` must be between 0 and 1, got {m}"
            );
            s.min_confidence = m;
        }
        for (i, t) in self.allow.iter().enumerate() {
            anyhow::ensure!(!t.trim().is_empty(), "`allow` entry {i} is empty");
            s.allow.push(t.clone());
        }
        for (i, (t, c)) in self.deny.iter().enumerate() {
            anyhow::ensure!(!t.trim().is_empty(), "`deny` entry {i} is empty");
            s.deny.push((t.clone(), *c));
        }
        if let Some(f) = &self.redaction_format {
            s.redaction_format = RedactionFormat::new(f).context("invalid `redactionFormat`")?;
        }
        Ok(s)
    }

    /// Whether documents of `language` at `path` (its extension) are checked.
    pub(crate) fn checks(&self, language: &str, extension: Option<&str>) -> bool {
        let langs = self.languages.as_deref();
        let in_langs = match langs {
            Some(l) => l.iter().any(|x| x.eq_ignore_ascii_case(language)),
            None => DEFAULT_LANGUAGES.contains(&language),
        };
        let in_exts = extension.is_some_and(|e| match self.extensions.as_deref() {
            Some(x) => x
                .iter()
                .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(e)),
            None => DEFAULT_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)),
        });
        in_langs || in_exts
    }

    pub(crate) fn debounce(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.debounce_ms.unwrap_or(DEFAULT_DEBOUNCE_MS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn camel_case_keys_wrapped_or_not() {
        let a =
            ClientOptions::from_value(json!({"minConfidence": 0.8, "severity": "hint"})).unwrap();
        let b =
            ClientOptions::from_value(json!({"deid": {"minConfidence": 0.8, "severity": "hint"}}))
                .unwrap();
        assert!(a == b);
        assert_eq!(a.severity, Severity::Hint);
        assert!(ClientOptions::from_value(json!(null)).unwrap() == ClientOptions::default());
        let e = ClientOptions::from_value(json!({"severity": "loud"})).unwrap_err();
        assert!(format!("{e:#}").contains("loud"), "{e:#}");
    }

    #[test]
    fn laid_over_the_file() {
        let file = Settings::from_toml("min_confidence = 0.6\nallow = [\"Foley\"]\n").unwrap();
        let o = ClientOptions::from_value(json!({
            "excludeCategories": ["Age"], "allow": ["Bard"], "redactionFormat": "<{TYPE}>"
        }))
        .unwrap();
        let s = o.apply(file).unwrap();
        assert!(!s.enabled(Category::Age) && s.enabled(Category::Patient));
        assert_eq!(s.allow, ["Foley", "Bard"]);
        assert!((s.min_confidence - 0.6).abs() < 1e-6);
        assert_eq!(s.redaction_format.as_str(), "<{TYPE}>");
        let bad = ClientOptions::from_value(json!({"minConfidence": 2})).unwrap();
        assert!(bad.apply(Settings::default()).is_err());
    }

    #[test]
    fn which_documents_are_checked() {
        let o = ClientOptions::default();
        assert!(o.checks("plaintext", None) && o.checks("markdown", Some("md")));
        assert!(!o.checks("rust", Some("rs")) && o.checks("foo", Some("TXT")));
        let o = ClientOptions::from_value(json!({"languages": ["rst"], "extensions": [".note"]}))
            .unwrap();
        assert!(
            o.checks("rst", None) && o.checks("x", Some("note")) && !o.checks("markdown", None)
        );
    }
}
