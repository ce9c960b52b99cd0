//! Settings from `deid.toml`, parsed and checked before any work starts.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::Category;
use crate::redact::{FormatError, RedactionFormat};
use crate::surrogate::{AgeMode, SurrogateOptions};

/// The raw file, as written. Unknown keys are errors that name the key.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawSettings {
    categories: Option<Vec<Category>>,
    exclude_categories: Vec<Category>,
    min_confidence: Option<f32>,
    allow: Vec<String>,
    deny: BTreeMap<String, Category>,
    redaction_format: Option<String>,
    surrogate: RawSurrogate,
    model: RawModel,
}

/// The `[model]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawModel {
    enabled: bool,
    path: Option<String>,
}

impl Default for RawModel {
    fn default() -> Self {
        RawModel {
            enabled: true,
            path: None,
        }
    }
}

/// Whether the neural model runs beside the rules, and which one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelSettings {
    /// On by default; off means rules and lists only.
    pub enabled: bool,
    /// A folder with `config.json`, `tokenizer.json` and `model.safetensors`, as
    /// written in the configuration (front ends resolve it against the
    /// configuration file's folder); the model built into deid when absent.
    pub path: Option<String>,
}

impl Default for ModelSettings {
    fn default() -> Self {
        ModelSettings {
            enabled: true,
            path: None,
        }
    }
}

/// The `[surrogate]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawSurrogate {
    key_file: Option<String>,
    ages: AgeMode,
    cap_ages_over_89: bool,
}

/// Checked settings shared by every front end.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Categories reported; all 28 by default.
    pub categories: Vec<Category>,
    /// Findings below this confidence are dropped. Default 0.5.
    pub min_confidence: f32,
    /// Terms that are never PHI (matched case-insensitively against a whole finding).
    pub allow: Vec<String>,
    /// Terms that are always PHI, with their category.
    pub deny: Vec<(String, Category)>,
    pub redaction_format: RedactionFormat,
    /// How surrogates are made.
    pub surrogate: SurrogateOptions,
    /// A file holding the surrogate key, as written in the configuration
    /// (front ends resolve it against the configuration file's folder).
    pub key_file: Option<String>,
    pub model: ModelSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            categories: Category::ALL.to_vec(),
            min_confidence: 0.5,
            allow: Vec::new(),
            deny: Vec::new(),
            redaction_format: RedactionFormat::default(),
            surrogate: SurrogateOptions::default(),
            key_file: None,
            model: ModelSettings::default(),
        }
    }
}

/// Why a configuration was refused. Messages name the key; they never quote
/// allow- or deny-list terms, which may be PHI.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Parse(String),
    #[error("`min_confidence` must be between 0 and 1, got {0}")]
    MinConfidence(f32),
    #[error("`redaction_format`: {0}")]
    Format(#[from] FormatError),
    #[error("`{key}` entry {index} is empty")]
    EmptyTerm { key: &'static str, index: usize },
}

impl Settings {
    /// Parses the text of a `deid.toml`.
    pub fn from_toml(src: &str) -> Result<Self, ConfigError> {
        let raw: RawSettings = toml::from_str(src).map_err(|e| ConfigError::Parse(describe(&e)))?;
        let mut s = Settings::default();
        if let Some(cats) = raw.categories {
            s.categories = cats;
        }
        s.categories.retain(|c| !raw.exclude_categories.contains(c));
        s.categories.sort();
        s.categories.dedup();
        if let Some(m) = raw.min_confidence {
            if !(0.0..=1.0).contains(&m) || m.is_nan() {
                return Err(ConfigError::MinConfidence(m));
            }
            s.min_confidence = m;
        }
        for (index, t) in raw.allow.iter().enumerate() {
            if t.trim().is_empty() {
                return Err(ConfigError::EmptyTerm {
                    key: "allow",
                    index,
                });
            }
        }
        for (index, t) in raw.deny.keys().enumerate() {
            if t.trim().is_empty() {
                return Err(ConfigError::EmptyTerm { key: "deny", index });
            }
        }
        s.allow = raw.allow;
        s.deny = raw.deny.into_iter().collect();
        if let Some(f) = raw.redaction_format {
            s.redaction_format = RedactionFormat::new(&f)?;
        }
        s.surrogate = SurrogateOptions {
            ages: raw.surrogate.ages,
            cap_over_89: raw.surrogate.cap_ages_over_89,
        };
        s.key_file = raw.surrogate.key_file;
        s.model = ModelSettings {
            enabled: raw.model.enabled,
            path: raw.model.path,
        };
        Ok(s)
    }

    pub fn enabled(&self, c: Category) -> bool {
        self.categories.contains(&c)
    }
}

/// A TOML error as one line with its position, without the source line (which
/// could hold a deny-list term).
fn describe(e: &toml::de::Error) -> String {
    let msg = e.message().trim_end_matches('.').replace('\n', " ");
    match e.span() {
        Some(span) => format!("invalid deid.toml at byte {}: {msg}", span.start),
        None => format!("invalid deid.toml: {msg}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks() {
        let s = Settings::from_toml(
            "categories = [\"Patient\", \"Date\", \"Age\"]\nexclude_categories = [\"Age\"]\nmin_confidence = 0.7\nallow = [\"Foley\"]\nredaction_format = \"<{TYPE}>\"\n[deny]\n\"Nightingale\" = \"Organization\"\n",
        )
        .unwrap();
        assert_eq!(s.categories, [Category::Date, Category::Patient]);
        assert_eq!(s.deny, [("Nightingale".to_owned(), Category::Organization)]);
        assert_eq!(s.redaction_format.as_str(), "<{TYPE}>");
        let s = Settings::from_toml(
            "[surrogate]\nkey_file = \"k.key\"\nages = \"shift\"\ncap_ages_over_89 = true\n",
        )
        .unwrap();
        assert_eq!(s.key_file.as_deref(), Some("k.key"));
        assert_eq!(s.surrogate.ages, AgeMode::Shift);
        assert!(s.surrogate.cap_over_89);
        let e = Settings::from_toml("[surrogate]\nages = \"drift\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("drift") || e.contains("ages"), "{e}");
    }

    #[test]
    fn errors_name_the_key() {
        let e = Settings::from_toml("min_confidense = 0.5")
            .unwrap_err()
            .to_string();
        assert!(e.contains("min_confidense"), "{e}");
        let e = Settings::from_toml("min_confidence = 3.0")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`min_confidence`"), "{e}");
        let e = Settings::from_toml("categories = [\"Nurse\"]")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown category `Nurse`"), "{e}");
        let e = Settings::from_toml("redaction_format = \"{x}\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`redaction_format`"), "{e}");
    }
}
