//! Findings as LSP diagnostics, with the fixes in `data`.

use deid_core::{Category, Finding};
use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{Diagnostic, NumberOrString};

use crate::analysis::{Analysis, Item};
use crate::options::Severity;

pub(crate) const SOURCE: &str = "deid";

/// What a diagnostic carries so that quick-fixes need no second analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct DiagnosticData {
    pub(crate) category: Category,
    /// The configured redaction marker.
    pub(crate) redaction: String,
    /// The session's surrogate (a fake).
    pub(crate) surrogate: String,
}

/// "Patient name, 0.97, rule name.title (Dr.) + list surname list".
pub(crate) fn message(f: &Finding) -> String {
    let reasons: Vec<String> = f.reasons.iter().map(ToString::to_string).collect();
    format!(
        "{}, {:.2}, {}",
        f.category.label(),
        f.confidence,
        reasons.join(" + ")
    )
}

pub(crate) fn diagnostic(item: &Item, severity: Severity) -> Diagnostic {
    let data = DiagnosticData {
        category: item.finding.category,
        redaction: item.redaction.clone(),
        surrogate: item.surrogate.clone(),
    };
    Diagnostic {
        range: item.range,
        severity: Some(severity.lsp()),
        code: Some(NumberOrString::String(
            item.finding.category.name().to_owned(),
        )),
        source: Some(SOURCE.to_owned()),
        message: message(&item.finding),
        data: serde_json::to_value(data).ok(),
        ..Diagnostic::default()
    }
}

pub(crate) fn all(analysis: &Analysis, severity: Severity) -> Vec<Diagnostic> {
    analysis
        .items
        .iter()
        .map(|i| diagnostic(i, severity))
        .collect()
}

/// The data of one of our diagnostics; `None` for anyone else's.
pub(crate) fn data(d: &Diagnostic) -> Option<DiagnosticData> {
    if d.source.as_deref() != Some(SOURCE) {
        return None;
    }
    serde_json::from_value(d.data.clone()?).ok()
}
