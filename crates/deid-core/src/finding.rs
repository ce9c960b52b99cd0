//! What a detector reports: a span, a category, a confidence and the reasons.

use crate::{Category, Span};

/// Which detector produced a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A pattern with validation and context.
    Rule,
    /// A match in one of the shipped lists (names, places, ...).
    List,
    /// The neural token classifier.
    Model,
    /// The user's configuration (deny-list).
    Config,
}

impl Source {
    pub const fn name(self) -> &'static str {
        match self {
            Source::Rule => "rule",
            Source::List => "list",
            Source::Model => "model",
            Source::Config => "config",
        }
    }
}

/// Why a detector decided a span is PHI. Every field is a fixed string from the
/// engine's own tables, never text of the document, so reasons are safe to log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    pub source: Source,
    /// The rule or list name (`date.numeric`, `surname list`).
    pub rule: &'static str,
    /// Extra evidence: the context word that decided it (`Dr.`), or a flag (`over 89`).
    pub detail: Option<&'static str>,
}

impl Reason {
    pub const fn rule(rule: &'static str) -> Self {
        Reason {
            source: Source::Rule,
            rule,
            detail: None,
        }
    }

    pub const fn list(rule: &'static str) -> Self {
        Reason {
            source: Source::List,
            rule,
            detail: None,
        }
    }

    #[must_use]
    pub const fn with(mut self, detail: &'static str) -> Self {
        self.detail = Some(detail);
        self
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.detail {
            Some(d) => write!(f, "{} {} ({d})", self.source.name(), self.rule),
            None => write!(f, "{} {}", self.source.name(), self.rule),
        }
    }
}

/// One detected PHI span. Holds byte offsets only, never the text, so its
/// `Debug` output is safe to log.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub span: Span,
    pub category: Category,
    /// In `[0, 1]`.
    pub confidence: f32,
    /// Every reason that supports the finding; the first is the deciding one.
    pub reasons: Vec<Reason>,
}

impl Finding {
    pub fn new(span: impl Into<Span>, category: Category, confidence: f32, reason: Reason) -> Self {
        Finding {
            span: span.into(),
            category,
            confidence: confidence.clamp(0.0, 1.0),
            reasons: vec![reason],
        }
    }

    /// True when a reason carries `detail`.
    pub fn has_detail(&self, detail: &str) -> bool {
        self.reasons.iter().any(|r| r.detail == Some(detail))
    }

    /// The reasons joined for people: "rule date.numeric; list surname list".
    pub fn explain(&self) -> String {
        let parts: Vec<String> = self.reasons.iter().map(ToString::to_string).collect();
        parts.join("; ")
    }
}

/// The detection seam: rules, the model and the merged pipeline all implement it.
pub trait Detector: Send + Sync {
    /// Findings for `text`, in any order, possibly overlapping.
    fn detect(&self, text: &str) -> Vec<Finding>;
}
