//! Review actions on the selected file: entity and search navigation,
//! scrolling, marking an entity as not PHI, marking the file reviewed.

use std::sync::Arc;

use super::{App, Status};
use crate::event::{AllowTerm, Command};
use crate::pipeline::Pipeline;

/// The search box and its current hit. `Debug` hides the query.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// Byte range of the current hit in the selected file.
    pub hit: Option<(usize, usize)>,
}

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Search(len={}, editing={}, hit={:?})",
            self.query.len(),
            self.editing,
            self.hit
        )
    }
}

/// The line (0-based) holding byte `at` of `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at.min(text.len())]).count()
}

/// The byte where line `line` of `text` starts (the end if there are fewer lines).
pub fn line_start(text: &str, line: usize) -> usize {
    if line == 0 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 1)
        .map_or(text.len(), |(i, _)| i + 1)
}

impl App {
    pub(super) fn scroll_by(&mut self, by: isize) {
        let lines = self.doc().map_or(0, |d| line_of(&d.text, d.text.len()));
        self.scroll = self.scroll.saturating_add_signed(by).min(lines);
    }

    /// Scrolls both panes so that byte `at` of the selected file is in view,
    /// two lines below the top.
    fn scroll_to(&mut self, at: usize) {
        if let Some(d) = self.doc() {
            self.scroll = line_of(&d.text, at).saturating_sub(2);
        }
    }

    pub(super) fn next_entity(&mut self, forward: bool) {
        let Some(doc) = self.doc().cloned() else {
            return;
        };
        let n = doc.findings.len();
        if n == 0 {
            self.message = Some("no entities in this file".into());
            return;
        }
        let top = line_start(&doc.text, self.scroll);
        let next = match (self.entity, forward) {
            (None, true) => doc
                .findings
                .iter()
                .position(|f| f.span.start() >= top)
                .unwrap_or(0),
            (None, false) => doc
                .findings
                .iter()
                .rposition(|f| f.span.start() < top)
                .unwrap_or(n - 1),
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.entity = Some(next);
        self.scroll_to(doc.findings[next].span.start());
    }

    pub(super) fn search_next(&mut self, forward: bool) {
        let Some(doc) = self.doc().cloned() else {
            return;
        };
        if self.search.query.is_empty() {
            self.message = Some("press / to search".into());
            return;
        }
        let hay = doc.text.to_ascii_lowercase();
        let needle = self.search.query.to_ascii_lowercase();
        let hits: Vec<usize> = hay.match_indices(&needle).map(|(i, _)| i).collect();
        if hits.is_empty() {
            self.search.hit = None;
            self.message = Some("no match".into());
            return;
        }
        let from = self
            .search
            .hit
            .map_or_else(|| line_start(&doc.text, self.scroll), |(s, _)| s);
        let k = if forward {
            let after = usize::from(self.search.hit.is_some());
            hits.iter().position(|&h| h >= from + after).unwrap_or(0)
        } else {
            hits.iter()
                .rposition(|&h| h < from)
                .unwrap_or(hits.len() - 1)
        };
        let at = hits[k];
        self.search.hit = Some((at, at + needle.len()));
        self.message = Some(format!("match {} of {}", k + 1, hits.len()));
        self.scroll_to(at);
    }

    pub(super) fn allow_entity(&mut self) {
        let (Some(doc), Some(i)) = (self.doc(), self.entity) else {
            self.message = Some("choose an entity first (e / E)".into());
            return;
        };
        let term = doc.findings[i].span.of(&doc.text).trim().to_owned();
        self.allowing.push(term.to_lowercase());
        self.commands.push(Command::Allow(AllowTerm(term)));
        self.message = Some("adding to the allow-list in deid.toml".into());
    }

    /// The allow-list changed: the new pipeline applies to every file whose
    /// findings hold the allowed term, and those are processed again.
    pub(super) fn on_allowed(&mut self, pipeline: Arc<Pipeline>) {
        self.pipeline = pipeline;
        self.entity = None;
        let term = if self.allowing.is_empty() {
            String::new()
        } else {
            self.allowing.remove(0)
        };
        let affected: Vec<usize> = (0..self.files.len())
            .filter(|&i| {
                self.files[i].status != Status::Deleted
                    && self.files[i].doc.as_ref().is_some_and(|d| {
                        d.findings
                            .iter()
                            .any(|f| f.span.of(&d.text).trim().to_lowercase() == term)
                    })
            })
            .collect();
        for &i in &affected {
            self.enqueue(i);
        }
        self.message = Some(format!(
            "allowed in deid.toml; reprocessing {} file(s)",
            affected.len()
        ));
    }

    pub(super) fn toggle_reviewed(&mut self) {
        if let Some(i) = self.selected {
            let e = &mut self.files[i];
            e.reviewed = !e.reviewed;
            if e.reviewed {
                e.changed = false;
            }
            self.message = Some(if e.reviewed {
                "marked reviewed".into()
            } else {
                "marked not reviewed".into()
            });
        }
    }
}
