//! One file through the engine: read, decode, analyze, write the output under
//! the output folder. Shared by the worker pool of `deid tui` and `deid watch`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use deid_core::{Engine, Entity, Finding, Settings, SurrogateKey, Surrogator, entities};
use serde_json::{Value, json};

use crate::files::{Utf8, decode, write_atomic};

/// What is written for each input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// `FILE.json` with the entities.
    Tag,
    /// Every span replaced by a marker.
    Redact,
    /// Every span replaced by a realistic fake.
    Surrogate,
}

impl Operation {
    pub const fn name(self) -> &'static str {
        match self {
            Operation::Tag => "tag",
            Operation::Redact => "redact",
            Operation::Surrogate => "surrogate",
        }
    }

    /// The next one, in the order tag, redact, surrogate.
    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Operation::Tag => Operation::Redact,
            Operation::Redact => Operation::Surrogate,
            Operation::Surrogate => Operation::Tag,
        }
    }
}

/// A processed document: its text and what the engine found in it. `Debug`
/// prints only sizes.
pub struct Doc {
    pub text: String,
    pub findings: Vec<Finding>,
}

impl std::fmt::Debug for Doc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Doc(len={}, findings={})",
            self.text.len(),
            self.findings.len()
        )
    }
}

/// Everything needed to process one file; cheap to share between workers. A
/// new pipeline (after an allow-list change) keeps the session's key, so
/// surrogates stay the same across the session.
pub struct Pipeline {
    pub engine: Engine,
    pub surrogator: Surrogator,
    key: SurrogateKey,
    pub operation: Operation,
    pub in_dir: PathBuf,
    /// Where outputs go; `None` to preview only.
    pub out_dir: Option<PathBuf>,
    pub utf8: Utf8,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pipeline({})", self.operation.name())
    }
}

/// The parts of a pipeline that do not come from `deid.toml`.
pub struct PipelineConfig {
    pub key: SurrogateKey,
    pub operation: Operation,
    pub in_dir: PathBuf,
    pub out_dir: Option<PathBuf>,
    pub utf8: Utf8,
}

impl Pipeline {
    /// A pipeline over the engine for `settings` (rules, lists and the model
    /// unless `[model] enabled = false`).
    pub fn new(settings: Settings, config: PipelineConfig) -> anyhow::Result<Self> {
        Ok(Pipeline {
            surrogator: Surrogator::new(config.key.clone(), settings.surrogate),
            engine: deid_model::engine(settings).context("loading the PHI model")?,
            key: config.key,
            operation: config.operation,
            in_dir: config.in_dir,
            out_dir: config.out_dir,
            utf8: config.utf8,
        })
    }

    /// The same pipeline with other settings and the same key.
    pub fn with_settings(&self, settings: Settings) -> anyhow::Result<Arc<Self>> {
        Ok(Arc::new(Pipeline::new(
            settings,
            PipelineConfig {
                key: self.key.clone(),
                operation: self.operation,
                in_dir: self.in_dir.clone(),
                out_dir: self.out_dir.clone(),
                utf8: self.utf8,
            },
        )?))
    }

    /// Reads, analyzes and writes one input, named relative to the input
    /// folder. Errors name the file, never its text.
    pub fn process(&self, rel: &Path) -> anyhow::Result<Doc> {
        let path = self.in_dir.join(rel);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", rel.display()))?;
        let text = decode(&rel.display().to_string(), bytes, self.utf8)?;
        let findings = self.engine.analyze(&text);
        if let Some(out_dir) = &self.out_dir {
            let (out, bytes) = self.output(rel, out_dir, &text, &findings)?;
            write_atomic(&out, &bytes, true)
                .with_context(|| format!("writing the output of {}", rel.display()))?;
        }
        Ok(Doc { text, findings })
    }

    /// The output path and contents for one input.
    fn output(
        &self,
        rel: &Path,
        out_dir: &Path,
        text: &str,
        findings: &[Finding],
    ) -> anyhow::Result<(PathBuf, Vec<u8>)> {
        let mut out = out_dir.join(rel);
        let bytes = match self.operation {
            Operation::Tag => {
                let mut name = out.file_name().unwrap_or_default().to_os_string();
                name.push(".json");
                out.set_file_name(name);
                let mut s = serde_json::to_vec_pretty(&entities_json(&entities(text, findings)))?;
                s.push(b'\n');
                s
            }
            Operation::Redact => {
                deid_core::redact::redact(text, findings, &self.engine.settings().redaction_format)
                    .into_bytes()
            }
            Operation::Surrogate => self
                .surrogator
                .surrogate(text, findings, None)
                .text
                .into_bytes(),
        };
        Ok((out, bytes))
    }
}

/// One entity in the Azure `taggerResult` shape, plus the reasons.
pub fn entity_json(e: &Entity) -> Value {
    json!({
        "category": e.category.name(),
        "offset": e.offset,
        "length": e.length,
        "text": &*e.text,
        "confidenceScore": (f64::from(e.confidence) * 1000.0).round() / 1000.0,
        "reasons": e.reasons.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

/// `{"entities": [...]}` for a document.
pub fn entities_json(entities: &[Entity]) -> Value {
    json!({ "entities": entities.iter().map(entity_json).collect::<Vec<_>>() })
}
