//! The engine: detectors, merging and the user's settings, behind one call.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::merge::{fuse, resolve};
use crate::redact::redact;
use crate::rules::Rules;
use crate::settings::Settings;
use crate::surrogate::{Surrogated, Surrogator};
use crate::text::{boundary_after, boundary_before};
use crate::{Detector, Entity, Finding, Reason, Source, Span, entities};

/// Texts longer than this are analysed in pieces cut at paragraph or line
/// breaks, so memory stays bounded and time linear for any input size.
const CHUNK: usize = 64 * 1024;

/// Detectors plus settings. Cheap to share; all methods take `&self`.
pub struct Engine {
    detectors: Vec<Box<dyn Detector>>,
    settings: Settings,
    deny: Option<AhoCorasick>,
    allow: Vec<String>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("detectors", &self.detectors.len())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// The rules-and-lists engine with `settings`.
    pub fn new(settings: Settings) -> Self {
        Self::with_detectors(settings, vec![Box::new(Rules::new())])
    }

    /// An engine over the given detectors (rules, model, ...).
    pub fn with_detectors(settings: Settings, detectors: Vec<Box<dyn Detector>>) -> Self {
        let deny = (!settings.deny.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(settings.deny.iter().map(|(t, _)| t.trim()))
                .expect("deny-list automaton builds")
        });
        let allow = settings
            .allow
            .iter()
            .map(|t| t.trim().to_lowercase())
            .collect();
        Engine {
            detectors,
            settings,
            deny,
            allow,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Non-overlapping findings sorted by position, after settings apply.
    pub fn analyze(&self, text: &str) -> Vec<Finding> {
        let mut all = Vec::new();
        for (offset, piece) in chunks(text, CHUNK) {
            all.extend(self.analyze_piece(piece).into_iter().map(|mut f| {
                f.span = f.span.shift(offset);
                f
            }));
        }
        all
    }

    fn analyze_piece(&self, text: &str) -> Vec<Finding> {
        let mut found: Vec<Finding> = self.detectors.iter().flat_map(|d| d.detect(text)).collect();
        self.deny_findings(text, &mut found);
        let merged = resolve(fuse(found, text), text);
        merged
            .into_iter()
            .filter(|f| {
                self.settings.enabled(f.category) && f.confidence >= self.settings.min_confidence
            })
            .filter(|f| !self.allowed(f.span.of(text)))
            .collect()
    }

    fn allowed(&self, s: &str) -> bool {
        !self.allow.is_empty() && {
            let lower = s.trim().to_lowercase();
            self.allow.contains(&lower)
        }
    }

    fn deny_findings(&self, text: &str, out: &mut Vec<Finding>) {
        let Some(ac) = &self.deny else { return };
        for m in ac.find_iter(text) {
            if boundary_before(text, m.start()) && boundary_after(text, m.end()) {
                let cat = self.settings.deny[m.pattern().as_usize()].1;
                let reason = Reason {
                    source: Source::Config,
                    rule: "deny-list",
                    detail: None,
                };
                out.push(Finding::new(
                    Span::new(m.start(), m.end()),
                    cat,
                    1.0,
                    reason,
                ));
            }
        }
    }

    /// Entities with offsets in every encoding.
    pub fn tag(&self, text: &str) -> Vec<Entity> {
        entities(text, &self.analyze(text))
    }

    /// `text` with every finding replaced by a surrogate from `surrogator`;
    /// dates move by the run's shift, or `patient`'s when given.
    pub fn surrogate(
        &self,
        text: &str,
        surrogator: &Surrogator,
        patient: Option<&str>,
    ) -> Surrogated {
        surrogator.surrogate(text, &self.analyze(text), patient)
    }

    /// `text` with every finding replaced by the configured marker.
    pub fn redact(&self, text: &str) -> String {
        redact(text, &self.analyze(text), &self.settings.redaction_format)
    }
}

impl Detector for Engine {
    fn detect(&self, text: &str) -> Vec<Finding> {
        self.analyze(text)
    }
}

/// Splits `text` into pieces of about `size` bytes, each ending at a blank line,
/// a line break or (failing both) a space, with its byte offset.
pub(crate) fn chunks(text: &str, size: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let hi = crate::text::floor_char(text, start + size);
        let window = &text[start..hi];
        let cut = window
            .rfind("\n\n")
            .map(|p| p + 2)
            .filter(|&p| p > size / 4)
            .or_else(|| window.rfind('\n').map(|p| p + 1).filter(|&p| p > size / 4))
            .or_else(|| window.rfind(' ').map(|p| p + 1).filter(|&p| p > size / 4))
            .unwrap_or(window.len());
        out.push((start, &text[start..start + cut]));
        start += cut;
    }
    out.push((start, &text[start..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_exactly() {
        let text = "line one\n\nline two é\nthird ".repeat(5000);
        let parts = chunks(&text, 4096);
        assert!(parts.len() > 10);
        let mut at = 0;
        for (off, p) in &parts {
            assert_eq!(*off, at);
            assert!(p.len() <= 4096);
            at += p.len();
        }
        assert_eq!(at, text.len());
    }
}
