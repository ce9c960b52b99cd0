//! The two text panes: the original with every span highlighted, and the
//! chosen operation's output with its replacements highlighted. Both are cut
//! into lines that remember where in the original they start, so the panes
//! scroll together even when replacements change line lengths.

use deid_core::Finding;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::pipeline::{Doc, Operation, Pipeline};

/// Lines ready to draw, each with the original byte offset it starts at.
pub(super) struct Pane {
    pub(super) lines: Vec<Line<'static>>,
    starts: Vec<usize>,
}

impl Pane {
    /// The first line at or before original byte `at`.
    pub(super) fn line_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
}

/// A run of output text and the original byte it comes from; `exact` when the
/// text is a copy of the original there.
struct Piece {
    from: usize,
    text: String,
    style: Style,
    exact: bool,
}

/// What the pane marks besides entity colours.
#[derive(Clone, Copy)]
pub(super) struct Marks {
    pub(super) entity: Option<usize>,
    pub(super) hit: Option<(usize, usize)>,
}

pub(super) fn original(doc: &Doc, theme: Theme, marks: Marks) -> Pane {
    let text = &doc.text;
    let mut cuts = vec![0, text.len()];
    for f in &doc.findings {
        cuts.extend([f.span.start(), f.span.end()]);
    }
    if let Some((s, e)) = marks.hit {
        cuts.extend([s, e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::with_capacity(cuts.len());
    let mut k = 0;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while k < doc.findings.len() && doc.findings[k].span.end() <= s {
            k += 1;
        }
        let inside = doc
            .findings
            .get(k)
            .filter(|f| f.span.start() <= s && e <= f.span.end());
        let mut style = match inside {
            Some(f) if marks.entity == Some(k) => theme.current(f.category),
            Some(f) => theme.category(f.category),
            None => Style::new(),
        };
        if marks.hit.is_some_and(|(hs, he)| hs <= s && e <= he) {
            style = style.patch(theme.hit());
        }
        pieces.push(Piece {
            from: s,
            text: text[s..e].to_owned(),
            style,
            exact: true,
        });
    }
    lines(pieces)
}

pub(super) fn output(
    doc: &Doc,
    view: Operation,
    pipeline: &Pipeline,
    theme: Theme,
    entity: Option<usize>,
) -> Pane {
    let text = &doc.text;
    let replaced: Vec<(usize, String)> = match view {
        Operation::Tag => doc
            .findings
            .iter()
            .map(|f| (f.span.start(), f.span.of(text).to_owned()))
            .collect(),
        Operation::Redact => {
            let format = &pipeline.engine.settings().redaction_format;
            doc.findings
                .iter()
                .map(|f| {
                    let chars = f.span.of(text).chars().count();
                    (f.span.start(), format.marker(f.category, chars))
                })
                .collect()
        }
        Operation::Surrogate => pipeline
            .surrogator
            .surrogate(text, &doc.findings, None)
            .replacements
            .into_iter()
            .map(|r| (r.span.start(), r.surrogate))
            .collect(),
    };
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, new) in replaced {
        let Some(k) = index_of(&doc.findings, start) else {
            continue;
        };
        let f = &doc.findings[k];
        if f.span.start() < at {
            continue;
        }
        plain(&mut pieces, text, at, f.span.start());
        let style = if entity == Some(k) {
            theme.current(f.category)
        } else {
            theme.category(f.category)
        };
        pieces.push(Piece {
            from: f.span.start(),
            text: new,
            style,
            exact: view == Operation::Tag,
        });
        if view == Operation::Tag {
            pieces.push(Piece {
                from: f.span.end(),
                text: format!("[{}]", f.category.name()),
                style: theme.label(),
                exact: false,
            });
        }
        at = f.span.end();
    }
    plain(&mut pieces, text, at, text.len());
    lines(pieces)
}

fn index_of(findings: &[Finding], start: usize) -> Option<usize> {
    findings
        .binary_search_by_key(&start, |f| f.span.start())
        .ok()
}

fn plain(pieces: &mut Vec<Piece>, text: &str, s: usize, e: usize) {
    if s < e {
        pieces.push(Piece {
            from: s,
            text: text[s..e].to_owned(),
            style: Style::new(),
            exact: true,
        });
    }
}

/// Cuts pieces at line breaks. Tabs become spaces, other control characters
/// are shown as `?` so that nothing written to the screen moves the cursor.
fn lines(pieces: Vec<Piece>) -> Pane {
    let mut lines = Vec::new();
    let mut starts = vec![0];
    let mut cur: Vec<Span<'static>> = Vec::new();
    for p in pieces {
        let mut offset = 0;
        for (i, part) in p.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::from(std::mem::take(&mut cur)));
                starts.push(if p.exact { p.from + offset } else { p.from });
            }
            if !part.is_empty() {
                cur.push(Span::styled(clean(part), p.style));
            }
            offset += part.len() + 1;
        }
    }
    lines.push(Line::from(cur));
    Pane { lines, starts }
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\r' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect()
}
