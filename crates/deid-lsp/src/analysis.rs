//! Analysing a document paragraph by paragraph, with a cache of the
//! paragraphs' findings, and everything the handlers need from one analysis
//! (ranges, redaction markers, surrogates).

use std::collections::HashMap;
use std::sync::Arc;

use deid_core::{Engine, Finding, Surrogator};
use ropey::Rope;
use tower_lsp_server::ls_types::Range;

use crate::position::PositionEncoding;

/// Paragraphs longer than this are cut at the next line break, so one edit in
/// a note without blank lines does not re-analyse all of it.
const MAX_PARAGRAPH: usize = 4 * 1024;

/// The compiled configuration: an engine and the session's surrogator.
pub(crate) struct Analyzer {
    pub(crate) engine: Engine,
    pub(crate) surrogator: Surrogator,
    /// Bumped whenever the configuration changes; caches of other generations
    /// are dropped.
    pub(crate) generation: u64,
}

/// One finding with everything derived from it.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub(crate) finding: Finding,
    pub(crate) range: Range,
    /// The configured redaction marker.
    pub(crate) redaction: String,
    /// The surrogate (a fake, safe to show).
    pub(crate) surrogate: String,
}

/// The findings of one version of a document.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    pub(crate) version: i32,
    pub(crate) generation: u64,
    pub(crate) items: Vec<Item>,
    /// Paragraphs taken from the cache / analysed afresh.
    pub(crate) reused: usize,
    pub(crate) analysed: usize,
}

/// Findings per paragraph, keyed by a hash of the paragraph's text (so a
/// paragraph that moves keeps its entry), with offsets relative to it.
#[derive(Clone, Default)]
pub(crate) struct ParagraphCache {
    generation: u64,
    map: HashMap<[u8; 32], Arc<[Finding]>>,
}

impl std::fmt::Debug for ParagraphCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ParagraphCache({} paragraphs)", self.map.len())
    }
}

/// The document's paragraphs with their byte offsets. A paragraph is a run of
/// lines ending with the blank lines after it; one longer than
/// `MAX_PARAGRAPH` is cut at a line break.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut at, mut after_blank) = (0, 0, false);
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if at > start && !blank && (after_blank || at - start >= MAX_PARAGRAPH) {
            out.push((start, &text[start..at]));
            start = at;
        }
        after_blank = blank;
        at += line.len();
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Findings of `text`, paragraph by paragraph, reusing `cache` where a
/// paragraph is unchanged. Returns the findings, the cache for the new text,
/// and how many paragraphs were reused and analysed.
pub(crate) fn findings(
    engine: &Engine,
    generation: u64,
    text: &str,
    cache: &ParagraphCache,
) -> (Vec<Finding>, ParagraphCache, usize, usize) {
    let old = (cache.generation == generation).then_some(&cache.map);
    let mut next = ParagraphCache {
        generation,
        map: HashMap::new(),
    };
    let (mut reused, mut analysed) = (0, 0);
    let mut all = Vec::new();
    for (offset, para) in paragraphs(text) {
        let key: [u8; 32] = blake3::hash(para.as_bytes()).into();
        let found = match next.map.get(&key).or_else(|| old.and_then(|m| m.get(&key))) {
            Some(f) => {
                reused += 1;
                Arc::clone(f)
            }
            None => {
                analysed += 1;
                Arc::from(engine.analyze(para))
            }
        };
        all.extend(found.iter().map(|f| {
            let mut f = f.clone();
            f.span = f.span.shift(offset);
            f
        }));
        next.map.insert(key, found);
    }
    (all, next, reused, analysed)
}

/// Analyses `rope` (version `version`) with `analyzer`, reusing `cache`.
pub(crate) fn analyze(
    analyzer: &Analyzer,
    encoding: PositionEncoding,
    rope: &Rope,
    version: i32,
    cache: &ParagraphCache,
) -> (Analysis, ParagraphCache) {
    let text = rope.to_string();
    let (found, cache, reused, analysed) =
        findings(&analyzer.engine, analyzer.generation, &text, cache);
    let surrogated = analyzer.surrogator.surrogate(&text, &found, None);
    let mut surrogates: HashMap<(usize, usize), String> = surrogated
        .replacements
        .into_iter()
        .map(|r| ((r.span.start(), r.span.end()), r.surrogate))
        .collect();
    let format = &analyzer.engine.settings().redaction_format;
    let items = found
        .into_iter()
        .map(|f| {
            let (s, e) = (f.span.start(), f.span.end());
            let original = &text[s..e];
            Item {
                range: encoding.range(rope, s, e),
                redaction: format.marker(f.category, original.chars().count()),
                surrogate: surrogates
                    .remove(&(s, e))
                    .unwrap_or_else(|| format.marker(f.category, original.chars().count())),
                finding: f,
            }
        })
        .collect();
    let analysis = Analysis {
        version,
        generation: analyzer.generation,
        items,
        reused,
        analysed,
    };
    (analysis, cache)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cover_the_text() {
        let text = "a\nb\n\n\nc\n  \nd\n".to_owned() + &"line\n".repeat(2000);
        let parts = paragraphs(&text);
        assert_eq!(parts[0], (0, "a\nb\n\n\n"));
        assert_eq!(parts[1], (6, "c\n  \n"));
        let mut at = 0;
        for (o, p) in &parts {
            assert_eq!(*o, at);
            assert!(p.len() <= MAX_PARAGRAPH + 5);
            at += p.len();
        }
        assert_eq!(at, text.len());
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn cache_reuses_unchanged_paragraphs() {
        let engine = Engine::new(deid_core::Settings::default());
        let text = "Seen by Dr. Alan Smith on 3/4/2021.\n\nCall 555-123-4567.\n";
        let (a, cache, reused, analysed) = findings(&engine, 0, text, &ParagraphCache::default());
        assert_eq!((reused, analysed), (0, 2));
        assert_eq!(a, engine.analyze(text));
        let edited = "Seen by Dr. Alan Smith on 3/4/2021.\n\nPlease call 555-123-4567.\n";
        let (b, _, reused, analysed) = findings(&engine, 0, edited, &cache);
        assert_eq!((reused, analysed), (1, 1));
        assert_eq!(b, engine.analyze(edited));
        // Another generation starts afresh.
        let (_, _, reused, _) = findings(&engine, 1, edited, &cache);
        assert_eq!(reused, 0);
    }
}
