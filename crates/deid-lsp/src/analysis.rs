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
///
/// The one rule that looks across paragraphs is the repeated name ("Mr. John
/// Smith ... Smith denies pain"): a paragraph holding a word of a confident
/// name found in another paragraph is analysed again together with those
/// paragraphs, so the result equals whole-document analysis.
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
    let mut lookup = |key: [u8; 32], run: &dyn Fn() -> Vec<Finding>| {
        let found = match next.map.get(&key).or_else(|| old.and_then(|m| m.get(&key))) {
            Some(f) => {
                reused += 1;
                Arc::clone(f)
            }
            None => {
                analysed += 1;
                Arc::from(run())
            }
        };
        next.map.insert(key, Arc::clone(&found));
        found
    };
    let paras = paragraphs(text);
    let mut per: Vec<Arc<[Finding]>> = paras
        .iter()
        .map(|&(_, para)| {
            lookup(blake3::hash(para.as_bytes()).into(), &|| {
                engine.analyze(para)
            })
        })
        .collect();

    // Paragraphs that need the context of others for repeated names.
    let known = known_names(&paras, &per);
    if !known.is_empty() {
        for i in 0..paras.len() {
            let ctx = context_of(i, &paras, &per[i], &known);
            if ctx.is_empty() {
                continue;
            }
            let mut hasher = blake3::Hasher::new();
            let mut joined = String::new();
            let mut at = 0;
            for &k in &ctx {
                if k == i {
                    at = joined.len();
                }
                hasher.update(&(paras[k].1.len() as u64).to_le_bytes());
                hasher.update(if k == i { b"*" } else { b"+" });
                hasher.update(paras[k].1.as_bytes());
                joined.push_str(paras[k].1);
            }
            let len = paras[i].1.len();
            per[i] = lookup(hasher.finalize().into(), &|| {
                engine
                    .analyze(&joined)
                    .into_iter()
                    .filter(|f| f.span.start() >= at && f.span.end() <= at + len)
                    .map(|mut f| {
                        f.span = deid_core::Span::new(f.span.start() - at, f.span.end() - at);
                        f
                    })
                    .collect()
            });
        }
    }

    let mut all = Vec::new();
    for (&(offset, _), found) in paras.iter().zip(&per) {
        all.extend(found.iter().map(|f| {
            let mut f = f.clone();
            f.span = f.span.shift(offset);
            f
        }));
    }
    (all, next, reused, analysed)
}

/// The findings the repeated-name rule starts from: names at least this sure.
const KNOWN_NAME: f32 = 0.85;

/// Lower-case words (three letters or more) of confident names, with the
/// paragraphs they were found in.
fn known_names(paras: &[(usize, &str)], per: &[Arc<[Finding]>]) -> HashMap<String, Vec<usize>> {
    let mut known: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, ((_, para), found)) in paras.iter().zip(per).enumerate() {
        for f in found
            .iter()
            .filter(|f| f.category.is_name() && f.confidence >= KNOWN_NAME)
        {
            for (_, w) in words(f.span.of(para)) {
                let list = known.entry(w.to_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    known
}

/// The paragraphs (with `i`, in order) to analyse paragraph `i` with: those
/// where a name was found that one of `i`'s words (not already part of a
/// name) repeats.
/// Empty when `i` needs no context.
fn context_of(
    i: usize,
    paras: &[(usize, &str)],
    found: &[Finding],
    known: &HashMap<String, Vec<usize>>,
) -> Vec<usize> {
    let para = paras[i].1;
    let mut ctx = std::collections::BTreeSet::new();
    for (at, w) in words(para) {
        let named = |f: &Finding| f.category.is_name() && f.span.start() <= at && at < f.span.end();
        if found.iter().any(named) {
            continue;
        }
        if let Some(sources) = known.get(&w.to_lowercase()) {
            ctx.extend(sources.iter().copied().filter(|&k| k != i));
        }
    }
    if ctx.is_empty() {
        return Vec::new();
    }
    ctx.insert(i);
    ctx.into_iter().collect()
}

/// Alphabetic words of three letters or more, with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(2).is_some())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
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
    let mut fakes: HashMap<(usize, usize), String> = surrogated
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
                surrogate: fakes
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

    #[test]
    fn repeated_names_across_paragraphs() {
        let engine = Engine::new(deid_core::Settings::default());
        let text = "Patient John Smith was seen today.\n\nSmith denies chest pain.\n";
        let (a, cache, _, _) = findings(&engine, 0, text, &ParagraphCache::default());
        assert_eq!(a, engine.analyze(text));
        assert_eq!(a.len(), 2);
        // Editing the first paragraph keeps the second's context right.
        let edited = "Patient John Smith was seen again today.\n\nSmith denies chest pain.\n";
        let (b, _, _, _) = findings(&engine, 0, edited, &cache);
        assert_eq!(b, engine.analyze(edited));
    }

    /// Paragraph analysis gives what whole-document analysis gives, on
    /// synthetic notes joined into documents of many paragraphs.
    #[test]
    fn equals_whole_document_analysis() {
        use deid_synth::{Split, SynthConfig, generate};
        let engine = Engine::new(deid_core::Settings::default());
        let cfg = SynthConfig {
            seed: 3,
            count: 240,
            split: Split::Heldout,
            phi_free: false,
        };
        let notes: Vec<String> = generate(&cfg).map(|d| d.text).collect();
        let (mut differ, mut which_person) = (Vec::new(), 0);
        for (n, group) in notes.chunks(4).enumerate() {
            let doc = group
                .iter()
                .map(|t| t.trim_end())
                .collect::<Vec<_>>()
                .join("\n\n");
            let (para, _, _, _) = findings(&engine, 0, &doc, &ParagraphCache::default());
            let whole = engine.analyze(&doc);
            let spans = |v: &[Finding]| v.iter().map(|f| f.span).collect::<Vec<_>>();
            if spans(&para) != spans(&whole) {
                differ.push(n);
                continue;
            }
            for (a, b) in para.iter().zip(&whole) {
                if a == b {
                    continue;
                }
                // The one known difference: a first name shared by the patient
                // and a doctor, repeated alone, may take the other's category.
                let repeat = |f: &Finding| f.reasons[0].rule == "name.repeat";
                if repeat(a) && repeat(b) && a.category.is_name() && b.category.is_name() {
                    which_person += 1;
                } else {
                    differ.push(n);
                }
            }
        }
        assert!(differ.is_empty(), "documents that differ: {differ:?}");
        assert!(
            which_person <= 2,
            "{which_person} repeated names changed person"
        );
    }
}
