//! `deid eval`: scores a detector against a gold corpus.
//!
//! This is the engine-independent half of the subcommand. It reads gold corpora (JSONL,
//! i2b2-2014 XML, BRAT standoff), maps their labels to deid categories, scores predictions
//! and renders the report. The caller passes the detector in as a closure.
//!
//! Offsets are bytes everywhere inside; the readers convert the code-point offsets of the
//! gold files once, and the reports convert back for display.

pub(crate) mod calibration;
mod gold;
mod json;
mod labelmap;
mod report;
mod score;
mod snippet;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use deid_core::{Category, Span};

pub(crate) use gold::{GoldDoc, GoldFormat};
pub(crate) use json::{JsonOptions, render_json};
pub(crate) use labelmap::LabelMap;
pub(crate) use report::{TextOptions, render_text};
pub(crate) use score::{Miss, Report, Score, ratio, score};

/// Reads a gold corpus: a `.jsonl` file, an i2b2-2014 `.xml` file or directory of them, or
/// a BRAT directory of `.txt`/`.ann` pairs. Without `format`, the path decides.
pub(crate) fn load_gold(path: &Path, format: Option<GoldFormat>) -> anyhow::Result<Vec<GoldDoc>> {
    let format = match format {
        Some(f) => f,
        None => GoldFormat::infer(path)?,
    };
    gold::load(path, format)
}

/// The built-in label map, extended and overridden by the TOML file at `path` if given.
/// With `unmapped_ignore`, labels that nothing maps are ignored instead of rejected.
pub(crate) fn load_label_map(
    path: Option<&Path>,
    unmapped_ignore: bool,
) -> anyhow::Result<LabelMap> {
    let map = match path {
        None => LabelMap::builtin(),
        Some(path) => {
            let src = std::fs::read_to_string(path)
                .with_context(|| format!("reading label map {}", path.display()))?;
            LabelMap::builtin()
                .with_overrides(&src)
                .with_context(|| format!("in label map {}", path.display()))?
        }
    };
    Ok(map.ignoring_unmapped(unmapped_ignore))
}

/// Fails, naming every offending label, when a gold label has no mapping and the map
/// does not ignore unmapped labels: nothing is dropped silently.
pub(crate) fn check_labels(docs: &[GoldDoc], map: &LabelMap) -> anyhow::Result<()> {
    if map.ignores_unmapped() {
        return Ok(());
    }
    let mut unmapped: BTreeMap<&str, usize> = BTreeMap::new();
    for span in docs.iter().flat_map(|d| &d.spans) {
        if map.lookup(&span.label).is_none() {
            *unmapped.entry(span.label.as_str()).or_default() += 1;
        }
    }
    if unmapped.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = unmapped
        .iter()
        .map(|(label, n)| format!("{} ({n} spans)", label.escape_debug()))
        .collect();
    anyhow::bail!(
        "{} gold label(s) map to no category: {}; map them in a label-map file \
         ([labels] LABEL = \"Patient\" or \"ignore\") or ignore them with --unmapped ignore",
        unmapped.len(),
        list.join(", ")
    )
}

/// Checks the labels, runs `predict` on every document and scores the result.
#[cfg(test)]
pub(crate) fn run(
    docs: &[GoldDoc],
    map: &LabelMap,
    predict: &dyn Fn(&str) -> Vec<(Span, Category)>,
) -> anyhow::Result<Report> {
    let preds: Vec<_> = docs.iter().map(|d| predict(&d.text)).collect();
    score_predictions(docs, map, &preds)
}

/// Scores predictions already made, one list per document.
pub(crate) fn score_predictions(
    docs: &[GoldDoc],
    map: &LabelMap,
    preds: &[Vec<(Span, Category)>],
) -> anyhow::Result<Report> {
    check_labels(docs, map)?;
    Ok(score(docs, preds, map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval")
    }

    /// `(doc id, label, covered text)` of every gold span.
    fn spans(docs: &[GoldDoc]) -> Vec<(&str, &str, &str)> {
        docs.iter()
            .flat_map(|d| {
                d.spans
                    .iter()
                    .map(move |s| (d.id.as_str(), s.label.as_str(), s.span.of(&d.text)))
            })
            .collect()
    }

    #[test]
    fn loads_every_fixture_format_by_inference() {
        let dir = fixtures();
        let jsonl = load_gold(&dir.join("tiny.jsonl"), None).unwrap();
        assert_eq!(jsonl.len(), 3);
        assert_eq!(spans(&jsonl)[1], ("j1", "PERSON", "Émile Durand"));
        assert_eq!(spans(&jsonl)[5], ("j3", "LOCATION", "Boston"));

        let i2b2 = load_gold(&dir.join("i2b2"), None).unwrap();
        assert_eq!(spans(&i2b2).len(), 6);
        assert_eq!(spans(&i2b2)[3], ("note-101", "HOSPITAL", "Mercy General"));
        assert_eq!(spans(&i2b2)[5], ("note-102", "CITY", "Zürich"));
        let one = load_gold(&dir.join("i2b2/note-102.xml"), None).unwrap();
        assert_eq!(one.len(), 1);

        let brat = load_gold(&dir.join("brat"), None).unwrap();
        let got: Vec<_> = spans(&brat).into_iter().map(|(_, l, t)| (l, t)).collect();
        assert_eq!(
            got,
            [
                ("Patient", "María José Ñúñez"),
                ("Nickname", "Pepa"),
                ("Street", "14 Rue"),
                ("Street", "Noë"),
                ("City", "Paris")
            ]
        );
    }

    #[test]
    fn fixture_label_map_makes_every_fixture_label_known() {
        let dir = fixtures();
        let map = load_label_map(Some(&dir.join("labels.toml")), false).unwrap();
        for rel in ["tiny.jsonl", "i2b2", "brat"] {
            let gold = load_gold(&dir.join(rel), None).unwrap();
            check_labels(&gold, &map).unwrap();
        }
        let builtin = load_label_map(None, false).unwrap();
        let brat = load_gold(&dir.join("brat"), Some(GoldFormat::Brat)).unwrap();
        let err = check_labels(&brat, &builtin).unwrap_err().to_string();
        assert!(err.contains("Nickname (1 spans)"), "{err}");
        assert_eq!(map.resolve("Nickname"), Some(Category::Patient));
        assert!(check_labels(&brat, &load_label_map(None, true).unwrap()).is_ok());
    }

    #[test]
    fn run_scores_a_perfect_predictor_perfectly() {
        let dir = fixtures();
        let gold = load_gold(&dir.join("tiny.jsonl"), None).unwrap();
        let map = load_label_map(None, false).unwrap();
        let by_text: std::collections::HashMap<&str, Vec<(Span, Category)>> = gold
            .iter()
            .map(|d| {
                let spans = d
                    .spans
                    .iter()
                    .filter_map(|s| Some((s.span, map.resolve(&s.label)?)));
                (d.text.as_str(), spans.collect())
            })
            .collect();
        let report = run(&gold, &map, &|text| by_text[text].clone()).unwrap();
        assert_eq!(report.entity.strict_typed.f1(), Some(1.0));
        assert_eq!(report.token.f1(), Some(1.0));
        assert!(report.misses.is_empty() && report.false_positives.is_empty());
    }
}
